package org.pocketsim.report;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pocketsim.engine.experiment.ExperimentLoader;
import org.pocketsim.engine.experiment.ExperimentRunner;
import org.pocketsim.engine.experiment.LoadedExperiment;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.sweep.Progress;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Opens reports from disk in headless Debian Chromium at 1280 px and checks what a reader sees:
 * every image decoded, nothing wider than the window outside a table's scroll box, the summary
 * sorting by a click on a header and filtering through its text box, each chart's alt text
 * naming its axes with units, and every link of the page resolving (anchors and files). Always checks a report rendered from {@link SampleResults};
 * also checks every folder listed in the system property {@code pocketsim.reportDirs} or env
 * {@code POCKETSIM_REPORT_DIRS} (path-separator list, relative to the repository root, e.g.
 * {@code -Dpocketsim.reportDirs=out/decode-baselines}).
 * A screenshot of each page is saved under {@code target/browser/}; with
 * {@code -Dpocketsim.screenshotDir=docs/img}, the top of each page and its charts are also saved
 * there, as the README shows them.
 *
 * <p>Without chromium and chromedriver the test is skipped, unless env {@code CI=true}, where it fails.
 */
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("pocketsim.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("pocketsim.chromedriver", "/usr/bin/chromedriver"));
    private static final int WIDTH_PX = 1280;
    private static final int MAX_HEIGHT_PX = 12_000;

    /** Held so the level sticks: Selenium warns about CDP versions it does not bundle, which this test never uses. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private static ChromeDriver driver;
    private static Path profileDir;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (missingBrowser() != null) return;
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        // Never let Selenium Manager look for or download a driver: the paths are given.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        profileDir = Files.createTempDirectory("pocketsim-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profileDir,
                "--window-size=" + WIDTH_PX + ",900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (driver != null) driver.quit();
        if (profileDir != null) {
            try (Stream<Path> s = Files.walk(profileDir)) {
                s.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Why the browser cannot run here, or null when chromium and chromedriver are both present. */
    private static String missingBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) return null;
        return "headless browser test needs " + CHROMIUM + " and " + DRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
    }

    /** Skips (locally) or fails (CI=true) when chromium or chromedriver is absent. */
    private static void requireBrowser() {
        String missing = missingBrowser();
        if (missing == null) return;
        if ("true".equals(System.getenv("CI"))) fail(missing + "; CI=true, so this is a failure");
        System.err.println("SKIPPED ReportBrowserTest: " + missing);
        Assumptions.abort(missing + "; skipped locally (CI=true makes this a failure)");
    }

    @Test
    void sampleReportOpensWithEveryImageLoadedAndItsTables() throws Exception {
        requireBrowser();
        Path sample = ReportWriter.write(SampleResults.experiment(), targetDir().resolve("browser/sample-report"))
                .getParent();
        PageFacts facts = open(sample, "sample");
        assertThat(facts.images).hasSize(6);
        assertThat(facts.tableIds).contains("summary-table", "comparison", "table-0-data", "results-table", "traces");
        assertThat(facts.highlightedRows).isEqualTo(1);
    }

    @TestFactory
    List<DynamicTest> listedReportFoldersOpenWithEveryImageLoaded() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String dir : reportDirs().split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path folder = repoRoot().resolve(dir.trim()).normalize();
            tests.add(DynamicTest.dynamicTest(folder.toString(), () -> {
                requireBrowser();
                PageFacts facts = open(folder, folder.getFileName().toString());
                assertThat(facts.tableIds).contains("results-table");
            }));
        }
        return tests;
    }

    /**
     * Every experiment shipped in {@code configs/} is run and its report opened: what a user gets
     * from {@code pocketsim run configs/x.yaml} must load completely in a browser.
     */
    @TestFactory
    List<DynamicTest> shippedExperimentReportsOpenWithEveryImageLoaded() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> configs = Files.list(repoRoot().resolve("configs"))) {
            for (Path config : configs.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(config.getFileName().toString(), () -> {
                    requireBrowser();
                    LoadedExperiment experiment = ExperimentLoader.load(config, List.of());
                    Path out = targetDir().resolve("browser/shipped");
                    ExperimentResult result = ExperimentRunner.run(experiment,
                            Files.createTempDirectory("pocketsim-state-").resolve("points.jsonl"), 2,
                            new Progress(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false,
                                    experiment.points().size()));
                    Path folder = ReportWriter.write(result, out.resolve(result.experimentId())).getParent();
                    PageFacts facts = open(folder, "shipped-" + result.experimentId());
                    assertThat(facts.images).hasSize(org.pocketsim.report.chart.ChartRenderer.charts(result).size());
                    assertThat(facts.tableIds).contains("summary-table", "results-table");
                    if (!result.comparisons().isEmpty()) assertThat(facts.tableIds).contains("comparison");
                }));
            }
        }
        return tests;
    }

    /** Extra report folders: system property pocketsim.reportDirs, else env POCKETSIM_REPORT_DIRS. */
    private static String reportDirs() {
        String prop = System.getProperty("pocketsim.reportDirs", "");
        if (!prop.isBlank()) return prop;
        String env = System.getenv("POCKETSIM_REPORT_DIRS");
        return env == null ? "" : env;
    }

    /** Relative report folders are read from the repository root (where mvnw is), not the module folder. */
    private static Path repoRoot() {
        String prop = System.getProperty("pocketsim.repoRoot");
        if (prop != null && !prop.isBlank()) return Path.of(prop).toAbsolutePath();
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("mvnw"))) return d;
        }
        return dir;
    }

    /** What the browser saw on one report page. */
    private record PageFacts(List<String> images, List<String> tableIds, long highlightedRows) {
    }

    @SuppressWarnings("unchecked")
    private static PageFacts open(Path folder, String name) throws Exception {
        Path index = folder.resolve(ReportWriter.INDEX_FILE);
        assertThat(index).as("report index").isRegularFile();
        driver.manage().window().setSize(new Dimension(WIDTH_PX, 900));
        driver.get(index.toUri().toString());
        JavascriptExecutor js = driver;
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                Boolean.TRUE.equals(js.executeScript("return document.readyState === 'complete' && "
                        + "Array.from(document.images).every(i => i.complete);")));
        List<Map<String, Object>> images = (List<Map<String, Object>>) js.executeScript(
                "return Array.from(document.images).map(i => ({src: i.getAttribute('src'), "
                        + "ok: i.complete && i.naturalWidth > 0}));");
        List<String> broken = images.stream().filter(i -> !Boolean.TRUE.equals(i.get("ok")))
                .map(i -> String.valueOf(i.get("src"))).toList();
        assertThat(broken).as("images that did not load in " + index).isEmpty();
        List<String> tableIds = driver.findElements(By.cssSelector("table[id]")).stream()
                .map(t -> t.getAttribute("id")).toList();
        PageChecks.noElementWiderThanTheWindow(js, index);
        PageChecks.theComparisonTableFitsTheWindow(js, index);
        PageChecks.chartAltTextsNameTheirAxesWithUnits(js, index);
        PageChecks.everyLinkResolves(js, folder, index);
        if (tableIds.contains("summary-table") && driver.findElements(By.cssSelector("#summary-table tbody tr")).size() > 1) {
            PageChecks.sortingByAHeaderReordersTheRows(driver, "summary-table");
            PageChecks.theFilterBoxHidesRowsThatDoNotMatch(driver, "summary-table");
        }
        long highlighted = driver.findElements(By.cssSelector("table#comparison tr.off")).size();

        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(WIDTH_PX, (int) Math.min(MAX_HEIGHT_PX, height + 40)));
        byte[] page = driver.getScreenshotAs(OutputType.BYTES);
        Files.write(targetDir().resolve("browser/" + name + ".png"), page);
        Number chartsTop = (Number) js.executeScript("var c = document.getElementById('charts')"
                + " || document.getElementById('published'); return c ? c.getBoundingClientRect().top + window.scrollY : 0;");
        Screenshots.save(page, name, chartsTop.intValue());
        return new PageFacts(images.stream().map(i -> String.valueOf(i.get("src"))).toList(), tableIds, highlighted);
    }

    private static Path targetDir() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target.resolve("browser"));
        return target;
    }
}
