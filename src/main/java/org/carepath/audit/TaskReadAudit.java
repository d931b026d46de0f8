package org.carepath.audit;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.carepath.identity.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Opening a task's form in the Tasklist, or reading a task's or a process instance's variables through
 * the engine's REST API, reads the child's record: one audit row per request, naming the task or journey.
 */
@Component
class TaskReadAudit extends OncePerRequestFilter {

    static final Pattern TASK_READ = Pattern.compile(
            "^(?:/camunda/api/engine/engine/[^/]+|/engine-rest)/(task|process-instance)/([^/]+)/"
                    + "(?:form-variables|variables|localVariables|variables/[^/]+|localVariables/[^/]+)(?:/data)?$");

    private final Audit audit;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;

    TaskReadAudit(Audit audit, @Lazy TaskService tasks, @Lazy RuntimeService runtime, @Lazy IdentityService identity) {
        this.audit = audit;
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !TASK_READ.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // held back until the read is on record, so that no one sees the form before the trail shows it
        var held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
            if (held.getStatus() == 200) {
                recordRead(request);
            }
        } finally {
            held.copyBodyToResponse();
        }
    }

    private void recordRead(HttpServletRequest request) {
        var matcher = TASK_READ.matcher(path(request));
        if (!matcher.matches()) {
            return;
        }
        var user = Viewer.signedIn(request, identity);
        // the user may read the task (the engine said so) but not its process instance: look the child up as the application
        Viewer.asTheApplication(identity, () -> {
            if (matcher.group(1).equals("process-instance")) {
                var instance = runtime.createProcessInstanceQuery().processInstanceId(matcher.group(2)).singleResult();
                if (instance != null && instance.getBusinessKey() != null) {
                    var definition = instance.getProcessDefinitionId().split(":", 2)[0];
                    audit.read(user, instance.getBusinessKey(), "journey variables: " + definition);
                }
                return null;
            }
            var task = tasks.createTaskQuery().taskId(matcher.group(2)).singleResult();
            var instance = task == null || task.getProcessInstanceId() == null ? null
                    : runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
            if (instance != null && instance.getBusinessKey() != null) {
                audit.read(user, instance.getBusinessKey(), "task form: " + task.getName());
            }
            return null;
        });
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
