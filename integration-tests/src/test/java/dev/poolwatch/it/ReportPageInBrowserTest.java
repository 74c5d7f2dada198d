package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The Maven plugin's report page of {@code plugin-project} opened in headless Chromium: what a person
 * sees there (the rendered text, not the HTML source) names the numbers, the leaking test and where its
 * pool was created; a screenshot of it is saved for the README ({@code poolwatch.screenshot}). Skipped
 * without Debian's {@code chromium} and {@code chromium-driver}, unless {@code it.requireBrowser=true}.
 */
class ReportPageInBrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    @TempDir
    Path project;

    @BeforeEach
    void a_browser_is_installed() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        if (Boolean.getBoolean("it.requireBrowser")) {
            fail("it.requireBrowser=true, but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: install Debian's"
                    + " chromium and chromium-driver (.ci/run does), or leave it.requireBrowser unset to skip this test");
        }
        abort("no Chromium; the report page's browser test skipped (-Dit.requireBrowser=true fails instead)");
    }

    @Test
    void the_page_shows_the_numbers_the_leaking_test_and_where_its_pool_was_created() throws Exception {
        PluginProject.laidOut(project);
        MavenBuild.Result build = new MavenBuild(project).run("verify");
        assertNotEquals(0, build.exitCode(), "check fails on the leak:\n" + build.console());
        Path page = project.resolve("target/site/poolwatch/index.html");

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--window-size=1200,780", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.get(page.toUri().toString());

            assertEquals("poolwatch: demo-plugin", browser.findElement(By.tagName("h1")).getText());
            assertEquals(Map.of("pools created", "7", "pools leaked", "1", "OPEN_IDLE", "1", "test leaked", "1",
                    "test JVM", "1"), cards(browser.findElements(By.cssSelector("#summary .card"))));
            String finding = browser.findElement(By.cssSelector(".finding")).getText();
            assertTrue(finding.startsWith("OPEN_IDLE 1 × java.util.concurrent.ThreadPoolExecutor never shut down"), finding);
            assertTrue(finding.contains("in demo.LeakyTest.leaksItsPool()"), finding);
            assertTrue(finding.contains("at demo.LeakyTest.leaksItsPool(LeakyTest.java:14)"), finding);
            assertTrue(finding.contains("fix: call shutdown() or close()"), finding);
            assertEquals("demo.LeakyTest.leaksItsPool()",
                    browser.findElement(By.cssSelector("#by-test tr:nth-child(2) td:first-child")).getText());

            Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Path saved = Paths.get(System.getProperty("poolwatch.screenshot"));
            Files.createDirectories(saved.getParent());
            Files.copy(screenshot, saved, StandardCopyOption.REPLACE_EXISTING);
            assertTrue(Files.size(saved) > 10_000, "a screenshot of a rendered page: " + saved);
        } finally {
            browser.quit();
        }
    }

    /** Each summary card's label and number, as rendered: the number on the first line, the label on the second. */
    private static Map<String, String> cards(List<WebElement> cards) {
        Map<String, String> byLabel = new java.util.TreeMap<>();
        for (WebElement card : cards) {
            String[] lines = card.getText().split("\n");
            byLabel.put(lines[1], lines[0]);
        }
        return byLabel;
    }
}
