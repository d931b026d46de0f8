package org.carepath.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Refuses, on {@code /api} and {@code /engine-rest}, what would otherwise fail deep inside as a 500:
 * a NUL character in the path or a query parameter (PostgreSQL refuses {@code \u0000} in text: 400
 * naming the parameter), and a body whose Content-Type is a wildcard such as {@code *}{@code /*} (415).
 * NUL characters in JSON bodies are refused where the body is read ({@link NoNulStrings}).
 */
@Component
// before ConflictRetry's filter, the last
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class RequestChecksFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path;
        try {
            path = UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            ProblemWriter.invalid(request, response, "path", "is not valid percent-encoding");
            return;
        }
        if (path.indexOf('\0') >= 0) {
            ProblemWriter.invalid(request, response, "path", "must not contain a NUL character");
            return;
        }
        var query = request.getQueryString();
        if (query != null) {
            for (var pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name;
                String value;
                try {
                    name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                    value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    ProblemWriter.invalid(request, response, "query", "is not valid percent-encoding");
                    return;
                }
                if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                    ProblemWriter.invalid(request, response, name.replace("\0", ""), "must not contain a NUL character");
                    return;
                }
            }
        }
        var type = request.getContentType();
        if (type != null) {
            boolean wildcard;
            try {
                var media = MediaType.parseMediaType(type);
                wildcard = media.isWildcardType() || media.isWildcardSubtype();
            } catch (InvalidMediaTypeException e) {
                wildcard = true;
            }
            if (wildcard) {
                ProblemWriter.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                        "Content-Type '" + type + "' does not say what the body is: send application/json");
                return;
            }
        }
        chain.doFilter(normalised(request), response);
    }

    /**
     * {@code /api/children/C%2D000222} is {@code /api/children/C-000222} (RFC 3986, 6.2.2.2: percent-encoded
     * unreserved characters are the characters themselves): whatever reads the path as text, such as
     * the audit's subject, sees the one spelling.
     */
    static HttpServletRequest normalised(HttpServletRequest request) {
        var uri = request.getRequestURI();
        if (uri.indexOf('%') < 0 || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return request;
        }
        var out = new StringBuilder(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%' && i + 2 < uri.length()) {
                int decoded = Integer.parseInt(uri.substring(i + 1, i + 3), 16);
                if (Character.isLetterOrDigit(decoded) && decoded < 128 || "-._~".indexOf(decoded) >= 0) {
                    out.append((char) decoded);
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        var path = out.toString();
        return path.equals(uri) ? request : new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return path;
            }

            @Override
            public StringBuffer getRequestURL() {
                var url = new StringBuffer(request.getScheme()).append("://").append(request.getServerName());
                url.append(':').append(request.getServerPort());
                return url.append(path);
            }
        };
    }
}
