package org.carepath.tracker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.carepath.access.ChildAccess;
import org.carepath.child.ChildView;
import org.carepath.child.Children;
import org.carepath.child.RecentAllocations;
import org.carepath.identity.Groups;
import org.carepath.identity.Teams;
import org.carepath.identity.Viewer;
import org.carepath.timescale.Timescales;
import org.springframework.stereotype.Service;

/**
 * Caseloads, computed live: the children allocated to each worker and team (the child record's current allocations),
 * the open tasks of their journeys (the engine's tasks, each about the child whose journey it is) and those past the
 * engine's due date, and each child's changes of social worker in the last 12 months (the allocation history).
 *
 * <p>Scope: a team manager sees their team's children (and the front door's), a service manager, head of service,
 * director or administrator every team: {@link ChildAccess}'s rule. A social worker sees their own caseload only: the
 * children allocated to them and the tasks assigned to them.
 */
@Service
class Caseloads {

    /** Who has the caseloads page: the social work line. */
    static final List<String> VIEWERS = List.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER,
            Groups.HEAD_OF_SERVICE, Groups.DIRECTOR, Groups.ADMIN);
    /** Who sees whole teams rather than only their own caseload. */
    static final List<String> WHOLE_TEAMS = List.of(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.HEAD_OF_SERVICE,
            Groups.DIRECTOR, Groups.ADMIN);
    /** The longest a list of children on the page gets; the counts above it are always whole. */
    static final int MOST_ROWS = 200;
    static final String NOT_ALLOCATED = "";

    private final Children children;
    private final ChildAccess access;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final Timescales timescales;

    Caseloads(Children children, ChildAccess access, RuntimeService runtime, TaskService tasks, IdentityService identity,
              Timescales timescales) {
        this.children = children;
        this.access = access;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.timescales = timescales;
    }

    /** A team's load: its allocated children and workers, and the open tasks about its children. */
    record TeamLoad(String team, String teamName, int workers, int children, long openTasks, long notPickedUp, long overdueTasks) {
    }

    /** A worker's load: the children allocated to them and the open tasks assigned to them. */
    record WorkerLoad(String worker, String workerName, String teamName, int children, long openTasks, long overdueTasks) {
    }

    /** An open task past its due date. */
    record OverdueTask(String reference, String childName, String taskId, String task, LocalDate due, int workingDaysLate,
                       String heldBy) {

        public String dueText() {
            return due.format(TrackerPage.DAY);
        }
    }

    /** A change of the child's social worker, on the day the new allocation started. */
    record Change(LocalDate on, String from, String to) {

        public String onText() {
            return on.format(TrackerPage.DAY);
        }
    }

    /** A child whose social worker changed in the last 12 months, with each change. */
    record ChildChanges(String reference, String childName, String workerName, String teamName, List<Change> changes) {
    }

    /**
     * The page's content. {@code overdueTotal} and {@code changesTotal} count every row, {@code overdue} and
     * {@code changes} hold at most {@link #MOST_ROWS}; {@code teamOptions} are the teams in scope, whatever the filter.
     */
    record View(boolean ownCaseload, List<TeamLoad> teams, List<WorkerLoad> workers, List<OverdueTask> overdue, int overdueTotal,
                List<ChildChanges> changes, int changesTotal, LocalDate changesSince, Map<String, String> teamOptions) {

        public String changesSinceText() {
            return changesSince.format(TrackerPage.DAY);
        }

        /** Every child the page names, in the order it names them. */
        Set<String> childrenShown() {
            var shown = new LinkedHashSet<String>();
            overdue.forEach(task -> shown.add(task.reference()));
            changes.forEach(child -> shown.add(child.reference()));
            return shown;
        }
    }

    LocalDate today() {
        return timescales.today();
    }

    /** The caseloads in the viewer's scope, narrowed to one team ({@code team}, or null for every team in scope). */
    View of(Viewer viewer, String team) {
        var now = timescales.now();
        var today = timescales.today();
        var yearAgo = today.minusYears(1); // a change counts from the day after
        boolean own = WHOLE_TEAMS.stream().noneMatch(viewer::in);
        var scope = new HashMap<String, Boolean>();
        java.util.function.Predicate<String> inScope = reference -> scope.computeIfAbsent(reference, r -> access.canAccess(viewer, r));

        // the children allocated, each with their allocations of the last 12 months and the one as it stands
        var allocated = new LinkedHashMap<String, RecentAllocations>();
        var teamByChild = new HashMap<String, String>();
        var teamNames = new HashMap<String, String>();
        teamNames.put(Teams.FRONT_DOOR, "Not yet allocated (front door)");
        var teamOptions = new TreeMap<String, String>();
        for (var child : children.allocationsSince(yearAgo.plusDays(1).atStartOfDay(timescales.zone()).toInstant())) {
            var current = current(child);
            if (current == null) {
                continue;
            }
            teamByChild.put(child.childReference(), teamOf(current));
            teamNames.putIfAbsent(teamOf(current), teamNameOf(current));
            if (own ? !Objects.equals(viewer.userId(), current.worker()) : !inScope.test(child.childReference())) {
                continue;
            }
            teamOptions.putIfAbsent(teamOf(current), teamNameOf(current));
            if (team == null || team.equals(teamOf(current))) {
                allocated.put(child.childReference(), child);
            }
        }

        // the open tasks of the journeys of the children in scope (a social worker's: those assigned to them)
        var childOf = new HashMap<String, String>();
        Viewer.asTheApplication(identity, () -> runtime.createProcessInstanceQuery().list()).stream()
                .filter(instance -> instance.getBusinessKey() != null)
                .forEach(instance -> childOf.put(instance.getId(), instance.getBusinessKey()));
        var isChild = new HashMap<String, Boolean>();
        var counted = new ArrayList<Task>();
        for (var task : Viewer.asTheApplication(identity, () -> tasks.createTaskQuery().active().list())) {
            var reference = childOf.get(task.getProcessInstanceId());
            if (reference == null || !isChild.computeIfAbsent(reference, r -> teamByChild.containsKey(r) || children.exists(r))) {
                continue;
            }
            if (own) {
                if (Objects.equals(viewer.userId(), task.getAssignee())) {
                    counted.add(task);
                }
            } else if ((team == null || team.equals(teamByChild.getOrDefault(reference, Teams.FRONT_DOOR))) && inScope.test(reference)) {
                counted.add(task);
            }
        }

        var overdueTasks = counted.stream().filter(task -> task.getDueDate() != null && task.getDueDate().before(Date.from(now))).toList();
        var names = new HashMap<String, String>();
        var teams = own ? List.<TeamLoad>of() : teams(allocated, counted, overdueTasks, childOf, teamByChild, teamNames);
        var workers = workers(allocated, counted, overdueTasks, names);

        var overdue = overdueTasks.stream().sorted(Comparator.comparing(Task::getDueDate).thenComparing(Task::getId)).map(task -> {
            var reference = childOf.get(task.getProcessInstanceId());
            var due = timescales.dateOf(task.getDueDate().toInstant());
            return new OverdueTask(reference, childName(reference, allocated), task.getId(), withoutChild(task.getName(), reference), due,
                    timescales.workingDaysLate(due, today),
                    task.getAssignee() == null ? null : names.computeIfAbsent(task.getAssignee(), this::displayName));
        }).toList();

        var changes = allocated.values().stream().map(child -> {
            var list = new ArrayList<Change>();
            var allocations = child.allocations();
            for (int i = 1; i < allocations.size(); i++) {
                var previous = allocations.get(i - 1);
                var next = allocations.get(i);
                var on = timescales.dateOf(next.from());
                if (on.isAfter(yearAgo) && !Objects.equals(previous.worker(), next.worker())) {
                    list.add(new Change(on, nameOf(previous), nameOf(next)));
                }
            }
            var current = current(child);
            return new ChildChanges(child.childReference(), child.childName(), nameOf(current), teamNameOf(current), List.copyOf(list));
        }).filter(child -> !child.changes().isEmpty())
                .sorted(Comparator.comparingInt((ChildChanges child) -> child.changes().size()).reversed()
                        .thenComparing(ChildChanges::childName).thenComparing(ChildChanges::reference))
                .toList();

        return new View(own, teams, workers, overdue.subList(0, Math.min(MOST_ROWS, overdue.size())), overdue.size(),
                changes.subList(0, Math.min(MOST_ROWS, changes.size())), changes.size(), yearAgo.plusDays(1), teamOptions);
    }

    private List<TeamLoad> teams(Map<String, RecentAllocations> allocated, List<Task> counted, List<Task> overdue,
                                 Map<String, String> childOf, Map<String, String> teamByChild, Map<String, String> teamNames) {
        var childrenByTeam = new HashMap<String, Integer>();
        var workersByTeam = new HashMap<String, Set<String>>();
        allocated.values().forEach(child -> {
            var current = current(child);
            childrenByTeam.merge(teamOf(current), 1, Integer::sum);
            workersByTeam.computeIfAbsent(teamOf(current), t -> new java.util.HashSet<>()).add(current.worker());
        });
        java.util.function.Function<Task, String> teamOfTask = task -> teamByChild.getOrDefault(childOf.get(task.getProcessInstanceId()),
                Teams.FRONT_DOOR);
        var open = new HashMap<String, Long>();
        var waiting = new HashMap<String, Long>();
        var late = new HashMap<String, Long>();
        counted.forEach(task -> open.merge(teamOfTask.apply(task), 1L, Long::sum));
        counted.stream().filter(task -> task.getAssignee() == null).forEach(task -> waiting.merge(teamOfTask.apply(task), 1L, Long::sum));
        overdue.forEach(task -> late.merge(teamOfTask.apply(task), 1L, Long::sum));
        // the front door's children: not yet allocated, with work open
        childrenByTeam.merge(Teams.FRONT_DOOR, (int) counted.stream().map(task -> childOf.get(task.getProcessInstanceId()))
                .filter(reference -> !teamByChild.containsKey(reference)).distinct().count(), Integer::sum);

        var everyTeam = new LinkedHashSet<String>(childrenByTeam.keySet());
        everyTeam.addAll(open.keySet());
        return everyTeam.stream().filter(team -> childrenByTeam.getOrDefault(team, 0) > 0 || open.containsKey(team))
                .map(team -> new TeamLoad(team, teamNames.getOrDefault(team, team), workersByTeam.getOrDefault(team, Set.of()).size(),
                        childrenByTeam.getOrDefault(team, 0), open.getOrDefault(team, 0L), waiting.getOrDefault(team, 0L),
                        late.getOrDefault(team, 0L)))
                .sorted(Comparator.comparing((TeamLoad load) -> load.team().equals(Teams.FRONT_DOOR)).thenComparing(TeamLoad::teamName))
                .toList();
    }

    private List<WorkerLoad> workers(Map<String, RecentAllocations> allocated, List<Task> counted, List<Task> overdue,
                                     Map<String, String> names) {
        var caseload = new HashMap<String, Integer>();
        var teamNames = new HashMap<String, Set<String>>();
        allocated.values().forEach(child -> {
            var current = current(child);
            caseload.merge(current.worker(), 1, Integer::sum);
            names.putIfAbsent(current.worker(), nameOf(current));
            teamNames.computeIfAbsent(current.worker(), w -> new java.util.TreeSet<>()).add(teamNameOf(current));
        });
        var open = new HashMap<String, Long>();
        var late = new HashMap<String, Long>();
        counted.stream().filter(task -> task.getAssignee() != null).forEach(task -> open.merge(task.getAssignee(), 1L, Long::sum));
        overdue.stream().filter(task -> task.getAssignee() != null).forEach(task -> late.merge(task.getAssignee(), 1L, Long::sum));
        // someone holding a task with no child allocated is shown if they are of the social work line: not the IRO
        // chairing a child's review, whose tasks count in the team's total but who is nobody's caseholder
        var everyone = new LinkedHashSet<String>(caseload.keySet());
        open.keySet().stream().filter(worker -> caseload.containsKey(worker)
                || Teams.TEAM_SCOPED_ROLES.stream().anyMatch(Viewer.of(identity, worker)::in)).forEach(everyone::add);
        return everyone.stream().map(worker -> new WorkerLoad(worker, names.computeIfAbsent(worker, this::displayName),
                        teamNames.containsKey(worker) ? String.join(", ", teamNames.get(worker)) : null, caseload.getOrDefault(worker, 0),
                        open.getOrDefault(worker, 0L), late.getOrDefault(worker, 0L)))
                .sorted(Comparator.comparing(WorkerLoad::workerName).thenComparing(WorkerLoad::worker)).toList();
    }

    /**
     * A task's name without the child it is about: the engine's task names end with the child's name and reference
     * after a colon, which a row that names the child already need not repeat.
     */
    static String withoutChild(String taskName, String reference) {
        if (taskName == null) {
            return null;
        }
        int colon = taskName.lastIndexOf(": ");
        return colon > 0 && taskName.endsWith("(" + reference + ")") ? taskName.substring(0, colon) : taskName;
    }

    private String childName(String reference, Map<String, RecentAllocations> allocated) {
        var child = allocated.get(reference);
        return child != null ? child.childName() : children.get(reference).name();
    }

    private static ChildView.AllocationView current(RecentAllocations child) {
        var last = child.allocations().get(child.allocations().size() - 1);
        return last.to() == null ? last : null;
    }

    private static String teamOf(ChildView.AllocationView allocation) {
        return allocation.team() == null ? NOT_ALLOCATED : allocation.team();
    }

    private static String teamNameOf(ChildView.AllocationView allocation) {
        return allocation.teamName() != null ? allocation.teamName() : allocation.team() != null ? allocation.team() : "No team";
    }

    private static String nameOf(ChildView.AllocationView allocation) {
        return allocation.workerName() == null ? allocation.worker() : allocation.workerName();
    }

    private String displayName(String user) {
        return ManagerView.displayName(identity, user);
    }
}
