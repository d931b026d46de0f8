package org.carepath.engine;

import java.sql.SQLException;
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
        } catch (ProcessEngineException e) {
            if (!(e instanceof OptimisticLockingException) && !lostToAnotherTransaction(e)) {
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof FormFieldValidationException invalid) {
                        throw invalid;
                    }
                }
                throw e;
            }
            var concurrent = e instanceof OptimisticLockingException conflict ? conflict
                    : new OptimisticLockingException("Lost to another transaction: " + e.getMessage(), e);
            // Inside a service's transaction (CarePath's own API) the conflict leaves as such: the transaction is rolled
            // back on its way out, and the API's problem details answer it (after ConflictRetry tried again). The job
            // executor tries its own again, as after any optimistic-locking conflict.
            if (identity.getCurrentAuthentication() != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
                // the command's own transaction is rolled back whole: the request may be tried again before this is the answer
                ConflictRetry.mayRetry();
                throw new Refusal(Status.CONFLICT, "conflict", "Conflict", CONCURRENT_CHANGE, List.of());
            }
            throw concurrent;
        }
    }

    /**
     * PostgreSQL broke a deadlock between this command and another transaction by aborting this one, or refused it
     * as not serialisable: like an optimistic-locking conflict, nothing of it was kept and it may be tried again.
     */
    static boolean lostToAnotherTransaction(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
