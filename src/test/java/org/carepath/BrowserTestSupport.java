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
}
