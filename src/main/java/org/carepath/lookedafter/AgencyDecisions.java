package org.carepath.lookedafter;

import org.carepath.panel.AgencyDecisionMade;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency decision after a permanence panel, on the child's open period in care, in the transaction of the
 * decision: accepted at a permanence panel, it ratifies the permanence plan; accepted or not, each action the panel set becomes one
 * of the period's tracked actions, with its owner, due date and drift timer.
 */
@Component
class AgencyDecisions {

    private final LookedAfter lookedAfter;
    private final LookedAfterSteps steps;

    AgencyDecisions(LookedAfter lookedAfter, LookedAfterSteps steps) {
        this.lookedAfter = lookedAfter;
        this.steps = steps;
    }

    @EventListener
    @Transactional
    void on(AgencyDecisionMade decision) {
        var period = lookedAfter.openPeriod(decision.childReference());
        if (decision.accepted() && "PERMANENCE".equals(decision.panelType())) {
            lookedAfter.ratify(period, PermanencePlanType.valueOf(decision.planType()), decision.contingency().strip(),
                    decision.decidedOn(), RatifiedBy.AGENCY_DECISION, decision.decisionReference());
        }
        steps.start(period, "Agency decision after panel", decision.decidedOn(), decision.actions().stream()
                .map(a -> steps.decision(a.action(), a.owner(), a.dueOn())).toList());
    }
}
