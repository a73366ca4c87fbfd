package com.cvgen.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.cvgen.core.generate.DashboardLabels.Key;
import com.cvgen.core.json.Json;
import com.cvgen.core.model.Feedback;
import com.cvgen.core.model.MatchResult;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Work;
import com.cvgen.core.skills.SkillVocabulary;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dashboard's markup and inlined data, without a browser (see {@link DashboardBrowserTest}). */
class DashboardWriterTest {

  private static final Pattern DATA = Pattern.compile(
      "<script type=\"application/json\" id=\"data\">(.*?)</script>", Pattern.DOTALL);
  private static final Pattern SCRIPT_BODY = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

  private static String full(OutputLanguage lang) {
    return DashboardFixtures.write(DashboardFixtures.cv(), DashboardFixtures.job(), DashboardFixtures.match(),
        DashboardFixtures.feedback(), lang, DashboardFixtures.links());
  }

  private static JsonNode data(String html) throws IOException {
    Matcher m = DATA.matcher(html);
    assertThat(m.find()).as("the data block").isTrue();
    return Json.mapper().readTree(m.group(1));
  }

  /** The page without the bodies of its scripts (Chart.js and the drawing code). */
  private static String markup(String html) {
    return SCRIPT_BODY.matcher(DATA.matcher(html).replaceAll("")).replaceAll("<script></script>");
  }

  // --- escaping --------------------------------------------------------------------------------

  @Test
  void jsonForScriptEscapesWhatCouldEndTheScriptAndKeepsTheValue() throws IOException {
    String value = "</script><!-- a & b > c \u2028 d \u2029 e </SCRIPT >";
    String json = Json.mapper().writeValueAsString(Map.of("text", value));

    String safe = Html.jsonForScript(json);

    assertThat(safe).doesNotContain("<", ">", "&", "\u2028", "\u2029");
    assertThat(safe).contains("\\u003c/script\\u003e", "\\u0026", "\\u2028", "\\u2029");
    assertThat(Json.mapper().readTree(safe).get("text").asText()).isEqualTo(value);
  }

  @Test
  void htmlEscapeReplacesMarkupAndDropsWhatHtmlForbids() {
    assertThat(Html.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    assertThat(Html.escape("a\u0000b\u0007c\u009Fd\tе\n")).isEqualTo("abcd\tе\n");
    assertThat(Html.escape("emoji 😀 kept, lone \uD800 dropped")).isEqualTo("emoji 😀 kept, lone  dropped");
    assertThat(Html.escape("Müller-Weiß, Lefèvre")).isEqualTo("Müller-Weiß, Lefèvre");
    assertThat(Html.escape(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"</script><script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
      "<!--<script>", "\u2028</ScRiPt>"})
  void inputTextNeverBecomesMarkup(String payload) throws IOException {
    String html = DashboardFixtures.write(DashboardFixtures.hostileCv(payload), DashboardFixtures.hostileJob(payload),
        DashboardFixtures.hostileMatch(payload), DashboardFixtures.hostileFeedback(payload), OutputLanguage.EN,
        Map.of("cv.docx", payload));

    assertThat(Pattern.compile("(?i)<script").matcher(html).results().count()).as("script elements").isEqualTo(3);
    assertThat(Pattern.compile("(?i)</script").matcher(html).results().count()).as("script ends").isEqualTo(3);
    assertThat(html).doesNotContain(payload).doesNotContain("<img").doesNotContain("<!--<");
    assertThat(html).contains("<h1>" + Html.escape(payload) + "</h1>");
    JsonNode data = data(html);
    assertThat(data.at("/match/components/0/label").asText()).isEqualTo(payload.strip());
    assertThat(data.at("/timeline/entries/0/label/0").asText()).startsWith(payload.strip().substring(0, 5));
  }

  // --- nothing loaded from outside -------------------------------------------------------------

  @Test
  void thePageRefersToNoOutsideResource() {
    String html = full(OutputLanguage.EN);
    String markup = markup(html);

    assertThat(markup).as("the CV's own URLs are shown as text")
        .contains("<li>https://janedoe.dev</li>").contains("GitHub: janedoe");
    assertThat(Pattern.compile("(?i)\\b(src|href|srcset|action|formaction|poster|background|data|xlink:href)"
        + "\\s*=\\s*[\"']?\\s*(https?:|//|ftp:|javascript:)").matcher(markup).find())
        .as("attributes pointing outside").isFalse();
    assertThat(markup.toLowerCase()).doesNotContain("<link", "<img", "<iframe", "<object", "<embed", "<base",
        "<video", "<audio", "<source", "@import", "url(", "@font-face");
    List<String> hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(markup).results().map(r -> r.group(1)).toList();
    assertThat(hrefs).as("the only links are the other outputs")
        .containsExactlyElementsOf(DashboardFixtures.links().keySet());
    assertThat(html).doesNotContainIgnoringCase("src=\"http");
  }

  @Test
  void contentSecurityPolicyAllowsExactlyTheInlinedScripts() {
    String html = full(OutputLanguage.EN);
    Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
    assertThat(csp.find()).isTrue();
    String policy = csp.group(1).replace("&#39;", "'");

    List<String> hashes = new ArrayList<>();
    SCRIPT_BODY.matcher(html).results().forEach(r -> hashes.add(DashboardAssets.cspHash(r.group(1))));
    assertThat(hashes).hasSize(2);
    assertThat(policy).startsWith("default-src 'none';")
        .contains("script-src " + hashes.get(0) + " " + hashes.get(1) + ";")
        .doesNotContain("unsafe-eval").doesNotContain("script-src 'unsafe-inline'");
  }

  @Test
  void chartJsIsInlinedFromTheWebJarWithItsLicense() {
    DashboardAssets assets = DashboardAssets.get();
    String html = full(OutputLanguage.EN);

    assertThat(assets.chartJsVersion()).matches("4\\.\\d+\\.\\d+");
    assertThat(html).contains("/*! Chart.js " + assets.chartJsVersion() + ", LICENSE.md:")
        .contains("Copyright (c)").contains("Permission is hereby granted, free of charge")
        .contains("Chart.js v" + assets.chartJsVersion());
    assertThat(assets.chartJs().length()).isGreaterThan(100_000);
    assertThat(assets.chartJs()).doesNotContainIgnoringCase("</script");
  }

  // --- content ---------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(OutputLanguage.class)
  void thePageIsInTheRequestedLanguage(OutputLanguage lang) throws IOException {
    String html = full(lang);
    DashboardLabels text = DashboardLabels.of(lang);
    Labels labels = Labels.of(lang);

    assertThat(html).contains("<html lang=\"" + lang.code() + "\">");
    assertThat(html).contains(Html.escape(text.get(Key.COVERAGE)), Html.escape(text.get(Key.TIMELINE)),
        Html.escape(text.get(Key.FEEDBACK)), Html.escape(labels.dateRange("2021-03", null)),
        Html.escape(text.get(Key.ERROR)));
    assertThat(data(html).get("lang").asText()).isEqualTo(lang.code());
  }

  @Test
  void datesAndNumbersFollowTheLanguage() {
    assertThat(full(OutputLanguage.DE)).contains("März 2021 – heute").contains(">11,9<").contains("15. Nov. 2025");
    assertThat(full(OutputLanguage.FR)).contains("mars 2021 – aujourd&#39;hui").contains(">11,9<");
    assertThat(full(OutputLanguage.EN)).contains("Mar 2021 – present").contains(">11.9<").contains("15 Nov 2025");
  }

  @Test
  void timelinePlacesEachPositionFromStartToEndOrToday() throws IOException {
    JsonNode timeline = data(full(OutputLanguage.EN)).get("timeline");
    JsonNode lead = timeline.at("/entries/0");
    JsonNode globex = timeline.at("/entries/1");
    JsonNode initech = timeline.at("/entries/2");

    assertThat(lead.get("label").get(0).asText()).isEqualTo("Lead Engineer");
    assertThat(lead.get("label").get(1).asText()).isEqualTo("Acme Payments Ltd");
    assertThat(lead.get("start").asDouble()).isCloseTo(2021 + 2 / 12.0, within(0.001));
    // ongoing: ends today, 15 Nov 2025
    assertThat(lead.get("end").asDouble()).isCloseTo(2025 + (10 + 14 / 30.0) / 12, within(0.001));
    assertThat(lead.get("ongoing").asBoolean()).isTrue();
    assertThat(globex.get("start").asDouble()).isCloseTo(2016 + 8 / 12.0, within(0.001));
    assertThat(globex.get("end").asDouble()).isCloseTo(2021 + 2 / 12.0, within(0.001));
    assertThat(globex.get("ongoing").asBoolean()).isFalse();
    // "2014" covers the whole year from January
    assertThat(initech.get("start").asDouble()).isEqualTo(2014.0);
    assertThat(initech.get("range").asText()).isEqualTo("2014 – Aug 2016");
    assertThat(timeline.get("min").asDouble()).isEqualTo(2014.0);
    assertThat(timeline.get("max").asDouble()).isEqualTo(2026.0);
  }

  @Test
  void endsInWordsAreOngoingAndUnreadableEndsAreNot() throws IOException {
    Resume cv = new Resume(null, List.of(
        new Work("A", null, null, "Words", null, "2020-01", "Present", null, null),
        new Work("B", null, null, "Unreadable", null, "2019-05", "sometime", null, null),
        new Work("C", null, null, "Undated", null, null, null, null, null),
        new Work("D", null, null, "Old", null, "1950", "1960", null, null)),
        null, null, null, null, null, null, null, null, null, null, null);
    String html = DashboardFixtures.write(cv, null, null, null, OutputLanguage.EN, null);
    JsonNode timeline = data(html).get("timeline");

    assertThat(timeline.get("entries")).hasSize(3);
    assertThat(timeline.at("/entries/0/ongoing").asBoolean()).isTrue();
    assertThat(timeline.at("/entries/0/end").asDouble()).isGreaterThan(2025.8);
    // an end that cannot be read is not taken for "ongoing": the bar covers the start month
    assertThat(timeline.at("/entries/1/ongoing").asBoolean()).isFalse();
    assertThat(timeline.at("/entries/1/end").asDouble() - timeline.at("/entries/1/start").asDouble())
        .isCloseTo(1 / 12.0, within(0.002));
    assertThat(timeline.at("/entries/2/label/0").asText()).isEqualTo("Old");
    // 1950 to 2026: ticks every 10 years
    assertThat(timeline.get("min").asDouble()).isEqualTo(1950.0);
    assertThat(timeline.get("max").asDouble()).isEqualTo(2030.0);
    assertThat(timeline.get("step").asInt()).isEqualTo(10);
    // the undated position is listed, said to be missing from the chart
    assertThat(html).contains("<span class=\"what\">Undated</span>",
        DashboardLabels.of(OutputLanguage.EN).get(Key.UNDATED));
  }

  @ParameterizedTest
  @EnumSource(OutputLanguage.class)
  void everySampleCvIsWrittenInEveryLanguage(OutputLanguage lang) throws IOException {
    for (Resume cv : List.of(SampleResumes.english(), SampleResumes.german(), SampleResumes.french())) {
      String html = DashboardFixtures.write(cv, null, null, null, lang, null);
      assertThat(html).contains("<h1>" + Html.escape(cv.basics().name()) + "</h1>");
      assertThat(data(html).at("/timeline/entries")).hasSize(cv.work().size());
    }
  }

  @Test
  void skillsAreCountedOncePerCanonicalNameByVocabularyCategory() throws IOException {
    JsonNode skills = data(full(OutputLanguage.EN)).get("skills");
    Map<String, Integer> counts = new LinkedHashMap<>();
    skills.get("categories").forEach(c -> counts.put(c.get("id").asText(), c.get("count").asInt()));

    // the fixture's 12 keywords name 11 skills (k8s is Kubernetes), each counted once in its
    // vocabulary category: Java, Kotlin, SQL and Python are programming languages
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(11);
    assertThat(counts).containsEntry("languages", 4);
    assertThat(counts.get(SkillVocabulary.defaults().canonical("k8s").orElseThrow().category())).isPositive();
    assertThat(skills.get("radar").asBoolean()).isTrue();
    assertThat(full(OutputLanguage.DE)).contains("Programmiersprachen (4)");
  }

  @Test
  void coverageShowsEachCriterionWithWhatMatchedAndWhatIsMissing() throws IOException {
    String html = full(OutputLanguage.EN);
    JsonNode components = data(html).at("/match/components");

    assertThat(data(html).at("/match/score").asInt()).isEqualTo(72);
    assertThat(components).hasSize(5);
    assertThat(components.get(0).get("label").asText()).isEqualTo("Required skills");
    assertThat(components.get(0).get("percent").asInt()).isEqualTo(75);
    assertThat(components.get(0).get("weightPercent").asInt()).isEqualTo(40);
    assertThat(html).contains("<li class=\"chip hit\" title=\"Matched\">✓ PostgreSQL</li>")
        .contains("<li class=\"chip miss\" title=\"Missing\">✗ Go</li>");
  }

  @Test
  void scoresAndSharesOutOfRangeAreClamped() throws IOException {
    MatchResult odd = new MatchResult(140, "en", null, List.of(
        new MatchResult.Component("a", "A", 1.5, Double.NaN, List.of(), List.of(), null),
        new MatchResult.Component("b", null, -1, 3.0, List.of(), List.of(), null)));
    JsonNode match = data(DashboardFixtures.write(DashboardFixtures.cv(), null, odd, null, OutputLanguage.EN, null))
        .get("match");

    assertThat(match.get("score").asInt()).isEqualTo(100);
    assertThat(match.at("/components/0/percent").asInt()).isZero();
    assertThat(match.at("/components/0/weightPercent").asInt()).isEqualTo(100);
    assertThat(match.at("/components/1/label").asText()).isEqualTo("b");
    assertThat(match.at("/components/1/percent").asInt()).isEqualTo(100);
    assertThat(match.at("/components/1/weightPercent").asInt()).isZero();
  }

  // --- missing inputs --------------------------------------------------------------------------

  @Test
  void withoutJobOrMatchThereAreNoMatchChartsButANote() throws IOException {
    String html = DashboardFixtures.write(DashboardFixtures.cv(), null, null, DashboardFixtures.feedback(),
        OutputLanguage.EN, DashboardFixtures.links());

    assertThat(html).doesNotContain("id=\"chart-match\"", "id=\"chart-coverage\"", "kpi-label\">Match score")
        .contains(DashboardLabels.of(OutputLanguage.EN).get(Key.NO_JOB))
        .contains("id=\"chart-skills\"", "id=\"chart-timeline\"", "id=\"chart-severity\"");
    assertThat(data(html).get("match").isNull()).isTrue();
  }

  @Test
  void aJobWithoutMatchShowsTheJobAndSaysTheMatchIsMissing() throws IOException {
    String html = DashboardFixtures.write(DashboardFixtures.cv(), DashboardFixtures.job(), null, null,
        OutputLanguage.EN, null);

    assertThat(html).contains("Matched against: Senior Backend Engineer · Northwind Payments")
        .contains(DashboardLabels.of(OutputLanguage.EN).get(Key.NO_MATCH))
        .contains("<li class=\"chip hit\">Kubernetes</li>", "<li class=\"chip\">Go</li>")
        .doesNotContain("id=\"chart-match\"", "id=\"chart-coverage\"", "class=\"files\"");
    assertThat(data(html).get("match").isNull()).isTrue();
  }

  @Test
  void withoutFeedbackOrFindingsThereIsNoSeverityChart() throws IOException {
    String none = DashboardFixtures.write(DashboardFixtures.cv(), null, null, null, OutputLanguage.EN, null);
    assertThat(none).doesNotContain("id=\"chart-severity\"", "kpi-label\">CV quality")
        .contains(DashboardLabels.of(OutputLanguage.EN).get(Key.NO_FEEDBACK));
    assertThat(data(none).get("feedback").isNull()).isTrue();

    String clean = DashboardFixtures.write(DashboardFixtures.cv(), null, null, new Feedback(95, "en", List.of()),
        OutputLanguage.EN, null);
    assertThat(clean).doesNotContain("id=\"chart-severity\"")
        .contains(DashboardLabels.of(OutputLanguage.EN).get(Key.NO_FINDINGS), "CV quality: 95 of 100");
    assertThat(data(clean).get("feedback").isNull()).isTrue();
  }

  @Test
  void anEmptyCvGivesAPageOfNotesWithoutCharts() throws IOException {
    Resume empty = new Resume(null, null, null, null, null, null, null, null, null, null, null, null, null);
    String html = DashboardFixtures.write(empty, null, null, null, OutputLanguage.DE, Map.of());
    DashboardLabels text = DashboardLabels.of(OutputLanguage.DE);

    assertThat(html).doesNotContain("<canvas", "class=\"kpis\"")
        .contains("<h1>CV-Dashboard</h1>", text.get(Key.NO_SKILLS), text.get(Key.NO_TIMELINE),
            text.get(Key.NO_FEEDBACK), text.get(Key.NO_JOB));
    JsonNode data = data(html);
    assertThat(List.of("match", "skills", "timeline", "feedback")).allSatisfy(k -> assertThat(data.get(k).isNull()).isTrue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"../cv.docx", "/etc/passwd", "https://example.com/x", "javascript:alert(1)",
      ".hidden", "sub/cv.docx", "cv docx", "", "a\"b"})
  void linksMustBePlainFileNames(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, String> links = Map.of(name, "label");

    assertThatThrownBy(() -> DashboardFixtures.WRITER.write(DashboardFixtures.cv(), null, null, null,
        OutputLanguage.EN, links, out)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file name");
    assertThat(out.size()).isZero();
  }

  @Test
  void everyDashboardLabelIsTranslated() {
    for (OutputLanguage lang : OutputLanguage.values()) {
      DashboardLabels text = DashboardLabels.of(lang);
      List<String> all = java.util.Arrays.stream(Key.values()).map(text::get).toList();
      assertThat(all).allSatisfy(t -> assertThat(t).isNotBlank()).doesNotHaveDuplicates();
    }
    assertThat(DashboardLabels.of(OutputLanguage.FR).lead(Key.SUGGESTION)).isEqualTo("Suggestion\u00A0: ");
    assertThat(DashboardLabels.of(OutputLanguage.FR).format(Key.GAUGE_SUMMARY, 72))
        .isEqualTo("Score d'adéquation\u00A0: 72 sur 100.");
    assertThat(DashboardLabels.of(OutputLanguage.DE).lead(Key.SUGGESTION)).isEqualTo("Vorschlag: ");
    assertThat(DashboardLabels.of(OutputLanguage.FR).category("cloud")).isEqualTo("Cloud et infrastructure");
    assertThat(DashboardLabels.of(OutputLanguage.DE).category("other")).isEqualTo("Sonstige");
    assertThat(DashboardLabels.of(OutputLanguage.EN).category("data-science")).isEqualTo("Data science");
  }
}
