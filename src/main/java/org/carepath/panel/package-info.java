/**
 * The permanence panel and its administration (the foundation): panel types with their quorum rules, the
 * central list of people who may sit, sittings with the members invited and their attendance, and the
 * children booked onto each sitting (the agenda), with capacity enforced under a lock on the sitting,
 * papers deadlines in working days from the catalogue ({@code PANEL_PAPERS}), and deferrals counted per child.
 *
 * <p>Not yet here: the {@code permanence-panel.bpmn} journey, papers and uploads, the administrator's pages,
 * the recommendation and the agency decision.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Permanence panel")
package org.carepath.panel;
