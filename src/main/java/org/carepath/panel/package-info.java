/**
 * The permanence panel and its administration (the foundation): panel types with their quorum rules, the
 * central list of people who may sit, sittings with the members invited and their attendance, and the
 * children booked onto each sitting (the agenda), with capacity enforced under a lock on the sitting,
 * papers deadlines in working days from the catalogue ({@code PANEL_PAPERS}), and deferrals counted per child.
 *
 * <p>The {@code permanence-panel.bpmn} journey ({@link org.carepath.panel.PermanencePanels}): the request for
 * panel, booking onto a sitting, the panel's recommendation and the agency decision. Publishes
 * {@link org.carepath.panel.PermanencePlanAgreed} (the looked-after module ratifies the plan).
 *
 * <p>Not yet here: the papers stage and the permanence report, quorum and deferral within the journey,
 * uploads, the administrator's pages, and a table of recommendations and decisions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Permanence panel")
package org.carepath.panel;
