package dev.jinaclip.rag.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.rag.AppTest;
import dev.jinaclip.rag.GatedModel;
import dev.jinaclip.rag.TestApp;
import dev.jinaclip.rag.TestCorpus;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page in headless Chromium (Debian's chromium and chromium-driver, driven by Selenium): type a query, see the
 * grid with an image first, upload a picture, see an error replace the grid; on apps of their own (a {@link TestApp}
 * whose model the test holds), the header while the start-up indexing runs, the busy states of a search, an image
 * search and a re-index, and the reason a missing corpus folder gives. Saves screenshots under target/screenshots/.
 *
 * <p>Without /usr/bin/chromium and /usr/bin/chromedriver the test is skipped, saying so; with
 * {@code RAG_BROWSER_TESTS=required} (as .ci/run sets) it fails instead, so CI cannot pass without running it.
 */
@EnabledIf(value = "chromiumInstalled", disabledReason = BrowserTest.NOT_INSTALLED)
class BrowserTest extends AppTest {

    static final String NOT_INSTALLED = "Headless Chromium is not installed (/usr/bin/chromium, /usr/bin/chromedriver):"
            + " install Debian's packages with 'apt-get install chromium chromium-driver' to run the browser test.";

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static WebDriver browser;

    @TempDir
    static Path profile;

    @LocalServerPort
    int port;

    WebDriverWait wait;

    /** Whether Chromium and ChromeDriver are there; with RAG_BROWSER_TESTS=required, their absence fails. */
    static boolean chromiumInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "required".equals(System.getenv("RAG_BROWSER_TESTS"))) {
            throw new IllegalStateException(NOT_INSTALLED + " RAG_BROWSER_TESTS=required, so this is a failure.");
        }
        return installed;
    }

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--user-data-dir=" + profile.resolve("chromium"),
                        "--window-size=1280,900", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options); // an explicit driver and binary: Selenium Manager stays off
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void should_show_a_grid_with_the_matching_image_first_for_a_typed_query() throws IOException {
        // given
        open("http://localhost:" + port + "/");
        waitForText("status", "passages");
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Retrieval only");
        assertThat(browser.findElement(By.id("cost")).getText()).isEqualTo("This corpus costs 4,051 tokens on the"
                + " hosted API: 51 for passages (counted with the model's tokenizer), 4,000 for images (by tiles).");

        // when
        browser.findElement(By.id("q")).sendKeys("a red apple", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .card")));
        wait.until(driver -> imagesLoaded(driver));

        // then
        List<WebElement> cards = browser.findElements(By.cssSelector("#results .card"));
        assertThat(cards).hasSizeGreaterThanOrEqualTo(2);
        assertThat(cards.get(0).getAttribute("data-modality")).isEqualTo("image");
        assertThat(cards.get(0).getText()).contains("images/red.png", "IMAGE", "cos 0.9");
        assertThat(cards.get(1).getAttribute("data-modality")).isEqualTo("text");
        assertThat(cards.get(1).getText()).contains("texts/red.md", TestCorpus.RED_TEXT);
        assertIdle();
        assertThat(browser.findElement(By.id("partial")).isDisplayed()).isFalse();
        screenshot("search.png");
    }

    @Test
    void should_search_by_an_uploaded_picture_and_drop_the_text_query() throws IOException {
        // given: a text search first
        open("http://localhost:" + port + "/?q=red");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .card")));
        Path picture = Files.write(profile.resolve("sky.png"), TestCorpus.png(Color.BLUE));

        // when
        browser.findElement(By.id("image")).sendKeys(picture.toAbsolutePath().toString());
        waitForText("summary", "sky.png");

        // then
        List<WebElement> cards = browser.findElements(By.cssSelector("#results .card"));
        assertThat(cards.get(0).getText()).contains("images/blue.png");
        assertThat(browser.findElement(By.id("q")).getDomProperty("value")).isEmpty();
        assertThat(browser.getCurrentUrl()).doesNotContain("q=");
        assertIdle();
        screenshot("image-search.png");
    }

    @Test
    void should_replace_the_grid_with_an_error_that_says_what_failed() throws IOException {
        // given
        open("http://localhost:" + port + "/?q=blue");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .card")));
        Path notAnImage = Files.writeString(profile.resolve("notes.png"), "just text");

        // when
        browser.findElement(By.id("image")).sendKeys(notAnImage.toAbsolutePath().toString());
        waitForText("error", "Image search failed: The upload is not an image");

        // then: nothing of the earlier search is left to be taken for the answer to this one
        assertThat(browser.findElements(By.cssSelector("#results .card"))).isEmpty();
        assertThat(browser.findElement(By.id("summary")).getText()).isEmpty();
        assertIdle();
        screenshot("error.png");
    }

    @Test
    void should_show_indexing_progress_then_the_index_and_busy_states_with_each_failure_once(@TempDir Path dir)
            throws IOException {
        // given: a corpus with a file that cannot be indexed, and a model that holds the start-up run after the
        // first file
        Path corpus = TestCorpus.write(dir.resolve("corpus"));
        Files.write(corpus.resolve("texts/broken.md"), new byte[] {(byte) 0xC3, (byte) 0x28});
        try (TestApp app = TestApp.start(corpus, dir.resolve("data"), true)) {
            GatedModel model = app.model();

            // when: the page opens while the app indexes
            open(app.url("/"));

            // then: the header says so, and Re-index waits
            waitForText("status", "indexing the corpus: 1 of 9 files done (images/green.png)");
            assertThat(browser.findElement(By.id("ingest-button")).isEnabled()).isFalse();
            screenshot("indexing.png");

            // and: a search answers from the part indexed so far, saying so
            browser.findElement(By.id("q")).sendKeys("blue", Keys.ENTER);
            waitForText("partial", "Indexing is under way, 1 of 9 files done (images/green.png): these results come only");
            assertThat(browser.findElement(By.cssSelector("#results .card")).getText()).contains("images/blue.png");
            screenshot("indexing-search.png");

            // when: the run goes on to the end
            model.release();

            // then: the header is refreshed without a reload, and the file that failed is listed once
            waitForText("status", "4 passages and 4 images from 9 files");
            waitForText("partial", "Indexing has finished since this search");
            assertThat(browser.findElement(By.id("failures")).getText()).contains("Not indexed", "texts/broken.md",
                    "not UTF-8");
            assertThat(occurrences("texts/broken.md")).isEqualTo(1);
            assertIdle();

            // when: a search that takes a while
            model.holdAll();
            browser.findElement(By.id("q")).clear();
            browser.findElement(By.id("q")).sendKeys("green", Keys.ENTER);

            // then: busy, and nothing else can be started
            assertBusy("Searching…");
            screenshot("busy.png");
            model.release();
            waitForText("summary", "results for “green”");
            assertIdle();

            // when: an image search that takes a while
            model.holdAll();
            Path picture = Files.write(dir.resolve("grass.png"), TestCorpus.png(Color.GREEN));
            browser.findElement(By.id("image")).sendKeys(picture.toAbsolutePath().toString());

            // then
            assertBusy("Searching by image…");
            assertThat(browser.findElement(By.id("q")).getDomProperty("value")).isEmpty();
            model.release();
            waitForText("summary", "grass.png");
            assertIdle();

            // when: a re-index that has a changed file to embed
            Files.writeString(corpus.resolve("texts/blue.txt"), "The blue sea, bluer than ever.\n");
            model.holdAll();
            browser.findElement(By.id("ingest-button")).click();

            // then: busy, with the progress in the header
            assertBusy("Re-indexing…");
            waitForText("status", "indexing the corpus: 4 of 9 files done (texts/blue.txt)");
            model.release();

            // and: a labelled report replaces the results, and the failed file is still listed once
            waitForText("report", "Re-index");
            assertThat(browser.findElement(By.id("report")).getText())
                    .contains("0 new, 1 changed, 7 unchanged, 0 removed files; 1 not indexed (listed above)");
            assertThat(browser.findElements(By.cssSelector("#results .card"))).isEmpty();
            assertThat(browser.findElement(By.id("summary")).getText()).isEmpty();
            assertThat(occurrences("texts/broken.md")).isEqualTo(1);
            waitForText("status", "4 passages and 4 images from 9 files");
            assertIdle();
            screenshot("reindex.png");
        }
    }

    @Test
    void should_say_why_when_the_corpus_folder_is_missing(@TempDir Path dir) throws IOException {
        // given
        Path missing = dir.resolve("no-such-folder");
        try (TestApp app = TestApp.start(missing, dir.resolve("data"), false)) {
            app.awaitStarted();
            String reason = "The corpus folder " + missing.toAbsolutePath() + " does not exist";

            // when
            open(app.url("/"));

            // then
            waitForText("error", "Indexing failed: " + reason);
            waitForText("status", "indexing failed");

            // when: a search
            browser.findElement(By.id("q")).sendKeys("red", Keys.ENTER);

            // then: the grid does not guess, and the reason stays
            waitForText("results", "Nothing to show: indexing failed (see above).");
            waitForText("error", "Indexing failed: " + reason);

            // when: a re-index, the folder still missing
            browser.findElement(By.id("ingest-button")).click();

            // then
            waitForText("error", "Re-index failed: " + reason);
            assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("HTTP 500", "empty?");
            assertIdle();
            screenshot("missing-corpus.png");
        }
    }

    private void open(String url) {
        browser.get(url);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    /** The busy indicator shows {@code text}, the results are aria-busy, and the buttons are off. */
    private void assertBusy(String text) {
        waitForText("busy-text", text);
        assertThat(browser.findElement(By.id("busy")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("results")).getAttribute("aria-busy")).isEqualTo("true");
        assertThat(browser.findElement(By.id("search-button")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("image")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("ingest-button")).isEnabled()).isFalse();
    }

    private void assertIdle() {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("busy")));
        assertThat(browser.findElement(By.id("results")).getAttribute("aria-busy")).isNull();
        assertThat(browser.findElement(By.id("search-button")).isEnabled()).isTrue();
        assertThat(browser.findElement(By.id("image")).isEnabled()).isTrue();
    }

    /** How often {@code text} appears on the page as users read it. */
    private static int occurrences(String text) {
        String page = browser.findElement(By.tagName("body")).getText();
        return page.split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    private static boolean imagesLoaded(WebDriver driver) {
        Object loaded = ((JavascriptExecutor) driver).executeScript("return Array.from(document.querySelectorAll("
                + "'#results img')).every(img => img.complete && img.naturalWidth > 0);");
        return Boolean.TRUE.equals(loaded);
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
