package org.carepath.tracker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.carepath.drift.DeadlineView;
import org.carepath.drift.Deadlines;
import org.carepath.identity.Viewer;
import org.springframework.stereotype.Service;

/**
 * Each journey a child is in, as bpmn-js draws it on the child's page: the diagram as deployed, the steps open
 * now, the steps done, and each open tracked stage's clock (on time, warning, overdue) by the stage's id.
 */
@Service
class JourneyDiagrams {

    record Clock(String activityId, String tone, String words, String due) {
    }

    record Diagram(String processInstanceId, String name, List<String> current, List<String> done, List<Clock> clocks) {
    }

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final Deadlines deadlines;
    private final Map<String, Map<String, List<String>>> stagesByDefinition = new java.util.concurrent.ConcurrentHashMap<>();

    JourneyDiagrams(RuntimeService runtime, HistoryService history, RepositoryService repository, IdentityService identity,
                    Deadlines deadlines) {
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.deadlines = deadlines;
    }

    List<Diagram> of(String reference) {
        return Viewer.asTheApplication(identity, () -> {
            var clocks = new HashMap<String, List<DeadlineView>>();
            deadlines.openFor(reference).forEach(d -> clocks.computeIfAbsent(d.processInstanceId(), id -> new java.util.ArrayList<>()).add(d));
            return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).rootProcessInstances().list().stream()
                    .filter(instance -> !Tracker.CLOCKS.contains(repository.getProcessDefinition(instance.getProcessDefinitionId()).getKey()))
                    .map(instance -> {
                        var definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
                        var activities = history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list();
                        var current = new LinkedHashSet<String>();
                        var done = new LinkedHashSet<String>();
                        activities.forEach(a -> (a.getEndTime() == null ? current : done).add(a.getActivityId()));
                        done.removeAll(current); // a step walked before and open again is open
                        var stages = stages(definition.getId());
                        var marked = clocks.getOrDefault(instance.getId(), List.of()).stream()
                                .map(d -> stages.getOrDefault(d.timescale(), List.of()).stream().filter(current::contains).findFirst()
                                        .map(id -> new Clock(id, ManagerView.tone(d),
                                        switch (d.status()) {
                                            case OVERDUE -> "Overdue";
                                            case WARNING -> "Due soon";
                                            case ON_TIME -> "On time";
                                        }, d.dueDate().format(TrackerPage.DAY))).orElse(null))
                                .filter(java.util.Objects::nonNull).toList();
                        return new Diagram(instance.getId(), definition.getName() == null ? definition.getKey() : definition.getName(),
                                List.copyOf(current), List.copyOf(done), marked);
                    }).sorted(Comparator.comparing(Diagram::name)).toList();
        });
    }

    /** The BPMN of the journey, if it is the child's. */
    Optional<String> xml(String reference, String processInstanceId) {
        return Viewer.asTheApplication(identity, () -> {
            var instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).processInstanceBusinessKey(reference)
                    .singleResult();
            if (instance == null) {
                return Optional.<String>empty();
            }
            try (var model = repository.getProcessModel(instance.getProcessDefinitionId()); var out = new ByteArrayOutputStream()) {
                model.transferTo(out);
                return Optional.of(out.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The tracked stages of a process: its subprocesses with a {@code timescale} property, by timescale key (two may share one). */
    private Map<String, List<String>> stages(String definitionId) {
        return stagesByDefinition.computeIfAbsent(definitionId, id -> {
            var stages = new HashMap<String, List<String>>();
            repository.getBpmnModelInstance(id).getModelElementsByType(SubProcess.class).forEach(stage -> {
                if (stage.getExtensionElements() == null) {
                    return;
                }
                stage.getExtensionElements().getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
                        .list().forEach(properties -> properties.getCamundaProperties().stream()
                                .filter(p -> "timescale".equals(p.getCamundaName()))
                                .map(CamundaProperty::getCamundaValue)
                                .forEach(key -> stages.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(stage.getId())));
            });
            return stages;
        });
    }
}
