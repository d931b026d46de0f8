package org.carepath.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;

/** A transaction PostgreSQL aborted to break a deadlock is a conflict to try again, not CarePath failing. */
class UserErrorsTest {

    private final UserErrors errors = new UserErrors(new IdentityServiceImpl());

    @Test
    void aDeadlockOrASerialisationFailureIsAConflictToTryAgain() {
        for (var state : new String[] {"40P01", "40001"}) {
            errors.setNext(throwing(new ProcessEngineException("flush failed", new RuntimeException(new SQLException("aborted", state)))));
            assertThatThrownBy(() -> errors.execute(context -> null)).as(state).isInstanceOf(OptimisticLockingException.class);
        }
    }

    @Test
    void anyOtherDatabaseFailureStaysAFailure() {
        errors.setNext(throwing(new ProcessEngineException("flush failed", new SQLException("relation does not exist", "42P01"))));
        assertThatThrownBy(() -> errors.execute(context -> null)).isNotInstanceOf(OptimisticLockingException.class)
                .hasMessage("flush failed");
        assertThat(UserErrors.lostToAnotherTransaction(new ProcessEngineException("no cause"))).isFalse();
    }

    private static CommandInterceptor throwing(RuntimeException e) {
        return new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                throw e;
            }
        };
    }
}
