package org.carepath.engine;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;

/** Reading a user task's configuration and rejecting its input in a way the Tasklist and REST show as 400. */
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

    /** An error that the engine REST API answers with 400 and the Tasklist shows next to the form. */
    public static RuntimeException invalid(String field, String message) {
        return new FormFieldValidationException(field, message);
    }
}
