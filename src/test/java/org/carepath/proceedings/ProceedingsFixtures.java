package org.carepath.proceedings;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.carepath.ProcessTestSupport;
import org.carepath.child.Children;
import org.carepath.child.NewChild;
import org.springframework.stereotype.Component;

/** Brings a case to a point in its journey through its real tasks, for tests. */
@Component
public class ProceedingsFixtures {

    private static final AtomicInteger CHILDREN = new AtomicInteger();

    private final Proceedings proceedings;
    private final Children children;
    private final ProcessEngine engine;

    ProceedingsFixtures(Proceedings proceedings, Children children, ProcessEngine engine) {
        this.proceedings = proceedings;
        this.children = children;
        this.engine = engine;
    }

    public record Case(String childReference, long proceedingsId, ProcessInstance instance) {
        public String processInstanceId() {
            return instance.getId();
        }
    }

    /** A team manager asks for a legal planning meeting about a new child. */
    public Case requested() {
        var child = children.register(new NewChild("Kai", "Lennox-" + CHILDREN.incrementAndGet(), null, null, null));
        var view = proceedings.request(child.reference(), "Neglect persists despite a child protection plan.", "team-manager");
        var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(view.processInstanceId()).singleResult();
        return new Case(child.reference(), view.id(), instance);
    }

    /** The legal planning meeting decides (held on the given date). */
    public void legalPlanningMeeting(Case c, String heldOn, String decision) {
        complete(c, "Task_HoldLegalPlanningMeeting", "legal", Map.of("legalPlanningMeetingHeldOn", heldOn, "thresholdMet", "yes",
                "legalDecision", decision, "legalRationale", "Threshold met on the evidence of chronic neglect."));
    }

    /** Issued on the given date: day 1 of the 26 weeks. */
    public void issued(Case c, String issuedOn) {
        complete(c, "Task_IssueCareApplication", "legal", Map.of("proceedingsIssuedOn", issuedOn,
                "court", "Family Court at Preston", "caseNumber", "PR26C00" + c.proceedingsId()));
    }

    public void complete(Case c, String taskKey, String user, Map<String, Object> variables) {
        var task = engine.getTaskService().createTaskQuery().processInstanceId(c.processInstanceId()).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new IllegalStateException("No open task " + taskKey + " in " + c.processInstanceId());
        }
        ProcessTestSupport.completeAs(engine, user, task, variables);
    }
}
