package com.cvgen.core.analyze;

import static com.cvgen.core.analyze.FeedbackCvs.ANALYZER;
import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.analyze.FeedbackCvs.Cv;
import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.model.Feedback;
import com.cvgen.core.model.Feedback.Finding;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Work;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same CV in German, English and French: the same findings, worded in each language. */
class FeedbackLocalizationTest {

  static Stream<Resume> cvs() {
    return Stream.of(new Resume(null, null, null, null, null, null, null, null, null, null, null, null, null),
        FeedbackCvs.flawed().build(), FeedbackCvs.manyOngoing().build(), junior().build());
  }

  private static Cv junior() {
    Cv cv = FeedbackCvs.strong();
    cv.pages = 3;
    return cv;
  }

  @Test
  void theTestCvsReachEveryRule() {
    Set<String> reached = cvs().flatMap(cv -> ANALYZER.analyze(cv, OutputLanguage.EN).findings().stream())
        .map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
    assertThat(reached).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(FeedbackRule.values()).map(FeedbackRule::id).toList());
  }

  @ParameterizedTest
  @MethodSource("cvs")
  void everyLanguageGivesTheSameFindingsInItsOwnWords(Resume cv) {
    Feedback en = ANALYZER.analyze(cv, OutputLanguage.EN);
    Feedback de = ANALYZER.analyze(cv, OutputLanguage.DE);
    Feedback fr = ANALYZER.analyze(cv, OutputLanguage.FR);
    assertThat(en.findings()).isNotEmpty();
    assertThat(List.of(en.language(), de.language(), fr.language())).containsExactly("en", "de", "fr");
    for (Feedback other : List.of(de, fr)) {
      assertThat(other.score()).isEqualTo(en.score());
      assertThat(other.findings()).extracting(Finding::rule, Finding::severity, Finding::category, Finding::location)
          .containsExactlyElementsOf(en.findings().stream()
              .map(f -> org.assertj.core.groups.Tuple.tuple(f.rule(), f.severity(), f.category(), f.location()))
              .toList());
    }
    for (int i = 0; i < en.findings().size(); i++) {
      List<Finding> same = List.of(en.findings().get(i), de.findings().get(i), fr.findings().get(i));
      assertThat(same).allSatisfy(f -> {
        assertThat(f.message()).isNotBlank().doesNotContain("{", "}", "null");
        assertThat(f.suggestion()).isNotBlank().doesNotContain("{", "}", "null");
      });
      assertThat(same).extracting(Finding::message).doesNotHaveDuplicates();
      assertThat(same).extracting(Finding::suggestion).doesNotHaveDuplicates();
    }
  }

  @Test
  void entryNamesAndQuotesAreLocalized() {
    Cv cv = FeedbackCvs.strong();
    cv.work.add(FeedbackCvs.work("Backend Engineer", "Quillmark Health", null, "2017-08", "Built 3 services"));
    Resume resume = cv.build();
    assertThat(message(resume, OutputLanguage.EN, FeedbackRule.WORK_START_MISSING))
        .isEqualTo("'Backend Engineer at Quillmark Health' has no start date.");
    assertThat(message(resume, OutputLanguage.DE, FeedbackRule.WORK_START_MISSING))
        .isEqualTo("Bei „Backend Engineer bei Quillmark Health“ fehlt das Anfangsdatum.");
    assertThat(message(resume, OutputLanguage.FR, FeedbackRule.WORK_START_MISSING))
        .isEqualTo("La date de début manque pour «\u00a0Backend Engineer chez Quillmark Health\u00a0».");
  }

  @Test
  void pluralsAndNumbersFollowTheLanguage() {
    Cv cv = FeedbackCvs.strong();
    cv.work.set(0, FeedbackCvs.work("Lead Engineer", "Acme Payments", "2022-02", null, "Cut batch time by 80%"));
    Resume resume = cv.build();
    assertThat(message(resume, OutputLanguage.EN, FeedbackRule.WORK_GAP)).contains("a gap of 11 months");
    assertThat(message(resume, OutputLanguage.DE, FeedbackRule.WORK_GAP)).contains("eine Lücke von 11 Monaten");
    assertThat(message(resume, OutputLanguage.FR, FeedbackRule.WORK_GAP)).contains("une interruption de 11 mois");
  }

  @Test
  void longGapsAndOverlapsAreGivenInYearsAndMonths() {
    Cv cv = FeedbackCvs.strong();
    cv.work.set(0, FeedbackCvs.work("Lead Engineer", "Acme Payments", "2023-08", null, "Cut batch time by 80%"));
    Resume resume = cv.build();
    assertThat(message(resume, OutputLanguage.EN, FeedbackRule.WORK_GAP)).contains("a gap of 2 years and 5 months");
    assertThat(message(resume, OutputLanguage.DE, FeedbackRule.WORK_GAP))
        .contains("eine Lücke von 2 Jahren und 5 Monaten");
    assertThat(message(resume, OutputLanguage.FR, FeedbackRule.WORK_GAP)).contains("une interruption de 2 ans et 5 mois");
    assertThat(ANALYZER.analyze(resume, OutputLanguage.FR).findings().getFirst().suggestion())
        .contains("les 2 ans et 5 mois qui précèdent «\u00a0Lead Engineer chez Acme Payments\u00a0»");
    cv.work.set(0, FeedbackCvs.work("Lead Engineer", "Acme Payments", "2019-03", null, "Cut batch time by 80%"));
    resume = cv.build();
    assertThat(message(resume, OutputLanguage.EN, FeedbackRule.WORK_OVERLAP)).endsWith("overlap by 2 years.");
    assertThat(message(resume, OutputLanguage.DE, FeedbackRule.WORK_OVERLAP)).endsWith("überschneiden sich um 2 Jahre.");
  }

  @Test
  void unnamedEntriesAreNumbered() {
    Cv cv = FeedbackCvs.strong();
    cv.work.add(new Work(null, null, null, null, null, null, null, null, List.of("Shipped 4 releases")));
    Resume resume = cv.build();
    assertThat(message(resume, OutputLanguage.EN, FeedbackRule.WORK_START_MISSING)).startsWith("'role 3'");
    assertThat(message(resume, OutputLanguage.DE, FeedbackRule.WORK_START_MISSING)).contains("„Berufsstation 3“");
    assertThat(message(resume, OutputLanguage.FR, FeedbackRule.WORK_START_MISSING)).contains("expérience n° 3");
  }

  private static String message(Resume cv, OutputLanguage language, FeedbackRule rule) {
    return ANALYZER.analyze(cv, language).findings().stream().filter(f -> f.rule().equals(rule.id()))
        .map(Finding::message).findFirst().orElseThrow(() -> new AssertionError("no " + rule.id()));
  }
}
