package org.carepath.tracker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.carepath.access.ChildAccess;
import org.carepath.audit.Audit;
import org.carepath.child.Children;
import org.carepath.child.CurrentAllocation;
import org.carepath.drift.DeadlineView;
import org.carepath.drift.Deadlines;
import org.carepath.drift.DriftAlertView;
import org.carepath.drift.DriftAlerts;
import org.carepath.drift.EscalationLevel;
import org.carepath.identity.Groups;
import org.carepath.identity.Viewer;
import org.carepath.lookedafter.LookedAfter;
import org.carepath.lookedafter.PeriodInCareView;
import org.carepath.panel.ChildAtPanel;
import org.carepath.panel.Panels;
import org.carepath.proceedings.Proceedings;
import org.carepath.proceedings.ProceedingsView;
import org.carepath.proceedings.Risk;
import org.carepath.timescale.Timescales;
import org.carepath.web.PageLayouts;
import org.carepath.web.SignIn;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /manager}: what a team or service manager needs to see drift in time. Late statutory work (open
 * drift alerts, how late, at which rung of the ladder), care proceedings on the 26-week clock with their
 * week and risk, and each worker's caseload. Managers sign in as for the Tasklist; each child shown is
 * in their scope and the showing is on the child's audit trail.
 */
@Controller
class ManagerView {

    static final List<String> MANAGERS = List.of(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

    private final IdentityService identity;
    private final ChildAccess access;
    private final Audit audit;
    private final Children children;
    private final DriftAlerts alerts;
    private final Proceedings proceedings;
    private final TaskService tasks;
    private final Timescales timescales;
    private final FilterService filters;
    private final LookedAfter lookedAfter;
    private final Deadlines deadlines;
    private final Panels panels;
    private final PageLayouts layouts;
    private final org.carepath.operations.Incidents incidents;

    ManagerView(IdentityService identity, ChildAccess access, Audit audit, Children children, DriftAlerts alerts,
                Proceedings proceedings, TaskService tasks, Timescales timescales, FilterService filters, LookedAfter lookedAfter,
                Deadlines deadlines, Panels panels, PageLayouts layouts, org.carepath.operations.Incidents incidents) {
        this.layouts = layouts;
        this.incidents = incidents;
        this.panels = panels;
        this.filters = filters;
        this.lookedAfter = lookedAfter;
        this.deadlines = deadlines;
        this.identity = identity;
        this.access = access;
        this.audit = audit;
        this.children = children;
        this.alerts = alerts;
        this.proceedings = proceedings;
        this.tasks = tasks;
        this.timescales = timescales;
    }


    @GetMapping(value = "/manager", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) { // sign in, then the Tasklist brings them back here (carepath-manager-link.js)
            SignIn.redirect(request, response);
            return problem(model, null, null, "signIn", SignIn.andBackTo(request));
        }
        var viewer = Viewer.of(identity, user);
        if (!isManager(viewer)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return problem(model, viewer, displayName(user), "role", null);
        }
        model.addAttribute("layout", layouts.of(viewer, displayName(user), "manager"));
        identity.setAuthentication(user, List.copyOf(viewer.groups())); // the audit trail names them
        try {
            body(viewer, model);
            return "tracker/manager";
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * One child's open work, every journey and whoever holds it: where the manager view's child links go. A manager
     * may not be able to open a task offered only to social workers in the Tasklist, but sees here that it is open,
     * who has it, and when it is due.
     */
    @GetMapping(value = "/manager/children/{reference}", produces = MediaType.TEXT_HTML_VALUE)
    String childsWork(HttpServletRequest request, HttpServletResponse response, @PathVariable String reference, Model model) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) {
            SignIn.redirect(request, response);
            return problem(model, null, null, "signIn", SignIn.andBackTo(request));
        }
        var viewer = Viewer.of(identity, user);
        if (!isManager(viewer)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return problem(model, viewer, displayName(user), "managersOnly", null);
        }
        if (!children.exists(reference) || !access.canAccess(viewer, reference)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("reference", reference);
            return problem(model, viewer, displayName(user), "noChild", null);
        }
        identity.setAuthentication(user, List.copyOf(viewer.groups())); // the audit trail names them
        try {
            audit.read(reference, "manager view: the child's open work");
        } finally {
            identity.clearAuthentication();
        }
        var child = children.get(reference);
        var open = Viewer.asTheApplication(identity, () -> tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .orderByDueDate().asc().list());
        var today = timescales.today();
        var work = open.stream().map(task -> {
            var due = task.getDueDate() == null ? null : timescales.dateOf(task.getDueDate());
            return new OpenTask(task.getId(), task.getName(),
                    task.getAssignee() != null ? displayName(task.getAssignee()) : "Waiting for " + waitingFor(task.getId()),
                    due == null ? null : due.format(DAY), due != null && due.isBefore(today));
        }).toList();
        model.addAttribute("layout", layouts.of(viewer, displayName(user), "manager"));
        model.addAttribute("child", child);
        model.addAttribute("work", work);
        model.addAttribute("tasklist", tasklistSearch(reference, filterId("My teams' work")));
        return "tracker/manager-child";
    }

    /** A task of the child's open work as the page shows it. */
    record OpenTask(String id, String name, String heldBy, String due, boolean overdue) {
    }

    private String problem(Model model, Viewer viewer, String signedIn, String problem, String signIn) {
        model.addAttribute("layout", layouts.of(viewer, signedIn, "manager"));
        model.addAttribute("problem", problem);
        model.addAttribute("signIn", signIn);
        return "tracker/problem";
    }

    /** Who may pick the task up, in words: "Social workers (North assessment team)". */
    private String waitingFor(String taskId) {
        var groups = Viewer.asTheApplication(identity, () -> tasks.getIdentityLinksForTask(taskId)).stream()
                .filter(link -> link.getGroupId() != null).map(link -> {
                    var group = identity.createGroupQuery().groupId(link.getGroupId()).singleResult();
                    return group == null || group.getName() == null ? link.getGroupId() : group.getName();
                }).distinct().toList();
        return groups.isEmpty() ? "someone to pick it up" : String.join(", ", groups);
    }

    /** Whether the signed-in user has the manager view: the web apps' header shows its link only then. */
    @GetMapping("/manager/access")
    ResponseEntity<Void> access(HttpServletRequest request) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        return isManager(Viewer.of(identity, user)) ? ResponseEntity.noContent().build() : ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }

    private static boolean isManager(Viewer viewer) {
        return MANAGERS.stream().anyMatch(viewer::in);
    }

    private void body(Viewer viewer, Model model) {
        var today = timescales.today();
        var allAlerts = alerts.open();
        var allCases = proceedings.live();
        var allPeriods = lookedAfter.openPeriods();
        var allAllocations = children.currentAllocations();
        var mentioned = new HashSet<String>();
        allAlerts.forEach(alert -> mentioned.add(alert.childReference()));
        allCases.forEach(c -> mentioned.add(c.childReference()));
        allPeriods.forEach(p -> mentioned.add(p.childReference()));
        allAllocations.forEach(a -> mentioned.add(a.childReference()));
        var inScope = access.accessible(viewer, mentioned);

        var late = allAlerts.stream().filter(alert -> inScope.contains(alert.childReference()))
                .sorted(Comparator.comparing(DriftAlertView::dueDate)).toList();
        var cases = allCases.stream().filter(c -> inScope.contains(c.childReference())).toList();
        var inCare = allPeriods.stream().filter(p -> inScope.contains(p.childReference())).toList();
        var caseloads = new LinkedHashMap<String, List<CurrentAllocation>>(); // by worker, in the order of their names
        allAllocations.stream().filter(a -> inScope.contains(a.childReference()))
                .forEach(a -> caseloads.computeIfAbsent(a.worker(), worker -> new java.util.ArrayList<>()).add(a));

        var shown = new LinkedHashSet<String>();
        late.forEach(alert -> shown.add(alert.childReference()));
        cases.forEach(c -> shown.add(c.childReference()));
        inCare.forEach(p -> shown.add(p.childReference()));
        var names = new LinkedHashMap<String, String>();
        var summaries = children.summaries(shown);
        shown.forEach(reference -> names.put(reference, summaries.get(reference).name()));
        audit.readAll(shown, "manager view");
        var childsWork = filterId("My teams' work"); // the child's open work, not only the escalation
        java.util.function.Function<String, ChildLink> child = reference -> new ChildLink(reference, names.get(reference),
                tasklistSearch(reference, childsWork));

        model.addAttribute("tiles", tiles(late, cases, caseloads, inCare));
        model.addAttribute("late", late.stream().map(alert -> {
            var lastAction = alert.actions() == null || alert.actions().isEmpty() ? null : alert.actions().get(alert.actions().size() - 1);
            return new LateWork(child.apply(alert.childReference()), alert.work(), describe(alert.timescale()), alert.dueDate().format(DAY),
                    timescales.workingDaysLate(alert.dueDate(), today), alert.escalationLevel() == EscalationLevel.SERVICE_MANAGER,
                    lastAction == null ? null : lastAction.action() + (lastAction.rationale() == null ? "" : ": " + lastAction.rationale()));
        }).toList());
        model.addAttribute("cases", cases.stream().map(c -> new Case(child.apply(c.childReference()), stage(c),
                c.issuedOn() == null ? null : c.issuedOn().format(DAY), c.week(),
                c.week() == null ? 0 : Math.min(100, (int) Math.round(10.0 * c.week() / 26) * 10),
                c.currentDeadline() == null ? null : c.currentDeadline().format(DAY),
                c.extensions() != null && !c.extensions().isEmpty(),
                c.risk() == null ? null : c.risk().name().toLowerCase(java.util.Locale.ROOT),
                c.risk() == null ? "" : words(c.risk().name()))).toList());
        model.addAttribute("inCare", inCare.stream().map(period -> permanence(period, child.apply(period.childReference()), today)).toList());
        model.addAttribute("caseloads", caseloads(caseloads));
        model.addAttribute("asOf", today.format(DAY));
    }

    /** A child in a table: their name linked to their open work, their reference, and the Tasklist narrowed to them. */
    record ChildLink(String reference, String name, String tasklist) {
    }

    record Tile(String label, long count, String detail, String tone) {
    }

    record LateWork(ChildLink child, String work, String timescale, String due, int workingDaysLate, boolean withServiceManager,
                    String latestAction) {
    }

    record Case(ChildLink child, String stage, String issued, Integer week, int weekWidth, String deadline, boolean extended,
                String risk, String riskWords) {
    }

    /** A date with its RAG tone (red, amber, green). */
    record Due(String date, String tone) {
    }

    record InCare(ChildLink child, String since, String legalBasis, String placement, int moves, Due review, String plan,
                  String planRatified, Due planDue, String panelSitting, String panelPapers, boolean papersLate,
                  long deferrals) {
    }

    record Caseload(String worker, String team, int children, int width, long openTasks, long overdueTasks) {
    }

    private List<Tile> tiles(List<DriftAlertView> late, List<ProceedingsView> cases, Map<String, List<CurrentAllocation>> caseloads,
                             List<PeriodInCareView> inCare) {
        long withoutPlan = inCare.stream().filter(p -> p.permanencePlan() == null).count();
        long withServiceManager = late.stream().filter(a -> a.escalationLevel() == EscalationLevel.SERVICE_MANAGER).count();
        long red = cases.stream().filter(c -> c.risk() == Risk.RED).count();
        long amber = cases.stream().filter(c -> c.risk() == Risk.AMBER).count();
        long allocated = caseloads.values().stream().mapToLong(List::size).sum();
        return List.of(
                new Tile("Late statutory work", late.size(), withServiceManager + " escalated to the service manager", late.isEmpty() ? "green" : "red"),
                new Tile("Care proceedings under way", cases.size(), red + " red, " + amber + " amber", red > 0 ? "red" : amber > 0 ? "amber" : "green"),
                new Tile("Children looked after", inCare.size(), withoutPlan + " without a ratified permanence plan", "neutral"),
                new Tile("Children allocated", allocated, caseloads.size() + (caseloads.size() == 1 ? " worker" : " workers"), "neutral"),
                new Tile("Steps failed", incidents.countOpen(), "stopped after their retries: an administrator sees them in Cockpit",
                        incidents.countOpen() > 0 ? "red" : "green"));
    }

    static final List<String> REVIEWS = List.of("FIRST_LOOKED_AFTER_REVIEW", "SECOND_LOOKED_AFTER_REVIEW", "LOOKED_AFTER_REVIEW");

    /**
     * The permanence tracker: every child in care, how long, where, how settled, when their next review is and
     * whether they have a permanence plan, read from the periods in care and the clocks of their journeys; and the
     * sitting still to come the child is booked onto, their papers for it, and their deferrals.
     */
    private InCare permanence(PeriodInCareView period, ChildLink child, LocalDate today) {
        var clocks = deadlines.openForProcess(period.processInstanceId());
        var review = clocks.stream().filter(d -> REVIEWS.contains(d.timescale())).findFirst();
        var planDue = clocks.stream().filter(d -> d.timescale().equals("PERMANENCE_PLAN")).findFirst();
        var placement = period.placements().stream().filter(p -> p.endedOn() == null).findFirst();
        var plan = period.permanencePlan();
        ChildAtPanel atPanel = panels.atPanel(period.childReference());
        String papers = null;
        boolean papersLate = false;
        if (atPanel.booked()) {
            papersLate = !atPanel.papersIn() && atPanel.papersLate(today);
            papers = atPanel.papersIn() ? "papers in" : papersLate ? "due " + atPanel.papersDueBy().format(DAY)
                    : "papers due by " + atPanel.papersDueBy().format(DAY);
        }
        return new InCare(child, period.startedOn().format(DAY), words(period.currentLegalBasis().name()),
                placement.map(p -> words(p.type().name())).orElse(null), period.placementMovesInLast12Months(),
                review.map(this::due).orElse(null), plan == null ? null : words(plan.type().name()),
                plan == null ? null : plan.ratifiedOn().format(DAY), planDue.map(this::due).orElse(null),
                atPanel.booked() ? atPanel.sittingDate().format(DAY) : null, papers, papersLate, atPanel.deferrals());
    }

    private Due due(DeadlineView deadline) {
        return new Due(deadline.dueDate().format(DAY), tone(deadline));
    }

    static String tone(DeadlineView deadline) {
        return switch (deadline.status()) {
            case OVERDUE -> "red";
            case WARNING -> "amber";
            default -> "green";
        };
    }

    static String words(String constant) {
        var words = constant.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private List<Caseload> caseloads(Map<String, List<CurrentAllocation>> caseloads) {
        int most = caseloads.values().stream().mapToInt(List::size).max().orElse(1);
        var now = java.util.Date.from(timescales.now());
        return caseloads.values().stream().map(load -> {
            var first = load.get(0);
            // the worker's counts, though the engine would show the manager only tasks they may open themselves
            long open = Viewer.asTheApplication(identity, () -> tasks.createTaskQuery().taskAssignee(first.worker()).count());
            long overdue = Viewer.asTheApplication(identity, () -> tasks.createTaskQuery().taskAssignee(first.worker()).dueBefore(now).count());
            return new Caseload(first.workerName() == null ? first.worker() : first.workerName(), first.teamName(), load.size(),
                    (int) Math.round(10.0 * load.size() / most) * 10, open, overdue);
        }).toList();
    }

    private String describe(String timescaleKey) {
        var timescale = timescales.timescale(timescaleKey);
        return timescale == null ? timescaleKey : timescale.description();
    }

    private static String stage(ProceedingsView c) {
        return switch (c.status().name()) {
            case "LEGAL_PLANNING" -> "Legal planning";
            case "PRE_PROCEEDINGS" -> "Pre-proceedings";
            case "TO_BE_ISSUED" -> "Application to be issued";
            case "ISSUED" -> "Proceedings issued";
            default -> c.status().name().toLowerCase().replace('_', ' ');
        };
    }

    /** The id of one of the Tasklist filters CarePath creates at start-up, or null. */
    private String filterId(String name) {
        var filter = filters.createFilterQuery().filterName(name).singleResult();
        return filter == null ? null : filter.getId();
    }

    static String tasklistSearch(String reference, String filterId) {
        var search = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + reference + "\",\"name\":\"\"}]";
        return "camunda/app/tasklist/default/#/?" + (filterId == null ? "" : "filter=" + filterId + "&")
                + "searchQuery=" + URLEncoder.encode(search, StandardCharsets.UTF_8);
    }

    private String displayName(String user) {
        return displayName(identity, user);
    }

    /** The user's first and last name, or their user id if the identity service does not know them. */
    static String displayName(IdentityService identity, String user) {
        var person = identity.createUserQuery().userId(user).singleResult();
        return person == null || person.getFirstName() == null ? user : (person.getFirstName() + " " + person.getLastName()).strip();
    }
}
