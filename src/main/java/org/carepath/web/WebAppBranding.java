package org.carepath.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The council's name and logo ({@code carepath.council.name}, {@code carepath.council.logo}) in the Tasklist, Cockpit
 * and Admin, through their supported configuration: each app's {@code scripts/config.js} ({@code app.vendor}, which the
 * header and the title show), the sign-in page's name and the header's logo ({@code carepath-council.css}, imported by
 * each app's {@code user-styles.css}) and the browser's title ({@code carepath-title.js}). CarePath's own files are
 * served with the name put in; with the default name they are served as they are.
 */
@Configuration(proxyBeanMethods = false)
class WebAppBranding {

    static final String DEFAULT_NAME = "CarePath";
    static final String COUNCIL_CSS = "/camunda/app/carepath-council.css";
    /** A path of this app: one slash first (two would be another host's address). */
    static final Pattern LOGO = Pattern.compile("/[A-Za-z0-9._-][A-Za-z0-9/._-]{0,199}");

    private static final Map<String, String> NAMED = Map.of(
            "/camunda/app/tasklist/scripts/config.js", "vendor: 'CarePath'",
            "/camunda/app/cockpit/scripts/config.js", "vendor: 'CarePath'",
            "/camunda/app/admin/scripts/config.js", "vendor: 'CarePath'",
            "/camunda/app/carepath-title.js", "const COUNCIL = 'CarePath';");

    @Bean
    FilterRegistrationBean<Filter> webAppBrandingFilter(Council council) {
        var registration = new FilterRegistrationBean<>(new Filter(council.name(), council.logo()));
        registration.setName("CarePath web apps' council name and logo");
        registration.addUrlPatterns(COUNCIL_CSS);
        NAMED.keySet().forEach(registration::addUrlPatterns);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final String name;
        private final String logo;
        private final Map<String, String> served = new ConcurrentHashMap<>();

        Filter(String name, String logo) {
            this.name = name == null || name.isBlank() ? DEFAULT_NAME : name.strip();
            this.logo = logo == null || logo.isBlank() ? null : logo.strip();
            if (this.logo != null && !LOGO.matcher(this.logo).matches()) {
                throw new IllegalStateException("carepath.council.logo (" + this.logo + ") must be a path the app serves, such as"
                        + " /carepath/assets/logo.svg: letters, digits and / . _ - only");
            }
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var path = request.getRequestURI().substring(request.getContextPath().length());
            if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            String body;
            String type;
            if (COUNCIL_CSS.equals(path)) {
                body = served.computeIfAbsent(path, p -> councilCss());
                type = "text/css";
            } else if (NAMED.containsKey(path) && !DEFAULT_NAME.equals(name)) {
                body = served.computeIfAbsent(path, this::named);
                type = "text/javascript";
            } else {
                chain.doFilter(request, response);
                return;
            }
            response.setContentType(type + ";charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache");
            response.setHeader("X-Content-Type-Options", "nosniff");
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            if ("GET".equals(request.getMethod())) {
                response.getOutputStream().write(bytes);
            }
        }

        /** CarePath's file with the council's name in place of its own, as a JavaScript string. */
        private String named(String path) {
            var original = read("META-INF/resources/webjars" + path);
            var placeholder = NAMED.get(path);
            if (!original.contains(placeholder)) {
                throw new IllegalStateException(path + " no longer holds " + placeholder + ": the council's name cannot be put in");
            }
            return original.replace(placeholder, placeholder.replace("'CarePath'", "'" + javaScript(name) + "'"));
        }

        private String councilCss() {
            var css = new StringBuilder("/* The council's name and logo (carepath.council.name, carepath.council.logo). */\n");
            css.append(".login-header .app-name::before { content: \"").append(cssString(name)).append(" \"; }\n");
            if (logo != null) {
                css.append(".navbar-brand { background: url(\"").append(logo).append("\") no-repeat left center; background-size: auto 28px;"
                        + " padding-left: 40px !important; }\n");
                css.append(".login-header .login-logo { display: block; background: url(\"").append(logo)
                        .append("\") no-repeat center; background-size: contain; height: 64px; }\n");
                css.append(".login-header .login-logo svg, .login-header .login-logo img { visibility: hidden; }\n");
            }
            return css.toString();
        }

        private static String read(String resource) {
            try (var in = new ClassPathResource(resource).getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Every character but letters, digits and spaces as a \\u escape: nothing in the name can end the string. */
        static String javaScript(String text) {
            var out = new StringBuilder();
            text.chars().forEach(c -> out.append(Character.isLetterOrDigit(c) && c < 128 || c == ' ' ? String.valueOf((char) c)
                    : "\\u%04x".formatted(c)));
            return out.toString();
        }

        /** Every character but letters, digits and spaces as a CSS hex escape. */
        static String cssString(String text) {
            var out = new StringBuilder();
            text.chars().forEach(c -> out.append(Character.isLetterOrDigit(c) && c < 128 || c == ' ' ? String.valueOf((char) c)
                    : "\\%06x".formatted(c)));
            return out.toString();
        }
    }
}
