package org.carepath.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carepath.BrowserSupport;
import org.carepath.BrowserTestSupport;
import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A South team manager's morning in a real browser: the tracker, filtered to red children with alerts, the CSV of
 * exactly that, a child's page with the timeline and the referral journey drawn with the overdue assessment
 * marked, and the escalations board. Screenshots: target/screenshots/tracker-*.png.
 * Run with {@code -Dcarepath.browser.lang=en-US} too.
 */
@CarePathTest
class TrackerBrowserTest extends BrowserTestSupport {


    @LocalServerPort
    int port;
    @Autowired
    ReferralFixtures referrals;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aManagerFiltersTheTrackerExportsItAndOpensALateChildsJourney() throws Exception {
        clock("2096-09-03T09:00");
        var late = referrals.referralReceivedAt("2096-09-03T08:00:00Z");
        allocate(late, "team-manager", "practitioner-south");
        clock("2096-11-19T09:00");
        var onTime = referrals.referralReceivedAt("2096-11-19T08:00:00Z");
        allocate(onTime, "team-manager", "practitioner-south");
        missDeadline(late);
        clock("2096-11-20T09:00");

        // a link to the child's page, opened without a session: signed in, back on that page
        browser.manage().deleteAllCookies();
        open("/tracker/children/" + late.childReference());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys("team-manager-south");
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit].btn-primary")).click();
        wait.until(ExpectedConditions.urlContains("/tracker/children/" + late.childReference()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(late.childName());

        open("/tracker");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracker")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Permanence tracker");
        assertThat(browser.findElement(By.cssSelector(".carepath-header__brand")).getText()).isEqualTo("CarePath");
        assertThat(browser.findElements(By.cssSelector("tr[data-child='" + late.childReference() + "']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("tr[data-child='" + onTime.childReference() + "']"))).hasSize(1);
        shot("tracker-1-all");

        new Select(browser.findElement(By.id("rag"))).selectByValue("red");
        click(By.cssSelector("label[for=alerts]"));
        click(By.xpath("//button[normalize-space()='Show children']"));
        wait.until(ExpectedConditions.urlContains("rag=red"));
        assertThat(browser.getCurrentUrl()).contains("alerts=true");
        assertThat(browser.findElements(By.cssSelector("tr[data-child='" + late.childReference() + "']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("tr[data-child='" + onTime.childReference() + "']"))).as("on time: filtered out").isEmpty();
        assertThat(browser.findElements(By.cssSelector("tr[data-child]"))).allSatisfy(row -> assertThat(row.getAttribute("data-rag")).isEqualTo("red"));
        shot("tracker-2-red-with-alerts");

        // the CSV is exactly what is shown: the same filters
        var csvLink = browser.findElement(By.id("csv"));
        assertThat(csvLink.getAttribute("href")).contains("tracker.csv").contains("rag=red").contains("alerts=true");
        var csv = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done);",
                csvLink.getAttribute("href"));
        assertThat(csv).startsWith("Child,Reference,").contains(late.childReference()).doesNotContain(onTime.childReference());
        assertThat(csv.strip().split("\r?\n")).as("a heading and one line per child shown")
                .hasSize(1 + browser.findElements(By.cssSelector("tr[data-child]")).size());

        click(By.linkText(late.childName()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".carepath-diagram--drawn")));
        shot("tracker-3-child");
        assertThat(browser.findElements(By.cssSelector(".carepath-diagram--failed"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".djs-element.carepath-current[data-element-id='SubProcess_Assessment']")))
                .as("the open stage highlighted").hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".djs-element.carepath-done[data-element-id='SubProcess_FrontDoorScreening']")))
                .as("the stage done shaded").hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".djs-overlay .carepath-clock--red"))).as("the overdue clock on the diagram")
                .singleElement().satisfies(badge -> {
                    assertThat(badge.getText()).isEqualTo("Overdue");
                    assertThat(badge.getSize().getHeight()).as("readable, not shrunk with the diagram").isGreaterThan(15);
                });
        assertThat(browser.findElement(By.id("timeline")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".carepath-timeline")).getText()).contains("Allocated to Sam Reid").contains("Drift alert raised");

        click(By.linkText("Escalations"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open-alerts")));
        assertThat(browser.findElements(By.cssSelector("tr[data-child='" + late.childReference() + "']"))).as("the late child's alert").hasSize(1);
        assertThat(browser.findElement(By.cssSelector("tr[data-child='" + late.childReference() + "']")).getText())
                .contains("Team manager").contains("11").contains("Open the task");
        shot("tracker-4-escalations");
    }

    private void allocate(ReferralFixtures.Taken referral, String manager, String worker) {
        ProcessTestSupport.completeAs(engine, "practitioner", task(referral, "Task_ScreenContact"), Map.of("ragRating", "amber",
                "screeningDecision", "assessment", "screeningRationale", "Needs assessment."));
        ProcessTestSupport.completeAs(engine, manager, task(referral, "Task_AllocateSocialWorker"), Map.of("allocatedWorker", worker));
    }

    private org.camunda.bpm.engine.task.Task task(ReferralFixtures.Taken referral, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId()).taskDefinitionKey(key).singleResult();
    }

    /** The assessment's deadline passes: its clock's timer fires and the drift ladder starts. */
    private void missDeadline(ReferralFixtures.Taken referral) {
        var runtime = engine.getRuntimeService();
        var stage = runtime.getActivityInstance(referral.processInstanceId()).getActivityInstances("SubProcess_Assessment")[0];
        var deadlineId = runtime.getVariableLocal(stage.getExecutionIds()[0], "deadlineId");
        var clock = runtime.createProcessInstanceQuery().processDefinitionKey("statutory-deadline").variableValueEquals("deadlineId", deadlineId)
                .singleResult();
        var job = engine.getManagementService().createJobQuery().processInstanceId(clock.getId()).activityId("Event_DeadlinePassed")
                .timers().singleResult();
        ClockUtil.setCurrentTime(new Date(Math.max(ClockUtil.getCurrentTime().getTime(), job.getDuedate().getTime() + 1000)));
        engine.getManagementService().executeJob(job.getId());
    }

    private static void clock(String londonDateTime) {
        ClockUtil.setCurrentTime(Date.from(java.time.LocalDateTime.parse(londonDateTime).atZone(ProcessTestSupport.LONDON).toInstant()));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

}
