package org.carepath.drift;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The work of a tracked stage ({@link TrackedStages}): the user tasks inside it that are open right now,
 * not those of stages nested inside it.
 */
final class StageWork {

    private StageWork() {
    }

    /** The open work of a deadline's stage, in its journey. */
    static List<Task> openTasks(ProcessEngineServices engine, Deadline deadline) {
        var journey = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(deadline.processInstanceId()).singleResult();
        return journey == null ? List.of()
                : openTasks(engine, journey.getProcessDefinitionId(), deadline.processInstanceId(), deadline.activityId());
    }

    static List<Task> openTasks(ProcessEngineServices engine, String processDefinitionId, String processInstanceId,
                                String stageActivityId) {
        var model = engine.getRepositoryService().getBpmnModelInstance(processDefinitionId);
        var stage = model.getModelElementById(stageActivityId);
        var keys = new ArrayList<String>();
        if (stage instanceof SubProcess subProcess) {
            collectUserTasks(subProcess, keys, false);
        } else if (stage instanceof UserTask userTask) {
            keys.add(userTask.getId());
        }
        return query(engine, processInstanceId, keys);
    }

    /** The open tasks whose due dates are this stage's: not the work of stages nested inside it, which run on their own clocks. */
    static List<Task> tasksOnTheStagesClock(ProcessEngineServices engine, String processDefinitionId,
                                            String processInstanceId, String stageActivityId) {
        var stage = (SubProcess) engine.getRepositoryService().getBpmnModelInstance(processDefinitionId).getModelElementById(stageActivityId);
        var all = new ArrayList<String>();
        collectUserTasks(stage, all, true);
        var keys = all.stream()
                .filter(id -> stageOf(stage.getModelInstance().getModelElementById(id)).getId().equals(stageActivityId))
                .toList();
        return query(engine, processInstanceId, keys);
    }

    private static List<Task> query(ProcessEngineServices engine, String processInstanceId, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKeyIn(keys.toArray(String[]::new)).orderByTaskCreateTime().asc().list();
    }

    /** The tracked stage an element sits in: the nearest sub-process marked with a timescale. */
    static SubProcess stageOf(ModelElementInstance element) {
        for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent instanceof SubProcess subProcess && isStage(subProcess)) {
                return subProcess;
            }
        }
        throw new IllegalStateException("Element " + element.getAttributeValue("id") + " is not inside a tracked stage");
    }

    static boolean isStage(SubProcess subProcess) {
        return !subProcess.triggeredByEvent() && subProcess.getExtensionElements() != null
                && subProcess.getExtensionElements().getChildElementsByType(CamundaProperties.class).stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .anyMatch(property -> TrackedStages.TIMESCALE.equals(property.getCamundaName()));
    }

    private static void collectUserTasks(SubProcess subProcess, List<String> keys, boolean withEventSubProcesses) {
        for (var element : subProcess.getFlowElements()) {
            if (element instanceof UserTask userTask) {
                keys.add(userTask.getId());
            } else if (element instanceof SubProcess nested && (withEventSubProcesses || !nested.triggeredByEvent())) {
                collectUserTasks(nested, keys, withEventSubProcesses);
            }
        }
    }

}
