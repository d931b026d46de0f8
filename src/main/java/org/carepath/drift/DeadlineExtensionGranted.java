package org.carepath.drift;

import java.time.LocalDate;

/**
 * A fact that extends the open deadline of a process's stage, such as a court extending the 26 weeks of
 * care proceedings: the module that owns the fact publishes it, and the deadline, its timers and its
 * tasks' due dates move in the same transaction (see {@link Deadlines#extend}).
 */
public interface DeadlineExtensionGranted {

    String processInstanceId();

    String timescaleKey();

    /** In the timescale's unit. */
    int amount();

    String reason();

    LocalDate grantedOn();

    String recordedBy();
}
