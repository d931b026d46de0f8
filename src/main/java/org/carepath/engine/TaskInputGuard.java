package org.carepath.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.carepath.identity.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A task's worker may give it only the answers its form asks for. Anyone offered a task may, through
 * the engine's REST API, complete it or set its variables with any names and values; the process keeps
 * its own bookkeeping in variables (the child's reference, the deadline and alert being tracked, the
 * dates clocks run from), so without this a worker could close another child's deadline or move a
 * statutory clock. Every route that writes a task's variables, through {@code /engine-rest} and through
 * the Tasklist's own API, is held to the names of the fields of the task's form; anything else is
 * answered 400 with problem details naming each refused variable, and nothing is written.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class TaskInputGuard extends OncePerRequestFilter {

    static final URI REFUSED_VARIABLE = URI.create("https://carepath.example/problems/not-a-form-field");

    private static final Pattern TASK_WRITE = Pattern.compile(
            "^(?:/camunda/api/engine/engine/[^/]+|/engine-rest(?:/engine/[^/]+)?)/task/([^/]+)/"
                    + "(complete|submit-form|resolve|bpmnError|bpmnEscalation|variables|localVariables)(?:/([^/]+)(?:/data)?)?$");

    private final ObjectMapper json = new ObjectMapper();
    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;

    TaskInputGuard(@Lazy TaskService tasks, @Lazy FormService forms, @Lazy IdentityService identity) {
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod())
                || !TASK_WRITE.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var matcher = TASK_WRITE.matcher(path(request));
        if (!matcher.matches()) {
            chain.doFilter(request, response);
            return;
        }
        var body = request.getInputStream().readAllBytes();
        var written = written(matcher, body, request.getContentType());
        if (!written.isEmpty()) {
            var allowed = formFields(matcher.group(1));
            if (allowed != null) {
                var refused = new TreeSet<>(written);
                refused.removeAll(allowed);
                if (!refused.isEmpty()) {
                    refuse(request, response, refused);
                    return;
                }
            }
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    /** The names of the variables the request would write or remove. */
    private Set<String> written(Matcher route, byte[] body, String contentType) {
        var names = new HashSet<String>();
        var action = route.group(2);
        var variable = route.group(3);
        if (variable != null) {
            names.add(variable);
            return names;
        }
        if (body.length == 0 || contentType == null || !contentType.toLowerCase().contains("json")) {
            return names;
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException unreadable) {
            return names; // the engine answers malformed JSON itself
        }
        if (root == null) {
            return names;
        }
        if (action.equals("variables") || action.equals("localVariables")) {
            root.path("modifications").fieldNames().forEachRemaining(names::add);
            root.path("deletions").forEach(name -> names.add(name.asText()));
        } else {
            root.path("variables").fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** The keys of the task form's fields, or null if the task is not there (the engine answers that). */
    private Set<String> formFields(String taskId) {
        return Viewer.asTheApplication(identity, () -> {
            var task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
            if (task == null) {
                return null;
            }
            var fields = new HashSet<String>();
            if (task.getCamundaFormRef() != null) {
                try (InputStream form = forms.getDeployedTaskForm(taskId)) {
                    collectKeys(json.readTree(form), fields);
                } catch (IOException e) {
                    throw new IllegalStateException("Unreadable form of task " + taskId, e);
                }
            }
            return fields;
        });
    }

    private static void collectKeys(JsonNode component, Set<String> keys) {
        if (component.hasNonNull("key")) {
            keys.add(component.get("key").asText());
        }
        component.path("components").forEach(child -> collectKeys(child, keys));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Set<String> refused) throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, (refused.size() == 1
                ? "1 variable is not a field of this task's form: " : refused.size() + " variables are not fields of this task's form: ")
                + String.join(", ", refused));
        problem.setType(REFUSED_VARIABLE);
        problem.setTitle("Not a field of the task's form");
        problem.setInstance(URI.create(request.getRequestURI()));
        List<Map<String, String>> errors = new ArrayList<>();
        refused.forEach(name -> errors.add(Map.of("field", name,
                "message", "is not a field of this task's form; a task takes only the answers its form asks for")));
        problem.setProperty("errors", errors);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The request with its body, already read here, readable again by the engine. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
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
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
