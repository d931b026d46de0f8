package org.carepath.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a task listener throws in a generic exception, which its REST API answers
 * with 500. A task's input rejected by CarePath ({@link TaskInput#invalid}) is the user's mistake, so it
 * leaves the engine as itself: the REST API answers 400 and the Tasklist shows the message by the form.
 */
class TaskInputErrors extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (ProcessEngineException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof FormFieldValidationException invalid) {
                    throw invalid;
                }
            }
            throw e;
        }
    }
}
