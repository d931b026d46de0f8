package org.carepath.tasklist;

import static org.assertj.core.api.Assertions.assertThat;


import org.carepath.BrowserSupport;
import org.carepath.BrowserTestSupport;
import org.carepath.CarePathTest;
import org.carepath.child.Children;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo practitioner's day, in a real browser: sign in to the Tasklist, find the new contact in their
 * groups' tasks, open its form, claim it, decide, complete it.
 */
@CarePathTest
class TasklistBrowserTest extends BrowserTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    ReferralFixtures fixtures;
    @Autowired
    Children children;
    @Autowired
    org.carepath.proceedings.ProceedingsFixtures proceedingsFixtures;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void thePractitionerScreensAContactThroughItsFormInTheTasklist() throws Exception {
        var referral = fixtures.referralReceivedAt(java.time.OffsetDateTime.now().minusHours(1).withNano(0).toString());
        var taskName = "Screen contact: " + referral.childName() + " (" + referral.childReference() + ")";

        signIn("practitioner");
        BrowserSupport.screenshot(browser, "tasklist-1-signed-in");
        click(By.xpath("//div[contains(@class,'task-filter')]//a[contains(normalize-space(),\"My groups' tasks\")]"));
        click(By.xpath("//a[normalize-space()='" + taskName + "']"));

        // the Camunda Form, with the child's name and reference at the top
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[normalize-space()='Screen contact']")));
        var form = browser.findElement(By.cssSelector(".fjs-form"));
        assertThat(form.getText()).contains(referral.childName()).contains(referral.childReference())
                .contains("Bruising on both arms").contains("Ann Jones");
        BrowserSupport.screenshot(browser, "tasklist-2-screen-contact-form");
        assertThat(browser.findElements(By.cssSelector("li.carepath-manager-view"))).as("no manager view for a social worker").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where child_reference = ? and interface = 'TASKLIST'"
                + " and username = 'practitioner' and subject = ?", Long.class, referral.childReference(), "task form: " + taskName))
                .as("opening the form is on the audit trail").isOne();

        click(By.xpath("//button[normalize-space()='Claim']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space()='Complete']")));
        click(By.xpath("//label[normalize-space()='Amber']"));
        click(By.xpath("//label[normalize-space()='Child and family assessment']"));
        BrowserSupport.type(browser, wait, By.cssSelector("textarea[id$='Field_screeningRationale']"), "Second police contact this month; needs assessment.");
        BrowserSupport.screenshot(browser, "tasklist-3-screen-contact-filled");
        click(By.xpath("//button[normalize-space()='Complete']"));

        wait.until(driver -> engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId())
                .taskDefinitionKey("Task_AllocateSocialWorker").count() == 1);
        assertThat(children.get(referral.childReference()).decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.outcome()).isEqualTo("assessment");
            assertThat(decision.rationale()).isEqualTo("Second police contact this month; needs assessment.");
            assertThat(decision.decidedBy()).isEqualTo("practitioner");
        });
        BrowserSupport.screenshot(browser, "tasklist-4-completed");

        click(By.xpath("//a[contains(@class,'dropdown-toggle')][contains(normalize-space(),'Priya Patel')]"));
        click(By.cssSelector("li.logout a"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        assertThat(browser.findElements(By.cssSelector(".task-filter"))).as("signed out: asked to sign in again").isEmpty();
    }

    @Test
    void theSolicitorHoldsTheLegalPlanningMeetingThroughItsFormAndTheLetterBeforeProceedingsFollows() throws Exception {
        var c = proceedingsFixtures.requested();
        var child = children.get(c.childReference());
        var meeting = "Hold legal planning meeting: " + child.name() + " (" + c.childReference() + ")";

        signIn("legal");
        click(By.xpath("//div[contains(@class,'task-filter')]//a[contains(normalize-space(),\"My groups' tasks\")]"));
        click(By.xpath("//a[normalize-space()='" + meeting + "']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        click(By.xpath("//button[normalize-space()='Claim']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space()='Complete']")));
        var heldOn = browser.findElement(By.cssSelector("input[id*='Field_legalPlanningMeetingHeldOn']"));
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        heldOn.sendKeys(today.format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")), org.openqa.selenium.Keys.TAB);
        click(By.xpath("//label[normalize-space()='Yes']"));
        click(By.xpath("//label[normalize-space()='Pre-proceedings under the Public Law Outline (letter before proceedings)']"));
        BrowserSupport.type(browser, wait, By.cssSelector("textarea[id$='Field_legalRationale']"),
                "Threshold met on chronic neglect; parents to be given the chance to change with support first.");
        BrowserSupport.screenshot(browser, "tasklist-5-legal-planning-meeting-filled");
        click(By.xpath("//button[normalize-space()='Complete']"));

        wait.until(driver -> engine.getTaskService().createTaskQuery().processInstanceId(c.processInstanceId())
                .taskDefinitionKey("Task_SendLetterBeforeProceedings").count() == 1);
        assertThat(children.get(c.childReference()).decisions()).anySatisfy(decision -> {
            assertThat(decision.outcome()).isEqualTo("pre-proceedings");
            assertThat(decision.decidedBy()).isEqualTo("legal");
        });

        browser.navigate().refresh();
        click(By.xpath("//div[contains(@class,'task-filter')]//a[contains(normalize-space(),\"My groups' tasks\")]"));
        click(By.xpath("//a[normalize-space()='Send letter before proceedings: " + child.name() + " (" + c.childReference() + ")']"));
        var letter = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        assertThat(letter.getText()).contains(child.name()).contains("The pre-proceedings clock counts from it");
        BrowserSupport.screenshot(browser, "tasklist-6-letter-before-proceedings");
    }

    @Test
    void theTeamManagerSeesLateWorkInTheManagerViewAndGoesToTheChildsTasks() throws Exception {
        var referral = fixtures.referralReceivedAt(java.time.OffsetDateTime.now().minusDays(3).withNano(0).toString());
        var screening = engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId())
                .taskDefinitionKey("Task_ScreenContact").singleResult();
        var clock = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("statutory-deadline")
                .variableValueEquals("journeyProcessInstanceId", referral.processInstanceId()).singleResult();
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(clock.getId())
                .activityId("Event_DeadlinePassed").singleResult().getId());
        assertThat(screening).isNotNull();

        signIn("team-manager");
        BrowserSupport.screenshot(browser, "manager-0-tasklist-header");
        click(By.xpath("//li[contains(@class,'carepath-manager-view')]/a[normalize-space()='Manager view']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("late-work")));
        var late = browser.findElement(By.xpath("//section[h2[@id='late-work']]")).getText();
        assertThat(late).contains(referral.childName()).contains("Decision on the response to a referral").contains("Team manager");
        BrowserSupport.screenshot(browser, "manager-1-view");

        click(By.xpath("//section[h2[@id='late-work']]//a[normalize-space()='" + referral.childName() + "']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[starts-with(normalize-space(),'Act on missed deadline: " + referral.childName() + "')]")));
        assertThat(browser.findElement(By.cssSelector("[cam-tasks]")).getText()).contains(referral.childReference());
        BrowserSupport.screenshot(browser, "manager-2-childs-tasks");
    }

    private void signIn(String user) {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit].btn-primary")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
    }
}
