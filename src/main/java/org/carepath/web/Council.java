package org.carepath.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The council whose pages these are, as the header shows it: {@code carepath.council.name} and, optionally,
 * {@code carepath.council.logo} (a path served by the app, e.g. {@code /carepath/assets/logo.svg}: the pages'
 * Content-Security-Policy takes images from the app only). CarePath's name by default.
 */
@ConfigurationProperties("carepath.council")
public record Council(String name, String logo) {

    public Council {
        name = name == null || name.isBlank() ? "CarePath" : name.strip();
        logo = logo == null || logo.isBlank() ? null : logo.strip();
    }
}
