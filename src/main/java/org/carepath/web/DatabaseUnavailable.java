package org.carepath.web;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached (stopped, restarting, the network down), a request is answered 503 with
 * problem details and {@code Retry-After}, within the pool's {@code connection-timeout}, not 500: the outermost
 * filter, so it also answers for a sign-in that needed the database. Nothing was written (the transaction never
 * began or was rolled back); the person can send it again once CarePath is back, by itself.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    /** PostgreSQL's connection failures (class 08) and a server shutting down or starting (57P01-57P03). */
    private static final Set<String> SERVER_AWAY = Set.of("57P01", "57P02", "57P03");
    static final String RETRY_AFTER_SECONDS = "30";

    @Bean
    FilterRegistrationBean<Filter> databaseUnavailableFilter() {
        var registration = new FilterRegistrationBean<>(new Filter());
        registration.setName("CarePath database unavailable: 503");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Whether the failure is the database being out of reach, anywhere in its causes. */
    static boolean isCause(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_AWAY.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | RuntimeException e) {
                if (!isCause(e) || response.isCommitted()) {
                    throw e;
                }
                log.warn("{} {}: the database cannot be reached, answered 503 ({})", request.getMethod(), request.getRequestURI(), rootMessage(e));
                response.reset();
                response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
                ProblemWriter.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                        "CarePath cannot reach its database just now. Nothing was recorded: please try again in a minute.");
            }
        }

        private static String rootMessage(Throwable e) {
            var root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }
}
