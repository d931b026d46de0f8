package org.carepath.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.carepath.BrowserSupport;
import org.carepath.BrowserTestSupport;
import org.carepath.CarePathApplication;
import org.carepath.child.Children;
import org.carepath.referral.ReferralFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real Keycloak with the development realm (keycloak/carepath-realm.json), in a
 * real browser: the practitioner signs in on Keycloak's page, the Tasklist offers the work of the teams
 * Keycloak puts them in (and not another team's child), they complete a form, and signing out ends the
 * Keycloak session. CI starts Keycloak ({@code .ci/start-keycloak}) and names it with
 * {@code -Dcarepath.keycloak.e2e-issuer=http://localhost:8180/realms/carepath}; without that the test is skipped.
 */
@EnabledIfSystemProperty(named = "carepath.keycloak.e2e-issuer", matches = "https?://.+")
@SpringBootTest(classes = CarePathApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        // a redirect URI the development realm allows
        "server.port=18080",
        "carepath.keycloak.client-secret=" + KeycloakProperties.DEVELOPMENT_SECRET,
        "carepath.database.embedded.data-directory=target/embedded-postgres-keycloak-e2e",
        "carepath.database.embedded.clean=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("local")
class KeycloakSignInBrowserTest extends BrowserTestSupport {

    static final String APP = "http://localhost:18080";

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("carepath.keycloak.issuer", () -> System.getProperty("carepath.keycloak.e2e-issuer"));
    }

    @Autowired
    ReferralFixtures fixtures;
    @Autowired
    Children children;

    @Test
    void thePractitionerSignsInThroughKeycloakDoesTheirTeamsWorkAndSignsOut() throws Exception {
        var received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).withNano(0).toString();
        var southChild = fixtures.referralReceivedAt(received);
        allocate(southChild, "practitioner-south");
        // screening work about the South team's child, offered to that team's social workers only
        fixtures.referralAbout(southChild, received);
        var frontDoorChild = fixtures.referralReceivedAt(received);
        var screening = "Screen contact: " + frontDoorChild.childName() + " (" + frontDoorChild.childReference() + ")";
        // CarePath's copy of who the practitioner is comes from Keycloak at sign-in, not from what was here before
        var identity = engine.getIdentityService();
        identity.createGroupQuery().groupMember("practitioner").list().forEach(group -> identity.deleteMembership("practitioner", group.getId()));

        browser.get(APP + "/camunda/app/tasklist/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).as("sent to Keycloak to sign in")
                .startsWith(System.getProperty("carepath.keycloak.e2e-issuer") + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256");
        BrowserSupport.screenshot(browser, "keycloak-1-sign-in");
        browser.findElement(By.id("username")).sendKeys("practitioner");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
        click(By.xpath("//div[contains(@class,'task-filter')]//a[contains(normalize-space(),\"My groups' tasks\")]"));
        click(By.xpath("//a[normalize-space()='" + screening + "']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[normalize-space()='Screen contact']")));
        var taskList = browser.findElement(By.cssSelector("[cam-tasks]")).getText();
        assertThat(taskList).contains(frontDoorChild.childReference())
                .as("the South team's child is not offered to a North practitioner").doesNotContain(southChild.childReference());
        BrowserSupport.screenshot(browser, "keycloak-2-tasklist-signed-in");

        click(By.xpath("//button[normalize-space()='Claim']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space()='Complete']")));
        click(By.xpath("//label[normalize-space()='Amber']"));
        click(By.xpath("//label[normalize-space()='Child and family assessment']"));
        var rationale = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[id$='Field_screeningRationale']")));
        rationale.sendKeys("Signed in through Keycloak; needs assessment.");
        click(By.xpath("//button[normalize-space()='Complete']"));

        wait.until(driver -> engine.getTaskService().createTaskQuery().processInstanceId(frontDoorChild.processInstanceId())
                .taskDefinitionKey("Task_AllocateSocialWorker").count() == 1);
        assertThat(children.get(frontDoorChild.childReference()).decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.decidedBy()).as("the Keycloak user, by their username").isEqualTo("practitioner");
            assertThat(decision.rationale()).isEqualTo("Signed in through Keycloak; needs assessment.");
        });
        assertThat(identity.createGroupQuery().groupMember("practitioner").list())
                .extracting(group -> group.getId()).as("groups from the token")
                .contains("practitioner", "front-door", "front-door--practitioner", "north-assessment-team--practitioner")
                .doesNotContain("south-assessment-team--practitioner");

        // the Tasklist's own "Log out", from the menu under the user's name
        click(By.xpath("//a[contains(@class,'dropdown-toggle')][contains(normalize-space(),'Priya Patel')]"));
        click(By.cssSelector("li.logout a"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        BrowserSupport.screenshot(browser, "keycloak-3-signed-out");
        browser.get(APP + "/camunda/app/tasklist/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).as("signed out of Keycloak too: asked to sign in again")
                .startsWith(System.getProperty("carepath.keycloak.e2e-issuer"));
    }

    private void allocate(ReferralFixtures.Taken referral, String worker) {
        complete("practitioner", referral.processInstanceId(), "Task_ScreenContact", Map.of("ragRating", "amber",
                "screeningDecision", "assessment", "screeningRationale", "Needs assessment."));
        complete("team-manager", referral.processInstanceId(), "Task_AllocateSocialWorker", Map.of("allocatedWorker", worker));
    }

    private void complete(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
        var identity = engine.getIdentityService();
        var tasks = engine.getTaskService();
        var task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
