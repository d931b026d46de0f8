package org.carepath.tracker;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.carepath.child.ChildRecordPart;
import org.carepath.child.ChildView;
import org.carepath.child.Children;
import org.carepath.drift.DriftAlerts;
import org.carepath.identity.Viewer;
import org.carepath.lookedafter.LookedAfter;
import org.carepath.proceedings.Proceedings;
import org.carepath.timescale.Timescales;
import org.springframework.stereotype.Service;

/**
 * Everything that happened to one child, every journey, in date order, read from the record: referrals and
 * their decisions with the rationale, allocations, legal status, periods in care with their placements, reviews,
 * visits and permanence plans, panel recommendations and agency decisions, care proceedings with their hearings
 * and orders, drift alerts raised, escalated and resolved, and the journeys' tasks, open ones linked to the Tasklist.
 */
@Service
class ChildTimeline {

    /** What the timeline shows of one event; {@code taskId} set for an open task the Tasklist can open. */
    record Event(Instant at, LocalDate on, String kind, String what, String detail, String taskId, boolean overdue) {

        public String day() {
            return on.format(TrackerPage.DAY);
        }
    }

    private final Children children;
    private final LookedAfter lookedAfter;
    private final Proceedings proceedings;
    private final DriftAlerts alerts;
    private final HistoryService history;
    private final IdentityService identity;
    private final Timescales timescales;
    private final List<ChildRecordPart> parts;
    private final ObjectMapper json;

    ChildTimeline(Children children, LookedAfter lookedAfter, Proceedings proceedings, DriftAlerts alerts, HistoryService history,
                  IdentityService identity, Timescales timescales, List<ChildRecordPart> parts, ObjectMapper json) {
        this.children = children;
        this.lookedAfter = lookedAfter;
        this.proceedings = proceedings;
        this.alerts = alerts;
        this.history = history;
        this.identity = identity;
        this.timescales = timescales;
        this.parts = parts;
        this.json = json;
    }

    List<Event> of(String reference) {
        var zone = timescales.zone();
        var events = new ArrayList<Event>();
        var child = children.get(reference);
        events.add(at(child.createdAt(), zone, "Record", "Record opened", null));
        for (var decision : child.decisions()) {
            events.add(at(decision.decidedAt(), zone, "Decision", words(decision.decision()) + ": " + words(decision.outcome()),
                    join(decision.rationale(), decision.decidedBy() == null ? null : "by " + ManagerView.displayName(identity, decision.decidedBy()))));
        }
        for (var allocation : child.allocations()) {
            events.add(at(allocation.from(), zone, "Allocation", "Allocated to " + name(allocation),
                    join(allocation.teamName(), allocation.reason())));
        }
        for (var status : child.legalStatusHistory()) {
            events.add(on(status.effectiveOn(), zone, "Legal status", ManagerView.words(status.legalStatus().name()), status.reason()));
        }
        for (var period : lookedAfter.periods(reference)) {
            events.add(on(period.startedOn(), zone, "Looked after", "Became looked after",
                    ManagerView.words(period.legalBasis().name())));
            for (var placement : period.placements()) {
                events.add(on(placement.startedOn(), zone, "Placement", "Placed: " + ManagerView.words(placement.type().name()),
                        placement.provider()));
                if (placement.endedOn() != null) {
                    events.add(on(placement.endedOn(), zone, "Placement", "Placement ended", placement.reasonForMove()));
                }
            }
            for (var review : period.reviews()) {
                if (review.heldOn() != null) {
                    events.add(on(review.heldOn(), zone, "Review", "Looked-after review " + review.number() + " held",
                            join(review.summary(), review.chairedBy() == null ? null : "chaired by " + review.chairedBy())));
                }
            }
            for (var visit : period.visits()) {
                events.add(on(visit.visitedOn(), zone, "Visit", visit.seenAlone() ? "Visited, seen alone" : "Visited, not seen alone",
                        visit.seenAlone() ? visit.note() : visit.notSeenAloneReason()));
            }
            for (var plan : period.permanencePlanHistory()) {
                if (plan.ratifiedOn() != null) {
                    events.add(on(plan.ratifiedOn(), zone, "Permanence plan", "Permanence plan ratified: "
                            + ManagerView.words(plan.type().name()), plan.contingency() == null ? null : "contingency: " + plan.contingency()));
                }
            }
            if (period.endedOn() != null) {
                events.add(on(period.endedOn(), zone, "Looked after", "Stopped being looked after",
                        period.reasonForLeaving() == null ? null : ManagerView.words(period.reasonForLeaving().name())));
            }
        }
        for (var c : proceedings.forChild(reference)) {
            events.add(at(c.requestedAt(), zone, "Proceedings", "Legal planning requested", c.reason()));
            if (c.issuedOn() != null) {
                events.add(on(c.issuedOn(), zone, "Proceedings", "Care proceedings issued", join(c.court(), c.caseNumber())));
            }
            for (var hearing : c.hearings()) {
                events.add(on(hearing.heldOn(), zone, "Hearing", ManagerView.words(hearing.type().name()) + " hearing", hearing.outcome()));
            }
            for (var order : c.orders()) {
                events.add(on(order.madeOn(), zone, "Order", ManagerView.words(order.type().name()) + " made", null));
            }
            if (c.concludedOn() != null) {
                events.add(on(c.concludedOn(), zone, "Proceedings", "Proceedings concluded",
                        c.finalOrder() == null ? null : ManagerView.words(c.finalOrder().name())));
            }
        }
        panel(reference, zone, events);
        for (var alert : alerts.forChild(reference)) {
            events.add(at(alert.raisedAt(), zone, "Alert", "Drift alert raised: " + alert.work(), "due " + alert.dueDate().format(TrackerPage.DAY)));
            if (alert.escalatedAt() != null) {
                events.add(at(alert.escalatedAt(), zone, "Alert", "Escalated to the service manager: " + alert.work(), null));
            }
            if (alert.resolvedAt() != null) {
                events.add(at(alert.resolvedAt(), zone, "Alert", "Drift alert resolved: " + alert.work(),
                        alert.resolution() == null ? null : ManagerView.words(alert.resolution().name())));
            }
        }
        var today = timescales.today();
        Viewer.asTheApplication(identity, () -> history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
                .list()).forEach(task -> {
            if (task.getEndTime() != null) {
                events.add(new Event(task.getEndTime().toInstant(), timescales.dateOf(task.getEndTime()), "Task", "Done: " + task.getName(),
                        task.getAssignee() == null ? null : "by " + ManagerView.displayName(identity, task.getAssignee()), null, false));
            } else {
                var due = task.getDueDate() == null ? null : timescales.dateOf(task.getDueDate());
                events.add(new Event(task.getStartTime().toInstant(), timescales.dateOf(task.getStartTime()), "Task", "Open: " + task.getName(),
                        due == null ? null : "due " + due.format(TrackerPage.DAY), task.getId(), due != null && due.isBefore(today)));
            }
        });
        events.sort(Comparator.comparing(Event::at)); // stable: what happened at one instant keeps the record's order
        return events;
    }

    /** The permanence panel's recommendations and agency decisions, from its part of the child's record. */
    @SuppressWarnings("unchecked")
    private void panel(String reference, ZoneId zone, List<Event> events) {
        for (var part : parts) {
            if (!part.name().equals("permanencePanel")) {
                continue;
            }
            var of = part.of(reference);
            if (of == null) {
                return;
            }
            var record = json.convertValue(of, Map.class);
            for (var outcome : (List<Map<String, Object>>) record.getOrDefault("outcomes", List.of())) {
                if (outcome.get("recommendedAt") != null) {
                    events.add(at(Instant.parse(outcome.get("recommendedAt").toString()), zone, "Panel",
                            "Panel recommended: " + text(outcome.get("recommendation")), text(outcome.get("rationale"))));
                }
                if (outcome.get("decidedAt") != null) {
                    events.add(at(Instant.parse(outcome.get("decidedAt").toString()), zone, "Agency decision",
                            "Agency decision: " + words(text(outcome.get("agencyDecision"))), text(outcome.get("agencyDecisionRationale"))));
                }
            }
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String name(ChildView.AllocationView allocation) {
        return allocation.workerName() == null ? allocation.worker() : allocation.workerName();
    }

    private static Event at(Instant at, ZoneId zone, String kind, String what, String detail) {
        return new Event(at, LocalDate.ofInstant(at, zone), kind, what, detail, null, false);
    }

    /** An event known only by its date: placed at the start of that day. */
    private static Event on(LocalDate on, ZoneId zone, String kind, String what, String detail) {
        return new Event(on.atStartOfDay(zone).toInstant(), on, kind, what, detail, null, false);
    }

    private static String join(String first, String second) {
        if (first == null || first.isBlank()) {
            return second;
        }
        return second == null || second.isBlank() ? first : first + " · " + second;
    }

    private static String words(String value) {
        return value == null || value.isBlank() ? "" : value.contains(" ") ? value : ManagerView.words(value.replace('-', '_'));
    }
}
