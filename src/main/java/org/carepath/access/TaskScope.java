package org.carepath.access;

import java.util.List;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.carepath.audit.Audit;
import org.carepath.engine.Refusal;
import org.carepath.engine.UserCommand;
import org.carepath.engine.UserCommandCheck;
import org.carepath.identity.Groups;
import org.carepath.identity.Teams;
import org.carepath.identity.Viewer;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may act on a task, whatever way they ask the engine:
 * <ul>
 *   <li>a task the user may not see is answered as one that does not exist (404), never 403, so that
 *       nothing says another team's child has work open;</li>
 *   <li>a worker claims a task for themselves only: giving a task to someone else lets them see the
 *       child, so it is the act of a team manager of the child's team, to someone in that team, and it
 *       is on the child's audit trail.</li>
 * </ul>
 */
@Component
@Order(1)
class TaskScope implements UserCommandCheck {

    private final ChildAccess access;
    private final Audit audit;
    private final IdentityService identity;

    TaskScope(@Lazy ChildAccess access, @Lazy Audit audit, @Lazy IdentityService identity) {
        this.access = access;
        this.audit = audit;
        this.identity = identity;
    }

    @Override
    public void before(UserCommand command) {
        var context = Context.getCommandContext();
        if (command.kind() == UserCommand.Kind.CHANGE_JOURNEY && !context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication())) {
            // journeys move through their tasks; by hand, only administrators move them, and no one learns that another team's exists
            var journey = command.executionId() == null ? null : context.getExecutionManager().findExecutionById(command.executionId());
            var readable = journey != null && context.getProcessEngineConfiguration().getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(journey.getProcessInstanceId()).count() > 0;
            throw readable ? Refusal.forbidden("Journeys move on through their tasks; only administrators move them by hand.")
                    : Refusal.notFound("No journey " + command.executionId());
        }
        if (command.taskId() == null) {
            return;
        }
        var task = context.getTaskManager().findTaskById(command.taskId());
        if (command.givesTheTask() && handsOver(command) && task != null) {
            var team = teamOf(task);
            var managesTheTeam = team != null && Viewer.of(identity, command.userId()).in(Teams.roleInTeam(team, Groups.TEAM_MANAGER));
            if (!managesTheTeam && !mayRead(task)) {
                throw Refusal.noSuchTask(command.taskId());
            }
            if (!managesTheTeam || !inTeam(command.assignee(), team)) {
                throw Refusal.forbidden("A task is claimed by the one who will do it. Only a team manager of the child's team"
                        + " gives it to someone else, and only to someone in that team.");
            }
            refuseIfClaimed(command, task);
            // the team's manager need not be offered the task to hand it over
            context.disableAuthorizationCheck();
            return;
        }
        if (task == null) {
            refuseIfDoneAlready(command);
        }
        if (task == null || !mayRead(task)) {
            throw Refusal.noSuchTask(command.taskId());
        }
        refuseIfClaimed(command, task);
        if (command.kind() == UserCommand.Kind.DELETE_TASK && task.getProcessInstanceId() != null) {
            throw new Refusal(Status.CONFLICT, "conflict", "Part of a journey", "The task is part of the child's journey:"
                    + " it ends when its work is done, and cannot be deleted.", List.of());
        }
    }

    @Override
    public void after(UserCommand command, Object result) {
        if (command.givesTheTask() && handsOver(command)) {
            var task = Context.getCommandContext().getTaskManager().findTaskById(command.taskId());
            var child = childOf(task);
            if (child != null) {
                audit.changed(child, "task handed over", task.getName() + " to " + command.assignee());
            }
        }
    }

    /** The engine's own answer would be 500, in both the Tasklist's API and {@code /engine-rest}. */
    private static void refuseIfClaimed(UserCommand command, TaskEntity task) {
        if (command.kind() == UserCommand.Kind.CLAIM_TASK && command.assignee() != null && task.getAssignee() != null
                && !task.getAssignee().equals(command.assignee())) {
            throw new Refusal(Status.CONFLICT, "conflict", "Conflict", "The task is already claimed by " + task.getAssignee()
                    + ": it is theirs now. Ask them, or the team manager, if it should be yours.", List.of());
        }
    }

    /**
     * Two people did the same task at once and the other finished first: say so (409), to whoever may see the child,
     * rather than that no such task exists.
     */
    private void refuseIfDoneAlready(UserCommand command) {
        if (command.kind() != UserCommand.Kind.WRITE_TASK && command.kind() != UserCommand.Kind.CLAIM_TASK) {
            return;
        }
        var context = Context.getCommandContext();
        var done = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(command.taskId());
        if (done == null || done.getEndTime() == null || done.getProcessInstanceId() == null) {
            return;
        }
        var journey = context.getHistoricProcessInstanceManager().findHistoricProcessInstance(done.getProcessInstanceId());
        var child = journey == null ? null : journey.getBusinessKey();
        var viewer = Viewer.of(identity, command.userId());
        if (child == null || !(access.canAccess(viewer, child) || wasOfferedTo(context, done.getId(), viewer))) {
            return;
        }
        var by = done.getAssignee() == null ? "someone else" : done.getAssignee().equals(command.userId()) ? "you" : done.getAssignee();
        throw new Refusal(Status.CONFLICT, "conflict", "Done already", "This task (" + done.getName() + ") was already completed by "
                + by + ", just before you: what you sent was not recorded. Refresh your task list to see what is to be done now.",
                List.of());
    }

    /**
     * Whether the task was theirs to do, offered to them or one of their groups: the one who lost the race may have
     * no other reason to see the child once it is done, and is still told it is done rather than that it never was.
     */
    private static boolean wasOfferedTo(org.camunda.bpm.engine.impl.interceptor.CommandContext context, String taskId, Viewer viewer) {
        return context.getProcessEngineConfiguration().getHistoryService().createHistoricIdentityLinkLogQuery().taskId(taskId).list()
                .stream().anyMatch(link -> viewer.userId().equals(link.getUserId())
                        || (link.getGroupId() != null && viewer.groups().contains(link.getGroupId())));
    }

    private static boolean handsOver(UserCommand command) {
        return command.assignee() != null && !command.assignee().equals(command.userId());
    }

    private static boolean mayRead(TaskEntity task) {
        var tasks = Context.getCommandContext().getProcessEngineConfiguration().getTaskService();
        return tasks.createTaskQuery().taskId(task.getId()).count() > 0;
    }

    private String teamOf(TaskEntity task) {
        var child = childOf(task);
        return child == null ? null : access.teamOf(child);
    }

    private boolean inTeam(String user, String team) {
        var assignee = Viewer.of(identity, user);
        return Teams.TEAM_SCOPED_ROLES.stream().anyMatch(role -> assignee.in(Teams.roleInTeam(team, role)));
    }

    private static String childOf(TaskEntity task) {
        return task == null || task.getProcessInstance() == null ? null : task.getProcessInstance().getBusinessKey();
    }
}
