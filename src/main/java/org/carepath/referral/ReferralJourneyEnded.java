package org.carepath.referral;

/**
 * A child's referral journey ended with an outcome ({@code NO_FURTHER_ACTION}, {@code EARLY_HELP},
 * {@code CHILD_IN_NEED_PLAN}, {@code CHILD_PROTECTION_PLAN}), perhaps with a team manager's or chair's
 * request for a legal planning meeting: the journeys that follow listen for this.
 */
public record ReferralJourneyEnded(String childReference, String processInstanceId, String outcome,
                                   boolean legalPlanningRequested, String legalPlanningReason, String requestedBy) {
}
