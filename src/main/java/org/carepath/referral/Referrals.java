package org.carepath.referral;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.variable.Variables;
import org.carepath.audit.Audit;
import org.carepath.child.ChildNotFoundException;
import org.carepath.child.Children;
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
    private final ReferralRepository referrals;
    private final RuntimeService runtime;
    private final Audit audit;

    Referrals(Children children, ReferralRepository referrals, RuntimeService runtime, Audit audit) {
        this.children = children;
        this.referrals = referrals;
        this.runtime = runtime;
        this.audit = audit;
    }

    @Transactional
    TakenReferral take(ReferralRequest request, String recordedBy) {
        var part = request.child();
        var child = part.reference() != null
                ? children.get(part.reference())
                : children.register(part.newChild());
        try {
            var instance = runtime.createProcessInstanceByKey(PROCESS)
                    .businessKey(child.reference())
                    .setVariables(Variables.createVariables()
                            .putValue("childRef", child.reference())
                            .putValue("childName", child.name())
                            .putValue("referralReceivedAt", Date.from(request.receivedAtTime().toInstant()))
                            .putValue("referralSource", request.sourceValue().label())
                            .putValue("referralConcerns", request.concerns().strip())
                            .putValue("referrer", request.referrer().describe()))
                    .execute();
            var referral = referrals.save(new Referral(child.reference(), request, ClockUtil.getCurrentTime().toInstant(),
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
        if (!children.exists(childReference)) {
            throw new ChildNotFoundException(childReference);
        }
        return referrals.findByChildReferenceOrderByReceivedAtDesc(childReference).stream().map(Referral::view).toList();
    }

    record TakenReferral(String childReference, long referralId, String processInstanceId) {
    }
}
