package org.carepath.timescale;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

@Configuration(proxyBeanMethods = false)
class TimescaleConfiguration {

    static final String CATALOGUE = "carepath/timescales.yml";
    static final String BANK_HOLIDAYS = "carepath/bank-holidays-england-and-wales.csv";

    @Bean
    Timescales timescales(CalendarProperties calendar, TimescaleOverrides overrides) throws IOException {
        var holidays = calendar.bankHolidays() != null ? calendar.bankHolidays() : new ClassPathResource(BANK_HOLIDAYS);
        WorkingDayCalendar workingDays;
        try (var in = holidays.getInputStream()) {
            workingDays = WorkingDayCalendar.read(in, holidays.getDescription());
        }
        TimescaleCatalogue catalogue;
        try (var in = new ClassPathResource(CATALOGUE).getInputStream()) {
            catalogue = TimescaleCatalogue.read(in, overrides.timescales());
        }
        return new Timescales(catalogue, workingDays, calendar.zone(), calendar.remindersAt());
    }
}
