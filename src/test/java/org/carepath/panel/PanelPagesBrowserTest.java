package org.carepath.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carepath.BrowserSupport;
import org.carepath.BrowserTestSupport;
import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.child.Children;
import org.carepath.child.NewChild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The panel administrator's day in a real browser, keyboard first: signs in through the Tasklist, schedules a
 * sitting (first with a mistake), books a child, sees the child and the papers' state on the agenda, records
 * attendance and sees the actual quorum, and opens the printable agenda. Screenshots: target/screenshots/panel-*.png.
 * Run with {@code -Dcarepath.browser.lang=en-US} too: the pages read and write dates the same whatever the browser's language.
 */
@CarePathTest
class PanelPagesBrowserTest extends BrowserTestSupport {


    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Children children;
    @Autowired
    Panels panels;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;


    @AfterEach
    void resetClock() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    @Test
    void thePanelAdministratorSchedulesASittingBooksAChildRecordsAttendanceAndPrintsTheAgenda() throws Exception {
        clock("2096-01-02T09:00");
        var suffix = "";
        var chair = member("Ruth Okonjo" + suffix, "CHAIR");
        var socialWorker = member("Sam Patel" + suffix, "SOCIAL_WORKER");
        var independent = member("Ivy Mensah" + suffix, "INDEPENDENT_MEMBER");
        var child = children.register(new NewChild("Maya", "Thompson", LocalDate.of(2090, 5, 5), null, null)).reference();
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "New case");

        signIn("panel-administrator");
        // the Tasklist's header has the way in
        var link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//li[contains(@class,'carepath-panels')]/a[normalize-space()='Panels']")));
        link.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/panel"));
        open("/panel?month=2096-01");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Panel sittings");
        // keyboard: the first Tab reaches the skip link
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(focused().getText()).isEqualTo("Skip to main content");
        shot("panel-1-sittings");
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                .as("the shared layout needs no sideways scrolling at 1440 pixels wide").isLessThanOrEqualTo(0);

        var schedule = browser.findElement(By.cssSelector("a.govuk-button[href^='/panel/sittings/new']"));
        var href = schedule.getAttribute("href");
        schedule.sendKeys(Keys.ENTER);
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("date-day")));
        } catch (org.openqa.selenium.TimeoutException e) {
            shot("panel-failure");
            throw new AssertionError("link " + href + " at " + browser.getCurrentUrl() + ": " + browser.findElement(By.tagName("body")).getText(), e);
        }
        // a mistake first: no time, no place
        browser.findElement(By.id("type")).sendKeys(Keys.SPACE);
        type("date-day", "24");
        type("date-month", "1");
        type("date-year", "2096");
        submit(By.xpath("//button[normalize-space()='Schedule the sitting']"));
        var summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
        assertThat(summary.getText()).contains("There is a problem").contains("Time is required")
                .contains("Place is required: a place, or an online link");
        wait.until(ready -> focused().getAttribute("class").contains("govuk-error-summary"));
        assertThat(browser.getTitle()).startsWith("Error: ");
        shot("panel-2-schedule-errors");
        browser.findElement(By.linkText("Place is required: a place, or an online link")).sendKeys(Keys.ENTER);
        wait.until(ready -> "place".equals(focused().getAttribute("id")));
        type("place", "Committee room 2, County Hall");
        type("time", "10:00");
        for (var member : List.of(chair, socialWorker, independent)) {
            browser.findElement(By.id("member-" + member)).sendKeys(Keys.SPACE);
        }
        shot("panel-3-schedule-filled");
        submit(By.xpath("//button[normalize-space()='Schedule the sitting']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-notification-banner--success")));
        var sittingUrl = browser.getCurrentUrl().replaceAll("#.*", "");
        assertThat(text("h1")).contains("Tuesday 24 January 2096 at 10:00");
        assertThat(browser.findElement(By.id("main-content")).getText()).contains("Ruth Okonjo" + suffix).contains("0 of 6 booked; 6 places free")
                .contains("Papers due by");

        // book a child, by keyboard
        type("book-child", child);
        type("book-reason", "Permanence plan for long-term fostering, from the second looked-after review");
        shot("panel-4-booking");
        submit(By.xpath("//button[normalize-space()='Book the child']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-notification-banner--success")));
        var agenda = browser.findElement(By.id("agenda")).findElement(By.xpath("following-sibling::table[1]")).getText();
        assertThat(agenda).contains(child).contains("Maya").contains("long-term fostering").contains("10:00");
        assertThat(agenda).contains("Due by 10 Jan 2096");
        // the social worker's papers come in (through their task in the Tasklist): the agenda says so
        panels.papersReceived(jdbc.queryForObject("select id from panel_booking where child_reference = ?", Long.class, child), "practitioner");
        browser.navigate().refresh();
        agenda = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h2[@id='agenda']/following-sibling::table[1]"))).getText();
        assertThat(agenda).contains("Received 2 Jan 2096");
        submit(By.xpath("//button[normalize-space()='Confirm quorum and circulate the papers']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-notification-banner--success")));
        assertThat(browser.findElement(By.id("main-content")).getText()).contains("Papers circulated 2 Jan 2096");
        // the same child again: the service's conflict, in the error summary
        type("book-child", child);
        type("book-reason", "Again");
        submit(By.xpath("//button[normalize-space()='Book the child']"));
        summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-error-summary")));
        assertThat(summary.getText()).contains(child + " is booked onto the sitting on Tuesday 24 January 2096 already");
        shot("panel-5-booked-twice");

        // the day of the sitting: record attendance and see the actual quorum
        clock("2096-01-24T13:00");
        browser.get(sittingUrl);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attendance")));
        for (var member : List.of(chair, socialWorker)) {
            browser.findElement(By.id("attended-" + member)).sendKeys(Keys.SPACE);
        }
        submit(By.xpath("//button[normalize-space()='Record attendance']"));
        var actual = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("actual-quorum")));
        assertThat(actual.getText()).startsWith("Not met").contains("2 members of the panel present")
                .contains("2 members of the panel, at least 3 needed");
        for (var member : List.of(independent)) {
            browser.findElement(By.id("attended-" + member)).sendKeys(Keys.SPACE);
        }
        submit(By.xpath("//button[normalize-space()='Record attendance']"));
        actual = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("actual-quorum")));
        assertThat(actual.getText()).startsWith("Met").contains("3 members of the panel present");
        shot("panel-6-attendance");

        // the printable agenda
        click(By.linkText("Printable agenda and minutes"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space()='Print the agenda']")));
        assertThat(text("h1")).isEqualTo("Agenda and minutes");
        assertThat(browser.findElement(By.id("main-content")).getText()).contains("Case 1, 10:00: Maya").contains(child)
                .contains("Recommendation").contains("Quorum: met");
        shot("panel-7-agenda");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.cssSelector(".govuk-service-navigation")).isDisplayed()).as("navigation hidden in print").isFalse();
        assertThat(browser.findElement(By.xpath("//button[normalize-space()='Print the agenda']")).isDisplayed()).isFalse();
        shot("panel-8-agenda-print");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        open("/panel?month=2096-01");
        var calendar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".carepath-calendar")));
        assertThat(calendar.getText()).contains("10:00 Permanence panel").contains("5 places free");
        shot("panel-9-calendar");
        assertThat(browser.findElement(By.tagName("body")).getAttribute("class")).as("GOV.UK Frontend's script ran, under the CSP")
                .contains("govuk-frontend-supported");
    }

    /**
     * A matching panel: the adoption journey calls the panel journey with the matching panel's type and the matching
     * assessment as its papers (the same variables as adoption-matching.bpmn's call activity). Booking the child from
     * the sitting's page answers the journey's booking task, and the case goes straight to the hearing.
     */
    @Test
    void aMatchingPanelCaseIsBookedFromTheSittingsPageAndItsJourneyMovesOn() throws Exception {
        clock("2096-02-02T09:00");
        var child = children.register(new NewChild("Ava", "Rowe-Match", LocalDate.of(2094, 6, 1), null, null)).reference();
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "In care");
        var journey = engine.getRuntimeService().createProcessInstanceByKey(PermanencePanels.PROCESS).businessKey(child)
                .setVariables(Map.of("childRef", child, "childName", "Ava Rowe-Match", "panelType", "MATCHING",
                        "panelReason", "Proposed match with Sam and Alex Rowe", "panelRequestedAt", new java.util.Date(),
                        "papersReceived", true, "deferrals", 0))
                .execute();
        var members = new java.util.ArrayList<Long>();
        for (var role : List.of("CHAIR", "SOCIAL_WORKER", "INDEPENDENT_MEMBER", "INDEPENDENT_MEMBER", "INDEPENDENT_MEMBER")) {
            members.add(member("Matching " + role.toLowerCase(java.util.Locale.ROOT) + " " + members.size(), role, "MATCHING"));
        }
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth("panel-administrator", "demo");
        var sitting = http.exchange("/api/panel-sittings", HttpMethod.POST, new HttpEntity<>(Map.of("type", "MATCHING", "date", "2096-02-21",
                "time", "14:00", "place", "Committee room 1, County Hall", "members", members), headers), Map.class);
        assertThat(sitting.getStatusCode().value()).as("%s", sitting.getBody()).isEqualTo(201);
        var sittingId = ((Number) sitting.getBody().get("id")).longValue();

        signIn("panel-administrator");
        open("/panel/sittings/" + sittingId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("book-child")));
        assertThat(text("h1")).contains("Tuesday 21 February 2096 at 14:00");
        type("book-child", child);
        type("book-reason", "Matching panel");
        submit(By.xpath("//button[normalize-space()='Book the child']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".govuk-notification-banner--success")));
        var agenda = browser.findElement(By.id("agenda")).findElement(By.xpath("following-sibling::table[1]")).getText();
        assertThat(agenda).contains(child).contains("Proposed match with Sam and Alex Rowe").contains("Received 2 Feb 2096");
        shot("panel-10-matching-booked");

        var tasks = engine.getTaskService().createTaskQuery().processInstanceId(journey.getId()).list().stream()
                .map(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey).toList();
        assertThat(tasks).as("the journey's booking was answered by the page; the matching assessment is the papers")
                .containsExactly("Task_RecordThePanelRecommendation");
        assertThat(engine.getRuntimeService().getVariable(journey.getId(), "sittingId")).isEqualTo(sittingId);
        engine.getRuntimeService().deleteProcessInstance(journey.getId(), "test over");
    }

    // ------------------------------------------------------------------ helpers

    private static void clock(String londonDateTime) {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                java.time.LocalDateTime.parse(londonDateTime).atZone(ProcessTestSupport.LONDON).toInstant()));
    }

    private long member(String name, String role) {
        return member(name, role, "PERMANENCE");
    }

    private long member(String name, String role, String panelType) {
        var body = new HashMap<String, Object>(Map.of("name", name, "role", role, "panelTypes", List.of(panelType),
                "appointedOn", "2095-01-01", "appointmentEndsOn", "2099-12-31"));
        if (role.equals("SOCIAL_WORKER")) {
            body.put("qualifiedOn", "2090-07-01");
        }
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth("panel-administrator", "demo");
        var created = http.exchange("/api/panel-members", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return ((Number) created.getBody().get("id")).longValue();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        open("/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit].btn-primary")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
    }

    private void type(String id, String text) {
        var field = browser.findElement(By.id(id));
        field.clear();
        BrowserSupport.type(browser, wait, By.id(id), text);
    }

    /** Presses Enter on the button, as someone using only a keyboard would, and waits for the next page. */
    private void submit(By button) {
        var element = browser.findElement(button);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.stalenessOf(element));
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private String text(String tag) {
        return browser.findElement(By.tagName(tag)).getText();
    }

}
