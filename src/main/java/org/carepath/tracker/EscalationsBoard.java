package org.carepath.tracker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.carepath.audit.Audit;
import org.carepath.drift.DeadlineStatus;
import org.carepath.drift.Deadlines;
import org.carepath.drift.DriftAlerts;
import org.carepath.drift.EscalationLevel;
import org.carepath.identity.Viewer;
import org.carepath.timescale.Timescales;
import org.carepath.web.PageLayouts;
import org.carepath.web.SignIn;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /tracker/escalations}: the open drift alerts of the children in the viewer's scope, service manager's rung
 * first and longest late first, and the statutory deadlines that will be missed in the next 5 and 10 working days
 * unless the work is done (counted with the catalogue's working-day calendar), each with who holds the work and
 * one click to the task.
 */
@Controller
class EscalationsBoard {

    static final int SOON = 5;
    static final int LATER = 10;

    private final Tracker tracker;
    private final DriftAlerts alerts;
    private final Deadlines deadlines;
    private final TaskService tasks;
    private final IdentityService identity;
    private final Timescales timescales;
    private final Audit audit;
    private final PageLayouts layouts;

    EscalationsBoard(Tracker tracker, DriftAlerts alerts, Deadlines deadlines, TaskService tasks, IdentityService identity,
                     Timescales timescales, Audit audit, PageLayouts layouts) {
        this.tracker = tracker;
        this.alerts = alerts;
        this.deadlines = deadlines;
        this.tasks = tasks;
        this.identity = identity;
        this.timescales = timescales;
        this.audit = audit;
        this.layouts = layouts;
    }

    record Alert(String reference, String name, String work, String due, int workingDaysLate, boolean serviceManager, String owner,
                 String taskId, String tasklist) {
    }

    record Breach(String reference, String name, String work, String due, int workingDaysLeft, boolean withinFive, String heldBy,
                  String taskId, String tasklist) {
    }

    @GetMapping(value = "/tracker/escalations", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        var user = Viewer.signedIn(request, identity);
        if (user == null) {
            SignIn.redirect(request, response);
            model.addAttribute("layout", layouts.of(null, null, "escalations"));
            model.addAttribute("problem", "signIn");
            model.addAttribute("signIn", SignIn.andBackTo(request));
            return "tracker/problem";
        }
        var viewer = Viewer.of(identity, user);
        var inScope = tracker.keys(viewer);
        var names = new HashMap<String, String>();
        inScope.forEach(row -> names.put(row.reference(), row.name()));
        var today = timescales.today();
        var calendar = timescales.calendar();

        var openAlerts = alerts.open().stream().filter(alert -> names.containsKey(alert.childReference())).toList();
        var horizon = calendar.addWorkingDays(today, LATER);
        var openDeadlines = deadlines.openForEach(names.keySet());
        var waiting = new HashSet<String>();
        openAlerts.forEach(alert -> waiting.add(alert.processInstanceId()));
        openDeadlines.values().forEach(list -> list.forEach(deadline -> waiting.add(deadline.processInstanceId())));
        var openTasks = openTasks(waiting);

        var open = openAlerts.stream()
                .map(alert -> {
                    var last = alert.actions() == null || alert.actions().isEmpty() ? null : alert.actions().get(alert.actions().size() - 1);
                    var owner = last != null && last.owner() != null ? ManagerView.words(last.owner())
                            : alert.escalationLevel() == EscalationLevel.SERVICE_MANAGER ? "Service manager" : "Team manager";
                    var task = openTasks.get(alert.processInstanceId());
                    return new Alert(alert.childReference(), names.get(alert.childReference()), alert.work(),
                            alert.dueDate().format(TrackerPage.DAY), timescales.workingDaysLate(alert.dueDate(), today),
                            alert.escalationLevel() == EscalationLevel.SERVICE_MANAGER, owner, task == null ? null : task.getId(),
                            ManagerView.tasklistSearch(alert.childReference(), null));
                })
                .sorted(Comparator.comparing(Alert::serviceManager).reversed().thenComparing(Comparator.comparingInt(Alert::workingDaysLate).reversed()))
                .toList();

        var coming = new ArrayList<Breach>();
        for (var row : inScope) {
            for (var deadline : openDeadlines.getOrDefault(row.reference(), List.of())) {
                if (deadline.status() == DeadlineStatus.OVERDUE || deadline.dueDate().isAfter(horizon)) {
                    continue;
                }
                int left = calendar.workingDaysAfter(today, deadline.dueDate());
                var task = openTasks.get(deadline.processInstanceId());
                var heldBy = task == null ? "No open task" : task.getAssignee() != null ? ManagerView.displayName(identity, task.getAssignee())
                        : "Not yet picked up";
                coming.add(new Breach(row.reference(), row.name(), deadline.work(), deadline.dueDate().format(TrackerPage.DAY), left,
                        left <= SOON, heldBy, task == null ? null : task.getId(), ManagerView.tasklistSearch(row.reference(), null)));
            }
        }
        coming.sort(Comparator.comparingInt(Breach::workingDaysLeft).thenComparing(Breach::name));

        identity.setAuthentication(user, List.copyOf(viewer.groups())); // the audit trail names them
        try {
            var shown = new LinkedHashSet<String>();
            open.forEach(a -> shown.add(a.reference()));
            coming.forEach(b -> shown.add(b.reference()));
            audit.readAll(shown, "escalations board");
        } finally {
            identity.clearAuthentication();
        }
        model.addAttribute("layout", layouts.of(viewer, ManagerView.displayName(identity, user), "escalations"));
        model.addAttribute("alerts", open);
        model.addAttribute("withinFive", coming.stream().filter(Breach::withinFive).toList());
        model.addAttribute("withinTen", coming.stream().filter(b -> !b.withinFive()).toList());
        model.addAttribute("soon", SOON);
        model.addAttribute("later", LATER);
        model.addAttribute("fiveBy", calendar.addWorkingDays(today, SOON).format(TrackerPage.DAY));
        model.addAttribute("tenBy", horizon.format(TrackerPage.DAY));
        return "tracker/escalations";
    }

    /** The work each clock waits for: its stage's first open task, soonest due; a query per 500 instances. */
    private Map<String, Task> openTasks(Collection<String> processInstanceIds) {
        var first = new HashMap<String, Task>();
        var ids = List.copyOf(processInstanceIds);
        for (int from = 0; from < ids.size(); from += 500) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + 500)).toArray(String[]::new);
            Viewer.asTheApplication(identity, () -> tasks.createTaskQuery().processInstanceIdIn(chunk).orderByDueDate().asc().list())
                    .forEach(task -> first.putIfAbsent(task.getProcessInstanceId(), task));
        }
        return first;
    }
}
