/**
 * Drift and delay, for every journey. A tracked stage of work (marked in its model with a timescale,
 * see {@link org.carepath.drift.TrackedStages}) opens a statutory deadline when it starts and closes it
 * when it ends. While it is open, the deadline's clock ({@code processes/statutory-deadline.bpmn})
 * reminds the allocated worker at the warning point and at the deadline calls the shared escalation
 * ladder ({@code processes/drift-escalation.bpmn}), which
 * raises a drift alert, gives the team manager an escalation task and, if the work is still not done
 * after {@code DRIFT_ESCALATION} working days, the service manager. When the late work is done the
 * alert resolves itself and keeps how many working days late it was.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Drift alerts and escalation")
package org.carepath.drift;
