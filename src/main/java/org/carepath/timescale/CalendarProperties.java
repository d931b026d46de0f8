package org.carepath.timescale;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * @param zone          the zone in which dates are read (a referral received at 23:30 on the 2nd is the 2nd)
 * @param bankHolidays  the bank-holiday list; replace it when the government adds or moves one
 * @param remindersAt   time of day at which reminders fall due on their warning day
 */
@ConfigurationProperties("carepath.calendar")
record CalendarProperties(ZoneId zone, Resource bankHolidays, LocalTime remindersAt) {

    CalendarProperties {
        if (zone == null) {
            zone = ZoneId.of("Europe/London");
        }
        if (remindersAt == null) {
            remindersAt = LocalTime.of(9, 0);
        }
    }
}
