package org.carepath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conventions every model and form in {@code processes/} and {@code forms/} keeps, checked on the files
 * themselves: complete diagrams, readable ids and names, forms that exist, due dates and timers from the
 * timescale catalogue.
 */
class ModelConventionsTest {

    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");
    static final Pattern READABLE_ID = Pattern.compile("(StartEvent|End|Event|Task|Gateway|Flow|SubProcess|Call)_[A-Z][A-Za-z0-9]+");
    static final Pattern GENERATED_ID = Pattern.compile(".*_[0-9a-z]{7}");
    static final Pattern TIMESCALE_CALL = Pattern.compile("timescales\\.(due|warning)\\('([A-Z0-9_]+)', *([A-Za-z]+)\\)");
    static final Pattern DEADLINE_OPEN = Pattern.compile("deadlines\\.open\\(execution, *'([A-Z0-9_]+)', *([A-Za-z()]+)\\)");

    static Stream<Path> models() throws IOException {
        return Files.list(PROCESSES).filter(path -> path.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyElementIsDrawnInTheDiagram(Path file) {
        var model = Bpmn.readModelFromFile(file.toFile());
        var drawn = new HashSet<String>();
        model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
        var undrawn = model.getModelElementsByType(FlowElement.class).stream().map(FlowElement::getId)
                .filter(id -> !drawn.contains(id)).toList();
        assertThat(undrawn).isEmpty();
        model.getModelElementsByType(BpmnShape.class).forEach(shape -> assertThat(shape.getBounds().getWidth()).isPositive());
        model.getModelElementsByType(BpmnEdge.class).forEach(edge -> assertThat(edge.getWaypoints()).hasSizeGreaterThanOrEqualTo(2));
    }

    @ParameterizedTest
    @MethodSource("models")
    void theProcessIsNamedAfterItsFileAndKeepsHistory(Path file) {
        var process = Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class).iterator().next();
        assertThat(process.getId() + ".bpmn").isEqualTo(file.getFileName().toString());
        assertThat(process.getName()).isNotBlank();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        assertThat(process.isExecutable()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("models")
    void idsAreReadableAndElementsNamed(Path file) {
        var model = Bpmn.readModelFromFile(file.toFile());
        for (var element : model.getModelElementsByType(FlowElement.class)) {
            assertThat(element.getId()).as("id").matches(READABLE_ID).doesNotMatch(GENERATED_ID);
            if (element instanceof FlowNode) {
                assertThat(element.getName()).as("name of %s", element.getId()).isNotBlank();
            }
            if (element instanceof SequenceFlow flow && flow.getSource() instanceof Gateway gateway
                    && gateway.getOutgoing().size() > 1 && gateway instanceof org.camunda.bpm.model.bpmn.instance.ExclusiveGateway) {
                assertThat(flow.getName()).as("answer on %s", flow.getId()).isNotBlank();
                assertThat(flow.getConditionExpression()).as("condition on %s", flow.getId()).isNotNull();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyUserTaskHasAFormSomeoneToDoItAndDueDates(Path file) throws IOException {
        var forms = formIds();
        for (var task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isNotBlank();
            assertThat(forms).as("forms/ has %s", task.getCamundaFormRef()).contains(task.getCamundaFormRef());
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("latest");
            assertThat(task.getCamundaCandidateGroups()).as("candidate group of %s, even when it has an assignee", task.getId())
                    .isNotBlank();
            assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).startsWith("${");
            assertThat(task.getCamundaFollowUpDate()).as("follow-up date of %s", task.getId()).startsWith("${");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void timersComeFromTheCatalogueAndEachStageUsesOneClock(Path file) throws IOException {
        var model = Bpmn.readModelFromFile(file.toFile());
        var opened = Pattern.compile("deadlines\\.open").matcher(Files.readString(file)).results().count();
        assertThat(stages(model)).as("tracked stages").hasSize((int) opened);
        for (var timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            var expression = timer.getTimeDate() != null ? timer.getTimeDate().getTextContent() : null;
            assertThat(expression).as("timer of %s", ((BaseElement) timer.getParentElement()).getId()).isNotNull()
                    .matches(".*" + TIMESCALE_CALL.pattern() + ".*");
        }
        for (var stage : stages(model)) {
            var open = stage.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list().stream()
                    .map(CamundaExecutionListener::getCamundaExpression).map(DEADLINE_OPEN::matcher).filter(Matcher::find)
                    .findFirst().orElseThrow();
            var timers = new ArrayList<String>();
            stage.getChildElementsByType(SubProcess.class).stream().filter(SubProcess::triggeredByEvent)
                    .flatMap(events -> events.getModelInstance().getModelElementsByType(TimerEventDefinition.class).stream()
                            .filter(timer -> isInside(timer, events)))
                    .forEach(timer -> timers.add(timer.getTimeDate().getTextContent()));
            assertThat(timers).as("reminder and deadline timers of %s", stage.getId()).hasSize(2).allSatisfy(timer -> {
                var call = TIMESCALE_CALL.matcher(timer);
                assertThat(call.find()).isTrue();
                assertThat(call.group(2)).as("timescale of a timer in %s", stage.getId()).isEqualTo(open.group(1));
                assertThat(call.group(3)).as("trigger of a timer in %s", stage.getId()).isEqualTo(open.group(2));
            });
        }
    }

    @Test
    void everyFormIsValidForTheTasklistAndUsed() throws IOException {
        var json = new ObjectMapper();
        var used = new HashSet<String>();
        try (var files = models()) {
            files.forEach(file -> Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)
                    .forEach(task -> used.add(task.getCamundaFormRef())));
        }
        try (var files = Files.list(FORMS)) {
            for (var file : files.filter(path -> path.toString().endsWith(".form")).toList()) {
                JsonNode form = json.readTree(file.toFile());
                var id = form.get("id").asText();
                assertThat(id + ".form").isEqualTo(file.getFileName().toString());
                assertThat(form.get("schemaVersion").asInt()).as("the Tasklist's form-js reads up to 16").isBetween(1, 16);
                assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
                assertThat(used).as("a user task uses form %s", id).contains(id);
                var keys = new HashSet<String>();
                form.findParents("key").forEach(field -> {
                    assertThat(keys.add(field.get("key").asText())).as("key %s once in %s", field.get("key"), id).isTrue();
                    assertThat(field.path("label").asText(field.path("dateLabel").asText())).as("label of %s", field.get("key")).isNotBlank();
                });
                assertThat(form.get("components").get(0).get("text").asText())
                        .as("%s opens with its title and the child's name and reference", id)
                        .startsWith("# ").contains("{{childName}}").contains("{{childRef}}");
            }
        }
    }

    private static List<SubProcess> stages(BpmnModelInstance model) {
        return model.getModelElementsByType(SubProcess.class).stream()
                .filter(subProcess -> !subProcess.triggeredByEvent() && subProcess.getExtensionElements() != null)
                .filter(subProcess -> subProcess.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class)
                        .list().stream().anyMatch(listener -> String.valueOf(listener.getCamundaExpression()).contains("deadlines.open")))
                .toList();
    }

    private static boolean isInside(org.camunda.bpm.model.xml.instance.ModelElementInstance element, SubProcess container) {
        for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent.equals(container)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> formIds() throws IOException {
        var ids = new HashSet<String>();
        try (var files = Files.list(FORMS)) {
            files.filter(path -> path.toString().endsWith(".form"))
                    .forEach(path -> ids.add(path.getFileName().toString().replace(".form", "")));
        }
        return ids;
    }
}
