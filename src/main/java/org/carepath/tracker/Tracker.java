package org.carepath.tracker;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.carepath.access.ChildAccess;
import org.carepath.child.ChildView;
import org.carepath.child.Children;
import org.carepath.child.Journeys;
import org.carepath.drift.DeadlineStatus;
import org.carepath.drift.Deadlines;
import org.carepath.drift.DriftAlerts;
import org.carepath.identity.Teams;
import org.carepath.identity.Viewer;
import org.carepath.lookedafter.LookedAfter;
import org.carepath.lookedafter.PeriodInCareView;
import org.carepath.proceedings.Proceedings;
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

    private final Journeys journeys;
    private final HistoryService history;
    private final org.camunda.bpm.engine.ManagementService management;
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

    Tracker(Journeys journeys, HistoryService history, org.camunda.bpm.engine.ManagementService management,
            RepositoryService repository, IdentityService identity, ChildAccess access, Children children, Deadlines deadlines, DriftAlerts alerts, LookedAfter lookedAfter, Proceedings proceedings,
            Timescales timescales, org.carepath.adoption.AdoptionClocks adoptionClocks) {
        this.adoptionClocks = adoptionClocks;
        this.journeys = journeys;
        this.history = history;
        this.management = management;
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

    /** What the tracker filters and sorts by: the same for a child's key and their full row. */
    interface Ranked {
        String reference();
        String name();
        String team();
        String worker();
        String legalStatus();
        boolean inJourney(String key);
        NextDeadline next();
        Rag rag();
        int openAlerts();
        Integer rung();
        Integer proceedingsWeek();

        /** Red before amber before green; then the higher rung, more alerts, longer overdue, the later week of 26. */
        Comparator<Ranked> BY_RISK = Comparator.comparingInt((Ranked row) -> row.rag().ordinal())
                .thenComparing(Comparator.comparingInt((Ranked row) -> row.rung() == null ? 0 : row.rung()).reversed())
                .thenComparing(Comparator.comparingInt(Ranked::openAlerts).reversed())
                .thenComparing(Comparator.comparingInt((Ranked row) -> row.next() == null ? Integer.MIN_VALUE : row.next().workingDaysOverdue()).reversed())
                .thenComparing(Comparator.comparingInt((Ranked row) -> row.proceedingsWeek() == null ? 0 : row.proceedingsWeek()).reversed())
                .thenComparing(row -> row.next() == null ? LocalDate.MAX : row.next().due())
                .thenComparing(Ranked::name).thenComparing(Ranked::reference);
    }

    /**
     * A child's place in the tracker: what it is filtered and sorted by, read for every child in scope with one query
     * per source, so that only the rows shown need the rest ({@link #rows(List)}).
     */
    record Key(String reference, String name, String team, String teamName, String worker, String workerName,
               String legalStatus, List<Journeys.UnderWay> instances, NextDeadline next, Rag rag, int openAlerts, Integer rung,
               Integer proceedingsWeek) implements Ranked {

        @Override
        public boolean inJourney(String key) {
            return instances.stream().anyMatch(instance -> instance.processDefinitionKey().equals(key));
        }
    }

    record Row(String reference, String name, String team, String teamName, String worker, String workerName,
               String legalStatus, List<Journey> journeys, NextDeadline next, Rag rag, int openAlerts, Integer rung,
               int workersInLast12Months, Integer placementMoves, String permanencePlan, Ratified ratifiedBySecondReview,
               Integer proceedingsWeek, String proceedingsRisk, String adoptionScorecard) implements Ranked {

        static final Comparator<Ranked> BY_RISK = Ranked.BY_RISK;

        @Override
        public boolean inJourney(String key) {
            return journeys.stream().anyMatch(journey -> journey.key().equals(key));
        }
    }

    LocalDate today() {
        return timescales.today();
    }

    /** Every child in the viewer's scope who is in a journey, as full rows, in no particular order. */
    List<Row> rows(Viewer viewer) {
        return rows(keys(viewer));
    }

    /** Every child in the viewer's scope who is in a journey, in no particular order. */
    List<Key> keys(Viewer viewer) {
        var byChild = journeys.underWay(CLOCKS);
        var inScope = List.copyOf(access.accessible(viewer, byChild.keySet()));
        var summaries = children.summaries(inScope);
        var openClocks = deadlines.openClocksOf(inScope);
        var openAlerts = alerts.openPerChild();
        var weeks = proceedings.liveWeeks();

        var keys = new ArrayList<Key>();
        for (var reference : inScope) {
            var child = summaries.get(reference);
            if (child == null) {
                continue;
            }
            var instances = byChild.get(reference).stream().sorted(Comparator.comparing(Journeys.UnderWay::processDefinitionName)).toList();
            var clocks = openClocks.get(reference);
            var next = clocks == null ? null : new NextDeadline(clocks.nextWork(), clocks.nextDue(), Rag.of(clocks.nextStatus()),
                    clocks.nextWorkingDaysOverdue());
            var rag = clocks == null ? Rag.NONE : Rag.of(clocks.worst());
            var alerted = openAlerts.get(reference);
            var allocation = child.allocation();
            keys.add(new Key(reference, child.name(), allocation == null ? Teams.FRONT_DOOR : allocation.team(),
                    allocation == null ? "Front door" : allocation.teamName(), allocation == null ? null : allocation.worker(),
                    allocation == null ? null : allocation.workerName() == null ? allocation.worker() : allocation.workerName(),
                    child.legalStatus() == null ? null : child.legalStatus().name(), instances, next, rag,
                    alerted == null ? 0 : alerted.count(), alerted == null ? null : alerted.highestRung().level(),
                    weeks.get(reference)));
        }
        return keys;
    }

    /** The full rows of these children, in the same order: their journeys' stages, workers, placements, plans and clocks. */
    List<Row> rows(List<Key> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        var references = keys.stream().map(Key::reference).toList();
        var today = timescales.today();
        var yearAgo = timescales.now().minus(Duration.ofDays(365));
        var openSteps = openSteps(keys.stream().flatMap(key -> key.instances().stream()).map(Journeys.UnderWay::processInstanceId).toList());
        Map<String, Integer> workers = new HashMap<>();
        children.allocationsSince(yearAgo, references).forEach(recent -> workers.put(recent.childReference(),
                (int) recent.allocations().stream().filter(a -> a.to() == null || a.to().isAfter(yearAgo))
                        .map(ChildView.AllocationView::worker).distinct().count()));
        Map<String, PeriodInCareView> inCare = new HashMap<>();
        lookedAfter.openPeriodsOf(references).forEach(period -> inCare.put(period.childReference(), period));
        var cases = proceedings.liveFor(references);
        var scorecards = adoptionClocks.ofOpenCases(references);

        var rows = new ArrayList<Row>(keys.size());
        for (var key : keys) {
            var journeys = key.instances().stream()
                    .map(instance -> journey(instance, openSteps.getOrDefault(instance.processInstanceId(), List.of()), today)).toList();
            var period = inCare.get(key.reference());
            var plan = period == null || period.permanencePlan() == null ? null : ManagerView.words(period.permanencePlan().type().name());
            var proceeding = cases.get(key.reference());
            rows.add(new Row(key.reference(), key.name(), key.team(), key.teamName(), key.worker(), key.workerName(),
                    key.legalStatus(), journeys, key.next(), key.rag(), key.openAlerts(), key.rung(),
                    workers.getOrDefault(key.reference(), 0), period == null ? null : period.placementMovesInLast12Months(), plan,
                    ratified(period), key.proceedingsWeek(),
                    proceeding == null || proceeding.risk() == null ? null : ManagerView.words(proceeding.risk().name()),
                    scorecards.get(key.reference())));
        }
        return rows;
    }

    /**
     * The unfinished steps of these process instances, oldest first, from one native query per thousand (the engine's
     * query takes one process instance at a time); the ids are bound as parameters, never written into the SQL.
     */
    private Map<String, List<HistoricActivityInstance>> openSteps(List<String> processInstanceIds) {
        var table = management.getTableName(HistoricActivityInstance.class);
        var steps = new HashMap<String, List<HistoricActivityInstance>>();
        for (int from = 0; from < processInstanceIds.size(); from += 1_000) {
            var chunk = processInstanceIds.subList(from, Math.min(processInstanceIds.size(), from + 1_000));
            var query = history.createNativeHistoricActivityInstanceQuery().sql("select * from " + table
                    + " where END_TIME_ is null and PROC_INST_ID_ in (" + java.util.stream.IntStream.range(0, chunk.size())
                    .mapToObj(i -> "#{p" + i + "}").collect(Collectors.joining(", ")) + ") order by START_TIME_, SEQUENCE_COUNTER_");
            for (int i = 0; i < chunk.size(); i++) {
                query.parameter("p" + i, chunk.get(i));
            }
            Viewer.asTheApplication(identity, query::list)
                    .forEach(step -> steps.computeIfAbsent(step.getProcessInstanceId(), id -> new ArrayList<>()).add(step));
        }
        return steps;
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
    private Journey journey(Journeys.UnderWay instance, List<HistoricActivityInstance> open, LocalDate today) {
        Function<String, java.util.Optional<HistoricActivityInstance>> latest = type -> open.stream()
                .filter(a -> type.equals(a.getActivityType()) && a.getActivityName() != null).reduce((first, second) -> second);
        var stage = latest.apply("subProcess").or(() -> open.stream()
                .filter(a -> a.getActivityName() != null && !"processDefinition".equals(a.getActivityType())).reduce((a, b) -> b));
        var since = stage.map(HistoricActivityInstance::getStartTime).map(date -> timescales.dateOf(date)).orElse(today);
        return new Journey(instance.processDefinitionKey(), instance.processDefinitionName(), instance.processInstanceId(),
                stage.map(HistoricActivityInstance::getActivityName).orElse("Waiting"), ChronoUnit.DAYS.between(since, today));
    }

    /** The journeys there are to filter by: key and name, as deployed. */
    Map<String, String> journeyNames() {
        var names = new java.util.TreeMap<String, String>();
        Viewer.asTheApplication(identity, () -> repository.createProcessDefinitionQuery().latestVersion().list()).stream()
                .filter(d -> !CLOCKS.contains(d.getKey())).forEach(d -> names.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName()));
        return names;
    }
}
