package org.carepath.panel;

/** BOOKED takes a place on the agenda; DEFERRED was moved to a later sitting (counted per child). */
enum BookingStatus {
    BOOKED, DEFERRED
}
