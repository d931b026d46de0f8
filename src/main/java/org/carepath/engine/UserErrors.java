package org.carepath.engine;

import java.util.List;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.carepath.web.ConflictRetry;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Engine errors that are the user's situation, not a fault, leave the engine as such, where its REST API
 * would answer 500:
 * <ul>
 *   <li>a task's input rejected by CarePath ({@link TaskInput#invalid}), which the engine wraps in a
 *       generic exception: it leaves as itself, answered 400, and the Tasklist shows it by the form;</li>
 *   <li>two people changing the same task at once (say, both claiming it), or a person and a timer: the request
 *       that lost is tried again ({@link ConflictRetry}), which then sees what the other did (the task is claimed,
 *       done), and only if it keeps losing is it answered 409. Only for a signed-in user: the job executor retries
 *       its own conflicts and must see them.</li>
 * </ul>
 * It sits outside the engine's transaction, where the conflict shows as the transaction is flushed.
 */
class UserErrors extends CommandInterceptor {

    static final String CONCURRENT_CHANGE = "Someone else changed this at the same moment (another person, or one of the"
            + " journey's timers), and trying again did not get through: nothing you sent was recorded. Reload it, and do it"
            + " again if it is still to be done.";

    private final IdentityService identity;

    UserErrors(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (OptimisticLockingException concurrent) {
            // Inside a service's transaction (CarePath's own API) the conflict leaves as itself: the transaction is rolled
            // back on its way out, and the API's problem details answer it (after ConflictRetry tried again).
            if (identity.getCurrentAuthentication() != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
                // the command's own transaction is rolled back whole: the request may be tried again before this is the answer
                ConflictRetry.mayRetry();
                throw new Refusal(Status.CONFLICT, "conflict", "Conflict", CONCURRENT_CHANGE, List.of());
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
