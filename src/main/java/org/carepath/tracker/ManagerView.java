package org.carepath.tracker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

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
    private final org.carepath.operations.Incidents incidents;

    ManagerView(IdentityService identity, ChildAccess access, Audit audit, Children children, DriftAlerts alerts,
                Proceedings proceedings, TaskService tasks, Timescales timescales, FilterService filters, LookedAfter lookedAfter,
                Deadlines deadlines, Panels panels, org.carepath.operations.Incidents incidents) {
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

    /** The Tasklist's sign-in, asked to come back to the manager view once signed in (a name, not an address: no open redirect). */
    static final String SIGN_IN_AND_RETURN = "camunda/app/tasklist/default/?carepath-return=manager";

    @GetMapping(value = "/manager", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) { // sign in, then the Tasklist brings them back here (carepath-manager-link.js)
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, SIGN_IN_AND_RETURN)
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page("Sign in", null, """
                    <p>Sign in to CarePath first: <a href="%s">sign in</a>, and you come back to the manager view.</p>"""
                    .formatted(SIGN_IN_AND_RETURN)));
        }
        var viewer = Viewer.of(identity, user);
        if (!isManager(viewer)) {
            return html(HttpStatus.FORBIDDEN, page("Not for your role", user, """
                    <p>The manager view is for team managers, service managers and administrators. Your work is in
                    <a href="camunda/app/tasklist/">the Tasklist</a>.</p>"""));
        }
        identity.setAuthentication(user, List.copyOf(viewer.groups())); // the audit trail names them
        try {
            return html(HttpStatus.OK, page("Manager view", displayName(user), body(viewer)));
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
    ResponseEntity<String> childsWork(HttpServletRequest request, @org.springframework.web.bind.annotation.PathVariable String reference) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, SIGN_IN_AND_RETURN).build();
        }
        var viewer = Viewer.of(identity, user);
        if (!isManager(viewer)) {
            return html(HttpStatus.FORBIDDEN, page("Not for your role", user, "<p>This page is for managers.</p>"));
        }
        if (!children.exists(reference) || !access.canAccess(viewer, reference)) {
            return html(HttpStatus.NOT_FOUND, page("No such child", displayName(user), "<p>No child " + h(reference)
                    + " in your scope. <a href=\"manager\">Back to the manager view</a>.</p>"));
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
        var body = new StringBuilder("<p><a href=\"manager\">Back to the manager view</a> · ")
                .append("<a href=\"").append(tasklistSearch(reference, filterId("My teams' work"))).append("\">This child's tasks in the Tasklist</a></p>")
                .append("<section><h2 id=\"open-work\">Open work</h2>");
        if (open.isEmpty()) {
            body.append("<p class=\"empty\">Nothing is open for ").append(h(child.name())).append(".</p>");
        } else {
            body.append("<table><thead><tr><th>Work</th><th>Held by</th><th>Due</th></tr></thead><tbody>");
            for (var task : open) {
                var held = task.getAssignee() != null ? displayName(task.getAssignee()) : "Waiting for " + waitingFor(task.getId());
                var due = task.getDueDate() == null ? null : timescales.dateOf(task.getDueDate());
                body.append("<tr><td><a href=\"camunda/app/tasklist/default/#/?task=").append(h(task.getId())).append("\">")
                        .append(h(task.getName())).append("</a></td><td>").append(h(held)).append("</td><td>")
                        .append(due == null ? "<span class=\"muted\">no due date</span>" : due.isBefore(today)
                                ? "<span class=\"badge red\">" + h(due.format(DAY)) + " · overdue</span>"
                                : "<span class=\"badge green\">" + h(due.format(DAY)) + "</span>")
                        .append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("</section>");
        return html(HttpStatus.OK, page(child.name() + " (" + reference + ")", displayName(user), body.toString()));
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

    private String body(Viewer viewer) {
        var today = timescales.today();
        var late = alerts.open().stream().filter(alert -> access.canAccess(viewer, alert.childReference()))
                .sorted(Comparator.comparing(DriftAlertView::dueDate)).toList();
        var cases = proceedings.live().stream().filter(c -> access.canAccess(viewer, c.childReference())).toList();
        var inCare = lookedAfter.openPeriods().stream().filter(p -> access.canAccess(viewer, p.childReference())).toList();
        var caseloads = new LinkedHashMap<String, List<CurrentAllocation>>(); // by worker, in the order of their names
        children.currentAllocations().stream().filter(a -> access.canAccess(viewer, a.childReference()))
                .forEach(a -> caseloads.computeIfAbsent(a.worker(), worker -> new java.util.ArrayList<>()).add(a));

        var shown = new LinkedHashSet<String>();
        late.forEach(alert -> shown.add(alert.childReference()));
        cases.forEach(c -> shown.add(c.childReference()));
        inCare.forEach(p -> shown.add(p.childReference()));
        var names = new LinkedHashMap<String, String>();
        shown.forEach(reference -> {
            names.put(reference, children.get(reference).name());
            audit.read(reference, "manager view");
        });

        var html = new StringBuilder();
        summary(html, late, cases, caseloads, inCare);
        var childsWork = filterId("My teams' work"); // the child's open work, not only the escalation
        lateWork(html, late, names, today, childsWork);
        careProceedings(html, cases, names, childsWork);
        permanence(html, inCare, names, childsWork);
        caseloads(html, caseloads);
        html.append("<p class=\"as-of\">As of ").append(h(today.format(DAY))).append(". Everything here is read live from the")
                .append(" journeys and the child record; <a href=\"manager\">refresh</a> for the latest.</p>");
        return html.toString();
    }

    private void summary(StringBuilder html, List<DriftAlertView> late, List<ProceedingsView> cases, Map<String, List<CurrentAllocation>> caseloads,
                         List<PeriodInCareView> inCare) {
        long withoutPlan = inCare.stream().filter(p -> p.permanencePlan() == null).count();
        long withServiceManager = late.stream().filter(a -> a.escalationLevel() == EscalationLevel.SERVICE_MANAGER).count();
        long red = cases.stream().filter(c -> c.risk() == Risk.RED).count();
        long amber = cases.stream().filter(c -> c.risk() == Risk.AMBER).count();
        long allocated = caseloads.values().stream().mapToLong(List::size).sum();
        html.append("<section class=\"tiles\">")
                .append(tile("Late statutory work", late.size(), withServiceManager + " escalated to the service manager", late.isEmpty() ? "green" : "red"))
                .append(tile("Care proceedings under way", cases.size(), red + " red, " + amber + " amber", red > 0 ? "red" : amber > 0 ? "amber" : "green"))
                .append(tile("Children looked after", inCare.size(), withoutPlan + " without a ratified permanence plan", "neutral"))
                .append(tile("Children allocated", allocated, caseloads.size() + (caseloads.size() == 1 ? " worker" : " workers"), "neutral"))
                .append(tile("Steps failed", incidents.countOpen(), "stopped after their retries: an administrator sees them in Cockpit", incidents.countOpen() > 0 ? "red" : "green"))
                .append("</section>");
    }

    private void lateWork(StringBuilder html, List<DriftAlertView> late, Map<String, String> names, LocalDate today, String filter) {
        html.append("<section><h2 id=\"late-work\">Late statutory work</h2>");
        if (late.isEmpty()) {
            html.append("<p class=\"empty\">Nothing is past its statutory timescale.</p></section>");
            return;
        }
        html.append("<table><thead><tr><th>Child</th><th>Late work</th><th>Timescale</th><th>Due</th><th>Working days late</th>")
                .append("<th>With</th><th>Latest action</th></tr></thead><tbody>");
        for (var alert : late) {
            var lastAction = alert.actions() == null || alert.actions().isEmpty() ? null : alert.actions().get(alert.actions().size() - 1);
            html.append("<tr>").append(childCell(alert.childReference(), names, filter))
                    .append("<td>").append(h(alert.work())).append("</td>")
                    .append("<td>").append(h(describe(alert.timescale()))).append("</td>")
                    .append("<td>").append(h(alert.dueDate().format(DAY))).append("</td>")
                    .append("<td class=\"number late\">").append(timescales.workingDaysLate(alert.dueDate(), today)).append("</td>")
                    .append("<td>").append(alert.escalationLevel() == EscalationLevel.SERVICE_MANAGER ? "<span class=\"badge red\">Service manager</span>"
                            : "<span class=\"badge amber\">Team manager</span>").append("</td>")
                    .append("<td>").append(lastAction == null ? "<span class=\"muted\">none yet</span>"
                            : h(lastAction.action() + (lastAction.rationale() == null ? "" : ": " + lastAction.rationale()))).append("</td>")
                    .append("</tr>");
        }
        html.append("</tbody></table></section>");
    }

    static final List<String> REVIEWS = List.of("FIRST_LOOKED_AFTER_REVIEW", "SECOND_LOOKED_AFTER_REVIEW", "LOOKED_AFTER_REVIEW");

    /**
     * The permanence tracker: every child in care, how long, where, how settled, when their next review is and
     * whether they have a permanence plan, read from the periods in care and the clocks of their journeys.
     */
    private void permanence(StringBuilder html, List<PeriodInCareView> inCare, Map<String, String> names, String filter) {
        html.append("<section><h2 id=\"permanence\">Children looked after: permanence</h2>");
        if (inCare.isEmpty()) {
            html.append("<p class=\"empty\">No child is looked after.</p></section>");
            return;
        }
        html.append("<table><thead><tr><th>Child</th><th>In care since</th><th>Placement</th><th>Moves in 12 months</th>")
                .append("<th>Next review</th><th>Permanence plan</th><th>Panel</th></tr></thead><tbody>");
        var today = timescales.today();
        for (var period : inCare) {
            var clocks = deadlines.openForProcess(period.processInstanceId());
            var review = clocks.stream().filter(d -> REVIEWS.contains(d.timescale())).findFirst();
            var planDue = clocks.stream().filter(d -> d.timescale().equals("PERMANENCE_PLAN")).findFirst();
            var placement = period.placements().stream().filter(p -> p.endedOn() == null).findFirst();
            var plan = period.permanencePlan();
            html.append("<tr>").append(childCell(period.childReference(), names, filter))
                    .append("<td>").append(h(period.startedOn().format(DAY))).append("<div class=\"muted\">")
                    .append(h(words(period.currentLegalBasis().name()))).append("</div></td>")
                    .append("<td>").append(placement.map(p -> h(words(p.type().name()))).orElse("<span class=\"badge red\">not placed</span>")).append("</td>")
                    .append("<td class=\"number").append(period.placementMovesInLast12Months() >= 3 ? " late" : "").append("\">")
                    .append(period.placementMovesInLast12Months()).append("</td>")
                    .append("<td>").append(review.map(this::due).orElse("<span class=\"muted\">none due</span>")).append("</td>")
                    .append("<td>").append(plan != null ? "<span class=\"badge green\">" + h(words(plan.type().name())) + "</span><div class=\"muted\">ratified "
                            + h(plan.ratifiedOn().format(DAY)) + "</div>"
                            : planDue.map(d -> "<span class=\"badge " + tone(d) + "\">none</span><div class=\"muted\">due by " + h(d.dueDate().format(DAY)) + "</div>")
                            .orElse("<span class=\"muted\">none yet: due after the first review</span>"))
                    .append("</td><td>").append(panel(panels.atPanel(period.childReference()), today))
                    .append("</td></tr>");
        }
        html.append("</tbody></table></section>");
    }

    /** The sitting still to come the child is booked onto, their papers for it, and their deferrals. */
    private static String panel(ChildAtPanel atPanel, java.time.LocalDate today) {
        var cell = new StringBuilder();
        if (atPanel.booked()) {
            cell.append(h(atPanel.sittingDate().format(DAY))).append("<div class=\"muted\">");
            if (atPanel.papersIn()) {
                cell.append("papers in");
            } else if (atPanel.papersLate(today)) {
                cell.append("<span class=\"badge red\">papers late</span> due ").append(h(atPanel.papersDueBy().format(DAY)));
            } else {
                cell.append("papers due by ").append(h(atPanel.papersDueBy().format(DAY)));
            }
            cell.append("</div>");
        } else {
            cell.append("<span class=\"muted\">not booked</span>");
        }
        if (atPanel.deferrals() > 0) {
            cell.append("<div class=\"").append(atPanel.deferrals() >= 2 ? "late" : "muted").append("\">deferred ")
                    .append(atPanel.deferrals()).append(atPanel.deferrals() == 1 ? " time" : " times").append("</div>");
        }
        return cell.toString();
    }

    private String due(DeadlineView deadline) {
        return "<span class=\"badge " + tone(deadline) + "\">" + h(deadline.dueDate().format(DAY)) + "</span>";
    }

    private static String tone(DeadlineView deadline) {
        return switch (deadline.status()) {
            case OVERDUE -> "red";
            case WARNING -> "amber";
            default -> "green";
        };
    }

    private static String words(String constant) {
        var words = constant.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private void careProceedings(StringBuilder html, List<ProceedingsView> cases, Map<String, String> names, String filter) {
        html.append("<section><h2 id=\"care-proceedings\">Care proceedings</h2>");
        if (cases.isEmpty()) {
            html.append("<p class=\"empty\">No care proceedings or pre-proceedings under way.</p></section>");
            return;
        }
        html.append("<table><thead><tr><th>Child</th><th>Stage</th><th>Issued</th><th>Week of 26</th><th>Deadline</th><th>Risk</th></tr></thead><tbody>");
        for (var c : cases) {
            var risk = c.risk() == null ? "neutral" : c.risk().name().toLowerCase();
            html.append("<tr>").append(childCell(c.childReference(), names, filter))
                    .append("<td>").append(h(stage(c))).append("</td>")
                    .append("<td>").append(c.issuedOn() == null ? "<span class=\"muted\">not issued</span>" : h(c.issuedOn().format(DAY))).append("</td>")
                    .append("<td>").append(c.week() == null ? "<span class=\"muted\">not started</span>" : weekBar(c.week(), risk)).append("</td>")
                    .append("<td>").append(c.currentDeadline() == null ? "" : h(c.currentDeadline().format(DAY))
                            + (c.extensions() == null || c.extensions().isEmpty() ? "" : " <span class=\"muted\">(extended)</span>")).append("</td>")
                    .append("<td><span class=\"badge ").append(risk).append("\">").append(c.risk() == null ? "" : h(c.risk().name().charAt(0) + c.risk().name().substring(1).toLowerCase()))
                    .append("</span></td></tr>");
        }
        html.append("</tbody></table></section>");
    }

    private void caseloads(StringBuilder html, Map<String, List<CurrentAllocation>> caseloads) {
        html.append("<section><h2 id=\"caseloads\">Caseloads</h2>");
        if (caseloads.isEmpty()) {
            html.append("<p class=\"empty\">No child is allocated to a worker yet.</p></section>");
            return;
        }
        int most = caseloads.values().stream().mapToInt(List::size).max().orElse(1);
        var now = java.util.Date.from(timescales.now());
        html.append("<table><thead><tr><th>Worker</th><th>Team</th><th>Children</th><th>Open tasks</th><th>Overdue tasks</th></tr></thead><tbody>");
        for (var load : caseloads.values()) {
            var first = load.get(0);
            // the worker's counts, though the engine would show the manager only tasks they may open themselves
            long open = Viewer.asTheApplication(identity, () -> tasks.createTaskQuery().taskAssignee(first.worker()).count());
            long overdue = Viewer.asTheApplication(identity, () -> tasks.createTaskQuery().taskAssignee(first.worker()).dueBefore(now).count());
            html.append("<tr><td>").append(h(first.workerName() == null ? first.worker() : first.workerName())).append("</td>")
                    .append("<td>").append(h(first.teamName())).append("</td>")
                    .append("<td><div class=\"bar\"><span style=\"width:").append(100 * load.size() / most).append("%\"></span></div> ")
                    .append(load.size()).append("</td>")
                    .append("<td class=\"number\">").append(open).append("</td>")
                    .append("<td class=\"number").append(overdue > 0 ? " late" : "").append("\">").append(overdue).append("</td></tr>");
        }
        html.append("</tbody></table></section>");
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

    private static String weekBar(int week, String risk) {
        int width = Math.min(100, Math.round(100f * week / 26));
        return "<div class=\"bar " + risk + "\" title=\"week " + week + " of 26\"><span style=\"width:" + width + "%\"></span></div> " + week;
    }

    private static String tile(String label, long count, String detail, String tone) {
        return "<div class=\"tile " + tone + "\"><div class=\"count\">" + count + "</div><div class=\"label\">" + h(label)
                + "</div><div class=\"detail\">" + h(detail) + "</div></div>";
    }

    /** The id of one of the Tasklist filters CarePath creates at start-up, or null. */
    private String filterId(String name) {
        var filter = filters.createFilterQuery().filterName(name).singleResult();
        return filter == null ? null : filter.getId();
    }

    /**
     * The child, linked to their open work (every journey, whoever holds it), and to the Tasklist narrowed to the
     * child: where the manager acts on what the row shows.
     */
    private static String childCell(String reference, Map<String, String> names, String filterId) {
        return "<td class=\"child\"><a href=\"manager/children/" + URLEncoder.encode(reference, StandardCharsets.UTF_8)
                + "\" title=\"This child's open work\">" + h(names.get(reference)) + "</a><div class=\"muted\">"
                + h(reference) + " · <a href=\"" + tasklistSearch(reference, filterId) + "\">Tasklist</a></div></td>";
    }

    private static String tasklistSearch(String reference, String filterId) {
        var search = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + reference + "\",\"name\":\"\"}]";
        return "camunda/app/tasklist/default/#/?" + (filterId == null ? "" : "filter=" + filterId + "&")
                + "searchQuery=" + URLEncoder.encode(search, StandardCharsets.UTF_8);
    }

    private String displayName(String user) {
        var person = identity.createUserQuery().userId(user).singleResult();
        return person == null || person.getFirstName() == null ? user : (person.getFirstName() + " " + person.getLastName()).strip();
    }

    private static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }

    private static String page(String title, String user, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <base href="%s"><title>%s · CarePath</title><style>%s</style></head>
                <body><header><span class="brand">CarePath</span><span class="title">%s</span><nav><a href="camunda/app/tasklist/">Tasklist</a>%s</nav></header>
                <main>%s</main></body></html>
                """.formatted("/", h(title), STYLE, h(title),
                user == null ? "" : "<span class=\"user\">" + h(user) + "</span><a href=\"logout\">Log out</a>", body);
    }

    static String h(Object value) {
        if (value == null) {
            return "";
        }
        var text = value.toString();
        var escaped = new StringBuilder(text.length());
        for (var ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(ch);
            }
        }
        return escaped.toString();
    }

    private static final String STYLE = """
            body{margin:0;font-family:"IBM Plex Sans",system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1f2933;background:#f5f6f8}
            header{display:flex;align-items:center;gap:1.5rem;padding:.8rem 2rem;background:#fff;border-bottom:1px solid #d8dde3}
            .brand{font-weight:700;color:#b5152b}.title{font-size:1.15rem}nav{margin-left:auto;display:flex;gap:1.2rem;align-items:center}
            .user{color:#52606d}a{color:#1c5fa8}main{max-width:1200px;margin:0 auto;padding:1.5rem 2rem}
            h2{font-size:1.15rem;margin:2rem 0 .6rem}.tiles{display:flex;gap:1rem;flex-wrap:wrap}
            .tile{flex:1;min-width:220px;background:#fff;border:1px solid #d8dde3;border-left:6px solid #9aa5b1;border-radius:4px;padding:1rem 1.2rem}
            .tile.red{border-left-color:#c92a2a}.tile.amber{border-left-color:#e8890c}.tile.green{border-left-color:#2b8a3e}
            .count{font-size:2rem;font-weight:700}.label{font-weight:600}.detail,.muted,.as-of{color:#52606d;font-size:.9rem}
            table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d8dde3}
            th,td{text-align:left;padding:.55rem .75rem;border-bottom:1px solid #e4e7eb;vertical-align:top}
            th{background:#eef1f4;font-size:.85rem;text-transform:uppercase;letter-spacing:.02em;color:#3e4c59}
            .number{text-align:right;font-variant-numeric:tabular-nums}.late{color:#c92a2a;font-weight:700}
            .child,.badge,td.number{white-space:nowrap}.badge{display:inline-block;padding:.1rem .55rem;border-radius:999px;font-size:.8rem;font-weight:600;color:#fff;background:#9aa5b1}
            .badge.red{background:#c92a2a}.badge.amber{background:#e8890c}.badge.green{background:#2b8a3e}
            .bar{display:inline-block;width:120px;height:.6rem;background:#e4e7eb;border-radius:3px;vertical-align:middle;overflow:hidden}
            .bar span{display:block;height:100%;background:#52606d}.bar.red span{background:#c92a2a}.bar.amber span{background:#e8890c}.bar.green span{background:#2b8a3e}
            .empty{background:#fff;border:1px dashed #cbd2d9;padding:1rem;color:#52606d}.as-of{margin-top:2rem}
            """;
}
