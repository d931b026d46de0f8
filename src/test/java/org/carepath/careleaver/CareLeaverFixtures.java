package org.carepath.careleaver;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carepath.ProcessTestSupport;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.NewChild;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** For tests outside the module: a care leaver taken through the pathway the way the social worker would. */
@Component
public class CareLeaverFixtures {

    private final Children children;
    private final ProcessEngine engine;
    private final TransactionTemplate transaction;

    CareLeaverFixtures(Children children, ProcessEngine engine, TransactionTemplate transaction) {
        this.children = children;
        this.engine = engine;
        this.transaction = transaction;
    }

    /**
     * Accommodated at 15, eligible at 16 with a pathway plan and the demo personal adviser, out of care at 18 (no
     * staying put): waiting for the adviser's contacts. Moves the engine clock (to the 18th birthday).
     */
    public String supportedAfterEighteen(String familyName, LocalDate dateOfBirth) {
        clockAt(dateOfBirth.plusYears(15));
        var child = children.register(new NewChild("Jade", familyName, dateOfBirth, null, null)).reference();
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "New case");
        status(child, LegalStatus.SECTION_20, dateOfBirth.plusYears(15));
        var pathway = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CareLeavers.PROCESS)
                .processInstanceBusinessKey(child).singleResult().getId();
        fire(pathway, "Event_SixteenthBirthday");
        var planOn = dateOfBirth.plusYears(16).plusDays(10).toString();
        clockAt(LocalDate.parse(planOn));
        complete(pathway, "Task_AssessNeedsAndPreparePathwayPlan", "practitioner", CareLeaverPathwayProcessTest.plan("pathwayPlanOn", planOn));
        complete(pathway, "Task_AllocatePersonalAdviser", "team-manager", Map.of("personalAdviser", CareLeaverPathwayProcessTest.ADVISER));
        fire(pathway, "Event_EighteenthBirthday");
        status(child, LegalStatus.NOT_LOOKED_AFTER, dateOfBirth.plusYears(18));
        return child;
    }

    private void status(String child, LegalStatus status, LocalDate on) {
        transaction.executeWithoutResult(tx -> children.changeLegalStatus(child, status, on, "Recorded for the test"));
    }

    private void complete(String pathway, String taskKey, String user, Map<String, Object> answers) {
        var task = engine.getTaskService().createTaskQuery().processInstanceId(pathway).taskDefinitionKey(taskKey).singleResult();
        ProcessTestSupport.completeAs(engine, user, task, answers);
    }

    private void fire(String pathway, String timer) {
        var job = engine.getManagementService().createJobQuery().processInstanceId(pathway).activityId(timer).timers().singleResult();
        ClockUtil.setCurrentTime(new Date(Math.max(ClockUtil.getCurrentTime().getTime(), job.getDuedate().getTime() + 1000)));
        engine.getManagementService().executeJob(job.getId());
    }

    private static void clockAt(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(ProcessTestSupport.LONDON).toInstant()));
    }
}
