package org.carepath.referral;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.variable.Variables;
import org.carepath.audit.Audit;
import org.carepath.child.Children;
import org.carepath.child.Journeys;
import org.carepath.timescale.Timescales;
import org.carepath.web.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a referral: records the child (new or known), the referral, and starts the child's referral
 * journey, in one transaction: if the journey cannot start, nothing is recorded.
 */
@Service
class Referrals {

    static final String PROCESS = "referral-to-assessment";

    private final Children children;
    private final Journeys journeys;
    private final ReferralRepository referrals;
    private final RuntimeService runtime;
    private final Timescales timescales;
    private final Audit audit;

    Referrals(Children children, Journeys journeys, ReferralRepository referrals, RuntimeService runtime, Timescales timescales,
              Audit audit) {
        this.children = children;
        this.journeys = journeys;
        this.referrals = referrals;
        this.runtime = runtime;
        this.timescales = timescales;
        this.audit = audit;
    }

    @Transactional
    TakenReferral take(ReferralRequest request, String recordedBy) {
        var part = request.child();
        var child = part.reference() != null
                ? children.get(part.reference())
                : children.register(part.newChild());
        try {
            var instance = journeys.start(PROCESS, child.reference(), Variables.createVariables()
                    .putValue("referralReceivedAt", Date.from(request.receivedAtTime().toInstant()))
                    .putValue("referralSource", request.sourceValue().label())
                    .putValue("referralConcerns", request.concerns().strip())
                    .putValue("referrer", request.referrer().describe()));
            var referral = referrals.save(new Referral(child.reference(), request, timescales.now(),
                    recordedBy, instance.getId()));
            runtime.setVariable(instance.getId(), "referralId", referral.id());
            audit.changed(child.reference(), "referral", part.reference() == null ? "new child record" : null);
            return new TakenReferral(child.reference(), referral.id(), instance.getId());
        } catch (SuspendedEntityInteractionException | NullValueException e) {
            throw new ConflictException("The referral journey is not accepting new referrals (" + e.getMessage()
                    + "); nothing was recorded");
        }
    }

    @Transactional(readOnly = true)
    List<ReferralView> forChild(String childReference) {
        children.require(childReference);
        return referrals.findByChildReferenceOrderByReceivedAtDesc(childReference).stream().map(Referral::view).toList();
    }

    record TakenReferral(String childReference, long referralId, String processInstanceId) {
    }
}
