/**
 * Adoption: prospective adopters as records (the household, the approval behind them and what it covers, their
 * agency, their status over time), the children a household is linked with, refused when the approval does not
 * cover them, and the adoption scorecard's measures (A1, A2, A10) computed from recorded dates.
 *
 * <p>{@code adoption-matching.bpmn} ({@link org.carepath.adoption.AdoptionMatching} starts it once a plan for
 * adoption is ratified and a placement order made): family finding, the register referral within 3 months of the
 * decision that the child should be placed, the matching assessment, the matching panel and the agency decision
 * maker's match decision (the panel module's journey, called with the matching panel), family finding again when
 * the match is not agreed; introductions with the transition plan and the life-story book before the move; the
 * move-in (an adoptive placement on the period in care); the adoption order, possible after 10 weeks, which makes
 * the child adopted and ends the period in care; the later-life letter; and a placement that ends before the order
 * (a disruption) going to a disruption meeting for the service manager and family finding again.
 *
 * <p>Early permanence placements (fostering for adoption, concurrent planning) with the eventual adopters stop
 * the A10 clock.
 *
 * <p>Not yet here: adoption visits and reviews (the looked-after journey's visits and reviews go on meanwhile),
 * long-term fostering matches, a change of plan away from adoption, and the authority's scorecard.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Adoption")
package org.carepath.adoption;
