package org.carepath.engine;

import java.util.Map;
import java.util.Set;

/**
 * What a signed-in user asks the engine to do to a task or a journey, read off the engine's own command,
 * so that every way in (the engine's REST API under any spelling, the Tasklist's API, Cockpit, Java)
 * is seen the same way: ids as the engine resolves them, never as a URL spelt them.
 *
 * @param userId   who asks
 * @param kind     what is asked
 * @param taskId   the task, for task commands
 * @param executionId the execution or process instance, for journey variable reads
 * @param written  the variables written, by name (values as given)
 * @param removed  the names of variables removed
 * @param assignee the user a claim, assignment or delegation gives the task to
 */
public record UserCommand(String userId, Kind kind, String taskId, String executionId, Map<String, Object> written,
                          Set<String> removed, String assignee) {

    /** Whether the command gives the task to someone: a claim, an assignment or a delegation. */
    public boolean givesTheTask() {
        return kind == Kind.CLAIM_TASK || kind == Kind.ASSIGN_TASK;
    }

    /** Whether the command changes a task: the engine writes or deletes its row. */
    public boolean changesTheTask() {
        return taskId != null && (kind == Kind.WRITE_TASK || givesTheTask() || kind == Kind.DELETE_TASK);
    }

    public enum Kind {
        /** Completes the task or writes its variables. */
        WRITE_TASK,
        /** Claims the task for a user (or, with no user, gives it back). */
        CLAIM_TASK,
        /** Gives the task to a user: assignment, delegation. */
        ASSIGN_TASK,
        /** Deletes the task. */
        DELETE_TASK,
        /** Reads the task's variables or its form's variables. */
        READ_TASK_VARIABLES,
        /** Moves a journey on by hand: triggers one of its messages, or modifies where it stands. */
        CHANGE_JOURNEY,
        /** Reads a journey's variables (an execution's). */
        READ_JOURNEY_VARIABLES,
        /** Queries variables across journeys (Cockpit, {@code /variable-instance}, {@code /history/detail}). */
        READ_VARIABLES_IN_BULK
    }
}
