package org.carepath.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.carepath.BrowserSupport;
import org.carepath.BrowserTestSupport;
import org.carepath.CarePathTest;
import org.carepath.ProcessTestSupport;
import org.carepath.child.Children;
import org.carepath.child.LegalStatus;
import org.carepath.child.NewChild;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every form of a period in care and of an IRO dispute, opened in the Tasklist by the user whose work it is, in
 * a real browser: the form shows its title, the child and no engine error. The IRO holds the first review
 * through its form from start to end.
 */
@CarePathTest
class LookedAfterFormsBrowserTest extends BrowserTestSupport {

    static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy"); // CarePath makes every browser take British dates

    @LocalServerPort
    int port;
    @Autowired
    Children children;
    @Autowired
    LookedAfter lookedAfter;
    @Autowired
    Disputes disputes;

    @Test
    void eachFormOfAPeriodInCareOpensForTheOneWhoseWorkItIs() throws Exception {
        var today = LocalDate.now(ZoneId.of("Europe/London"));
        var child = childInCareSince(today.minusDays(10));
        var journey = lookedAfter.periods(child).get(0).processInstanceId();
        lookedAfter.place(child, new LookedAfterInput.Placement("FOSTER_CARE_OWN_CARERS", "Jo and Sam Carter", "LS6 2AB",
                today.minusDays(10).toString(), true, false, null));
        look("team-manager", journey, "Task_AppointTheChildsIro", "Appoint the child's IRO", "lookedafter-0-appoint-iro");
        lookedAfter.allocateIro(child, new LookedAfterInput.Iro("iro"));
        disputes.raise(child, "The care plan has no plan for contact with her brother.", "iro");

        look("practitioner", journey, "Task_RecordCarePlan", "Record the care plan", "lookedafter-1-care-plan");
        look("practitioner", journey, "Task_RecordHealthAssessment", "Record the health assessment", "lookedafter-2-health-assessment");
        look("practitioner", journey, "Task_RecordPersonalEducationPlan", "Record the personal education plan", "lookedafter-3-education-plan");
        look("practitioner", journey, "Task_VisitTheChildInTheirNewPlacement", "Visit the child", "lookedafter-4-visit");
        look("team-manager", journey, "Task_HoldFirstPermanencePlanningMeeting", "Hold the permanence planning meeting",
                "lookedafter-5-planning-meeting");
        var dispute = disputes.forChild(child).get(0).processInstanceId();
        look("team-manager", dispute, "Task_RespondToIroConcernAsTeamManager", "Respond to the IRO", "lookedafter-6-dispute-response");
        ProcessTestSupport.completeAs(engine, "team-manager", task(dispute, "Task_RespondToIroConcernAsTeamManager"), Map.of(
                "managerPosition", "agreed", "managerAction", "Sibling contact plan agreed with the carers, monthly.",
                "managerActionBy", today.plusDays(20).toString(), "managerRationale", "Contact matters to both children."));
        look("iro", dispute, "Task_ConsiderTeamManagerResponse", "Consider", "lookedafter-7-dispute-consider");
        assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains("raised by Ian Roberts")
                .contains("Tom Whitfield agrees with the concern and will act on it");
        // up the ladder to the director, whose response the IRO may take to Cafcass
        ProcessTestSupport.completeAs(engine, "iro", task(dispute, "Task_ConsiderTeamManagerResponse"), Map.of(
                "concernOutcome", "not-resolved", "concernOutcomeRationale", "No date for the first contact."));
        for (var stage : new String[][] {{"ServiceManager", "service-manager"}, {"HeadOfService", "head-of-service"}, {"Director", "director"}}) {
            ProcessTestSupport.completeAs(engine, stage[1], task(dispute, "Task_RespondToIroConcernAs" + stage[0]), Map.of(
                    "managerPosition", "partly-agreed", "managerAction", "Contact reviewed at the next review.",
                    "managerActionBy", today.plusDays(30).toString(), "managerRationale", "Carers need support first."));
            if (!stage[0].equals("Director")) {
                ProcessTestSupport.completeAs(engine, "iro", task(dispute, "Task_Consider" + stage[0] + "Response"), Map.of(
                        "concernOutcome", "not-resolved", "concernOutcomeRationale", "Still no date."));
            }
        }
        look("iro", dispute, "Task_ConsiderDirectorResponse", "Consider", "lookedafter-7b-dispute-director");

        // the IRO holds the first review through its form, from start to end
        look("iro", journey, "Task_HoldFirstReview", "Hold the looked-after review", "lookedafter-8-review");
        var heldOn = browser.findElement(By.cssSelector("input[id*='Field_reviewHeldOn']"));
        heldOn.sendKeys(today.format(TYPED), Keys.TAB);
        BrowserSupport.type(browser, wait, By.cssSelector("textarea[id$='Field_reviewAttendedBy']"), "Leah, foster carers, social worker, mother");
        BrowserSupport.type(browser, wait, By.cssSelector("textarea[id$='Field_childViews']"), "Wants to stay with Jo and Sam, and see her brother.");
        click(By.xpath("//div[contains(@class,'fjs-form-field-select')][.//label[contains(normalize-space(),\"How the child's views were gathered\")]]//div[contains(@class,'fjs-input-group')]"));
        click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='In person, at or before the review']"));
        click(By.xpath("//label[normalize-space()='On track']"));
        click(By.xpath("//label[normalize-space()='This review ratifies the permanence plan']"));
        BrowserSupport.type(browser, wait, By.cssSelector("textarea[id$='Field_permanencePlanContingency']"), "Special guardianship with the aunt");
        click(By.xpath("//div[contains(@class,'fjs-form-field-select')][.//label[normalize-space()='Permanence plan']]//div[contains(@class,'fjs-input-group')]"));
        click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='Long-term fostering']"));
        BrowserSupport.screenshot(browser, "lookedafter-9-review-filled");
        click(By.xpath("//button[normalize-space()='Complete']"));

        wait.until(driver -> engine.getTaskService().createTaskQuery().processInstanceId(journey)
                .taskDefinitionKey("Task_HoldSecondReview").count() == 1);
        var period = lookedAfter.periods(child).get(0);
        assertThat(period.reviews()).singleElement().satisfies(review -> {
            assertThat(review.heldOn()).isEqualTo(today);
            assertThat(review.chairedBy()).isEqualTo("iro");
            assertThat(review.childViewsGathered()).isEqualTo("in-person");
        });
        assertThat(period.permanencePlan().type()).isEqualTo(PermanencePlanType.LONG_TERM_FOSTERING);
        BrowserSupport.screenshot(browser, "lookedafter-10-review-done");

        look("practitioner", journey, "Task_StartLifeStoryWork", "Start life-story work", "lookedafter-11-life-story");
    }

    @Test
    void theOwnerOfAnActionFromAReviewOpensItsForm() throws Exception {
        var today = LocalDate.now(ZoneId.of("Europe/London"));
        var child = childInCareSince(today.minusDays(5));
        var journey = lookedAfter.periods(child).get(0).processInstanceId();
        ProcessTestSupport.completeAs(engine, "iro", task(journey, "Task_HoldFirstReview"), Map.of("reviewHeldOn", today.toString(),
                "reviewAttendedBy", "Leah, carers", "childViews", "Happy here.", "childViewsGathered", "in-person",
                "carePlanStatus", "needs-changes", "permanencePlanInPlace", false,
                "decision1", "Refer the aunt for a kinship assessment", "decision1Owner", "practitioner",
                "decision1DueOn", today.plusDays(14).toString()));
        var action = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LookedAfter.ACTION_PROCESS)
                .processInstanceBusinessKey(child).singleResult().getId();
        look("practitioner", action, "Task_CarryOutTheAction", "Carry out the action", "lookedafter-12-action");
        assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains("Refer the aunt for a kinship assessment")
                .contains("looked-after review 1");
    }

    @Test
    void theFormsForAChildAtHomeOnACareOrder() throws Exception {
        var today = LocalDate.now(ZoneId.of("Europe/London"));
        var child = childInCareSince(today.minusDays(3));
        children.changeLegalStatus(child, LegalStatus.CARE_ORDER, today.minusDays(2), "Care order made on " + today.minusDays(2));
        var journey = lookedAfter.periods(child).get(0).processInstanceId();
        lookedAfter.place(child, new LookedAfterInput.Placement("PLACED_WITH_PARENTS", "Kerry Smith (mother)", "LS9 8AA",
                today.minusDays(2).toString(), false, false, null));
        look("practitioner", journey, "Task_AssessThePlacementWithParents", "Assess the placement with parents", "lookedafter-13-placed-with-parents");
        ProcessTestSupport.completeAs(engine, "practitioner", task(journey, "Task_AssessThePlacementWithParents"), Map.of(
                "placementWithParentsAssessedOn", today.toString(), "placementWithParentsAssessment", "Safe with support."));
        var sixMonths = engine.getManagementService().createJobQuery().processInstanceId(journey).activityId("Event_SixMonthsAtHome").singleResult();
        engine.getManagementService().executeJob(sixMonths.getId());
        look("team-manager", journey, "Task_ConsiderDischargingTheCareOrder", "Consider discharging the care order", "lookedafter-14-consider-discharge");

        // the team manager's permanence tracker shows the child, at home, on a care order
        browser.get("http://localhost:" + port + "/manager");
        var tracker = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//section[h2[@id='permanence']]")));
        assertThat(tracker.getText()).contains(children.get(child).name()).contains("Care order").contains("Placed with parents");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", tracker);
        BrowserSupport.screenshot(browser, "lookedafter-15-permanence-tracker");
    }

    private String childInCareSince(LocalDate date) {
        var child = children.register(new NewChild("Leah", "Browser-" + System.nanoTime(), LocalDate.of(2016, 4, 1), null, null)).reference();
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "In care");
        children.changeLegalStatus(child, LegalStatus.INTERIM_CARE_ORDER, date, "Interim care order made on " + date);
        return child;
    }

    private org.camunda.bpm.engine.task.Task task(String processInstanceId, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    /** Signs in as the user, opens the task in the Tasklist, claims it if it is not theirs yet, and looks at its form. */
    private void look(String user, String processInstanceId, String taskKey, String heading, String screenshot) throws Exception {
        var task = task(processInstanceId, taskKey);
        assertThat(task).as(taskKey).isNotNull();
        var form = openTaskForm(port, user, task);
        assertThat(form.findElement(By.tagName("h1")).getText()).startsWith(heading);
        assertThat(form.getText()).contains(children.get(businessKey(task)).name());
        BrowserSupport.screenshot(browser, screenshot);
    }

    private String businessKey(org.camunda.bpm.engine.task.Task task) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
    }
}
