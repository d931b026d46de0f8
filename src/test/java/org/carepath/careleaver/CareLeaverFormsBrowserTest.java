package org.carepath.careleaver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carepath.BrowserSupport;
import org.carepath.BrowserTestSupport;
import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.NewChild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each form of the care-leaver pathway opened in the Tasklist, in Chromium, by the user whose work it is: the
 * form shows its title, the young person and no engine error. Screenshots: target/screenshots/careleaver-*.png.
 */
@CarePathTest
class CareLeaverFormsBrowserTest extends BrowserTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    Children children;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachFormOfThePathwayOpensForTheOneWhoseWorkItIs() throws Exception {
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.LocalDateTime.parse("2094-06-01T10:00")
                .atZone(ProcessTestSupport.LONDON).toInstant()));
        var child = children.register(new NewChild("Jade", "Forms-" + System.nanoTime(), LocalDate.of(2079, 5, 1), null, null)).reference();
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "In care");
        children.changeLegalStatus(child, LegalStatus.SECTION_20, LocalDate.of(2094, 6, 1), "Accommodated");
        var pathway = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CareLeavers.PROCESS)
                .processInstanceBusinessKey(child).singleResult();
        var birthday = engine.getManagementService().createJobQuery().processInstanceId(pathway.getId()).timers().singleResult();
        // the 16th birthday comes: the timer fires then
        ClockUtil.setCurrentTime(new java.util.Date(birthday.getDuedate().getTime() + 1000));
        engine.getManagementService().executeJob(birthday.getId());
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.LocalDateTime.parse("2095-05-10T10:00")
                .atZone(ProcessTestSupport.LONDON).toInstant()));

        look("practitioner", pathway.getId(), "Task_AssessNeedsAndPreparePathwayPlan", "Assess needs", "careleaver-1-pathway-plan");
        ProcessTestSupport.completeAs(engine, "practitioner", task(pathway.getId(), "Task_AssessNeedsAndPreparePathwayPlan"),
                CareLeaverPathwayProcessTest.plan("pathwayPlanOn", "2095-05-10"));
        look("team-manager", pathway.getId(), "Task_AllocatePersonalAdviser", "Allocate", "careleaver-2-allocate-adviser");
        ProcessTestSupport.completeAs(engine, "team-manager", task(pathway.getId(), "Task_AllocatePersonalAdviser"),
                Map.of("personalAdviser", CareLeaverPathwayProcessTest.ADVISER));
        var form = look(CareLeaverPathwayProcessTest.ADVISER, pathway.getId(), "Task_ReviewPathwayPlan", "Review", "careleaver-3-review");
        assertThat(form.getText()).as("staying put is considered at the first review after the 16th birthday").containsIgnoringCase("staying put");
    }

    private org.camunda.bpm.engine.task.Task task(String processInstanceId, String key) {
        var task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task %s", key).isNotNull();
        return task;
    }

    private org.openqa.selenium.WebElement look(String user, String processInstanceId, String taskKey, String heading, String screenshot) throws Exception {
        var task = task(processInstanceId, taskKey);
        var form = openTaskForm(port, user, task);
        assertThat(form.findElement(By.tagName("h1")).getText()).startsWith(heading);
        assertThat(form.getText()).contains("Jade").doesNotContainIgnoringCase("exception").doesNotContain("ENGINE-");
        BrowserSupport.screenshot(browser, screenshot);
        return form;
    }
}
