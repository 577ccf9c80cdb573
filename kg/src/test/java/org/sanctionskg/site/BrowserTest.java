package org.sanctionskg.site;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sanctionskg.linkeddata.LoadedFixtureTest;
import org.sanctionskg.testing.Servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The site in a real browser: Debian's headless chromium, driven through Debian's chromedriver at its explicit
 * path (Selenium Manager is never asked for a driver or a browser). Every host but loopback is unresolvable for
 * the browser, so the query editor is shown to work offline. Without chromium the test is skipped with a printed
 * reason, except under CI=true, where it fails: CI installs the browser ({@code .ci/run}).
 */
class BrowserTest extends LoadedFixtureTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium"), CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir Path profile;

    @Test
    void homePageAndQueryEditorWorkInARealBrowser() throws Exception {
        requireBrowser();
        Servers.withServer(config, base -> {
            WebDriver browser = start();
            try {
                browser.get(base.toString());
                assertTrue(browser.getTitle().startsWith("sanctions-kg"), browser.getTitle());
                assertEquals(2, browser.findElements(By.cssSelector("svg")).size(), "the two pictures render as SVG elements");
                assertTrue(browser.findElement(By.id("sanctions-graph")).getText().contains("Betania"));

                browser.get(base.resolve("ui").toString());
                WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
                wait.until(d -> !d.findElements(By.cssSelector(".yasqe .CodeMirror")).isEmpty());
                browser.findElement(By.cssSelector("button.example[data-index='0']")).click();
                assertTrue(browser.findElement(By.id("example-description")).getText().contains("Who imposed which measure?"));
                browser.findElement(By.cssSelector(".yasqe_queryButton")).click();
                wait.until(d -> d.findElements(By.cssSelector(".yasr table.dataTable tbody tr")).size() >= 2);
                String results = browser.findElement(By.cssSelector(".yasr table.dataTable")).getText();
                assertTrue(results.contains("Alphaland") && results.contains("Betania"), results);

                List<String> elsewhere = requestedUrls(browser).stream()
                        .filter(u -> (u.startsWith("http:") || u.startsWith("https:") || u.startsWith("ws")) && !u.startsWith(base.toString()))
                        .toList();
                assertEquals(List.of(), elsewhere, "the pages load nothing from other hosts (the browser's own chrome:// pages aside)");
            } finally {
                browser.quit();
            }
        });
    }

    static void requireBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) return;
        String why = "Debian's chromium and chromium-driver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
        if ("true".equals(System.getenv("CI"))) fail(why + ": under CI=true the browser test must run (.ci/run installs them)");
        System.out.println("BrowserTest skipped: " + why + "; apt-get install -y chromium chromium-driver");
        Assumptions.abort(why);
    }

    private WebDriver start() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--user-data-dir=" + profile, "--window-size=1280,1600",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
        return new ChromeDriver(service, options);
    }

    /** Every URL the browser asked for, from its network log. */
    private static List<String> requestedUrls(WebDriver browser) {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get("performance")) {
            JsonObject message = Json.createReader(new StringReader(entry.getMessage())).readObject().getJsonObject("message");
            if ("Network.requestWillBeSent".equals(message.getString("method", "")))
                urls.add(message.getJsonObject("params").getJsonObject("request").getString("url"));
        }
        assertTrue(urls.stream().anyMatch(u -> u.endsWith("/ui/yasgui.min.js")), "the network log was read: " + urls);
        return urls;
    }
}
