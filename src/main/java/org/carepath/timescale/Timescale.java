package org.carepath.timescale;

/**
 * One statutory (or local) timescale as this council applies it.
 *
 * @param key               stable identifier used by BPMN and code, e.g. {@code ASSESSMENT}
 * @param description       what must happen, in the guidance's words
 * @param source            the statute, regulation or guidance it comes from, or "Local standard"
 * @param unit              the unit the guidance counts in
 * @param amount            how many units this council allows (never more than the ceiling)
 * @param ceiling           the statutory maximum, or {@code null} for a local standard
 * @param counting          how the period is counted from the trigger date
 * @param warningWorkingDays working days before the due date at which the allocated worker is reminded
 */
public record Timescale(
        String key,
        String description,
        String source,
        TimescaleUnit unit,
        int amount,
        Integer ceiling,
        Counting counting,
        int warningWorkingDays) {

    public boolean local() {
        return ceiling == null;
    }
}
