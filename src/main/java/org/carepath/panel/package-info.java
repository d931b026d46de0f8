/**
 * The permanence panel and its administration: panel types with their quorum rules, the
 * central list of people who may sit, sittings with the members invited and their attendance, and the
 * children booked onto each sitting (the agenda), with capacity enforced under a lock on the sitting,
 * papers deadlines in working days from the catalogue ({@code PANEL_PAPERS}), and deferrals counted per child.
 *
 * <p>The {@code permanence-panel.bpmn} journey ({@link org.carepath.panel.PermanencePanels}): the request for
 * panel, booking onto a sitting, the social worker's permanence report by the papers deadline, the papers
 * circulated once the quorum is expected, the panel's recommendation and actions once a quorate panel has sat,
 * and the agency decision; a case deferred or a sitting moved takes the journey to the new sitting. Publishes
 * {@link org.carepath.panel.AgencyDecisionMade} (the looked-after module ratifies the plan and tracks the
 * actions); adds the panel's part to the child's record.
 *
 * <p>The panel administrator's pages ({@link org.carepath.panel.PanelPages}, {@code /panel}): the same service
 * through server-rendered GOV.UK Design System pages, for every panel type.
 *
 * <p>Papers for panel ({@link org.carepath.panel.PanelDocuments}): supporting documents of a booking, PDF or Word
 * told by content, size-limited, with their SHA-256 checksum, read by the child's team, the administrators and the
 * members invited to the sitting while it is open ({@link org.carepath.panel.PanelMembersScope}: a member of the
 * central list linked to a CarePath user).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Permanence panel")
package org.carepath.panel;
