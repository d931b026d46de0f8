package org.carepath.drift;

import java.util.List;

import org.carepath.timescale.Timescales;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading drift alerts: a child's, or every open one. */
@Service
@Transactional(readOnly = true)
public class DriftAlerts {

    private final DriftAlertRepository alerts;
    private final Timescales timescales;

    DriftAlerts(DriftAlertRepository alerts, Timescales timescales) {
        this.alerts = alerts;
        this.timescales = timescales;
    }

    /** Open alerts first (oldest first), then resolved ones (newest first). */
    public List<DriftAlertView> forChild(String childReference) {
        var all = alerts.findByChildReferenceOrderByRaisedAtDesc(childReference);
        var open = all.stream().filter(DriftAlert::open).sorted((a, b) -> a.raisedAt().compareTo(b.raisedAt()));
        var resolved = all.stream().filter(alert -> !alert.open());
        return java.util.stream.Stream.concat(open, resolved).map(this::view).toList();
    }

    public List<DriftAlertView> open() {
        return alerts.findByResolvedAtIsNullOrderByRaisedAtAsc().stream().map(this::view).toList();
    }

    /** How many alerts are open for each child who has one, and the highest rung they reached, in one query. */
    public java.util.Map<String, OpenAlerts> openPerChild() {
        var open = new java.util.HashMap<String, OpenAlerts>();
        alerts.openPerChild().forEach(row -> open.put((String) row[0],
                new OpenAlerts(((Number) row[1]).intValue(), EscalationLevel.of(((Number) row[2]).intValue()))));
        return open;
    }

    /** A child's open drift alerts: how many, and the highest rung of the ladder any of them reached. */
    public record OpenAlerts(int count, EscalationLevel highestRung) {
    }

    public long countOpen() {
        return alerts.countByResolvedAtIsNull();
    }

    /** Open alerts at one rung of the ladder (the operations metric {@code carepath_drift_alerts_open}). */
    public long countOpenAt(EscalationLevel rung) {
        return alerts.countByResolvedAtIsNullAndEscalationLevel(rung.level());
    }

    private DriftAlertView view(DriftAlert alert) {
        int late = alert.open() ? timescales.workingDaysLate(alert.dueDate(), timescales.today()) : alert.workingDaysLate();
        return new DriftAlertView(alert.id(), alert.childReference(), alert.processInstanceId(),
                alert.processDefinitionKey(), alert.work(), alert.waitingAt(), alert.timescaleKey(), alert.triggerDate(),
                alert.dueDate(), alert.raisedAt(), EscalationLevel.of(alert.escalationLevel()), alert.escalatedAt(),
                alert.open(), alert.resolvedAt(), alert.resolution(), late,
                alert.actions().stream().map(DriftAlertAction::view).toList());
    }
}
