package org.carepath.proceedings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/** What the care proceedings models (care proceedings, court directions, revocation) and their forms tell the people who read them. */
class CareProceedingsModelTest {

    static final List<Path> MODELS = List.of(Path.of("processes/care-proceedings.bpmn"), Path.of("processes/court-direction.bpmn"),
            Path.of("processes/revocation-of-care-order.bpmn"));

    @Test
    void everyWayOutOfTheJourneySaysWhichJourneyComesNext() {
        var process = Bpmn.readModelFromFile(MODELS.get(0).toFile()).getModelElementsByType(Process.class).iterator().next();
        var ends = process.getChildElementsByType(EndEvent.class);
        assertThat(ends).hasSizeGreaterThanOrEqualTo(8).allSatisfy(end -> assertThat(end.getName())
                .as("%s says what happened and what follows", end.getId()).matches("[^:]+: .+"));
    }
}
