package org.carepath.tracker;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carepath.access.ChildAccess;
import org.carepath.child.ChildView;
import org.carepath.child.Children;
import org.carepath.drift.DeadlineStatus;
import org.carepath.drift.DeadlineView;
import org.carepath.drift.Deadlines;
import org.carepath.drift.DriftAlertView;
import org.carepath.drift.DriftAlerts;
import org.carepath.identity.Teams;
import org.carepath.identity.Viewer;
import org.carepath.lookedafter.LookedAfter;
import org.carepath.lookedafter.PeriodInCareView;
import org.carepath.proceedings.Proceedings;
import org.carepath.proceedings.ProceedingsView;
import org.carepath.timescale.Timescales;
import org.springframework.stereotype.Service;

/**
 * The permanence tracker's rows, computed live: one per child in the viewer's scope who is in at least one journey,
 * from the engine (journeys, their current stage and since when), the statutory clocks (next deadline and its RAG),
 * the drift alerts, the child record (worker, changes of worker, legal status), the periods in care (placement
 * moves, permanence plan) and care proceedings (week of 26). Nobody keeps it by hand.
 */
@Service
class Tracker {

    /** Processes that are a stage's clock or its escalation, not a journey of their own. */
    static final Set<String> CLOCKS = Set.of("statutory-deadline", "drift-escalation");

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final ChildAccess access;
    private final Children children;
    private final Deadlines deadlines;
    private final DriftAlerts alerts;
    private final LookedAfter lookedAfter;
    private final Proceedings proceedings;
    private final Timescales timescales;
    private final org.carepath.adoption.AdoptionClocks adoptionClocks;
    private final Map<String, Definition> definitions = new java.util.concurrent.ConcurrentHashMap<>();

    private record Definition(String key, String name) {
    }

    Tracker(RuntimeService runtime, HistoryService history, RepositoryService repository, IdentityService identity, ChildAccess access,
            Children children, Deadlines deadlines, DriftAlerts alerts, LookedAfter lookedAfter, Proceedings proceedings,
            Timescales timescales, org.carepath.adoption.AdoptionClocks adoptionClocks) {
        this.adoptionClocks = adoptionClocks;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.access = access;
        this.children = children;
        this.deadlines = deadlines;
        this.alerts = alerts;
        this.lookedAfter = lookedAfter;
        this.proceedings = proceedings;
        this.timescales = timescales;
    }

    enum Rag {
        RED, AMBER, GREEN, NONE;

        String words() {
            return switch (this) {
                case RED -> "Red";
                case AMBER -> "Amber";
                case GREEN -> "Green";
                case NONE -> "No clock";
            };
        }

        static Rag of(DeadlineStatus status) {
            return switch (status) {
                case OVERDUE -> RED;
                case WARNING -> AMBER;
                case ON_TIME -> GREEN;
            };
        }
    }

    /** A journey the child is in, where it stands, and for how many days it has stood there. */
    record Journey(String key, String name, String processInstanceId, String stage, long daysInStage) {
    }

    /** The child's next statutory deadline: the earliest open clock of any journey. */
    record NextDeadline(String work, LocalDate due, Rag rag, int workingDaysOverdue) {
    }

    /** Whether the permanence plan was ratified by the second looked-after review. */
    enum Ratified {
        YES("Yes"), AFTER("After the second review"), NO("No"), NOT_YET("Not yet due");

        final String words;

        Ratified(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    record Row(String reference, String name, String team, String teamName, String worker, String workerName,
               String legalStatus, List<Journey> journeys, NextDeadline next, Rag rag, int openAlerts, Integer rung,
               int workersInLast12Months, Integer placementMoves, String permanencePlan, Ratified ratifiedBySecondReview,
               Integer proceedingsWeek, String proceedingsRisk, String adoptionScorecard) {

        /** Red before amber before green; then the higher rung, more alerts, longer overdue, the later week of 26. */
        static final Comparator<Row> BY_RISK = Comparator.comparingInt((Row row) -> row.rag().ordinal())
                .thenComparing(Comparator.comparingInt((Row row) -> row.rung() == null ? 0 : row.rung()).reversed())
                .thenComparing(Comparator.comparingInt(Row::openAlerts).reversed())
                .thenComparing(Comparator.comparingInt((Row row) -> row.next() == null ? Integer.MIN_VALUE : row.next().workingDaysOverdue()).reversed())
                .thenComparing(Comparator.comparingInt((Row row) -> row.proceedingsWeek() == null ? 0 : row.proceedingsWeek()).reversed())
                .thenComparing(row -> row.next() == null ? LocalDate.MAX : row.next().due())
                .thenComparing(Row::name).thenComparing(Row::reference);
    }

    LocalDate today() {
        return timescales.today();
    }

    /** Every child in the viewer's scope who is in a journey, in no particular order. */
    List<Row> rows(Viewer viewer) {
        var byChild = Viewer.asTheApplication(identity, () -> runtime.createProcessInstanceQuery().rootProcessInstances().list())
                .stream().filter(instance -> instance.getBusinessKey() != null)
                .collect(Collectors.groupingBy(ProcessInstance::getBusinessKey, LinkedHashMap::new, Collectors.toList()));
        var inScope = byChild.keySet().stream().filter(reference -> access.canAccess(viewer, reference)).toList();
        var today = timescales.today();
        var yearAgo = timescales.now().minus(Duration.ofDays(365));
        Map<String, List<DriftAlertView>> openAlerts = alerts.open().stream()
                .collect(Collectors.groupingBy(DriftAlertView::childReference));
        Map<String, PeriodInCareView> inCare = new HashMap<>();
        lookedAfter.openPeriods().forEach(period -> inCare.put(period.childReference(), period));
        Map<String, ProceedingsView> cases = new HashMap<>();
        proceedings.live().forEach(c -> cases.putIfAbsent(c.childReference(), c));
        var scorecards = adoptionClocks.ofOpenCases();
        // one query each for every child in scope, not one per child and journey: the page lists them all
        Map<String, List<HistoricActivityInstance>> openSteps = Viewer.asTheApplication(identity, () -> history
                        .createHistoricActivityInstanceQuery().unfinished().orderByHistoricActivityInstanceStartTime().asc().list())
                .stream().collect(Collectors.groupingBy(HistoricActivityInstance::getProcessInstanceId));
        var openClocks = deadlines.openForEach(inScope);

        var rows = new ArrayList<Row>();
        for (var reference : inScope) {
            var instances = byChild.get(reference);
            var journeys = instances.stream().map(instance -> journey(instance, openSteps.getOrDefault(instance.getId(), List.of()), today))
                    .filter(Objects::nonNull).sorted(Comparator.comparing(Journey::name)).toList();
            if (journeys.isEmpty()) {
                continue; // only clocks left running: no journey to track
            }
            var child = children.get(reference);
            var clocks = openClocks.getOrDefault(reference, List.of());
            var next = clocks.stream().min(Comparator.comparing(DeadlineView::dueDate))
                    .map(d -> new NextDeadline(d.work(), d.dueDate(), Rag.of(d.status()), d.workingDaysOverdue())).orElse(null);
            var rag = clocks.stream().map(d -> Rag.of(d.status())).min(Comparator.naturalOrder()).orElse(Rag.NONE);
            var childsAlerts = openAlerts.getOrDefault(reference, List.of());
            var rung = childsAlerts.stream().map(a -> a.escalationLevel().level()).max(Integer::compare).orElse(null);
            var allocation = child.allocatedWorker();
            int workers = (int) child.allocations().stream().filter(a -> a.to() == null || a.to().isAfter(yearAgo))
                    .map(ChildView.AllocationView::worker).distinct().count();
            var period = inCare.get(reference);
            var plan = period == null || period.permanencePlan() == null ? null : ManagerView.words(period.permanencePlan().type().name());
            var proceeding = cases.get(reference);
            rows.add(new Row(reference, child.name(), allocation == null ? Teams.FRONT_DOOR : allocation.team(),
                    allocation == null ? "Front door" : allocation.teamName(), allocation == null ? null : allocation.worker(),
                    allocation == null ? null : allocation.workerName() == null ? allocation.worker() : allocation.workerName(),
                    child.legalStatus() == null ? null : child.legalStatus().name(), journeys, next, rag, childsAlerts.size(), rung,
                    workers, period == null ? null : period.placementMovesInLast12Months(), plan, ratified(period),
                    proceeding == null ? null : proceeding.week(),
                    proceeding == null || proceeding.risk() == null ? null : ManagerView.words(proceeding.risk().name()),
                    scorecards.get(reference)));
        }
        return rows;
    }

    /** Whether the plan was ratified by the second review; empty for a child not looked after. */
    static Ratified ratified(PeriodInCareView period) {
        if (period == null) {
            return null;
        }
        var second = period.reviews().stream().filter(r -> r.number() == 2 && r.heldOn() != null).findFirst();
        var plan = period.permanencePlanHistory().stream().map(PeriodInCareView.PermanencePlanView::ratifiedOn)
                .filter(Objects::nonNull).min(Comparator.naturalOrder());
        if (plan.isPresent()) {
            return second.isEmpty() || !plan.get().isAfter(second.get().heldOn()) ? Ratified.YES : Ratified.AFTER;
        }
        return second.isPresent() ? Ratified.NO : Ratified.NOT_YET;
    }

    /** The journey and its current stage: the innermost open subprocess, or else the step it waits at. */
    private Journey journey(ProcessInstance instance, List<HistoricActivityInstance> open, LocalDate today) {
        var definition = definition(instance.getProcessDefinitionId());
        var key = definition.key();
        if (CLOCKS.contains(key)) {
            return null;
        }
        Function<String, java.util.Optional<HistoricActivityInstance>> latest = type -> open.stream()
                .filter(a -> type.equals(a.getActivityType()) && a.getActivityName() != null).reduce((first, second) -> second);
        var stage = latest.apply("subProcess").or(() -> open.stream()
                .filter(a -> a.getActivityName() != null && !"processDefinition".equals(a.getActivityType())).reduce((a, b) -> b));
        var since = stage.map(HistoricActivityInstance::getStartTime).map(date -> timescales.dateOf(date)).orElse(today);
        return new Journey(key, definition.name(), instance.getId(),
                stage.map(HistoricActivityInstance::getActivityName).orElse("Waiting"), ChronoUnit.DAYS.between(since, today));
    }

    private Definition definition(String processDefinitionId) {
        return definitions.computeIfAbsent(processDefinitionId, id -> {
            var definition = Viewer.asTheApplication(identity, () -> repository.getProcessDefinition(id));
            return new Definition(definition.getKey(), definition.getName() == null ? definition.getKey() : definition.getName());
        });
    }

    /** The journeys there are to filter by: key and name, as deployed. */
    Map<String, String> journeyNames() {
        var names = new java.util.TreeMap<String, String>();
        Viewer.asTheApplication(identity, () -> repository.createProcessDefinitionQuery().latestVersion().list()).stream()
                .filter(d -> !CLOCKS.contains(d.getKey())).forEach(d -> names.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName()));
        return names;
    }
}
