package org.carepath.panel;

import java.time.LocalDate;
import java.util.List;

/**
 * The agency decision maker decided on the panel's recommendation for a child. Accepted at a permanence panel,
 * the recommended plan is the child's permanence plan from the day of the decision; accepted or not, the actions the panel set are
 * the child's to carry out. {@code planType} is the name of a looked-after permanence plan type (the panel does
 * not depend on the looked-after module, which ratifies the plan and tracks the actions).
 *
 * @param childReference    the child
 * @param panelType         the panel that heard the case: {@code PERMANENCE} for a permanence plan, {@code MATCHING} for a match
 * @param accepted          whether the recommendation was accepted
 * @param planType          the plan recommended, e.g. {@code LONG_TERM_FOSTERING}
 * @param contingency       the contingency plan the panel recommended with it
 * @param decidedOn         the day of the agency decision
 * @param decisionReference what identifies the decision (the panel sitting and booking)
 * @param actions           the actions the panel set, each with its owner and due date
 */
public record AgencyDecisionMade(String childReference, String panelType, boolean accepted, String planType, String contingency,
                                 LocalDate decidedOn, String decisionReference, List<Action> actions) {

    public record Action(String action, String owner, LocalDate dueOn) {
    }
}
