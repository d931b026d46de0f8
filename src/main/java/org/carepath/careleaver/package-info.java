/**
 * Care leavers: a young person's eligibility for leaving-care support, computed from their periods in care (13
 * weeks looked after since the age of 14, still looked after at 16), their status as the law names it as they age
 * and leave care (eligible, relevant, former relevant), and the leaving-care journey
 * ({@code processes/care-leaver-pathway.bpmn}) from the 16th birthday to 25: the needs assessment and pathway plan,
 * the personal adviser, reviews at least every 6 months and on request, staying put and staying close, keeping in
 * touch, and closure at 25 or earlier when a young person over 21 declines support (with the right to come back).
 * Each action of the plan has its own clock ({@code processes/pathway-plan-action.bpmn}); the authority's figures by
 * age band are counted from the recorded dates ({@link org.carepath.careleaver.CareLeaverFigures}).
 *
 * <p>Listens for {@link org.carepath.lookedafter.ChildBecameLookedAfter} (the journey waits for the 16th birthday
 * from there) and {@link org.carepath.lookedafter.ChildLeftCare} (keeping in touch starts when care ends).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care leavers")
package org.carepath.careleaver;
