package org.carepath.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Camunda web apps (Tasklist, Cockpit, Admin) show the engine's error message to the user as it
 * comes: "The task could not be saved. : Cannot construct instance of
 * `org.camunda.bpm.engine.form.CamundaFormRef` …". On the web apps' own API ({@code /camunda/api/**}),
 * a refused change keeps its message when it is meant for a person (CarePath's refusals: "The date … is in
 * the future"), without the engine's prefixes; a message that names a Java class or an engine code becomes
 * a plain sentence. {@code /engine-rest} keeps the engine's messages for the systems that call it.
 */
@Component
class PlainEngineErrors extends OncePerRequestFilter {

    static final String PLAIN = "This could not be done, and nothing was changed. If it happens again, tell the"
            + " CarePath support team what you were doing.";
    /** A Java class or package name, a stack-trace word or an engine code. */
    static final Pattern JAVA = Pattern.compile("\\b(?:org|com|java|javax|jakarta|io)\\.[a-z0-9_]+(?:\\.[A-Za-z0-9_$]+)+"
            + "|Cannot (?:construct|deserialize) instance|\\bException\\b|ENGINE-\\d{5}|\\$\\{|\\bnull\\b");
    /** What the engine puts in front of a refusal meant for a person. */
    private static final Pattern PREFIX = Pattern.compile("^(?:Cannot submit task form [^:]*:\\s*)?"
            + "(?:[A-Za-z0-9_.$]+(?:Exception|Error):\\s*)?");

    private static final Pattern ENGINE_CODE = Pattern.compile("ENGINE-\\d{5}");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/camunda/api/") || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() >= 400 && wrapper.getContentType() != null && wrapper.getContentType().contains("json")) {
                var plain = plain(wrapper.getContentAsByteArray());
                if (plain != null) {
                    wrapper.resetBuffer();
                    wrapper.getOutputStream().write(plain);
                }
            }
        } finally {
            wrapper.copyBodyToResponse();
        }
    }

    /** The body with a message fit for a person, or null to keep it as it is. */
    byte[] plain(byte[] body) {
        try {
            var node = json.readTree(body);
            if (!(node instanceof ObjectNode error) || !error.path("message").isTextual()) {
                return null;
            }
            var original = error.get("message").asText();
            var message = message(original);
            if (message.equals(original)) {
                return null;
            }
            error.put("message", message);
            return json.writeValueAsString(error).getBytes(StandardCharsets.UTF_8);
        } catch (IOException notJson) {
            return null;
        }
    }

    static String message(String original) {
        if (ENGINE_CODE.matcher(original).find()) { // the engine's own failure, not a refusal written for a person
            return PLAIN;
        }
        var stripped = PREFIX.matcher(original.strip()).replaceFirst("").strip();
        return stripped.isEmpty() || JAVA.matcher(stripped).find() ? PLAIN : stripped;
    }
}
