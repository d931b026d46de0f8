package org.carepath.engine;

/**
 * A rule on what signed-in users ask of the engine. {@link #before} runs inside the command, before the
 * engine acts, and refuses by throwing {@link Refusal} (or lets the command run as the application, by
 * turning off the command context's authorization checks, which are restored after it); {@link #after} runs once the command has
 * succeeded, in its transaction. Only the user's own command is seen, not the engine's work it sets off.
 */
public interface UserCommandCheck {

    default void before(UserCommand command) {
    }

    /** @param result what the engine answered: for a query, the rows it found */
    default void after(UserCommand command, Object result) {
    }
}
