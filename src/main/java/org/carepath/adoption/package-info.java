/**
 * Adoption (the foundation): prospective adopters as records (the household, the approval behind them and what
 * it covers, their agency, their status over time), the children a household is linked with, refused when the
 * approval does not cover them, and the adoption scorecard's measures (A1, A2, A10) computed from recorded dates.
 *
 * <p>Not yet here: the {@code adoption-matching.bpmn} journey (family finding, the register referral, the
 * matching panel and the agency decision, introductions, placement, reviews and the order), life-story book and
 * later-life letter, disruption, long-term fostering matches and a change of plan away from adoption.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Adoption")
package org.carepath.adoption;
