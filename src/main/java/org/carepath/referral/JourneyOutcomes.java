package org.carepath.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** End listener of the referral journey: announces how it ended (not when it was cancelled). */
@Component("journeyOutcomes")
class JourneyOutcomes implements ExecutionListener {

    private final ApplicationEventPublisher events;

    JourneyOutcomes(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        var reason = execution.getVariable("legalPlanningReason");
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        events.publishEvent(new ReferralJourneyEnded(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                (String) execution.getVariable("outcome"), Boolean.TRUE.equals(execution.getVariable("legalPlanningRequested")),
                reason == null ? null : reason.toString().strip(), authentication == null ? null : authentication.getUserId()));
    }
}
