package com.cvgen.core.analyze;

import static com.cvgen.core.analyze.FeedbackCvs.ANALYZER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.json.Json;
import com.cvgen.core.json.SchemaValidator;
import com.cvgen.core.model.Basics;
import com.cvgen.core.model.Certificate;
import com.cvgen.core.model.Education;
import com.cvgen.core.model.Extraction;
import com.cvgen.core.model.Feedback;
import com.cvgen.core.model.Feedback.Finding;
import com.cvgen.core.model.Language;
import com.cvgen.core.model.Meta;
import com.cvgen.core.model.Project;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Skill;
import com.cvgen.core.model.Volunteer;
import com.cvgen.core.model.Work;
import com.cvgen.core.skills.SkillVocabulary;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Empty, null-ridden, garbage and huge CVs; the same input always gives the same feedback. */
class FeedbackRobustnessTest {

  private static final SchemaValidator SCHEMA = SchemaValidator.load("/schema/feedback-schema.json");
  private static final String[] GARBAGE = {"20XX", "", "  ", "2019-99", "-", "Present", "0000", "99999",
      "2019-02-29", "März", "ﾟ∀ﾟ", "2019/2020", "null", "2021-03-15T00:00", "1.1.1", "'21", "--", "\u0000"};

  @Test
  void anEmptyCvGivesAPoorScoreAndValidFeedback() {
    Resume empty = new Resume(null, null, null, null, null, null, null, null, null, null, null, null, null);
    for (OutputLanguage language : OutputLanguage.values()) {
      Feedback feedback = ANALYZER.analyze(empty, language);
      assertThat(SCHEMA.validate(feedback)).isEmpty();
      assertThat(feedback.score()).isLessThan(40);
      assertThat(feedback.findings()).extracting(Finding::rule).contains("missing-name", "missing-email",
          "missing-phone", "missing-work", "missing-summary", "missing-education", "missing-skills");
    }
  }

  @Test
  void nullsEverywhereAreSurvived() {
    Basics basics = new Basics(null, null, null, null, null, null, null,
        new Basics.Location(null, null, null, null, null), null);
    Work work = new Work(null, null, null, null, null, null, null, null, null);
    Work withNullHighlight = new Work("Acme", null, null, "Dev", null, "2020-01", null, null,
        Arrays.asList(null, "Built 3 things", null));
    Education education = new Education(null, null, null, null, null, null, null, null);
    Skill skill = new Skill(null, null, Arrays.asList(null, " ", "Java"));
    Map<String, Extraction.FieldSource> fields = new HashMap<>();
    fields.put("/work/0/startDate", new Extraction.FieldSource(0.5, null, null));
    fields.put("/work/1/startDate", null);
    Resume cv = new Resume(basics, Arrays.asList(work, null, withNullHighlight), List.of(new Volunteer(null, null,
        null, null, null, null, null)), List.of(education), null, List.of(new Certificate(null, null, null, null)),
        null, List.of(skill, new Skill(null, null, null)), List.of(new Language(null, null)), null, null,
        List.of(new Project(null, null, null, null, null, null, null, null, null, null)),
        new Meta(null, null, null, new Extraction(null, null, 0, fields, null)));
    for (OutputLanguage language : OutputLanguage.values()) {
      Feedback feedback = ANALYZER.analyze(cv, language);
      assertThat(SCHEMA.validate(feedback)).isEmpty();
      assertThat(feedback.findings()).allSatisfy(f -> assertThat(f.message() + f.suggestion()).doesNotContain("null"));
    }
    assertThat(ANALYZER.analyze(cv.withMeta(new Meta(null, null, null, null)), OutputLanguage.EN).findings())
        .isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17})
  void garbageDatesAreReportedNeverThrown(int n) {
    String garbage = GARBAGE[n];
    FeedbackCvs.Cv cv = FeedbackCvs.strong();
    cv.work.add(FeedbackCvs.work("Dev", "Initech", garbage, garbage, "Built 3 things"));
    cv.education.add(FeedbackCvs.education("BSc", "Maths", "Leeds", garbage, garbage));
    cv.source("/work/2/startDate", garbage);
    Feedback feedback = FeedbackCvs.analyze(cv);
    assertThat(SCHEMA.validate(feedback)).isEmpty();
    boolean readable = FeedbackDates.parse(garbage).isPresent();
    if (!readable && !garbage.isBlank() && !FeedbackDates.ongoingWord(garbage)) {
      assertThat(feedback.findings()).extracting(Finding::location).contains("/work/2/startDate",
          "/education/1/startDate");
    }
  }

  @Test
  @Timeout(10)
  void twoHundredRolesAreAnalysedQuicklyWithBoundedFindings() {
    Random random = new Random(42);
    List<Work> work = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int year = 1960 + random.nextInt(66);
      String start = random.nextInt(10) == 0 ? "20XX" : year + "-" + String.format("%02d", 1 + random.nextInt(12));
      String end = random.nextBoolean() ? null : (year + random.nextInt(5)) + "-06";
      List<String> highlights = List.of("Worked on " + "things ".repeat(random.nextInt(40)),
          "Grew revenue by " + random.nextInt(90) + "%", "Java and Kubernetes for the team");
      work.add(new Work("Firm " + i, null, null, "Role " + i, null, start, end, null, highlights));
    }
    Resume cv = FeedbackCvs.strong().work(work.toArray(Work[]::new)).build();
    long started = System.nanoTime();
    Feedback feedback = ANALYZER.analyze(cv, OutputLanguage.DE);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(SCHEMA.validate(feedback)).isEmpty();
    Map<String, Long> perRule = feedback.findings().stream()
        .collect(Collectors.groupingBy(Finding::rule, Collectors.counting()));
    assertThat(perRule.values()).allMatch(n -> n <= FeedbackAnalyzer.MAX_FINDINGS_PER_RULE);
    assertThat(perRule).containsKeys("work-overlap", "work-several-ongoing", "date-unreadable");
    assertThat(feedback.score()).isBetween(0, 60);
  }

  @Test
  void hugeTextsAreShortenedInMessages() {
    FeedbackCvs.Cv cv = FeedbackCvs.strong();
    cv.work.add(FeedbackCvs.work("Dev ".repeat(20_000), "Initech", null, "2016-01", "x ".repeat(50_000)));
    Feedback feedback = FeedbackCvs.analyze(cv);
    assertThat(feedback.findings()).isNotEmpty()
        .allSatisfy(f -> assertThat(f.message().length() + f.suggestion().length()).isLessThan(1_000));
  }

  @Test
  void theSameInputGivesTheSameFeedback() throws JsonProcessingException {
    Resume cv = FeedbackCvs.flawed().build();
    Feedback first = ANALYZER.analyze(cv, OutputLanguage.FR);
    Resume copy = Json.mapper().readValue(Json.mapper().writeValueAsString(cv), Resume.class);
    Feedback again = new FeedbackAnalyzer(FeedbackCvs.CLOCK, SkillVocabulary.defaults()).analyze(copy,
        OutputLanguage.FR);
    assertThat(again).isEqualTo(first);
    assertThat(Json.mapper().writeValueAsString(again)).isEqualTo(Json.mapper().writeValueAsString(first));
  }

  @Test
  void theClockDecidesWhatIsOngoingAndInTheFuture() {
    Resume cv = FeedbackCvs.flawed().build();
    Function<String, List<String>> rulesAt = instant -> new FeedbackAnalyzer(
        Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), SkillVocabulary.defaults())
        .analyze(cv, OutputLanguage.EN).findings().stream().map(Finding::rule).toList();
    assertThat(rulesAt.apply("2025-06-15T00:00:00Z")).contains("date-in-future");
    assertThat(rulesAt.apply("2026-02-01T00:00:00Z")).doesNotContain("date-in-future");
  }

  @Test
  void nullArgumentsAreRejectedClearly() {
    assertThatThrownBy(() -> ANALYZER.analyze(null, OutputLanguage.EN)).isInstanceOf(NullPointerException.class)
        .hasMessage("cv");
    assertThatThrownBy(() -> ANALYZER.analyze(FeedbackCvs.strong().build(), null))
        .isInstanceOf(NullPointerException.class).hasMessage("language");
  }
}
