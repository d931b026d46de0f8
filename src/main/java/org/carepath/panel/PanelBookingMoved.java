package org.carepath.panel;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case moved: deferred to a later sitting, or its sitting rescheduled. The child's journey follows it to the
 * new booking (the same booking when the sitting moved), and its tasks are due again from the new dates.
 */
record PanelBookingMoved(String childReference, long fromBooking, long toBooking, long toSitting, Instant startsAt,
                         LocalDate papersDeadline, boolean papersReceived, String notice) {
}
