package org.carepath;

import java.time.Duration;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A browser test: a fresh headless Chromium for each test, against this application context's engine. */
public abstract class BrowserTestSupport {

    @Autowired
    protected ProcessEngine engine;

    protected WebDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        ProcessEngines.registerProcessEngine(engine); // this context's engine, for its REST API and web apps
        browser = BrowserSupport.headlessChromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected void click(By by) {
        BrowserSupport.click(browser, wait, by);
    }

    /** A screenshot of the whole page, not only the window's height (at most 5,000 pixels), under {@code target/}. */
    protected void shot(String name) throws Exception {
        shot(name, 5000);
    }

    protected void shot(String name, int tallest) throws Exception {
        var script = (org.openqa.selenium.JavascriptExecutor) browser;
        script.executeScript("window.scrollTo(0, 0)");
        var height = ((Number) script.executeScript("return document.documentElement.scrollHeight")).intValue();
        var window = browser.manage().window();
        var size = window.getSize();
        window.setSize(new org.openqa.selenium.Dimension(size.getWidth(), Math.min(Math.max(height, 600), tallest)));
        try {
            var language = System.getProperty("carepath.browser.lang", "en-GB");
            BrowserSupport.screenshot(browser, language.equals("en-GB") ? name : name + "-" + language);
        } finally {
            window.setSize(size);
        }
    }

    /** Signs in to the Tasklist as the demo user (password {@code demo}), with a fresh session. */
    protected void signInToTasklist(int port, String user) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit].btn-primary")).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
    }

    /**
     * Signs in as the user, opens the task in the Tasklist, claims it if it is nobody's yet, and answers its form
     * once it can be completed: the form shows no engine error and no Tasklist error.
     */
    protected org.openqa.selenium.WebElement openTaskForm(int port, String user, org.camunda.bpm.engine.task.Task task) {
        signInToTasklist(port, user);
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        if (task.getAssignee() == null) {
            click(By.xpath("//button[normalize-space()='Claim']"));
        }
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space()='Complete']")));
        org.assertj.core.api.Assertions.assertThat(browser.findElements(By.cssSelector(".notifications .alert-danger")))
                .as("an error shown by the Tasklist").isEmpty();
        org.assertj.core.api.Assertions.assertThat(browser.getPageSource()).doesNotContain("ENGINE-");
        return browser.findElement(By.cssSelector(".fjs-form"));
    }
}
