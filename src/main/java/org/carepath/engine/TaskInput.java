package org.carepath.engine;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;

/**
 * Reading a user task's configuration and its answers, and rejecting its input in a way the Tasklist and
 * REST show as 400.
 */
public final class TaskInput {

    private TaskInput() {
    }

    /** A {@code camunda:property} of the task's model element. */
    public static Optional<String> property(DelegateTask task, String name) {
        return property(task.getBpmnModelElementInstance(), name);
    }

    static Optional<String> property(BaseElement element, String name) {
        var extensions = element.getExtensionElements();
        if (extensions == null) {
            return Optional.empty();
        }
        return extensions.getChildElementsByType(CamundaProperties.class).stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName()))
                .map(property -> property.getCamundaValue())
                .findFirst();
    }

    /** Who did the task's work: the user completing it (even without claiming it first), else its assignee. */
    public static String doneBy(DelegateTask task) {
        var user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user != null && user.getUserId() != null ? user.getUserId() : task.getAssignee();
    }

    /** A text answer, stripped; {@code null} when it was not given or is blank. */
    public static String text(VariableScope task, String variable) {
        return optional(task, variable, value -> value.toString().strip(), "text");
    }

    /** A text answer that must be given: refused naming the variable when it is missing or blank. */
    public static String requiredText(VariableScope task, String variable) {
        var text = text(task, variable);
        if (text == null) {
            throw invalid(variable, variable + " is required");
        }
        return text;
    }

    /**
     * A required answer read as a value of its type by {@code read} (which throws
     * {@link IllegalArgumentException} for a value that is not one): refused naming the variable when it
     * is missing or unreadable, e.g. {@code TaskInput.required(task, "letterSentOn", timescales::dateOf, "a date")}.
     */
    public static <T> T required(VariableScope task, String variable, Function<Object, T> read, String what) {
        var value = optional(task, variable, read, what);
        if (value == null) {
            throw invalid(variable, variable + " is required");
        }
        return value;
    }

    /** An answer that may be left out ({@code null} when not given or blank), else as {@link #required}. */
    public static <T> T optional(VariableScope task, String variable, Function<Object, T> read, String what) {
        var value = task.getVariable(variable);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return read.apply(value);
        } catch (IllegalArgumentException e) {
            throw invalid(variable, "'" + value + "' (" + variable + ") is not " + what);
        }
    }

    /** A whole number answer ({@code null} when not given); a fraction is refused, never rounded. */
    public static Integer wholeNumber(VariableScope task, String variable) {
        return optional(task, variable, TaskInput::whole, "a whole number");
    }

    private static Integer whole(Object value) {
        try {
            return new BigDecimal(value.toString().strip()).intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(value + " is not a whole number", e);
        }
    }

    /** The id of a record the process keeps in a variable ({@code proceedingsId}): the process's own bookkeeping. */
    public static long id(VariableScope scope, String variable) {
        if (!(scope.getVariable(variable) instanceof Number id)) {
            throw new IllegalStateException("No " + variable + " here: is this the right process?");
        }
        return id.longValue();
    }

    /** An error that the engine REST API answers with 400 and the Tasklist shows next to the form. */
    public static RuntimeException invalid(String field, String message) {
        return new FormFieldValidationException(field, message);
    }
}
