package org.carepath.drift;

/** How a deadline or alert ended: the work was done, or the work was withdrawn (process cancelled). */
public enum Resolution {
    COMPLETED, CANCELLED
}
