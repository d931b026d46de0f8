/**
 * Adoption: prospective adopters as records (the household, the approval behind them and what it covers, their
 * agency, their status over time), the children a household is linked with, refused when the approval does not
 * cover them, and the adoption scorecard's measures (A1, A2, A10) computed from recorded dates.
 *
 * <p>The first part of {@code adoption-matching.bpmn} ({@link org.carepath.adoption.AdoptionMatching} starts it
 * once a plan for adoption is ratified and a placement order made): family finding, the register referral within
 * 3 months of the decision that the child should be placed, the matching assessment, the matching panel and the
 * agency decision maker's match decision (the panel module's journey, called with the matching panel), and family
 * finding again when the match is not agreed.
 *
 * <p>Not yet here: introductions, placement, visits and reviews, the adoption order, disruption, life-story book
 * and later-life letter, early permanence, long-term fostering matches and a change of plan away from adoption.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Adoption")
package org.carepath.adoption;
