package org.carepath.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.carepath.BrowserSupport;
import org.carepath.BrowserTestSupport;
import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.NewChild;
import org.carepath.lookedafter.LookedAfterFixtures;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The North team manager's caseloads and IRO reviews, then the IRO's own page, in a real browser: a child whose
 * social worker changed and whose screening is overdue, and a child looked after whose first review is overdue and
 * whose IRO disputes the care plan. Screenshots: target/screenshots/caseloads-*.png. Tue 11 Feb 2098.
 */
@CarePathTest
class CaseloadsBrowserTest extends BrowserTestSupport {


    @LocalServerPort
    int port;
    @Autowired
    ReferralFixtures referrals;
    @Autowired
    Children children;
    @Autowired
    LookedAfterFixtures lookedAfter;
    @Autowired
    TestRestTemplate http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aManagerReadsCaseloadsAndReviewsAndAnIroTheirOwn() throws Exception {
        clock("2097-03-04T09:00");
        var moved = referrals.referralReceivedAt("2097-03-04T08:00:00Z");
        children.allocate(moved.childReference(), "practitioner-south", "Sam Reid", "south-assessment-team", "South assessment team",
                "team-manager-south", null);
        clock("2098-01-06T09:00");
        children.allocate(moved.childReference(), "practitioner", "Priya Patel", "north-assessment-team", "North assessment team",
                "team-manager", "Moved to the north of the borough");
        var screening = engine.getTaskService().createTaskQuery().processInstanceId(moved.processInstanceId())
                .taskDefinitionKey("Task_ScreenContact").singleResult();
        screening.setAssignee("practitioner");
        // due before any other test's task, so that it is first of the overdue (longest late first, 200 shown) whatever ran before
        screening.setDueDate(Date.from(LocalDate.parse("1989-02-06").atTime(17, 0).atZone(ProcessTestSupport.LONDON).toInstant()));
        engine.getTaskService().saveTask(screening);

        var inCare = children.register(new NewChild("Mia", "Reviewed-" + System.nanoTime(), null, null, null)).reference();
        children.allocate(inCare, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", null);
        children.changeLegalStatus(inCare, LegalStatus.INTERIM_CARE_ORDER, LocalDate.parse("2098-01-06"), "Interim care order");
        lookedAfter.place(inCare, LocalDate.parse("2098-01-06"));
        assertThat(http.withBasicAuth("team-manager", "demo").exchange("/api/children/" + inCare + "/periods-in-care/current/iro",
                HttpMethod.PUT, new HttpEntity<>(Map.of("iro", "iro")), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        clock("2098-02-10T09:00");
        assertThat(http.withBasicAuth("iro", "demo").exchange("/api/children/" + inCare + "/disputes", HttpMethod.POST,
                new HttpEntity<>(Map.of("concern", "The care plan has no plan for contact with her grandmother.")), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        clock("2098-02-11T09:00");

        signInToTasklist(port, "team-manager");
        open("/tracker");
        click(By.linkText("Caseloads"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overdue-tasks")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Caseloads");
        assertThat(browser.findElement(By.cssSelector("tr[data-task='" + screening.getId() + "']")).getText())
                .contains(moved.childName()).contains("Screen contact").contains("Mon 6 Feb 1989").contains("Priya Patel");
        assertThat(browser.findElement(By.cssSelector("#changes-of-worker ~ div tr[data-child='" + moved.childReference() + "']")).getText())
                .contains("Sam Reid to Priya Patel");
        assertThat(browser.findElement(By.cssSelector("tr[data-worker='practitioner']")).getText()).contains("Priya Patel");
        shot("caseloads-1-team-manager");

        click(By.linkText("IRO reviews"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open-disputes")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("IRO reviews");
        assertThat(browser.findElement(By.cssSelector("#children-reviewed ~ div tr[data-child='" + inCare + "']")).getText())
                .contains("Ian Roberts").contains("First review").contains("Overdue");
        shot("caseloads-2-iro-reviews-manager");

        signInToTasklist(port, "iro");
        open("/tracker/reviews");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("open-disputes")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My reviews");
        assertThat(browser.findElement(By.id("on-this-page")).getText()).as("the suite's other children may be Ian's too")
                .containsPattern("Children you review \\([1-9]\\d*\\)").containsPattern("Overdue reviews \\([1-9]\\d*\\)")
                .containsPattern("Open disputes \\([1-9]\\d*\\)");
        click(By.linkText(browser.findElement(By.cssSelector("#on-this-page a[href='#open-disputes']")).getText()));
        assertThat(browser.getCurrentUrl()).endsWith("#open-disputes");
        assertThat(browser.findElements(By.linkText("Caseloads"))).as("not an IRO's page").isEmpty();
        assertThat(browser.findElement(By.cssSelector("#overdue-reviews + table tr[data-child='" + inCare + "']")).getText())
                .contains("First review").contains("Mon 3 Feb 2098").contains("6");
        assertThat(browser.findElement(By.cssSelector("#open-disputes ~ div tr[data-child='" + inCare + "']")).getText())
                .contains("Team manager").contains("Respond to the IRO's concern as team manager").contains("contact with her grandmother");
        shot("caseloads-3-iro");

        click(By.cssSelector("#overdue-reviews + table tr[data-child='" + inCare + "'] a"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline")));
        assertThat(browser.getCurrentUrl()).endsWith("/tracker/children/" + inCare);
    }

    private static void clock(String londonDateTime) {
        ClockUtil.setCurrentTime(Date.from(java.time.LocalDateTime.parse(londonDateTime).atZone(ProcessTestSupport.LONDON).toInstant()));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

}
