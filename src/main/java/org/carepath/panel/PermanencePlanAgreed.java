package org.carepath.panel;

import java.time.LocalDate;

/**
 * The agency decision maker accepted the panel's recommendation of a permanence plan: the plan is the
 * child's from the day of the decision. {@code planType} is the name of a looked-after permanence plan type
 * (the panel does not depend on the looked-after module; the looked-after module ratifies the plan).
 *
 * @param childReference    the child
 * @param planType          e.g. {@code LONG_TERM_FOSTERING}
 * @param contingency       the contingency plan the panel recommended with it
 * @param decidedOn         the day of the agency decision
 * @param decisionReference what identifies the decision (the panel sitting and booking)
 */
public record PermanencePlanAgreed(String childReference, String planType, String contingency, LocalDate decidedOn,
                                   String decisionReference) {
}
