/**
 * Care proceedings under the Public Law Outline ({@code processes/care-proceedings.bpmn}): the legal
 * planning meeting, pre-proceedings, and proceedings on the 26-week clock from the day of issue, with
 * hearings, court directions (each a tracked task, {@code processes/court-direction.bpmn}), extensions
 * and orders that change the child's legal status. Also the revocation pathway for children on a care
 * order living with their parents ({@code processes/revocation-of-care-order.bpmn}).
 *
 * <p>Publishes {@link org.carepath.proceedings.CourtOrderMade} and
 * {@link org.carepath.proceedings.CareOrderDischarged} (the child record takes the legal status they give),
 * {@link org.carepath.proceedings.TwentySixWeeksExtended} (the case's deadline moves) and
 * {@link org.carepath.proceedings.PlacementOrderMade} for adoption matching. Listens for
 * {@link org.carepath.referral.ReferralJourneyEnded}: a request for a legal planning meeting starts the journey;
 * and for {@link org.carepath.lookedafter.DischargeOfCareOrderAsked}: the revocation pathway starts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care proceedings")
package org.carepath.proceedings;
