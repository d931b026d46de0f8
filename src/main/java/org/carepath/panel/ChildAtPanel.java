package org.carepath.panel;

import java.time.LocalDate;

/**
 * Where a child stands with a panel, for the manager's tracker: the sitting still to come they are booked onto
 * (if any), their papers for it, and how often their case has been deferred.
 *
 * @param panelType    e.g. {@code PERMANENCE}; {@code null} when the child is booked onto no sitting still to come
 * @param sittingDate  the day of that sitting
 * @param papersDueBy  its papers deadline
 * @param papersIn     whether the social worker's papers for it are in
 * @param deferrals    the times the child's case was deferred to a later sitting
 */
public record ChildAtPanel(String panelType, LocalDate sittingDate, LocalDate papersDueBy, boolean papersIn, long deferrals) {

    public boolean booked() {
        return sittingDate != null;
    }

    /** The papers deadline has passed without them. */
    public boolean papersLate(LocalDate today) {
        return booked() && !papersIn && papersDueBy.isBefore(today);
    }
}
