package org.carepath.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A person's request that lost a race with the engine's own work (a timer firing on the same journey, a job moving
 * it on) is tried again by CarePath before anyone is told: the engine's optimistic locking refused it whole, its
 * transaction was rolled back, so trying it again repeats nothing half-done. At most {@value #ATTEMPTS} attempts,
 * a short random back-off between them; only then is the conflict answered (409, problem details).
 * <p>
 * Whoever turns the conflict into an answer says it may be retried ({@link #mayRetry()}): CarePath's problem
 * details for {@code /api} (after the service's transaction rolled back) and the engine's answer to a signed-in user's
 * command that ran in a transaction of its own ({@code /engine-rest}, the Tasklist's {@code /camunda/api/engine}).
 * Only changes (not GET) on those paths with a body that is not a form or multipart are retried; their bodies (bounded by the
 * body limits) are kept to be read again, their answers held until the last attempt. A retry after another
 * person's change sees that change: the second of two people completing one task is told it was done already.
 * A read of a child's record on a retried attempt is on the audit trail again (it was read again).
 */
public final class ConflictRetry {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);
    static final int ATTEMPTS = 3;
    static final String RETRYABLE = ConflictRetry.class.getName() + ".retryable";
    private static final int MAX_KEPT_BODY = 2 * 1024 * 1024;
    private static final AtomicLong RETRIED = new AtomicLong();
    private static final AtomicLong GAVE_UP = new AtomicLong();

    private ConflictRetry() {
    }

    /**
     * The current request met an optimistic-locking conflict that rolled its work back whole: it may be tried again.
     * Ignored while a transaction is still open (its work is not yet undone), and outside a request.
     */
    public static void mayRetry() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(RETRYABLE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** How many attempts were made again since the start, after a conflict (for operations, and the race tests' figures). */
    public static long retried() {
        return RETRIED.get();
    }

    /** How many requests were answered 409 after their last attempt still met a conflict. */
    public static long gaveUp() {
        return GAVE_UP.get();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<Filter> conflictRetryFilter() {
            var registration = new FilterRegistrationBean<>(new Filter(Duration.ofMillis(40)));
            // Last of the filters, after Spring Security (the user is signed in for each attempt): the container's filter
            // chain, asked again, hands the request straight to the servlet (Spring MVC for /api, Jersey for /engine-rest).
            registration.setOrder(Ordered.LOWEST_PRECEDENCE);
            registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/engine/*");
            return registration;
        }
    }

    static final class Filter extends OncePerRequestFilter {

        private final Duration backOff;

        Filter(Duration backOff) {
            this.backOff = backOff;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            var method = request.getMethod();
            if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE")) {
                return true;
            }
            var type = request.getContentType();
            // forms and multipart bodies are parsed by the container from its own stream: not kept, not retried
            return type != null && (type.toLowerCase().startsWith("multipart/") || type.toLowerCase().startsWith("application/x-www-form-urlencoded"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var kept = KeptBody.of(request);
            var held = new ContentCachingResponseWrapper(response);
            try {
                for (int attempt = 1; ; attempt++) {
                    request.removeAttribute(RETRYABLE);
                    chain.doFilter(kept, held);
                    var retryable = Boolean.TRUE.equals(request.getAttribute(RETRYABLE)) && kept.complete() && !held.isCommitted();
                    if (!retryable || attempt >= ATTEMPTS) {
                        if (retryable) {
                            GAVE_UP.incrementAndGet();
                            log.info("{} {} still met a concurrent change after {} attempts: answered {}", request.getMethod(),
                                    request.getRequestURI(), attempt, held.getStatus());
                        }
                        return;
                    }
                    log.debug("{} {} met a concurrent change (attempt {}): trying again", request.getMethod(), request.getRequestURI(), attempt);
                    RETRIED.incrementAndGet();
                    held.reset();
                    kept.rewind();
                    pause(attempt);
                }
            } finally {
                request.removeAttribute(RETRYABLE);
                held.copyBodyToResponse();
            }
        }

        private void pause(int attempt) throws ServletException {
            long millis = backOff.toMillis() * attempt + ThreadLocalRandom.current().nextLong(backOff.toMillis() + 1);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException("Interrupted while waiting to try a request again", e);
            }
        }
    }

    /** The request's body, read once and handed to each attempt from the start. */
    static final class KeptBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private final InputStream rest;
        private ServletInputStream stream;

        private KeptBody(HttpServletRequest request, byte[] body, InputStream rest) {
            super(request);
            this.body = body;
            this.rest = rest;
        }

        static KeptBody of(HttpServletRequest request) throws IOException {
            var in = request.getInputStream();
            byte[] body;
            try {
                body = in.readNBytes(MAX_KEPT_BODY + 1);
            } catch (IOException unreadable) {
                // a body cut short (the client went away, bad chunking): whoever reads it is told, as without this filter
                return new KeptBody(request, null, new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw unreadable;
                    }
                });
            }
            if (body.length > MAX_KEPT_BODY) {
                return new KeptBody(request, null, new SequenceInputStream(new ByteArrayInputStream(body), in));
            }
            return new KeptBody(request, body, null);
        }

        /** The whole body is kept, so an attempt can be made again. */
        boolean complete() {
            return body != null;
        }

        void rewind() {
            stream = null;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (stream == null) {
                stream = new Stream(body != null ? new ByteArrayInputStream(body) : rest);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            var encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        private static final class Stream extends ServletInputStream {
            private final InputStream in;
            private boolean finished;

            Stream(InputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                int b = in.read();
                finished = b < 0;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                finished = n < 0;
                return n;
            }

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("kept bodies are read blocking");
            }
        }
    }
}
