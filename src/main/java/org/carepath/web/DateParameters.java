package org.carepath.web;

import java.time.LocalDate;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Dates in paths and queries ({@code ?trigger=2026-04-02}) are ISO dates within {@link DateRange}; any
 * other is a 400 naming the parameter. Registered after Spring's own date formatters, so it is the one used.
 */
@Configuration(proxyBeanMethods = false)
class DateParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, LocalDate.class, text -> {
            var date = LocalDate.parse(text.trim());
            if (!DateRange.contains(date)) {
                throw new IllegalArgumentException(DateRange.MESSAGE);
            }
            return date;
        });
    }
}
