package org.carepath.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The forms of the permanence panel journey, opened in the Tasklist by the one whose work each is, in a real
 * browser; the social worker writes the permanence report through its form, and the agenda shows it received.
 */
@CarePathTest
class PanelFormsBrowserTest extends BrowserTestSupport {

    static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy"); // CarePath makes every browser take British dates

    @LocalServerPort
    int port;
    @Autowired
    Children children;
    @Autowired
    Panels panels;
    @Autowired
    PermanencePanels permanencePanels;

    @Test
    void eachFormOfThePanelJourneyOpensForTheOneWhoseWorkItIsAndTheReportIsWrittenThroughItsForm() throws Exception {
        var today = LocalDate.now(ZoneId.of("Europe/London"));
        var child = children.register(new NewChild("Maya", "Panel-" + System.nanoTime(), LocalDate.of(2017, 2, 3), null, null)).reference();
        children.allocate(child, "practitioner", "Priya Patel", "north-assessment-team", "North assessment team", "team-manager", "In care");
        children.changeLegalStatus(child, LegalStatus.CARE_ORDER, today.minusMonths(4), "Care order made");
        var sittingDay = today.plusWeeks(6).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        var sitting = asAdministrator(() -> panels.createSitting(new PanelInput.Sitting("PERMANENCE", sittingDay.toString(), "10:00",
                "Committee room 2, County Hall", null, null, List.of())));
        var journey = permanencePanels.request(child, new PanelInput.Request(
                "Long-term fostering with the current carers, from the second review", "LOOKED_AFTER_REVIEW"), "team-manager")
                .processInstanceId();

        var booking = look("panel-administrator", journey, "Task_BookTheChildOntoASitting", "Book the child onto a sitting", "panel-form-1-book");
        assertThat(booking.getText()).containsPattern("Proposed: \\w+day \\d+ \\w+ \\d{4} \\(sitting \\d+, papers due by");
        ProcessTestSupport.completeAs(engine, "panel-administrator", task(journey, "Task_BookTheChildOntoASitting"),
                Map.of("sittingId", sitting.id()));

        var report = look("practitioner", journey, "Task_WriteThePermanenceReport", "Write the permanence report for panel", "panel-form-2-report");
        assertThat(report.getText()).contains(Timescales_day(sittingDay));
        browser.findElement(By.cssSelector("input[id*='Field_permanenceReportWrittenOn']")).sendKeys(today.format(TYPED), Keys.TAB);
        BrowserSupport.type(browser, wait, By.cssSelector("textarea[id$='Field_optionsConsidered']"),
                "Return home ruled out by the parenting assessment; special guardianship with the aunt not viable; long-term fostering preferred.");
        BrowserSupport.type(browser, wait, By.cssSelector("textarea[id$='Field_childsWishesAndFeelings']"), "\"I like it here. I want to see Nana.\"");
        BrowserSupport.type(browser, wait, By.cssSelector("textarea[id$='Field_identityCultureAndContact']"),
                "Polish and Irish heritage; speaks Polish with Nana; monthly contact with mother, fortnightly with Nana.");
        BrowserSupport.type(browser, wait, By.cssSelector("textarea[id$='Field_contingencyPlan']"), "Adoption, if the placement ends before she is 8.");
        BrowserSupport.screenshot(browser, "panel-form-3-report-filled");
        click(By.xpath("//button[normalize-space()='Complete']"));
        wait.until(driver -> engine.getTaskService().createTaskQuery().processInstanceId(journey)
                .taskDefinitionKey("Task_RecordThePanelRecommendation").count() == 1);
        assertThat(asAdministrator(() -> panels.sitting(sitting.id())).agenda()).singleElement()
                .satisfies(item -> assertThat(item.papers().receivedAt()).isNotNull());

        var recommendation = look("panel-administrator", journey, "Task_RecordThePanelRecommendation", "Record the panel's recommendation",
                "panel-form-4-recommendation");
        assertThat(recommendation.getText()).contains("Action 1").contains("Owner");
        // the panel sits and recommends; the agency decision maker then has the decision to make
        engine.getRuntimeService().createProcessInstanceModification(journey).cancelActivityInstance(
                        engine.getRuntimeService().getActivityInstance(journey).getActivityInstances("SubProcess_OnTheSitting")[0].getId())
                .startBeforeActivity("SubProcess_AgencyDecision")
                .setVariables(Map.of("recommendationRecordedAt", new java.util.Date(), "recommendedPlanType", "LONG_TERM_FOSTERING",
                        "panelRecommendation", "recommend", "recommendationInWords", "recommended long-term fostering", "recommendedContingency", "Adoption", "recommendationRationale",
                        "Settled; the carers can meet her identity needs."))
                .execute();
        var decision = look("agency-decision-maker", journey, "Task_MakeTheAgencyDecision", "Make the agency decision", "panel-form-5-decision");
        assertThat(decision.getText()).contains("recommended long-term fostering").contains("Settled; the carers can meet her identity needs.");
    }

    private static String Timescales_day(LocalDate day) {
        return org.carepath.timescale.Timescales.DAY_IN_WORDS.format(day);
    }

    private <T> T asAdministrator(java.util.function.Supplier<T> call) {
        return as("panel-administrator", call);
    }

    private <T> T as(String user, java.util.function.Supplier<T> call) {
        engine.getIdentityService().setAuthentication(user, engine.getIdentityService().createGroupQuery().groupMember(user).list()
                .stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
        try {
            return call.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private Task task(String processInstanceId, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    private org.openqa.selenium.WebElement look(String user, String journey, String taskKey, String heading, String screenshot) throws Exception {
        var task = task(journey, taskKey);
        assertThat(task).as(taskKey).isNotNull();
        var form = openTaskForm(port, user, task);
        assertThat(form.findElement(By.tagName("h1")).getText()).startsWith(heading);
        assertThat(form.getText()).contains(children.get(
                engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(journey).singleResult().getBusinessKey()).name());
        BrowserSupport.screenshot(browser, screenshot);
        return form;
    }
}
