package org.carepath.engine;

import java.util.List;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Engine errors that are the user's situation, not a fault, leave the engine as such, where its REST API
 * would answer 500:
 * <ul>
 *   <li>a task's input rejected by CarePath ({@link TaskInput#invalid}), which the engine wraps in a
 *       generic exception: it leaves as itself, answered 400, and the Tasklist shows it by the form;</li>
 *   <li>two people changing the same task at once (say, both claiming it): the one who lost gets 409.
 *       Only for a signed-in user: the job executor retries its own conflicts and must see them.</li>
 * </ul>
 * It sits outside the engine's transaction, where the conflict shows as the transaction is flushed.
 */
class UserErrors extends CommandInterceptor {

    private final IdentityService identity;

    UserErrors(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (OptimisticLockingException concurrent) {
            if (identity.getCurrentAuthentication() != null) {
                throw new Refusal(Status.CONFLICT, "conflict", "Conflict",
                        "Someone else changed this at the same moment. Reload it and try again.", List.of());
            }
            throw concurrent;
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
