package org.carepath.proceedings;

import org.carepath.audit.Audit;
import org.carepath.referral.ReferralJourneyEnded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A referral journey that ended with a request for a legal planning meeting (from the assessment's
 * sign-off or a child protection conference) starts care proceedings for the child.
 *
 * <p>After the referral's transaction commits, in a transaction of its own, from the event publication
 * registry: a failure here neither fails the sign-off that ended the referral nor loses the request,
 * which is handed over again until it succeeds (see {@code events.IncompleteEventsRetry}). When care
 * proceedings are already under way the request joins the live case's record instead of being refused.
 */
@Component
class ReferralHandOff {

    private final Proceedings proceedings;
    private final ProceedingsRepository cases;
    private final Audit audit;

    ReferralHandOff(Proceedings proceedings, ProceedingsRepository cases, Audit audit) {
        this.proceedings = proceedings;
        this.cases = cases;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(ReferralJourneyEnded ended) {
        if (!ended.legalPlanningRequested()) {
            return;
        }
        var reason = ended.legalPlanningReason() == null || ended.legalPlanningReason().isBlank()
                ? "Asked for when the referral journey ended (" + ended.outcome() + ")" : ended.legalPlanningReason();
        var live = cases.findLiveFor(ended.childReference());
        if (live.isPresent()) {
            audit.changed(ended.childReference(), "legal planning asked for again",
                    reason + " (care proceedings " + live.get().id() + " already under way)");
            return;
        }
        proceedings.request(ended.childReference(), reason, ended.requestedBy());
    }
}
