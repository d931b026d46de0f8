package org.carepath.proceedings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** What the care proceedings models (care proceedings, court directions, revocation) and their forms tell the people who read them. */
class CareProceedingsModelTest {

    static final List<Path> MODELS = List.of(Path.of("processes/care-proceedings.bpmn"), Path.of("processes/court-direction.bpmn"),
            Path.of("processes/revocation-of-care-order.bpmn"));
    static final Pattern AMOUNT = Pattern.compile("\\b(\\d+)[ -](working days?|days?|weeks?|months?)\\b");
    /**
     * The only amounts a name or form may state: the law's, which no council may lengthen. The 26 weeks of
     * Children Act 1989 s.32(1)(a)(ii) and the extensions of at most 8 weeks of s.32(8). Every other
     * timescale is the council's to set in the catalogue, so names and forms show its dates instead.
     */
    static final List<String> STATUTORY = List.of("26 weeks", "26-week", "8 weeks");

    @Test
    void everyWayOutOfTheJourneySaysWhichJourneyComesNext() {
        var process = Bpmn.readModelFromFile(MODELS.get(0).toFile()).getModelElementsByType(Process.class).iterator().next();
        var ends = process.getChildElementsByType(EndEvent.class);
        assertThat(ends).hasSizeGreaterThanOrEqualTo(8).allSatisfy(end -> assertThat(end.getName())
                .as("%s says what happened and what follows", end.getId()).matches("[^:]+: .+"));
    }

    @Test
    void namesAndFormsStateNoTimescaleACouncilMaySetItself() throws IOException {
        var texts = new ArrayList<String>();
        var forms = new LinkedHashSet<String>();
        for (var file : MODELS) {
            var model = Bpmn.readModelFromFile(file.toFile());
            model.getModelElementsByType(FlowElement.class).stream().map(FlowElement::getName).filter(name -> name != null).forEach(texts::add);
            model.getModelElementsByType(UserTask.class).forEach(task -> forms.add(task.getCamundaFormRef()));
        }
        var json = new ObjectMapper();
        for (var form : forms) {
            collect(json.readTree(Path.of("forms", form + ".form").toFile()), texts);
        }
        assertThat(texts).hasSizeGreaterThan(100).allSatisfy(text -> {
            var amounts = AMOUNT.matcher(text).results().map(match -> match.group()).filter(amount -> !STATUTORY.contains(amount)).toList();
            assertThat(amounts).as("timescales stated in \"%s\"", text).isEmpty();
        });
    }

    private static void collect(JsonNode node, List<String> texts) {
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual() && List.of("text", "label", "dateLabel", "description").contains(field.getKey())) {
                texts.add(field.getValue().asText());
            } else {
                collect(field.getValue(), texts);
            }
        });
        if (node.isArray()) {
            node.forEach(element -> collect(element, texts));
        }
    }
}
