package org.carepath;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}); nothing is
 * downloaded. Without them the browser tests are skipped, unless {@code -Dcarepath.browser-tests=required}
 * (as CI runs them), when their absence fails the build.
 */
public final class BrowserSupport {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    /** The browser's language: British by default; {@code -Dcarepath.browser.lang=en-US} tries an American one. */
    private static final String LANGUAGE = System.getProperty("carepath.browser.lang", "en-GB");

    private BrowserSupport() {
    }

    public static WebDriver headlessChromium() throws Exception {
        var present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present) {
            if ("required".equals(System.getProperty("carepath.browser-tests"))) {
                Assertions.fail("Browser tests are required but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
            }
            Assumptions.abort("No Chromium here: install Debian's chromium and chromium-driver to run the browser tests");
        }
        var profile = Files.createTempDirectory("carepath-chromium");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1440,1000", "--lang=" + LANGUAGE, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", LANGUAGE));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }

    /** Saves what the user saw to target/screenshots/, for a person to look at. */
    public static Path screenshot(WebDriver driver, String name) throws Exception {
        var directory = Files.createDirectories(Path.of("target", "screenshots"));
        var file = directory.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /**
     * Clicks what a person would click, once it is there, scrolled into view. The Tasklist re-renders as
     * it goes (claiming a task reloads its form), so a click that lands while the page is still moving is
     * tried again, as a person would, until the wait runs out.
     */
    public static void click(WebDriver driver, WebDriverWait wait, By by) {
        wait.until(ready -> {
            try {
                var element = ExpectedConditions.elementToBeClickable(by).apply(ready);
                if (element == null) {
                    return false;
                }
                ((JavascriptExecutor) ready).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
                element.click();
                return true;
            } catch (ElementClickInterceptedException | StaleElementReferenceException moving) {
                return false;
            }
        });
    }

    /** Types into a field once it is visible, scrolled into view. */
    public static void type(WebDriver driver, WebDriverWait wait, By by, String text) {
        var element = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.sendKeys(text);
    }
}
