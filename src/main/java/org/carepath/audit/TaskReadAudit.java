package org.carepath.audit;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.carepath.engine.UserCommand;
import org.carepath.engine.UserCommandCheck;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Opening a task's form, or reading a task's or a journey's variables, reads the child's record: one
 * audit row per read, naming the task or the journey. It is kept inside the engine, so every way of
 * reading (the Tasklist, Cockpit, the engine's REST API however its URL is spelt) leaves its row, and
 * the row is written before the answer leaves the engine.
 */
@Component
class TaskReadAudit implements UserCommandCheck {

    private final Audit audit;
    private final HistoryService history;

    TaskReadAudit(@Lazy Audit audit, @Lazy HistoryService history) {
        this.audit = audit;
        this.history = history;
    }

    /**
     * The children whose variables a query answered. Only administrators get rows from such a query (the
     * engine lets no one else read variables in bulk); each child shown is a read of their record.
     */
    private Set<String> childrenIn(List<?> rows) {
        var journeys = new TreeSet<String>();
        for (var row : rows) {
            var journey = row instanceof VariableInstance variable ? variable.getProcessInstanceId()
                    : row instanceof HistoricVariableInstance variable ? variable.getProcessInstanceId()
                    : row instanceof HistoricDetail detail ? detail.getProcessInstanceId() : null;
            if (journey != null) {
                journeys.add(journey);
            }
        }
        var children = new TreeSet<String>();
        for (var batch : partition(List.copyOf(journeys))) {
            Context.getCommandContext().runWithoutAuthorization(() -> history.createHistoricProcessInstanceQuery()
                    .processInstanceIds(new java.util.HashSet<>(batch)).list()).stream()
                    .map(HistoricProcessInstance::getBusinessKey).filter(java.util.Objects::nonNull).forEach(children::add);
        }
        return children;
    }

    private static List<List<String>> partition(List<String> ids) {
        var batches = new java.util.ArrayList<List<String>>();
        for (int from = 0; from < ids.size(); from += 500) {
            batches.add(ids.subList(from, Math.min(ids.size(), from + 500)));
        }
        return batches;
    }

    @Override
    public void after(UserCommand command, Object result) {
        var context = Context.getCommandContext();
        switch (command.kind()) {
            case READ_TASK_VARIABLES -> {
                var task = context.getTaskManager().findTaskById(command.taskId());
                var instance = task == null ? null : task.getProcessInstance();
                if (instance != null && instance.getBusinessKey() != null) {
                    audit.read(command.userId(), instance.getBusinessKey(), "task form: " + task.getName());
                }
            }
            case READ_JOURNEY_VARIABLES -> {
                var execution = context.getExecutionManager().findExecutionById(command.executionId());
                var instance = execution == null ? null : execution.getProcessInstance();
                if (instance != null && instance.getBusinessKey() != null) {
                    audit.read(command.userId(), instance.getBusinessKey(), "journey variables: " + instance.getProcessDefinition().getKey());
                }
            }
            case READ_VARIABLES_IN_BULK -> {
                if (result instanceof List<?> rows) {
                    childrenIn(rows).forEach(child -> audit.read(command.userId(), child, "variables read in bulk"));
                }
            }
            default -> {
            }
        }
    }
}
