/**
 * Module events: facts a module publishes ({@code ReferralJourneyEnded}, {@code CourtOrderMade}) are kept
 * in the database by Spring Modulith's event publication registry until every
 * {@code @ApplicationModuleListener} has handled them; those a listener failed are handed over again
 * here, on a schedule, until the listener succeeds.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Module events")
package org.carepath.events;
