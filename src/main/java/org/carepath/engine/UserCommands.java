package org.carepath.engine;

import java.lang.reflect.Field;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cmd.AbstractGetFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariableTypedCmd;
import org.camunda.bpm.engine.impl.cmd.GetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.HistoricDetailQueryImpl;
import org.camunda.bpm.engine.impl.HistoricVariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.carepath.engine.UserCommand.Kind;

/**
 * Hands each command a signed-in user gives the engine to the {@link UserCommandCheck}s, before and after
 * it runs. It sits inside the engine's command stack, so a check sees the task id the engine will act on,
 * whatever the URL looked like. Commands the engine runs for itself, or that CarePath runs as the
 * application (no one signed in), and commands nested inside a user's command, pass untouched.
 */
final class UserCommands extends CommandInterceptor {

    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);
    private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

    private final Supplier<List<UserCommandCheck>> checks;

    /** The checks are looked up when first needed: they use the engine this interceptor is part of. */
    UserCommands(Supplier<List<UserCommandCheck>> checks) {
        this.checks = checks;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (DEPTH.get() > 0) {
            return next.execute(command);
        }
        var context = Context.getCommandContext();
        var user = context == null ? null : context.getAuthenticatedUserId();
        var seen = context == null ? null : describe(user, command);
        if (seen != null && seen.changesTheTask()) {
            waitForWhoeverIsChangingTheTask(context, seen.taskId());
        }
        if (seen == null || user == null) {
            return next.execute(command);
        }
        var authorizationChecked = context.isAuthorizationCheckEnabled();
        DEPTH.set(DEPTH.get() + 1);
        try {
            checks.get().forEach(check -> check.before(seen));
            var result = next.execute(command);
            checks.get().forEach(check -> check.after(seen, result));
            return result;
        } finally {
            DEPTH.set(DEPTH.get() - 1);
            context.setAuthorizationCheckEnabled(authorizationChecked);
        }
    }

    /**
     * The engine reads a task and its journey row by row, each as last committed: a command on a task that another
     * transaction is completing could read the task from before that commit and its journey from after it, and fail
     * on the mixture (a variable the task had seems missing, the journey's scope is gone) as if the request were wrong.
     * Locking the task's row first makes the second of two such commands wait, then find the task as it is now: done
     * already (409), claimed by the other, or still there to change.
     */
    private static void waitForWhoeverIsChangingTheTask(CommandContext context, String taskId) {
        var table = context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_RU_TASK";
        try (var statement = context.getDbSqlSession().getSqlSession().getConnection()
                .prepareStatement("select ID_ from " + table + " where ID_ = ? for update")) {
            statement.setString(1, taskId);
            statement.executeQuery().close();
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not wait for others changing task " + taskId, e);
        }
    }

    /** What the command asks, or null for commands no check is about; the user is null for CarePath's own commands. */
    static UserCommand describe(String user, Command<?> command) {
        if (command instanceof CompleteTaskCmd) { // and ResolveTaskCmd
            return write(user, read(command, "taskId"), read(command, "variables"), Set.of());
        }
        if (command instanceof SubmitTaskFormCmd) {
            return write(user, read(command, "taskId"), read(command, "properties"), Set.of());
        }
        if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
            return write(user, read(command, "taskId"), read(command, "variables"), Set.of());
        }
        if (command instanceof SetTaskVariablesCmd) {
            return write(user, read(command, "entityId"), read(command, "variables"), Set.of());
        }
        if (command instanceof RemoveTaskVariablesCmd) {
            return write(user, read(command, "entityId"), null,
                    read(command, "variableNames"));
        }
        if (command instanceof PatchTaskVariablesCmd) {
            return write(user, read(command, "entityId"), read(command, "variables"),
                    read(command, "deletions"));
        }
        if (command instanceof ClaimTaskCmd) {
            String assignee = read(command, "userId");
            return new UserCommand(user, Kind.CLAIM_TASK, read(command, "taskId"), null, Map.of(), Set.of(), assignee);
        }
        if (command instanceof DelegateTaskCmd) {
            String assignee = read(command, "userId");
            return new UserCommand(user, Kind.ASSIGN_TASK, read(command, "taskId"), null, Map.of(), Set.of(), assignee);
        }
        if (command instanceof AssignTaskCmd) {
            String assignee = read(command, "value");
            return new UserCommand(user, Kind.ASSIGN_TASK, read(command, "taskId"), null, Map.of(), Set.of(), assignee);
        }
        if (command instanceof GetTaskVariablesCmd || command instanceof GetTaskVariableCmd || command instanceof GetTaskVariableCmdTyped) {
            return new UserCommand(user, Kind.READ_TASK_VARIABLES, read(command, "taskId"), null, Map.of(), Set.of(), null);
        }
        if (command instanceof GetTaskFormVariablesCmd form) {
            return new UserCommand(user, Kind.READ_TASK_VARIABLES, form.resourceId, null, Map.of(), Set.of(), null);
        }
        if (command instanceof GetExecutionVariablesCmd || command instanceof GetExecutionVariableCmd
                || command instanceof GetExecutionVariableTypedCmd) {
            return new UserCommand(user, Kind.READ_JOURNEY_VARIABLES, null, read(command, "executionId"), Map.of(), Set.of(), null);
        }
        if (command instanceof MessageEventReceivedCmd && read(command, "executionId") != null) {
            return new UserCommand(user, Kind.CHANGE_JOURNEY, null, read(command, "executionId"), Map.of(), Set.of(), null);
        }
        if (command instanceof ModifyProcessInstanceCmd) {
            ProcessInstanceModificationBuilderImpl builder = read(command, "builder");
            return new UserCommand(user, Kind.CHANGE_JOURNEY, null, builder.getProcessInstanceId(), Map.of(), Set.of(), null);
        }
        if (command instanceof DeleteTaskCmd && read(command, "taskId") != null) {
            return new UserCommand(user, Kind.DELETE_TASK, read(command, "taskId"), null, Map.of(), Set.of(), null);
        }
        if (command instanceof VariableInstanceQueryImpl || command instanceof HistoricVariableInstanceQueryImpl
                || command instanceof HistoricDetailQueryImpl) {
            return new UserCommand(user, Kind.READ_VARIABLES_IN_BULK, null, null, Map.of(), Set.of(), null);
        }
        return null;
    }

    private static UserCommand write(String user, String taskId, Map<String, ?> variables, Collection<String> removed) {
        return new UserCommand(user, Kind.WRITE_TASK, taskId, null,
                variables == null ? Map.of() : new LinkedHashMap<>(variables), removed == null ? Set.of() : new LinkedHashSet<>(removed), null);
    }

    /** The engine's commands keep what they were given in protected fields, with no getters. */
    @SuppressWarnings("unchecked")
    private static <T> T read(Command<?> command, String name) {
        var field = FIELDS.computeIfAbsent(command.getClass().getName() + "#" + name, key -> find(command.getClass(), name));
        try {
            return (T) field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
        }
    }

    private static Field find(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                var field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new IllegalStateException(type.getName() + " has no field " + name + ": has the engine changed?");
    }
}
