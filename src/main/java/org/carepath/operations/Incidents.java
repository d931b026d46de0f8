package org.carepath.operations;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Steps that failed after every retry ({@code carepath.operations.failed-step-retries}) and now wait for someone:
 * open engine incidents, shown in Cockpit (to administrators, who may retry them there) and counted for managers.
 */
@Service
public class Incidents {

    private final RuntimeService runtime;

    Incidents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Open incidents of every journey, read without a user's authorisations (a count names no child). */
    public long countOpen() {
        return runtime.createIncidentQuery().count();
    }
}
