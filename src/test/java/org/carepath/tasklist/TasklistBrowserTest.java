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
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;

    /** Dates as the Tasklist shows them, whatever the browser's language: "Fri 4 Dec 2026". */
    static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.UK);
    static final java.time.ZoneId LONDON = java.time.ZoneId.of("Europe/London");
    /** What no one should read on a screen: the vendor's banner, engine wording, a Java class or an engine code. */
    static final java.util.regex.Pattern JARGON = java.util.regex.Pattern.compile(
            "Camunda 8|Tenant ID|\\b(org|com|java|jakarta)\\.[a-z]+\\.[A-Za-z.]+|ENGINE-\\d{5}|Exception");

    @Test
    void thePractitionerLandsOnTheirWorkAndScreensAContactAfterARefusedAttempt() throws Exception {
        var referral = newest(() -> fixtures.referralReceivedAt(java.time.OffsetDateTime.now().minusHours(1).withNano(0).toString()));
        var late = newest(() -> fixtures.referralReceivedAt(java.time.OffsetDateTime.now().minusDays(6).withNano(0).toString()));
        var taskName = "Screen contact: " + referral.childName() + " (" + referral.childReference() + ")";
        var lateName = "Screen contact: " + late.childName() + " (" + late.childReference() + ")";
        var screening = engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId()).singleResult();
        var due = SHOWN.format(screening.getDueDate().toInstant().atZone(LONDON));

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        assertThat(browser.getTitle()).isEqualTo("CarePath Tasklist");
        assertThat(browser.findElements(By.cssSelector(".login-logo"))).filteredOn(org.openqa.selenium.WebElement::isDisplayed)
                .as("no Camunda logo on the sign-in page").isEmpty();
        assertNoJargon("the sign-in page");
        BrowserSupport.screenshot(browser, "tasklist-0-sign-in");
        signIn("practitioner");

        // lands on their work: the new contact is there, without looking for it under another filter
        var card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(card(taskName))));
        assertThat(browser.findElement(By.cssSelector(".task-filter.active")).getText()).contains("My work");
        assertThat(card.findElement(By.cssSelector(".due-date")).getText()).as("the due date as a date").contains("Due " + due)
                .doesNotContain("ago").doesNotContain("Overdue");
        var lateCard = browser.findElement(By.xpath(card(lateName)));
        assertThat(lateCard.findElement(By.cssSelector(".due-date")).getText()).contains("Overdue");
        assertThat(card.findElements(By.xpath(".//*[contains(@class,'priority')][normalize-space()='50']")))
                .filteredOn(org.openqa.selenium.WebElement::isDisplayed).as("no engine priority over the dates").isEmpty();
        assertThat(browser.findElements(By.xpath("//a[normalize-space()='Create task' or normalize-space()='Start process']")))
                .as("controls nobody may use are not offered").isEmpty();
        assertNoJargon("the practitioner's list");
        BrowserSupport.screenshot(browser, "tasklist-1-practitioner-lands-on-their-work");

        click(By.xpath(card(taskName) + "//h4/a"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[normalize-space()='Screen contact']")));
        var form = browser.findElement(By.cssSelector(".fjs-form"));
        assertThat(form.getText()).contains(referral.childName()).contains(referral.childReference())
                .contains("Bruising on both arms").contains("Ann Jones");
        var notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".carepath-claim-notice")));
        assertThat(notice.getText()).contains("Nobody has taken this task yet");
        assertThat(browser.findElements(By.cssSelector(".reset-due-date, .reset-follow-up-date")))
                .filteredOn(org.openqa.selenium.WebElement::isDisplayed).as("statutory dates are not for resetting").isEmpty();
        assertThat(browser.findElement(By.cssSelector("[cam-tasklist-task-meta] .due-date")).getText()).contains(due);
        assertNoJargon("the task");
        BrowserSupport.screenshot(browser, "tasklist-2-screen-contact-form");
        assertThat(browser.findElements(By.cssSelector("li.carepath-manager-view"))).as("no manager view for a social worker").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where child_reference = ? and interface = 'TASKLIST'"
                + " and username = 'practitioner' and subject = ?", Long.class, referral.childReference(), "task form: " + taskName))
                .as("opening the form is on the audit trail").isOne();

        // the statutory due date cannot be edited: clicking it opens no date picker
        click(By.cssSelector("[cam-tasklist-task-meta] .due-date"));
        assertThat(browser.findElements(By.cssSelector("[cam-tasklist-task-meta] .due-date input, .cam-widget-inline-field.field-control")))
                .filteredOn(org.openqa.selenium.WebElement::isDisplayed).isEmpty();

        click(By.xpath("//button[normalize-space()='Claim this task']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".carepath-claim-notice")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space()='Complete']")));

        // a first attempt without the answers is refused, saying so
        click(By.xpath("//label[normalize-space()='Amber']"));
        click(By.xpath("//button[normalize-space()='Complete']"));
        wait.until(driver -> !driver.findElements(By.cssSelector(".fjs-form-field-error, .fjs-has-errors, .page-notifications .alert-danger")).isEmpty());
        assertThat(engine.getTaskService().createTaskQuery().taskId(screening.getId()).count()).as("not completed").isOne();
        assertNoJargon("the refused attempt");
        BrowserSupport.screenshot(browser, "tasklist-3-refused-attempt");

        click(By.xpath("//label[normalize-space()='Child and family assessment']"));
        BrowserSupport.type(browser, wait, By.cssSelector("textarea[id$='Field_screeningRationale']"), "Second police contact this month; needs assessment.");
        click(By.xpath("//button[normalize-space()='Complete']"));

        var confirmation = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".carepath-confirmation")));
        assertThat(confirmation.getText()).contains("Recorded: " + taskName);
        assertThat(browser.findElements(By.cssSelector(".page-notifications .alert-danger")))
                .filteredOn(org.openqa.selenium.WebElement::isDisplayed).as("no error left on screen").isEmpty();
        wait.until(driver -> engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId())
                .taskDefinitionKey("Task_AllocateSocialWorker").count() == 1);
        assertThat(children.get(referral.childReference()).decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.outcome()).isEqualTo("assessment");
            assertThat(decision.rationale()).isEqualTo("Second police contact this month; needs assessment.");
            assertThat(decision.decidedBy()).isEqualTo("practitioner");
        });
        assertNoJargon("the confirmation");
        BrowserSupport.screenshot(browser, "tasklist-4-completed");

        click(By.xpath("//a[contains(@class,'dropdown-toggle')][contains(normalize-space(),'Priya Patel')]"));
        click(By.cssSelector("li.logout a"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        assertThat(browser.findElements(By.cssSelector(".task-filter"))).as("signed out: asked to sign in again").isEmpty();
    }

    @Test
    void theTeamManagerLandsOnTheAllocationOfferedOnlyTheirTeamsWorkersAndTheNoteReachesTheWorker() throws Exception {
        var referral = newest(() -> fixtures.referralReceivedAt(java.time.OffsetDateTime.now().minusHours(2).withNano(0).toString()));
        newest(() -> {
            fixtures.complete(referral, "Task_ScreenContact", "practitioner", java.util.Map.of("ragRating", "amber",
                    "screeningDecision", "assessment", "screeningRationale", "Needs assessment."));
            return null;
        });
        var taskName = "Allocate social worker: " + referral.childName() + " (" + referral.childReference() + ")";
        long caseload = children.currentAllocations().stream().filter(a -> a.worker().equals("practitioner")).count();

        signIn("team-manager");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(card(taskName))));
        assertThat(browser.findElement(By.cssSelector(".task-filter.active")).getText()).contains("My work");
        assertNoJargon("the team manager's list");
        BrowserSupport.screenshot(browser, "tasklist-5-team-manager-lands-on-their-work");

        click(By.xpath(card(taskName) + "//h4/a"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[normalize-space()='Allocate social worker']")));
        click(By.xpath("//button[normalize-space()='Claim this task']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space()='Complete']")));
        click(By.cssSelector("input[id$='Field_allocatedWorker']"));
        var options = wait.until(ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector(".fjs-dropdownlist-item")));
        assertThat(options).extracting(org.openqa.selenium.WebElement::getText)
                .containsExactly("Priya Patel — North assessment team, " + caseload + (caseload == 1 ? " child" : " children") + " allocated");
        BrowserSupport.screenshot(browser, "tasklist-6-allocation-own-team-with-caseloads");
        options.get(0).click();
        BrowserSupport.type(browser, wait, By.cssSelector("textarea[id$='Field_allocationNote']"), "Priya knows the school; visit with the nurse.");
        click(By.xpath("//button[normalize-space()='Complete']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".carepath-confirmation")));
        wait.until(driver -> engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId())
                .taskDefinitionKey("Task_CompleteAssessment").count() == 1);

        var assessment = engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId())
                .taskDefinitionKey("Task_CompleteAssessment").singleResult();
        var form = openTaskForm(port, "practitioner", assessment);
        assertThat(form.getText()).contains("Note from your team manager when allocating: Priya knows the school; visit with the nurse.");
        BrowserSupport.screenshot(browser, "tasklist-7-worker-sees-the-note");
        click(By.xpath("//a[normalize-space()='Description']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task]"), "Note from Tom Whitfield when allocating"));
    }

    @Test
    void thePanelAdministratorLandsOnTheirWork() throws Exception {
        var today = java.time.LocalDate.now(LONDON);
        var child = children.register(new org.carepath.child.NewChild("Maya", "Landing-" + System.nanoTime(),
                java.time.LocalDate.of(2017, 2, 3), null, null)).reference();
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "In care");
        children.changeLegalStatus(child, org.carepath.child.LegalStatus.CARE_ORDER, today.minusMonths(4), "Care order made");
        var sittingDay = today.plusWeeks(6).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.TUESDAY));
        assertThat(post("panel-administrator", "/api/panel-sittings", java.util.Map.of("type", "PERMANENCE", "date", sittingDay.toString(),
                "time", "10:00", "place", "Committee room 2, County Hall")).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(post("team-manager", "/api/children/" + child + "/panel-requests", java.util.Map.of("reason",
                "Long-term fostering with the current carers, from the second review", "requestedFrom", "LOOKED_AFTER_REVIEW"))
                .getStatusCode().is2xxSuccessful()).isTrue();
        var booking = "Book the child onto a sitting: " + children.get(child).name() + " (" + child + ")";

        signIn("panel-administrator");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(card(booking))));
        assertThat(browser.findElement(By.cssSelector(".task-filter.active")).getText()).contains("My work");
        assertNoJargon("the panel administrator's list");
        BrowserSupport.screenshot(browser, "tasklist-8-panel-administrator-lands-on-their-work");
    }

    @Test
    void cockpitAndAdminSayCarePathAndShowNoEndOfLifeBanner() throws Exception {
        for (var app : java.util.List.of("cockpit", "admin")) {
            browser.manage().deleteAllCookies();
            browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys("admin");
            browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
            browser.findElement(By.cssSelector("button[type=submit].btn-primary")).click();
            var brand = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".navbar-brand")));
            var name = app.equals("cockpit") ? "Cockpit" : "Admin";
            wait.until(ExpectedConditions.textToBePresentInElement(brand, "CarePath " + name));
            wait.until(driver -> driver.getTitle().startsWith("CarePath"));
            assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).filteredOn(org.openqa.selenium.WebElement::isDisplayed).isEmpty();
            assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
            BrowserSupport.screenshot(browser, "tasklist-11-" + app);
        }
    }

    private org.springframework.http.ResponseEntity<String> post(String user, String path, Object body) {
        return http.withBasicAuth(user, "demo").postForEntity(path, body, String.class);
    }

    private static String card(String taskName) {
        return "//ol[contains(@class,'tasks-list')]/li[.//h4/a[normalize-space()=\"" + taskName + "\"]]";
    }

    private void assertNoJargon(String where) {
        var text = browser.findElement(By.tagName("body")).getText();
        assertThat(JARGON.matcher(text).find()).as("%s shows no engine jargon: %s", where, text).isFalse();
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
        assertThat(heldOn.getAttribute("placeholder")).as("asked as day/month/year, whatever the browser").isEqualTo("dd/mm/yyyy");
        heldOn.sendKeys(today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")), org.openqa.selenium.Keys.TAB);
        click(By.xpath("//label[normalize-space()='Yes']"));
        click(By.xpath("//label[normalize-space()='Pre-proceedings under the Public Law Outline (letter before proceedings)']"));
        BrowserSupport.type(browser, wait, By.cssSelector("textarea[id$='Field_legalRationale']"),
                "Threshold met on chronic neglect; parents to be given the chance to change with support first.");
        BrowserSupport.screenshot(browser, "tasklist-9-legal-planning-meeting-filled");
        click(By.xpath("//button[normalize-space()='Complete']"));

        wait.until(driver -> engine.getTaskService().createTaskQuery().processInstanceId(c.processInstanceId())
                .taskDefinitionKey("Task_SendLetterBeforeProceedings").count() == 1);
        assertThat(children.get(c.childReference()).decisions()).anySatisfy(decision -> {
            assertThat(decision.outcome()).isEqualTo("pre-proceedings");
            assertThat(decision.decidedBy()).isEqualTo("legal");
        });
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(c.processInstanceId())
                .variableName("legalPlanningMeetingHeldOn").singleResult().getValue()).as("the day typed, read as day/month/year")
                .isEqualTo(today.toString());

        browser.navigate().refresh();
        click(By.xpath("//div[contains(@class,'task-filter')]//a[contains(normalize-space(),\"My groups' tasks\")]"));
        click(By.xpath("//a[normalize-space()='Send letter before proceedings: " + child.name() + " (" + c.childReference() + ")']"));
        var letter = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        assertThat(letter.getText()).contains(child.name()).contains("The pre-proceedings clock counts from it");
        BrowserSupport.screenshot(browser, "tasklist-10-letter-before-proceedings");
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

        // a bookmark of the manager view, without a session: sign in, and back to the manager view
        browser.get("http://localhost:" + port + "/manager");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys("team-manager");
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit].btn-primary")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("late-work")));
        assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/manager");

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
        BrowserSupport.screenshot(browser, "manager-0-tasklist-header");
        click(By.xpath("//li[contains(@class,'carepath-manager-view')]/a[normalize-space()='Manager view']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("late-work")));
        var late = browser.findElement(By.xpath("//section[h2[@id='late-work']]")).getText();
        assertThat(late).contains(referral.childName()).contains("Decision on the response to a referral").contains("Team manager");
        BrowserSupport.screenshot(browser, "manager-1-view");

        click(By.xpath("//section[h2[@id='late-work']]//a[normalize-space()='" + referral.childName() + "']"));
        // the child's open work, every journey and whoever holds it, then the Tasklist narrowed to the child
        var work = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//section[h2[@id='open-work']]"))).getText();
        assertThat(work).contains("Screen contact").contains("Act on missed deadline").contains("overdue");
        BrowserSupport.screenshot(browser, "manager-1b-childs-open-work");
        click(By.xpath("//a[normalize-space()=\"This child's tasks in the Tasklist\"]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[starts-with(normalize-space(),'Act on missed deadline: " + referral.childName() + "')]")));
        assertThat(browser.findElement(By.cssSelector("[cam-tasks]")).getText()).contains(referral.childReference());
        assertThat(browser.findElement(By.cssSelector(".task-filter.active")).getText()).contains("My teams' work");
        assertThat(browser.findElement(By.cssSelector("[cam-widget-search]")).getText()).as("the search in CarePath's words")
                .contains("Child reference").doesNotContain("Business Key");
        assertNoJargon("the child's tasks");
        BrowserSupport.screenshot(browser, "manager-2-childs-tasks");
    }

    private void signIn(String user) {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit].btn-primary")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
    }

    /**
     * Work made with the engine's clock far ahead, so its tasks are the newest of the shared test database (other
     * tests create tasks on clocks in the 2090s) and the Tasklist, newest first, shows them at the top of "My work";
     * their due dates still come from the referrals' real dates.
     */
    private static <T> T newest(java.util.function.Supplier<T> work) {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(
                java.time.Duration.ofDays(365L * 280))));
        try {
            return work.get();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

}
