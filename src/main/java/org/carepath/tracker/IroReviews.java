package org.carepath.tracker;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.carepath.access.ChildAccess;
import org.carepath.child.Children;
import org.carepath.drift.DeadlineStatus;
import org.carepath.drift.DeadlineView;
import org.carepath.drift.Deadlines;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.carepath.lookedafter.DisputeView;
import org.carepath.lookedafter.Disputes;
import org.carepath.lookedafter.LookedAfter;
import org.carepath.lookedafter.PeriodInCareView;
import org.carepath.timescale.Timescales;
import org.springframework.stereotype.Service;

/**
 * The IRO's page, computed live: the children looked after whose IRO they are (the period in care's IRO, appointed
 * by the team), the next looked-after review of each with its clock (on time, due soon, overdue), and the IRO's open
 * disputes (iro-dispute-resolution.bpmn) with the stage each has climbed to and the step it waits at.
 *
 * <p>Scope: an IRO sees the children they review; a manager sees every child looked after in their scope
 * ({@link ChildAccess}'s rule) with their IRO, or none yet appointed, so they see the IROs' load for their children.
 */
@Service
class IroReviews {

    static final List<String> MANAGERS = List.of(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.HEAD_OF_SERVICE,
            Groups.DIRECTOR, Groups.ADMIN);
    /** Who has the page: IROs, and the managers of the children they review. */
    static final List<String> VIEWERS = java.util.stream.Stream.concat(java.util.stream.Stream.of(Groups.IRO), MANAGERS.stream()).toList();
    /** The review stages' clocks (looked-after-child.bpmn) and the tasks the IRO holds the reviews in. */
    static final List<String> REVIEW_CLOCKS = ManagerView.REVIEWS;
    static final List<String> REVIEW_TASKS = List.of("Task_HoldFirstReview", "Task_HoldSecondReview", "Task_HoldLookedAfterReview");

    private final LookedAfter lookedAfter;
    private final Disputes disputes;
    private final Deadlines deadlines;
    private final Children children;
    private final ChildAccess access;
    private final TaskService tasks;
    private final IdentityService identity;
    private final Timescales timescales;

    IroReviews(LookedAfter lookedAfter, Disputes disputes, Deadlines deadlines, Children children, ChildAccess access,
               TaskService tasks, IdentityService identity, Timescales timescales) {
        this.lookedAfter = lookedAfter;
        this.disputes = disputes;
        this.deadlines = deadlines;
        this.children = children;
        this.access = access;
        this.tasks = tasks;
        this.identity = identity;
        this.timescales = timescales;
    }

    /** A child reviewed, and their next review: which, when due, its RAG, and the task it is held in. */
    record Reviewed(String reference, String childName, String iro, String iroName, String workerName, String teamName,
                    LocalDate lastReview, int reviewsHeld, String nextReview, LocalDate due, String tone, String words,
                    int workingDaysOverdue, String taskId) {

        public boolean overdue() {
            return "red".equals(tone);
        }

        public String dueText() {
            return due == null ? null : due.format(TrackerPage.DAY);
        }

        public String lastReviewText() {
            return lastReview == null ? null : lastReview.format(TrackerPage.DAY);
        }
    }

    /** An open dispute: the stage it has climbed to, and the step it waits at, held by whom, due when. */
    record OpenDispute(String reference, String childName, String iroName, LocalDate raisedOn, long daysOpen, String concern,
                       String stage, String step, String heldBy, LocalDate stepDue, boolean stepOverdue, String taskId,
                       boolean viewerMayOpen) {

        public String raisedOnText() {
            return raisedOn.format(TrackerPage.DAY);
        }

        public String stepDueText() {
            return stepDue == null ? null : stepDue.format(TrackerPage.DAY);
        }
    }

    /** The page's content; {@code iros} are the IROs of the children in scope, to narrow by (a manager's page). */
    record View(boolean ownReviews, List<Reviewed> children, List<Reviewed> overdue, List<OpenDispute> disputes,
                Map<String, String> iros) {

        Set<String> childrenShown() {
            var shown = new LinkedHashSet<String>();
            children.forEach(child -> shown.add(child.reference()));
            disputes.forEach(dispute -> shown.add(dispute.reference()));
            return shown;
        }
    }

    View of(Viewer viewer, String iro) {
        var today = timescales.today();
        boolean own = MANAGERS.stream().noneMatch(viewer::in);
        var names = new HashMap<String, String>();
        var periods = lookedAfter.openPeriods().stream()
                .filter(period -> own ? Objects.equals(viewer.userId(), period.iro()) : true)
                .filter(period -> access.canAccess(viewer, period.childReference()))
                .toList();
        var iros = new TreeMap<String, String>();
        periods.stream().map(PeriodInCareView::iro).filter(Objects::nonNull).distinct()
                .forEach(user -> iros.put(user, names.computeIfAbsent(user, this::displayName)));
        var shown = periods.stream().filter(period -> iro == null || iro.equals(period.iro())).toList();

        var reviewTasks = new HashMap<String, Task>();
        Viewer.asTheApplication(identity, () -> tasks.createTaskQuery().taskDefinitionKeyIn(REVIEW_TASKS.toArray(String[]::new)).list())
                .forEach(task -> reviewTasks.putIfAbsent(task.getProcessInstanceId(), task));
        var reviewed = shown.stream().map(period -> reviewed(period, reviewTasks.get(period.processInstanceId()), names))
                .sorted(Comparator.comparing((Reviewed r) -> r.due() == null ? LocalDate.MAX : r.due())
                        .thenComparing(Reviewed::childName).thenComparing(Reviewed::reference))
                .toList();
        var overdue = reviewed.stream().filter(Reviewed::overdue)
                .sorted(Comparator.comparingInt(Reviewed::workingDaysOverdue).reversed().thenComparing(Reviewed::childName)).toList();

        var byChild = new HashMap<String, Reviewed>();
        reviewed.forEach(r -> byChild.put(r.reference(), r));
        var open = disputes.open().stream()
                .filter(dispute -> byChild.containsKey(dispute.childReference())
                        || own && iro == null && Objects.equals(viewer.userId(), dispute.raisedBy()) && access.canAccess(viewer, dispute.childReference()))
                .map(dispute -> openDispute(dispute, byChild.get(dispute.childReference()), names, today, viewer, own))
                .toList();
        return new View(own, reviewed, overdue, open, iros);
    }

    private Reviewed reviewed(PeriodInCareView period, Task task, Map<String, String> names) {
        var child = children.get(period.childReference());
        var allocation = child.allocatedWorker();
        var held = period.reviews().stream().filter(review -> review.heldOn() != null).toList();
        var last = held.stream().map(PeriodInCareView.ReviewView::heldOn).max(Comparator.naturalOrder()).orElse(null);
        var next = deadlines.openForProcess(period.processInstanceId()).stream().filter(d -> REVIEW_CLOCKS.contains(d.timescale()))
                .min(Comparator.comparing(DeadlineView::dueDate));
        var which = next.map(d -> switch (d.timescale()) {
            case "FIRST_LOOKED_AFTER_REVIEW" -> "First review";
            case "SECOND_LOOKED_AFTER_REVIEW" -> "Second review";
            default -> "Review " + (held.size() + 1);
        }).orElse(null);
        var status = next.map(DeadlineView::status).orElse(null);
        return new Reviewed(period.childReference(), child.name(), period.iro(),
                period.iro() == null ? null : names.computeIfAbsent(period.iro(), this::displayName),
                allocation == null ? null : allocation.workerName() == null ? allocation.worker() : allocation.workerName(),
                allocation == null ? null : allocation.teamName(), last, held.size(), which, next.map(DeadlineView::dueDate).orElse(null),
                status == null ? null : status == DeadlineStatus.OVERDUE ? "red" : status == DeadlineStatus.WARNING ? "amber" : "green",
                status == null ? null : status == DeadlineStatus.OVERDUE ? "Overdue" : status == DeadlineStatus.WARNING ? "Due soon" : "On time",
                next.map(DeadlineView::workingDaysOverdue).orElse(0), task == null ? null : task.getId());
    }

    private OpenDispute openDispute(DisputeView dispute, Reviewed child, Map<String, String> names, LocalDate today, Viewer viewer,
                                    boolean own) {
        var step = dispute.processInstanceId() == null ? null : Viewer.asTheApplication(identity, () -> tasks.createTaskQuery()
                .processInstanceId(dispute.processInstanceId()).orderByDueDate().asc().list().stream().findFirst().orElse(null));
        var due = step == null || step.getDueDate() == null ? null : timescales.dateOf(step.getDueDate().toInstant());
        var heldBy = step == null ? null : step.getAssignee() != null ? names.computeIfAbsent(step.getAssignee(), this::displayName)
                : "Waiting for " + waitingFor(step.getId());
        var concern = dispute.concern().length() <= 160 ? dispute.concern() : dispute.concern().substring(0, 157).strip() + "…";
        return new OpenDispute(dispute.childReference(), child != null ? child.childName() : children.get(dispute.childReference()).name(),
                dispute.raisedBy() == null ? null : names.computeIfAbsent(dispute.raisedBy(), this::displayName), dispute.raisedOn(),
                java.time.temporal.ChronoUnit.DAYS.between(dispute.raisedOn(), today), concern,
                ManagerView.words(dispute.currentStage().name()), step == null ? "No step open" : Caseloads.withoutChild(step.getName(), dispute.childReference()), heldBy, due,
                due != null && step.getDueDate().toInstant().isBefore(timescales.now()), step == null ? null : step.getId(),
                // the Tasklist opens a step for the one who holds it, or for a manager who may pick it up
                step != null && (Objects.equals(viewer.userId(), step.getAssignee()) || step.getAssignee() == null && !own));
    }

    /** Who may pick the step up, in words: "Team managers (North assessment team)". */
    private String waitingFor(String taskId) {
        var groups = Viewer.asTheApplication(identity, () -> tasks.getIdentityLinksForTask(taskId)).stream()
                .filter(link -> link.getGroupId() != null).map(link -> {
                    var group = identity.createGroupQuery().groupId(link.getGroupId()).singleResult();
                    return group == null || group.getName() == null ? link.getGroupId() : group.getName();
                }).distinct().toList();
        return groups.isEmpty() ? "someone to pick it up" : String.join(", ", groups);
    }

    private String displayName(String user) {
        return ManagerView.displayName(identity, user);
    }
}
