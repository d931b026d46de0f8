package org.carepath.lookedafter;

import org.carepath.panel.PermanencePlanAgreed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency decision after a permanence panel ratifies the child's permanence plan on their open period in
 * care, in the transaction of the decision, so the decision and the plan it ratifies are recorded together.
 */
@Component
class AgencyDecisions {

    private final LookedAfter lookedAfter;

    AgencyDecisions(LookedAfter lookedAfter) {
        this.lookedAfter = lookedAfter;
    }

    @EventListener
    @Transactional
    void on(PermanencePlanAgreed agreed) {
        var period = lookedAfter.openPeriod(agreed.childReference());
        lookedAfter.ratify(period, PermanencePlanType.valueOf(agreed.planType()), agreed.contingency().strip(),
                agreed.decidedOn(), RatifiedBy.AGENCY_DECISION, agreed.decisionReference());
    }
}
