/**
 * The manager view ({@code /manager}): late statutory work, care proceedings on the 26-week clock and
 * caseloads, computed live from the process state and the child record, nobody keeping it by hand; and the pages
 * under {@code /tracker}: the permanence tracker, the child's page, escalations, caseloads and the IRO's reviews.
 * What a manager sees goes through the same scope rule and audit trail as everything else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Manager view")
package org.carepath.tracker;
