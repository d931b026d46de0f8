package org.carepath.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A size limit on every request body, per route ({@code carepath.web.body-limits}, the first route
 * that matches), answered 413 before the body is read: at once when Content-Length is too big; for a
 * body of unknown length (chunked), once more bytes than the limit have arrived, holding no more than
 * the limit in memory; a multipart body to {@code /api} must declare its length (411 otherwise: Tomcat reads the
 * parts from its own stream, so it cannot be read here first). Before everything else, the sign-in throttle and the task input guard included.
 */
@Configuration(proxyBeanMethods = false)
class BodyLimits {

    private static final Logger log = LoggerFactory.getLogger(BodyLimits.class);

    /** @param bodyLimits the limit of each route, e.g. {@code /api/**}: 256KB; a route none matches gets {@code 1MB} */
    @ConfigurationProperties("carepath.web")
    record Settings(List<Route> bodyLimits) {
        Settings {
            bodyLimits = bodyLimits == null ? List.of() : List.copyOf(bodyLimits);
        }
    }

    record Route(String path, DataSize max) {
    }

    static final DataSize OTHERWISE = DataSize.ofMegabytes(1);

    @Bean
    FilterRegistrationBean<Filter> bodyLimitFilter(Settings settings) {
        var registration = new FilterRegistrationBean<>(new Filter(settings));
        registration.setName("CarePath body limits");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    static class Filter extends OncePerRequestFilter {

        private final AntPathMatcher paths = new AntPathMatcher();
        private final Settings settings;

        Filter(Settings settings) {
            this.settings = settings;
        }

        long limit(String path) {
            return settings.bodyLimits().stream().filter(route -> paths.match(route.path(), path)).findFirst()
                    .map(route -> route.max().toBytes()).orElse(OTHERWISE.toBytes());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var path = request.getRequestURI().substring(request.getContextPath().length());
            long limit = limit(path);
            long declared = request.getContentLengthLong();
            if (declared > limit) {
                tooLarge(request, response, path, limit, declared + " bytes declared");
                return;
            }
            if (declared < 0 && chunked(request) && isMultipart(request) && path.startsWith("/api/")) {
                // Tomcat parses the parts from its own stream, which a body read here would have emptied: such a body must
                // say its length (browsers and curl -F do), so that the limit above holds before any of it is read
                log.warn("Refused a multipart body of unknown length to {} {}", request.getMethod(), path);
                response.setHeader("Connection", "close");
                ProblemWriter.write(request, response, HttpStatus.LENGTH_REQUIRED, "Length required",
                        "A multipart body must be sent with its Content-Length (at most " + limit + " bytes here)");
                return;
            }
            if (declared < 0 && chunked(request) && !isForm(request)) {
                var body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (body.length > limit) {
                    tooLarge(request, response, path, limit, "more than " + limit + " bytes sent");
                    return;
                }
                chain.doFilter(new ReadBody(request, body), response);
                return;
            }
            chain.doFilter(request, response);
        }

        private static boolean chunked(HttpServletRequest request) {
            var encoding = request.getHeader("Transfer-Encoding");
            return encoding != null && encoding.toLowerCase().contains("chunked");
        }

        /** Form bodies are read by Tomcat itself, which bounds them (server.tomcat.max-http-form-post-size). */
        private static boolean isForm(HttpServletRequest request) {
            var type = request.getContentType();
            return type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        }

        private static boolean isMultipart(HttpServletRequest request) {
            var type = request.getContentType();
            return type != null && type.toLowerCase().startsWith("multipart/");
        }

        private static void tooLarge(HttpServletRequest request, HttpServletResponse response, String path, long limit, String what)
                throws IOException {
            log.warn("Refused a request body to {} {}: {}, the limit is {} bytes", request.getMethod(), path, what, limit);
            // the rest of the body is not worth reading: close the connection
            response.setHeader("Connection", "close");
            ProblemWriter.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                    "The body may be at most " + limit + " bytes here");
        }
    }

    /** A body already read (within the limit), read again by whoever comes next. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            var encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
