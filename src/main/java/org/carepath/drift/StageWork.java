package org.carepath.drift;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The work of a tracked stage: the user tasks directly inside the stage's sub-process (not its
 * reminder and escalation event sub-processes) that are open right now.
 */
final class StageWork {

    private StageWork() {
    }

    static List<Task> openTasks(ProcessEngineServices engine, String processDefinitionId, String processInstanceId,
                                String stageActivityId) {
        var model = engine.getRepositoryService().getBpmnModelInstance(processDefinitionId);
        var stage = model.getModelElementById(stageActivityId);
        var keys = new ArrayList<String>();
        if (stage instanceof SubProcess subProcess) {
            collectUserTasks(subProcess, keys);
        } else if (stage instanceof UserTask userTask) {
            keys.add(userTask.getId());
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKeyIn(keys.toArray(String[]::new)).orderByTaskCreateTime().asc().list();
    }

    /** The stage (a tracked sub-process) that an element sits in, looking outwards past event sub-processes. */
    static SubProcess stageOf(ModelElementInstance element) {
        for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent instanceof SubProcess subProcess && !subProcess.triggeredByEvent()) {
                return subProcess;
            }
        }
        throw new IllegalStateException("Element " + element.getAttributeValue("id") + " is not inside a tracked stage");
    }

    private static void collectUserTasks(SubProcess subProcess, List<String> keys) {
        for (var element : subProcess.getFlowElements()) {
            if (element instanceof UserTask userTask) {
                keys.add(userTask.getId());
            } else if (element instanceof SubProcess nested && !nested.triggeredByEvent()) {
                collectUserTasks(nested, keys);
            }
        }
    }
}
