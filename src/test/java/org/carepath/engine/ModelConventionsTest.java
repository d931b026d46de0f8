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
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
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

    static final Set<String> SHARED = Set.of("statutory-deadline.bpmn", "drift-escalation.bpmn");
    static final Set<String> CATALOGUE = catalogueKeys();

    static Stream<Path> models() throws IOException {
        return Files.list(PROCESSES).filter(path -> path.toString().endsWith(".bpmn")).sorted();
    }

    /** The models of children's journeys, not the clock and ladder every journey shares. */
    static Stream<Path> journeys() throws IOException {
        return models().filter(path -> !SHARED.contains(path.getFileName().toString()));
    }

    private static Set<String> catalogueKeys() {
        try {
            var keys = new HashSet<String>();
            Pattern.compile("(?m)^- key: ([A-Z0-9_]+)$").matcher(Files.readString(Path.of("src/main/resources/carepath/timescales.yml")))
                    .results().forEach(match -> keys.add(match.group(1)));
            return keys;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.util.Optional<String> property(BaseElement element, String name) {
        var extensions = element.getExtensionElements();
        return extensions == null ? java.util.Optional.empty() : extensions.getChildElementsByType(CamundaProperties.class).stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName())).map(property -> property.getCamundaValue()).findFirst();
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

    /**
     * Camunda's naming conventions: an activity's or gateway's id is made of the words of its name (a gateway's
     * name is its question), so a renamed element cannot keep an id that says something else
     * ({@code Task_ReviewPreProceedingsAtSixWeeks} for "First review of pre-proceedings").
     */
    @ParameterizedTest
    @MethodSource("models")
    void idsOfActivitiesAndGatewaysUseTheWordsOfTheirNames(Path file) {
        for (var element : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(FlowNode.class)) {
            if (!(element instanceof org.camunda.bpm.model.bpmn.instance.Activity || element instanceof Gateway)) {
                continue;
            }
            var named = new HashSet<String>();
            Pattern.compile("[a-z0-9]+").matcher(element.getName().toLowerCase().replace("'s", "")).results()
                    .forEach(word -> named.add(word.group()));
            var id = element.getId().substring(element.getId().indexOf('_') + 1);
            var others = Pattern.compile("[A-Z][a-z]*|[0-9]+").matcher(id).results().map(word -> word.group().toLowerCase())
                    .filter(word -> !named.contains(word) && !named.contains(word + "s") && !named.contains(word.replaceAll("s$", "")))
                    .toList();
            assertThat(others).as("words of %s that its name \"%s\" does not have", element.getId(), element.getName()).isEmpty();
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

    /**
     * A tracked stage's reminder, deadline and escalation are modelled once, in the deadline's clock: a journey
     * marks a stage with its timescale and the variable its clock starts from, and defines none of them itself.
     */
    @ParameterizedTest
    @MethodSource("journeys")
    void journeysMarkTheirStagesAndLeaveWarningAndEscalationToTheClock(Path file) throws IOException {
        var model = Bpmn.readModelFromFile(file.toFile());
        var text = Files.readString(file);
        assertThat(text).as("a journey neither opens deadlines nor reminds or escalates by itself")
                .doesNotContain("deadlines.").doesNotContain("timescales.warning(").doesNotContain("drift-escalation")
                .doesNotContain("plan-to-meet-deadline");
        for (var timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            var expression = timer.getTimeDate() != null ? timer.getTimeDate().getTextContent() : null;
            assertThat(expression).as("timer of %s", ((BaseElement) timer.getParentElement()).getId()).isNotNull()
                    .matches(".*" + TIMESCALE_CALL.pattern() + ".*");
        }
        for (var element : model.getModelElementsByType(BaseElement.class)) {
            var timescale = property(element, "timescale");
            var from = property(element, "clockStartsFrom");
            assertThat(from.isPresent()).as("%s names both its timescale and the variable its clock starts from", element.getId())
                    .isEqualTo(timescale.isPresent());
            timescale.ifPresent(key -> assertThat(CATALOGUE).as("timescale of %s", element.getId()).contains(key));
        }
    }

    /** Only the deadline's clock reminds and calls the escalation ladder. */
    @Test
    void theDeadlinesClockRemindsAndEscalates() {
        var clock = Bpmn.readModelFromFile(PROCESSES.resolve("statutory-deadline.bpmn").toFile());
        assertThat(clock.getModelElementsByType(UserTask.class)).singleElement()
                .satisfies(task -> assertThat(task.getCamundaFormRef()).isEqualTo("plan-to-meet-deadline"));
        assertThat(clock.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.CallActivity.class)).singleElement()
                .satisfies(call -> assertThat(call.getCalledElement()).isEqualTo("drift-escalation"));
        assertThat(clock.getModelElementsByType(TimerEventDefinition.class)).extracting(timer -> timer.getTimeDate().getTextContent())
                .containsExactlyInAnyOrder("${deadlineWarningAt}", "${deadlineDueAt}");
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
                    if (Set.of("textarea", "textfield").contains(field.path("type").asText())) {
                        // the engine keeps up to 20,000 characters of a text (LongTextSerializer); the form says how many it takes
                        assertThat(field.path("validate").path("maxLength").asInt()).as("maxLength of %s in %s", field.get("key"), id)
                                .isBetween(1, 20000);
                    }
                });
                assertThat(form.get("components").get(0).get("text").asText())
                        .as("%s opens with its title and the child's name and reference", id)
                        .startsWith("# ").contains("{{childName}}").contains("{{childRef}}");
            }
        }
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
