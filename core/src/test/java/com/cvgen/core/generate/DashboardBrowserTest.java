package com.cvgen.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.cvgen.core.model.Feedback;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.MatchResult;
import com.cvgen.core.model.Resume;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Media;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opens written dashboards in the system's headless Chromium ({@code /usr/bin/chromium}, Debian's
 * package) through Playwright for Java, from a {@code file://} URL with every other request
 * aborted, and checks what a person would see: no console error or page error, no request but the
 * file itself, every chart canvas drawn, no script injected by CV text. A screenshot of each page
 * is kept under {@code core/target/dashboard-screenshots/}.
 *
 * <p>Playwright never downloads a browser here ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}); its
 * driver comes from the Maven artifact. Without {@code /usr/bin/chromium} the tests fail (they do
 * not skip): {@code ./cvgen test} installs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path OUT = Path.of("target", "dashboard-screenshots");

  private Playwright playwright;
  private Browser browser;

  @BeforeAll
  void launch() throws IOException {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(CHROMIUM + " is missing: the dashboard browser tests need Debian's chromium package "
          + "(apt-get install chromium, or run ./cvgen test, which installs it)");
    }
    Files.createDirectories(OUT);
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
            "--disable-default-apps")));
  }

  @AfterAll
  void close() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
  }

  /**
   * The harness itself: a page that asks for an outside image, runs a script and calls alert() is
   * seen doing all of it, and the outside request never reaches the network.
   */
  @Test
  void theHarnessSeesRequestsConsoleErrorsAndDialogs() throws IOException {
    Path file = OUT.resolve("harness.html").toAbsolutePath();
    Files.writeString(file, """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>harness</title></head><body>
        <img src="https://cvgen.invalid/pixel.png" alt="">
        <canvas id="blank" width="50" height="50"></canvas>
        <script>console.error('seen'); alert('seen');</script></body></html>
        """);
    BrowserContext context = browser.newContext();
    String url = file.toUri().toString();
    Opened page = new Opened(context, context.newPage(), url);
    List<String> aborted = new CopyOnWriteArrayList<>();
    page.page.route("**/*", route -> {
      if (route.request().url().equals(url)) {
        route.resume();
      } else {
        aborted.add(route.request().url());
        route.abort("blockedbyclient");
      }
    });
    page.page.navigate(url);

    assertThat(page.requests).contains(url, "https://cvgen.invalid/pixel.png");
    assertThat(aborted).containsExactly("https://cvgen.invalid/pixel.png");
    assertThat(page.consoleProblems).anySatisfy(m -> assertThat(m).contains("seen"));
    assertThat(page.dialogs).containsExactly("alert: seen");
    assertThat(page.canvasShares()).containsEntry("blank", 0.0);
    page.close();
  }

  @Test
  void fullDashboardDrawsEveryChartOffline() throws IOException {
    Opened page = open("full", DashboardFixtures.cv(), DashboardFixtures.job(), DashboardFixtures.match(),
        DashboardFixtures.feedback(), OutputLanguage.EN);

    page.assertClean();
    assertThat(page.canvasIds())
        .containsExactlyInAnyOrder("chart-match", "chart-coverage", "chart-skills", "chart-timeline", "chart-severity");
    page.assertEveryCanvasDrawn();
    assertThat(page.chartType("chart-skills")).isEqualTo("radar");
    assertThat(page.chartType("chart-timeline")).isEqualTo("bar");
    assertThat(page.text("h1")).isEqualTo("Jane Doe");
    assertThat(page.page.locator(".finding.error").count()).isEqualTo(1);
    assertThat(page.page.locator(".finding.warning").count()).isEqualTo(2);
    assertThat(page.page.locator(".finding.info").count()).isEqualTo(2);
    assertThat(page.page.locator(".files a").evaluateAll("as => as.map(a => a.getAttribute('href'))"))
        .isEqualTo(List.of("cv.docx", "offer.docx", "cv_data.json", "match_result.json", "feedback.json"));
    page.close();
  }

  @Test
  void withoutJobAndMatchTheMatchPanelsBecomeANote() throws IOException {
    Opened page = open("no-job", DashboardFixtures.cv(), null, null, DashboardFixtures.feedback(), OutputLanguage.DE);

    page.assertClean();
    assertThat(page.canvasIds()).containsExactlyInAnyOrder("chart-skills", "chart-timeline", "chart-severity");
    page.assertEveryCanvasDrawn();
    assertThat(page.page.locator("html").getAttribute("lang")).isEqualTo("de");
    assertThat(page.text(".card.match .note")).isEqualTo(
        DashboardLabels.of(OutputLanguage.DE).get(DashboardLabels.Key.NO_JOB));
    assertThat(page.page.locator(".card.coverage").count()).isZero();
    page.close();
  }

  @Test
  void withoutFeedbackTheFeedbackPanelBecomesANote() throws IOException {
    Opened page = open("no-feedback", DashboardFixtures.cv(), DashboardFixtures.job(), DashboardFixtures.match(),
        null, OutputLanguage.FR);

    page.assertClean();
    assertThat(page.canvasIds()).containsExactlyInAnyOrder("chart-match", "chart-coverage", "chart-skills",
        "chart-timeline");
    page.assertEveryCanvasDrawn();
    assertThat(page.page.locator("html").getAttribute("lang")).isEqualTo("fr");
    assertThat(page.text(".card.feedback .note")).isEqualTo(
        DashboardLabels.of(OutputLanguage.FR).get(DashboardLabels.Key.NO_FEEDBACK));
    page.close();
  }

  @Test
  void printLayoutDropsShadowsAndKeepsChartsDrawn() throws IOException {
    Opened page = open("print", DashboardFixtures.cv(), DashboardFixtures.job(), DashboardFixtures.match(),
        DashboardFixtures.feedback(), OutputLanguage.EN);
    // what a browser does to print on A4: lay the page out at paper width with print styles
    page.page.setViewportSize(794, 1123);
    page.page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
    page.page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))");
    page.page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve("print-a4.png")).setFullPage(true));

    assertThat(page.page.locator(".card").evaluateAll("cs => cs.map(c => getComputedStyle(c).boxShadow)"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsOnly("none");
    page.assertEveryCanvasDrawn();
    page.page.pdf(new Page.PdfOptions().setPath(OUT.resolve("print.pdf")).setFormat("A4").setPrintBackground(true));
    page.assertClean();
    page.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"})
  void textFromTheInputsIsShownLiterallyAndNeverRuns(String payload) throws IOException {
    Resume cv = DashboardFixtures.hostileCv(payload);
    JobProfile job = DashboardFixtures.hostileJob(payload);
    MatchResult match = DashboardFixtures.hostileMatch(payload);
    Feedback feedback = DashboardFixtures.hostileFeedback(payload);
    String name = payload.startsWith("<script") ? "escape-script" : "escape-attribute";
    Opened page = open(name, cv, job, match, feedback, OutputLanguage.EN, Map.of("cv.docx", payload));

    page.assertClean();
    assertThat(page.dialogs).as("dialogs opened by the page").isEmpty();
    // the page's own three scripts (data, Chart.js, drawing) and nothing else
    assertThat(page.page.locator("script").count()).isEqualTo(3);
    assertThat(page.page.locator("img, iframe, object, embed, link, style:not(head > style)").count()).isZero();
    assertThat(page.page.evaluate("() => [...document.querySelectorAll('*')]"
        + ".flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).isEmpty();
    // the payload is shown as the text it is, in the CV, job, match and feedback panels
    assertThat(page.text("h1")).isEqualTo(payload);
    assertThat(page.text(".masthead .role")).isEqualTo(payload);
    assertThat(page.text(".card.match .subtitle")).contains(payload);
    assertThat(page.text(".card.match .match-summary")).isEqualTo(payload);
    assertThat(page.text(".card.coverage td .reasoning")).isEqualTo(payload);
    assertThat(page.text(".entries .what")).isEqualTo(payload);
    assertThat(page.text(".finding .message")).isEqualTo(payload);
    assertThat(page.text(".files a")).startsWith(payload);
    assertThat(page.page.getByText(payload, new Page.GetByTextOptions().setExact(true)).count())
        .as("elements showing exactly the payload").isGreaterThan(10);
    // and reaches the charts as data, unchanged
    assertThat(page.page.evaluate("() => Chart.getChart('chart-coverage').data.labels[0]")).isEqualTo(payload);
    assertThat(page.canvasIds()).contains("chart-match", "chart-coverage", "chart-skills", "chart-timeline",
        "chart-severity");
    page.assertEveryCanvasDrawn();
    page.close();
  }

  // ---------------------------------------------------------------------------------------------

  private Opened open(String name, Resume cv, JobProfile job, MatchResult match, Feedback feedback,
      OutputLanguage lang) throws IOException {
    return open(name, cv, job, match, feedback, lang, DashboardFixtures.links());
  }

  /** Writes the dashboard to target/dashboard-screenshots/NAME.html, opens it, screenshots it. */
  private Opened open(String name, Resume cv, JobProfile job, MatchResult match, Feedback feedback,
      OutputLanguage lang, Map<String, String> links) throws IOException {
    Path file = OUT.resolve(name + ".html").toAbsolutePath();
    Files.writeString(file, DashboardFixtures.write(cv, job, match, feedback, lang, links));
    String url = file.toUri().toString();

    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(1280, 900).setDeviceScaleFactor(1).setJavaScriptEnabled(true));
    Opened opened = new Opened(context, context.newPage(), url);
    opened.page.route("**/*", route -> {
      if (route.request().url().equals(url)) {
        route.resume();
      } else {
        route.abort("blockedbyclient");
      }
    });
    opened.page.navigate(url);
    opened.page.waitForFunction("() => document.documentElement.hasAttribute('data-charts-drawn')");
    opened.page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve(name + ".png")).setFullPage(true));
    return opened;
  }

  /** An opened page and what it did. */
  private static final class Opened {
    final BrowserContext context;
    final Page page;
    final String url;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> consoleProblems = new CopyOnWriteArrayList<>();
    final List<String> pageErrors = new CopyOnWriteArrayList<>();
    final List<String> dialogs = new CopyOnWriteArrayList<>();

    Opened(BrowserContext context, Page page, String url) {
      this.context = context;
      this.page = page;
      this.url = url;
      context.onRequest(r -> requests.add(r.url()));
      page.onConsoleMessage(m -> {
        if (m.type().equals("error") || m.type().equals("warning")) consoleProblems.add(m.type() + ": " + m.text());
      });
      page.onPageError(e -> pageErrors.add(e));
      page.onDialog(d -> {
        dialogs.add(d.type() + ": " + d.message());
        d.dismiss();
      });
    }

    /** No console error or warning, no uncaught error, no dialog, no request but the page itself. */
    void assertClean() {
      SoftAssertions soft = new SoftAssertions();
      soft.assertThat(consoleProblems).as("console errors and warnings").isEmpty();
      soft.assertThat(pageErrors).as("uncaught page errors").isEmpty();
      soft.assertThat(requests).as("requests made by the page").containsOnly(url);
      soft.assertThat(dialogs).as("dialogs").isEmpty();
      soft.assertAll();
    }

    List<String> canvasIds() {
      return castList(page.locator("canvas").evaluateAll("cs => cs.map(c => c.id)"));
    }

    String chartType(String canvasId) {
      return (String) page.evaluate("id => Chart.getChart(id).config.type", canvasId);
    }

    String text(String selector) {
      return page.locator(selector).first().textContent();
    }

    /**
     * Every canvas is a Chart.js chart and has painted pixels: at least 1 % of its pixels are not
     * transparent (a blank canvas has none).
     */
    void assertEveryCanvasDrawn() {
      List<Object> results = canvases();
      assertThat(results).isNotEmpty();
      for (Object o : results) {
        Map<?, ?> r = (Map<?, ?>) o;
        assertThat(r.get("chart")).as("a Chart.js chart on canvas %s", r.get("id")).isEqualTo(true);
        assertThat(((Number) r.get("width")).intValue()).as("width of %s", r.get("id")).isPositive();
        assertThat(((Number) r.get("height")).intValue()).as("height of %s", r.get("id")).isPositive();
        assertThat(((Number) r.get("share")).doubleValue()).as("share of painted pixels on %s", r.get("id"))
            .isGreaterThan(0.01);
      }
    }

    /** Each canvas: id, whether Chart.js drew it, size, and the share of non-transparent pixels. */
    List<Object> canvases() {
      return castList(page.evaluate("""
          () => [...document.querySelectorAll('canvas')].map(c => {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let painted = 0;
            for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) painted++;
            return { id: c.id, chart: typeof Chart !== 'undefined' && !!Chart.getChart(c),
                     width: c.width, height: c.height, share: painted / (c.width * c.height) };
          })"""));
    }

    Map<String, Double> canvasShares() {
      Map<String, Double> shares = new java.util.LinkedHashMap<>();
      for (Object o : canvases()) {
        Map<?, ?> r = (Map<?, ?>) o;
        shares.put((String) r.get("id"), ((Number) r.get("share")).doubleValue());
      }
      return shares;
    }

    void close() {
      context.close();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object o) {
      return (List<T>) o;
    }
  }
}
