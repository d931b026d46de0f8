package org.carepath.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached (stopped, restarting, the network down), a request is answered 503 with
 * problem details and {@code Retry-After}, within the pool's {@code connection-timeout}, not 500: the outermost
 * filter, so it also answers for a sign-in that needed the database. Nothing was written (the transaction never
 * began or was rolled back); the person can send it again once CarePath is back, by itself.
 * <p>
 * Camunda's REST API and the Tasklist's ({@code /engine-rest}, {@code /camunda/api/engine}) answer the failure
 * themselves, as a 500 with the exception's name, before this filter could see it. So every data source tells the
 * request that a connection could not be had, and a 500 answered after that is held back and replaced by the 503.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    /** PostgreSQL's connection failures (class 08) and a server shutting down or starting (57P01-57P03). */
    private static final Set<String> SERVER_AWAY = Set.of("57P01", "57P02", "57P03");
    static final String RETRY_AFTER_SECONDS = "30";

    /** Set on the request's thread when a connection could not be had: the database is out of reach. */
    private static final ThreadLocal<Boolean> MET = new ThreadLocal<>();

    @Bean
    static BeanPostProcessor reportingDataSources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !(bean instanceof Reporting) ? new Reporting(dataSource) : bean;
            }
        };
    }

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

    /** A data source that marks the request when the pool could not give it a connection. */
    static final class Reporting extends DelegatingDataSource {

        Reporting(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            try {
                return super.getConnection();
            } catch (SQLException | RuntimeException e) {
                noted(e);
                throw e;
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            try {
                return super.getConnection(username, password);
            } catch (SQLException | RuntimeException e) {
                noted(e);
                throw e;
            }
        }

        /**
         * The pool itself to whoever asks for a plain data source: Spring Boot's {@code DataSourceBuilder.derivedFrom}
         * reads its settings through it, to give Flyway the schema owner's own connections (a council's roles).
         */
        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return iface == DataSource.class ? iface.cast(obtainTargetDataSource()) : super.unwrap(iface);
        }

        private static void noted(Exception e) {
            if (isCause(e)) {
                MET.set(Boolean.TRUE);
            }
        }
    }

    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var held = new HoldingInternalErrors(response);
            MET.remove();
            try {
                chain.doFilter(request, held);
            } catch (ServletException | RuntimeException e) {
                if (!isCause(e) || response.isCommitted()) {
                    throw e;
                }
                unavailable(request, response, rootMessage(e));
                return;
            } finally {
                held.passThrough();
            }
            try {
                if (held.holding() && Boolean.TRUE.equals(MET.get()) && !request.isAsyncStarted()) {
                    unavailable(request, response, "answered 500 after a connection could not be had");
                } else {
                    held.release();
                }
            } finally {
                MET.remove();
            }
        }

        private static void unavailable(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
            log.warn("{} {}: the database cannot be reached, answered 503 ({})", request.getMethod(), request.getRequestURI(), why);
            response.reset();
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            ProblemWriter.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "CarePath cannot reach its database just now. Nothing was recorded: please try again in a minute.");
        }

        private static String rootMessage(Throwable e) {
            var root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }

    /**
     * Holds back a 500 answer (its status and body, nothing sent yet) until the filter knows whether the database was
     * out of reach; any other answer goes straight through. After the filter chain returns, everything goes straight
     * through (an asynchronous answer written later).
     */
    static final class HoldingInternalErrors extends HttpServletResponseWrapper {

        private ByteArrayOutputStream body;
        private PrintWriter writer;
        private String errorMessage;
        private boolean sentError;
        private boolean bodyStarted;
        private boolean passThrough;

        HoldingInternalErrors(HttpServletResponse response) {
            super(response);
        }

        boolean holding() {
            return body != null;
        }

        void passThrough() {
            passThrough = true;
        }

        @Override
        public void setStatus(int status) {
            if (!hold(status, false, null)) {
                super.setStatus(status);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            if (!hold(status, true, null)) {
                super.sendError(status);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (!hold(status, true, message)) {
                super.sendError(status, message);
            }
        }

        private boolean hold(int status, boolean error, String message) {
            if (status != HttpServletResponse.SC_INTERNAL_SERVER_ERROR || passThrough || bodyStarted || isCommitted()) {
                body = null;
                return false;
            }
            body = new ByteArrayOutputStream();
            writer = null;
            sentError = error;
            errorMessage = message;
            return true;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                bodyStarted = true;
                return super.getOutputStream();
            }
            var target = body;
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    target.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    target.write(bytes, offset, length);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("A held answer is written at once");
                }
            };
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (body == null) {
                bodyStarted = true;
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(body, Charset.forName(getCharacterEncoding())));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (body == null) {
                super.flushBuffer();
            } else if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void resetBuffer() {
            if (body != null) {
                body.reset();
            }
            super.resetBuffer();
        }

        @Override
        public void reset() {
            body = null;
            writer = null;
            super.reset();
        }

        /** Sends what was held, as it was. */
        void release() throws IOException {
            if (body == null) {
                return;
            }
            if (writer != null) {
                writer.flush();
            }
            var held = body.toByteArray();
            body = null;
            if (sentError) {
                if (errorMessage == null) {
                    super.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                } else {
                    super.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, errorMessage);
                }
                return;
            }
            super.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            super.getOutputStream().write(held);
        }
    }
}
