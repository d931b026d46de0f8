package org.carepath.access;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.carepath.audit.Audit;
import org.carepath.child.ChildNotFoundException;
import org.carepath.child.Children;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.carepath.identity.Teams;
import org.springframework.stereotype.Service;

/**
 * The scope rule. A user may see and change a child's record when:
 * <ul>
 *   <li>they are an administrator or a senior manager: a service manager, head of service or director
 *       (the service's children are theirs);</li>
 *   <li>they are a social worker or team manager in the child's team (the team of the child's current
 *       allocation, or the front door for a child not yet allocated);</li>
 *   <li>the child is allocated to them;</li>
 *   <li>work about the child is theirs now: an open task assigned to them, or offered to one of their
 *       groups and not yet taken by anyone;</li>
 *   <li>for the roles that serve every team (IROs and conference chairs, solicitors, panel administrators,
 *       agency decision makers, personal advisers): work about the child was theirs (a task they took or
 *       completed). Once one IRO takes a child's conference, the others no longer see the child;</li>
 *   <li>a module says so ({@link ChildScope}): the panel administrator sees the children booked on the
 *       panel's open sittings.</li>
 * </ul>
 * Anything else is answered as if the child did not exist (404), so nothing about them leaks.
 */
@Service
public class ChildAccess {

    static final List<String> SEE_EVERY_CHILD = List.of(Groups.ADMIN, "camunda-admin", Groups.SERVICE_MANAGER,
            Groups.HEAD_OF_SERVICE, Groups.DIRECTOR);
    static final List<String> SERVE_EVERY_TEAM = List.of(Groups.IRO, Groups.LEGAL, Groups.PANEL_ADMINISTRATOR,
            Groups.AGENCY_DECISION_MAKER, Groups.PERSONAL_ADVISER);

    private final Children children;
    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identity;
    private final Audit audit;
    private final List<ChildScope> scopes;
    private final org.camunda.bpm.engine.RuntimeService runtime;

    ChildAccess(Children children, TaskService tasks, HistoryService history, IdentityService identity, Audit audit,
                List<ChildScope> scopes, org.camunda.bpm.engine.RuntimeService runtime) {
        this.scopes = scopes;
        this.runtime = runtime;
        this.children = children;
        this.tasks = tasks;
        this.history = history;
        this.identity = identity;
        this.audit = audit;
    }

    public Viewer viewer() {
        return Viewer.current(identity);
    }

    /** The team whose work the child is: their allocation's team, or the front door. */
    public String teamOf(String childReference) {
        return children.responsibleTeam(childReference).orElse(Teams.FRONT_DOOR);
    }

    public boolean canAccess(Viewer viewer, String childReference) {
        if (viewer.isSystem() || SEE_EVERY_CHILD.stream().anyMatch(viewer::in)) {
            return true;
        }
        if (!children.exists(childReference)) {
            return false;
        }
        if (viewer.in(teamOf(childReference)) && Teams.TEAM_SCOPED_ROLES.stream().anyMatch(viewer::in)) {
            return true;
        }
        if (children.allocatedWorker(childReference).filter(viewer.userId()::equals).isPresent()) {
            return true;
        }
        if (hasOpenWork(viewer, childReference)) {
            return true;
        }
        if (SERVE_EVERY_TEAM.stream().anyMatch(viewer::in) && everInvolved(viewer, childReference)) {
            return true;
        }
        return scopes.stream().anyMatch(scope -> scope.includes(viewer, childReference));
    }

    /**
     * Which of these children the viewer may see, by the same rule as {@link #canAccess}, with a few queries for all of
     * them rather than several per child: for pages that list every child in a scope.
     */
    public java.util.Set<String> accessible(Viewer viewer, Collection<String> childReferences) {
        if (viewer.isSystem() || SEE_EVERY_CHILD.stream().anyMatch(viewer::in)) {
            return new java.util.HashSet<>(childReferences);
        }
        var summaries = children.summaries(childReferences);
        var teamScoped = Teams.TEAM_SCOPED_ROLES.stream().anyMatch(viewer::in);
        var seen = new java.util.HashSet<String>();
        summaries.values().forEach(child -> {
            var allocation = child.allocation();
            if ((teamScoped && viewer.in(allocation == null || allocation.team() == null ? Teams.FRONT_DOOR : allocation.team()))
                    || (allocation != null && viewer.userId() != null && viewer.userId().equals(allocation.worker()))) {
                seen.add(child.reference());
            }
        });
        var rest = new java.util.HashSet<>(summaries.keySet());
        rest.removeAll(seen);
        if (!rest.isEmpty()) {
            var withWork = childrenWithOpenWork(viewer);
            if (SERVE_EVERY_TEAM.stream().anyMatch(viewer::in)) {
                withWork.addAll(childrenEverInvolved(viewer));
            }
            withWork.retainAll(rest);
            seen.addAll(withWork);
            rest.removeAll(withWork);
        }
        for (var scope : scopes) {
            if (rest.isEmpty()) {
                break;
            }
            var included = scope.included(viewer, rest);
            seen.addAll(included);
            rest.removeAll(included);
        }
        return seen;
    }

    /** Answers 404 for a child outside the current user's scope, as for a child that does not exist. */
    public void require(String childReference) {
        if (!canAccess(viewer(), childReference)) {
            throw new ChildNotFoundException(childReference);
        }
    }

    /** The items about children the current user may see; each child seen is a read of their record (audited). */
    public <T> List<T> visible(Collection<T> items, Function<T, String> childReference, String subject) {
        var viewer = viewer();
        var visible = items.stream().filter(item -> canAccess(viewer, childReference.apply(item))).toList();
        visible.stream().map(childReference).distinct().forEach(child -> audit.read(child, subject));
        return visible;
    }

    private boolean hasOpenWork(Viewer viewer, String childReference) {
        if (tasks.createTaskQuery().processInstanceBusinessKey(childReference).taskAssignee(viewer.userId()).count() > 0) {
            return true;
        }
        return !viewer.groups().isEmpty() && tasks.createTaskQuery().processInstanceBusinessKey(childReference)
                .taskCandidateGroupIn(List.copyOf(viewer.groups())).taskUnassigned().count() > 0;
    }

    /** The children of the open tasks assigned to the viewer, or offered to their groups and not yet taken. */
    private java.util.Set<String> childrenWithOpenWork(Viewer viewer) {
        var processInstances = new java.util.HashSet<String>();
        if (viewer.userId() != null) {
            tasks.createTaskQuery().taskAssignee(viewer.userId()).list().forEach(t -> processInstances.add(t.getProcessInstanceId()));
        }
        if (!viewer.groups().isEmpty()) {
            tasks.createTaskQuery().taskCandidateGroupIn(List.copyOf(viewer.groups())).taskUnassigned().list()
                    .forEach(t -> processInstances.add(t.getProcessInstanceId()));
        }
        processInstances.remove(null);
        var children = new java.util.HashSet<String>();
        if (!processInstances.isEmpty()) {
            runtime.createProcessInstanceQuery().processInstanceIds(processInstances).list().stream()
                    .map(org.camunda.bpm.engine.runtime.ProcessInstance::getBusinessKey).filter(java.util.Objects::nonNull)
                    .forEach(children::add);
        }
        return children;
    }

    /** The children of the tasks the viewer ever took or completed. */
    private java.util.Set<String> childrenEverInvolved(Viewer viewer) {
        var children = new java.util.HashSet<String>();
        if (viewer.userId() == null) {
            return children;
        }
        var processInstances = new java.util.HashSet<String>();
        history.createHistoricTaskInstanceQuery().taskAssignee(viewer.userId()).list()
                .forEach(t -> processInstances.add(t.getProcessInstanceId()));
        processInstances.remove(null);
        if (!processInstances.isEmpty()) {
            history.createHistoricProcessInstanceQuery().processInstanceIds(processInstances).list().stream()
                    .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getBusinessKey).filter(java.util.Objects::nonNull)
                    .forEach(children::add);
        }
        return children;
    }

    private boolean everInvolved(Viewer viewer, String childReference) {
        return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(childReference)
                .taskAssignee(viewer.userId()).count() > 0;
    }
}
