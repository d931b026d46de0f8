package org.carepath.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A team manager opens the performance figures in a real browser: every figure drawn as a chart, and the same figures
 * in the table under it. Two referrals in March 2088 (a year no other test uses), one decided on time and one a
 * working day late. Screenshot: target/screenshots/figures-*.png.
 */
@CarePathTest
class FiguresBrowserTest extends BrowserTestSupport {

    private static final String LANGUAGE = System.getProperty("carepath.browser.lang", "en-GB");

    @LocalServerPort
    int port;
    @Autowired
    ReferralFixtures referrals;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aManagerSeesEachFigureAsAChartAndAsATable() throws Exception {
        clock("2088-03-01T08:30"); // a Monday: the decision is due on Tuesday 2 March
        var onTime = referrals.referralReceivedAt("2088-03-01T08:00:00Z");
        var late = referrals.referralReceivedAt("2088-03-01T08:00:00Z");
        screen(onTime);
        clock("2088-03-03T10:00");
        screen(late);
        clock("2088-04-14T09:00");

        signInToTasklist(port, "team-manager");
        browser.get("http://localhost:" + port + "/tracker");
        click(By.linkText("Figures"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("referral-decisions")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Performance figures");
        wait.until(d -> d.findElements(By.cssSelector(".carepath-chart canvas")).size()
                >= d.findElements(By.cssSelector(".carepath-chart")).size());
        assertThat(browser.findElements(By.cssSelector(".carepath-chart"))).hasSize(8).allSatisfy(chart -> {
            assertThat(chart.findElements(By.tagName("canvas"))).as("drawn").isNotEmpty();
            assertThat(chart.getSize().getHeight()).isGreaterThan(200);
        });
        var referralFigure = browser.findElement(By.cssSelector("[data-figure='referral-decisions']"));
        assertThat(referralFigure.findElement(By.cssSelector(".carepath-figure__definition")).getText())
                .startsWith("Referrals whose decision on the response was recorded in the month");
        referralFigure.findElement(By.cssSelector(".govuk-details__summary")).click();
        var march = referralFigure.findElement(By.xpath(".//tr[th[normalize-space()='Mar 2088']]"));
        assertThat(march.getText()).isEqualTo("Mar 2088 2 1 1 50%");
        shot("figures-1-page");
        for (var figure : List.of("referral-decisions", "proceedings", "adoption-scorecard")) {
            var element = browser.findElement(By.cssSelector("[data-figure='" + figure + "']"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", element);
            var directory = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(directory.resolve("figures-2-" + figure + (LANGUAGE.equals("en-GB") ? "" : "-" + LANGUAGE) + ".png"),
                    element.getScreenshotAs(OutputType.BYTES));
        }
    }

    private void screen(ReferralFixtures.Taken referral) {
        var task = engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId())
                .taskDefinitionKey("Task_ScreenContact").singleResult();
        ProcessTestSupport.completeAs(engine, "practitioner", task, Map.of("ragRating", "amber",
                "screeningDecision", "assessment", "screeningRationale", "Needs assessment."));
        var allocation = engine.getTaskService().createTaskQuery().processInstanceId(referral.processInstanceId())
                .taskDefinitionKey("Task_AllocateSocialWorker").singleResult();
        ProcessTestSupport.completeAs(engine, "team-manager", allocation, Map.of("allocatedWorker", "practitioner"));
    }

    private static void clock(String londonDateTime) {
        ClockUtil.setCurrentTime(Date.from(java.time.LocalDateTime.parse(londonDateTime).atZone(ProcessTestSupport.LONDON).toInstant()));
    }

    @Override
    protected void shot(String name) throws Exception {
        shot(name, 8000); // eight charts, one under another
    }
}
