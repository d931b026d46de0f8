/**
 * What an operations team watches: health for load balancers (database, engine, job executor; readiness and
 * liveness groups), Prometheus metrics of what to alert on (open drift alerts by rung, overdue tasks, due jobs
 * not yet acquired and how late the oldest is, open incidents) and the steps that failed after their retries
 * (incidents), which the service manager also sees. Metrics and the rest of Actuator are for administrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.carepath.operations;
