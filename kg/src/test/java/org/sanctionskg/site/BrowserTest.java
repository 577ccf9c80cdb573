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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
        Servers.withServer(config, base -> inBrowser(profile, browser -> {
            browser.get(base.toString());
            assertTrue(browser.getTitle().startsWith("sanctions-kg"), browser.getTitle());
            assertEquals(2, browser.findElements(By.cssSelector("svg")).size(), "the two pictures render as SVG elements");
            assertTrue(browser.findElement(By.id("sanctions-matrix")).getText().contains("Betania"));

            editor(browser, base);
            browser.findElement(By.cssSelector("button.example[data-index='0']")).click();
            assertTrue(browser.findElement(By.id("example-description")).getText().contains("Who imposed which measure?"));
            browser.findElement(By.cssSelector(".yasqe_queryButton")).click();
            new WebDriverWait(browser, PATIENCE).until(d -> d.findElements(By.cssSelector(".yasr table.dataTable tbody tr")).size() >= 2);
            String results = browser.findElement(By.cssSelector(".yasr table.dataTable")).getText();
            assertTrue(results.contains("Alphaland") && results.contains("Betania"), results);

            List<String> elsewhere = requestedUrls(browser).stream()
                    .filter(u -> (u.startsWith("http:") || u.startsWith("https:") || u.startsWith("ws")) && !u.startsWith(base.toString()))
                    .toList();
            assertEquals(List.of(), elsewhere, "the pages load nothing from other hosts (the browser's own chrome:// pages aside)");
            return null;
        }));
    }

    @Test
    void aShareLinkOpenedInAFreshBrowserShowsTheSharedQueryAndItsView() throws Exception {
        requireBrowser();
        Servers.withServer(config, base -> {
            String link = inBrowser(profile.resolve("first"), first -> {
                editor(first, base);
                run(first, COUNT_QUERY);
                first.findElement(By.cssSelector(".yasr .select_chart")).click();
                first.findElement(By.cssSelector(".yasqe_share")).click();
                return new WebDriverWait(first, PATIENCE).until(d -> d.findElement(By.cssSelector(".yasqe_sharePopup input"))).getAttribute("value");
            });
            assertTrue(link.startsWith(base.resolve("ui").toString() + "#") && link.contains("query="), link);
            inBrowser(profile.resolve("fresh"), fresh -> {
                fresh.get(link);
                WebDriverWait wait = new WebDriverWait(fresh, PATIENCE);
                wait.until(d -> !d.findElements(By.cssSelector(".yasqe .CodeMirror")).isEmpty());
                assertEquals(COUNT_QUERY, ((JavascriptExecutor) fresh).executeScript("return sanctionsKgYasgui.getTab().getQuery()"),
                        "the shared query, not the first canned one");
                return wait.until(d -> d.findElements(By.cssSelector("svg.sanctions-kg-chart g.bar")).size() == 2);
            });
        });
    }

    @Test
    void chartViewDrawsOneBarPerRowOfACountQuery() throws Exception {
        requireBrowser();
        Servers.withServer(config, base -> inBrowser(profile, browser -> {
            editor(browser, base);
            run(browser, "SELECT ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 2");
            assertTrue(browser.findElement(By.cssSelector(".yasr .select_chart")).getAttribute("class").contains("disabled"),
                    "no chart for results without a number");
            run(browser, COUNT_QUERY);
            browser.findElement(By.cssSelector(".yasr .select_chart")).click();
            List<WebElement> bars = new WebDriverWait(browser, PATIENCE).until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector("svg.sanctions-kg-chart g.bar"));
                return found.size() == 2 ? found : null;
            });
            List<String> titles = bars.stream().map(b -> b.findElement(By.tagName("title")).getAttribute("textContent")).toList();
            assertEquals(List.of("Alphaland: 1", "Betania: 1"), titles, "one bar per party, named by ?label, sized by ?count");
            return null;
        }));
    }

    /** A count-shaped query: each imposing party's label and its number of targets in the fixture. */
    static final String COUNT_QUERY = "SELECT ?label (COUNT(?target) AS ?count) WHERE {\n"
            + "  ?m <https://w3id.org/sanctions-kg/ontology#imposedBy> ?party ; <https://w3id.org/sanctions-kg/ontology#targets> ?target .\n"
            + "  ?party <http://www.w3.org/2000/01/rdf-schema#label> ?label\n} GROUP BY ?label ORDER BY ?label";

    private static void editor(WebDriver browser, java.net.URI base) {
        browser.get(base.resolve("ui").toString());
        new WebDriverWait(browser, PATIENCE).until(d -> !d.findElements(By.cssSelector(".yasqe .CodeMirror")).isEmpty());
    }

    /** Puts {@code query} in the editor, runs it and waits for its results. */
    private static void run(WebDriver browser, String query) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("sanctionsKgYasgui.getTab().setQuery(arguments[0]); window.ran = 0;"
                + "sanctionsKgYasgui.getTab().getYasr().once('drawn', function () { window.ran = 1; });", query);
        browser.findElement(By.cssSelector(".yasqe_queryButton")).click();
        new WebDriverWait(browser, PATIENCE).until(d -> Long.valueOf(1).equals(js.executeScript("return window.ran")));
    }

    static void requireBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) return;
        String why = "Debian's chromium and chromium-driver are not installed (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
        if ("true".equals(System.getenv("CI"))) fail(why + ": under CI=true the browser test must run (.ci/run installs them)");
        System.out.println("BrowserTest skipped: " + why + "; apt-get install -y chromium chromium-driver");
        Assumptions.abort(why);
    }

    /** What a test does in one browser session. */
    @FunctionalInterface
    interface Session<T> {
        T run(WebDriver browser) throws Exception;
    }

    /** Runs {@code session} in a browser of its own, with {@code profile} as its user-data folder, always closed. */
    private static <T> T inBrowser(Path profile, Session<T> session) throws Exception {
        WebDriver browser = start(profile);
        try {
            return session.run(browser);
        } finally {
            browser.quit();
        }
    }

    private static WebDriver start(Path profile) {
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
