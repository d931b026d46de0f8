/**
 * Children looked after: each period in care ({@code processes/looked-after-child.bpmn}) with its
 * placements, care plan, looked-after reviews chaired by the child's IRO, permanence planning meetings,
 * statutory visits, the permanence plan ratified by the second review, life-story work, and the IRO's
 * dispute resolution ({@code processes/iro-dispute-resolution.bpmn}).
 *
 * <p>Listens for {@link org.carepath.child.LegalStatusChanged}: a status that makes the child looked after
 * opens a period in care, one that ends it closes the period, in the same transaction, so the child's
 * legal status and their periods in care never disagree.
 *
 * <p>Publishes {@link org.carepath.lookedafter.ChildBecameLookedAfter}, {@link org.carepath.lookedafter.ChildLeftCare},
 * {@link org.carepath.lookedafter.PermanencePlanRatified} (adoption matching starts from a plan for adoption) and
 * {@link org.carepath.lookedafter.DischargeOfCareOrderAsked} (the revocation pathway of care proceedings starts).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Children looked after")
package org.carepath.lookedafter;
