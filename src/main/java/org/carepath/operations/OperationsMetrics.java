package org.carepath.operations;

import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carepath.drift.DriftAlerts;
import org.carepath.drift.EscalationLevel;
import org.springframework.stereotype.Component;

/**
 * CarePath's gauges, read live at each scrape of {@code /actuator/prometheus} (each a count query on an index):
 * <ul>
 *   <li>{@code carepath_drift_alerts_open{rung}}: missed statutory deadlines not yet resolved, by rung of the ladder;</li>
 *   <li>{@code carepath_tasks_overdue}: open tasks past their due date;</li>
 *   <li>{@code carepath_jobs_due_unacquired}: due jobs no job executor holds;</li>
 *   <li>{@code carepath_jobs_oldest_due_lateness_seconds}: how long the oldest of those has been due;</li>
 *   <li>{@code carepath_incidents_open}: steps that failed after their retries.</li>
 * </ul>
 * Request latency is Spring's {@code http_server_requests_seconds}. Engine queries run without a signed-in
 * user (no authorisation check): the figures are counts, and name no child.
 */
@Component
class OperationsMetrics implements MeterBinder {

    private final DriftAlerts alerts;
    private final TaskService tasks;
    private final JobBacklog jobs;
    private final Incidents incidents;

    OperationsMetrics(DriftAlerts alerts, TaskService tasks, JobBacklog jobs, Incidents incidents) {
        this.alerts = alerts;
        this.tasks = tasks;
        this.jobs = jobs;
        this.incidents = incidents;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (var rung : EscalationLevel.values()) {
            Gauge.builder("carepath.drift.alerts.open", alerts, a -> a.countOpenAt(rung))
                    .description("Open drift alerts (missed statutory deadlines not yet resolved), by rung of the escalation ladder")
                    .tag("rung", rung.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .register(registry);
        }
        Gauge.builder("carepath.tasks.overdue", tasks, t -> t.createTaskQuery().active().dueBefore(ClockUtil.getCurrentTime()).count())
                .description("Open tasks past their due date")
                .register(registry);
        Gauge.builder("carepath.jobs.due.unacquired", jobs, j -> j.read().due())
                .description("Due jobs (timers, async steps) that no job executor has acquired")
                .register(registry);
        Gauge.builder("carepath.jobs.oldest.due.lateness", jobs, j -> j.read().oldestLateness().toMillis() / 1000.0)
                .description("How long the oldest due, unacquired job has been due")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("carepath.incidents.open", incidents, Incidents::countOpen)
                .description("Open incidents: steps that failed after their retries (see Cockpit)")
                .register(registry);
    }
}
