package org.carepath.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.carepath.engine.Refusal.FieldError;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A task's worker may give it only the answers its form asks for, each within the length its form
 * allows. The process keeps its own bookkeeping in variables (the child's reference, the deadline and
 * alert being tracked, the dates clocks run from), so without this a worker could close another child's
 * deadline or move a statutory clock. Anything else is refused with 400 naming each refused variable,
 * and nothing is written.
 */
@Component
@Order(2)
class TaskAnswers implements UserCommandCheck {

    private final ObjectMapper json = new ObjectMapper();
    /** Deployed forms never change: their fields, by form definition id. */
    private final Map<String, Map<String, Integer>> fieldsByForm = new ConcurrentHashMap<>();

    @Override
    public void before(UserCommand command) {
        if (command.kind() != UserCommand.Kind.WRITE_TASK || (command.written().isEmpty() && command.removed().isEmpty())) {
            return;
        }
        var context = Context.getCommandContext();
        var task = context.getTaskManager().findTaskById(command.taskId());
        if (task == null) {
            return; // the engine answers that the task is not there
        }
        task.initializeFormKey();
        Map<String, Integer> fields = task.getCamundaFormRef() == null ? Map.of() : context.runWithoutAuthorization(() -> {
            var form = new GetCamundaFormDefinitionCmd(task.getCamundaFormRef(), task.getProcessDefinition().getDeploymentId()).execute(context);
            return form == null ? Map.<String, Integer>of() : fieldsByForm.computeIfAbsent(form.getId(), id -> fieldsOf(
                    context.getResourceManager().findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName()).getBytes()));
        });
        var errors = new ArrayList<FieldError>();
        var notFields = new TreeSet<String>();
        var names = new TreeSet<String>(command.written().keySet());
        names.addAll(command.removed());
        for (var name : names) {
            if (!fields.containsKey(name)) {
                notFields.add(name);
                errors.add(new FieldError(name, "is not a field of this task's form; a task takes only the answers its form asks for"));
            } else if (fields.get(name) != null && text(command.written().get(name)) instanceof String answer
                    && answer.codePointCount(0, answer.length()) > fields.get(name)) {
                errors.add(new FieldError(name, "is longer than the " + fields.get(name) + " characters its form allows"));
            }
        }
        if (errors.isEmpty()) {
            return;
        }
        var detail = notFields.isEmpty() ? errors.size() + (errors.size() == 1 ? " answer is" : " answers are") + " longer than the form allows: "
                + String.join(", ", errors.stream().map(FieldError::field).toList())
                : (notFields.size() == 1 ? "1 variable is not a field of this task's form: "
                : notFields.size() + " variables are not fields of this task's form: ") + String.join(", ", notFields);
        throw notFields.isEmpty() ? new Refusal(Status.BAD_REQUEST, "answer-too-long", "Answer too long", detail, errors)
                : new Refusal(Status.BAD_REQUEST, "not-a-form-field", "Not a field of the task's form", detail, errors);
    }

    private static Object text(Object value) {
        return value instanceof TypedValue typed ? typed.getValue() : value;
    }

    /** The keys of a form's fields, each with its maximum length (null where the form sets none). */
    private Map<String, Integer> fieldsOf(byte[] form) {
        try {
            var fields = new HashMap<String, Integer>();
            collect(json.readTree(form), fields);
            return new LinkedHashMap<>(fields);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable deployed form", e);
        }
    }

    private static void collect(JsonNode component, Map<String, Integer> fields) {
        if (component.hasNonNull("key")) {
            var maxLength = component.path("validate").path("maxLength");
            fields.put(component.get("key").asText(), maxLength.isNumber() ? maxLength.asInt() : null);
        }
        component.path("components").forEach(child -> collect(child, fields));
    }
}
