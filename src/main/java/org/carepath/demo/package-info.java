/**
 * Demo data for local use ({@code --carepath.demo.seed=small|council|none}): a caseload seeded through the real API
 * ({@code /api/...} as the demo users) and the journeys' own tasks, never written into the tables, so every clock,
 * timer and drift alert on the tracker is the engine's own. Refused outside the {@code local} profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.carepath.demo;
