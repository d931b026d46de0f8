package org.carepath.referral;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Takes referrals the way the API does, for tests in any package. Each child gets a distinct name. */
@Component
public class ReferralFixtures {

    private static final AtomicInteger CHILDREN = new AtomicInteger();

    private final Referrals referrals;
    private final RuntimeService runtime;

    ReferralFixtures(Referrals referrals, RuntimeService runtime) {
        this.referrals = referrals;
        this.runtime = runtime;
    }

    public Taken referralReceivedAt(String receivedAt) {
        var request = new ReferralRequest(
                new ReferralRequest.ChildPart(null, "Jay", "Smith-" + CHILDREN.incrementAndGet(), "2018-05-01", "MALE", "White British"),
                receivedAt, "SCHOOL", "Bruising on both arms; says he is scared to go home.",
                new ReferralRequest.Referrer("Ann Jones", "St Mary's Primary School", "Designated safeguarding lead", "01632 960000", null));
        var taken = referrals.take(request, "practitioner");
        var instance = runtime.createProcessInstanceQuery().processInstanceId(taken.processInstanceId()).singleResult();
        return new Taken(taken.childReference(), instance, request.child().givenName() + " " + request.child().familyName());
    }

    /** A new referral about a child already known (a re-referral): screened by the child's own team once allocated. */
    public Taken referralAbout(Taken known, String receivedAt) {
        var request = new ReferralRequest(new ReferralRequest.ChildPart(known.childReference(), null, null, null, null, null),
                receivedAt, "POLICE", "Police called to the home overnight; the child was present.",
                new ReferralRequest.Referrer("PC Dan Hill", "Police", "Officer in the case", "01632 960001", null));
        var taken = referrals.take(request, "practitioner");
        var instance = runtime.createProcessInstanceQuery().processInstanceId(taken.processInstanceId()).singleResult();
        return new Taken(taken.childReference(), instance, known.childName());
    }

    /** A referral taken: the child and the journey it started (kept, so assertions work after it ends). */
    public record Taken(String childReference, ProcessInstance instance, String childName) {
        public String processInstanceId() {
            return instance.getId();
        }
    }
}
