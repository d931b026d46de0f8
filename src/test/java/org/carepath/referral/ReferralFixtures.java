package org.carepath.referral;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carepath.ProcessTestSupport;
import org.springframework.stereotype.Component;

/** Takes referrals the way the API does, for tests in any package. Each child gets a distinct name. */
@Component
public class ReferralFixtures {

    private static final AtomicInteger CHILDREN = new AtomicInteger();

    private final Referrals referrals;
    private final RuntimeService runtime;
    private final ProcessEngine engine;

    ReferralFixtures(Referrals referrals, RuntimeService runtime, ProcessEngine engine) {
        this.referrals = referrals;
        this.runtime = runtime;
        this.engine = engine;
    }

    /** A referral screened for assessment, allocated and assessed (today, by the engine clock): waiting for the team manager's sign-off. */
    public Taken atSignOff(String receivedAt) {
        var referral = referralReceivedAt(receivedAt);
        complete(referral, "Task_ScreenContact", "practitioner",
                Map.of("ragRating", "amber", "screeningDecision", "assessment", "screeningRationale", "Screened: assessment"));
        complete(referral, "Task_AllocateSocialWorker", "team-manager", Map.of("allocatedWorker", "practitioner"));
        complete(referral, "Task_CompleteAssessment", "practitioner", Map.of(
                "childSeenOn", LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Europe/London")).toString(),
                "childsViews", "Wants to stay at home with his nan.", "assessmentAnalysis", "Needs support with routines.",
                "assessmentRecommendation", "child-in-need"));
        return referral;
    }

    /** Completes the journey's open task as the given demo user, with their groups, as the Tasklist would. */
    public void complete(Taken referral, String taskKey, String user, Map<String, Object> variables) {
        var task = engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId())
                .taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new IllegalStateException("No open task " + taskKey + " in " + referral.processInstanceId());
        }
        ProcessTestSupport.completeAs(engine, user, task, variables);
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
