/**
 * Statutory time: the working-day calendar for England and Wales and the catalogue of statutory
 * timescales. BPMN timers and task due dates ask {@link org.carepath.timescale.Timescales} (bean
 * {@code timescales}) when something is due, from the recorded date of the event that started the clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Timescales and working-day calendar")
package org.carepath.timescale;
