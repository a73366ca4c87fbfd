package com.cvgen.core.analyze;

import static com.cvgen.core.analyze.MatchFixtures.CLOCK;
import static com.cvgen.core.analyze.MatchFixtures.cv;
import static com.cvgen.core.analyze.MatchFixtures.degree;
import static com.cvgen.core.analyze.MatchFixtures.job;
import static com.cvgen.core.analyze.MatchFixtures.language;
import static com.cvgen.core.analyze.MatchFixtures.standardJob;
import static com.cvgen.core.analyze.MatchFixtures.strongCv;
import static com.cvgen.core.analyze.MatchFixtures.work;
import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.json.SchemaValidator;
import com.cvgen.core.model.CefrLevel;
import com.cvgen.core.model.EducationLevel;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.Language;
import com.cvgen.core.model.MatchResult;
import com.cvgen.core.model.MatchResult.Component;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Skill;
import com.cvgen.core.skills.SkillVocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobMatcherTest {
  static final SchemaValidator SCHEMA = SchemaValidator.load("/schema/match-result-schema.json");
  private final JobMatcher matcher = new JobMatcher(SkillVocabulary.defaults(), CLOCK);

  private static Component component(MatchResult r, String id) {
    return r.components().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aCvMeetingEverythingScores100() {
    MatchResult r = matcher.match(strongCv(), standardJob(), OutputLanguage.EN);
    assertThat(r.score()).isEqualTo(100);
    assertThat(r.components()).extracting(Component::id)
        .containsExactly("required_skills", "preferred_skills", "experience", "education", "languages", "title");
    assertThat(r.components()).allSatisfy(c -> assertThat(c.score()).isEqualTo(1.0));
    assertThat(r.components().stream().mapToDouble(Component::weight).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
    assertThat(SCHEMA.validate(r)).isEmpty();
  }

  @Test
  void missingSkillsAreNamedAndCostTheirShare() {
    Resume cv = cv(List.of(work("Backend Engineer", "X", "2015-01", null)), List.of(),
        List.of(new Skill("Java", null, List.of())), List.of(), null);
    MatchResult r = matcher.match(cv, job("Backend Engineer", List.of("Java", "Kubernetes", "PostgreSQL"), List.of(),
        null, null, List.of()), OutputLanguage.EN);
    Component skills = component(r, "required_skills");
    assertThat(skills.matched()).containsExactly("Java");
    assertThat(skills.missing()).containsExactly("Kubernetes", "PostgreSQL");
    assertThat(skills.score()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(0.001));
    assertThat(skills.reasoning()).contains("1 of 3").contains("Kubernetes");
    // required skills 0.40 and title 0.05, scaled to 1: 0.889 * 1/3 + 0.111 * 1
    assertThat(r.score()).isEqualTo(41);
  }

  @Test
  void skillsCountFromTheRolesTextAndAliases() {
    Resume cv = cv(List.of(work("Engineer", "X", "2020-01", null, "Ran our k8s clusters and Postgres replicas")),
        List.of(), List.of(), List.of(), null);
    MatchResult r = matcher.match(cv, job("Platform Engineer", List.of("Kubernetes", "PostgreSQL"), List.of(), null,
        null, List.of()), OutputLanguage.EN);
    assertThat(component(r, "required_skills").matched()).containsExactlyInAnyOrder("Kubernetes", "PostgreSQL");
  }

  @Test
  void experienceMergesOverlappingRolesAndRunsOpenRolesToToday() {
    Resume cv = cv(List.of(
        work("A", "X", "2016-01", "2018-12"),
        work("B", "Y", "2018-06", "2019-12"),   // overlaps A by 7 months
        work("C", "Z", "2024-07", null)),        // open: to 2026-06
        List.of(), List.of(), List.of(), null);
    // 2016-01..2019-12 = 48 months, 2024-07..2026-06 = 24 months
    assertThat(matcher.experienceYears(cv)).isEqualTo(6.0);
    MatchResult r = matcher.match(cv, job("Engineer", List.of(), List.of(), 8, null, List.of()), OutputLanguage.EN);
    assertThat(component(r, "experience").score()).isEqualTo(0.75);
  }

  @Test
  void educationOneLevelBelowCountsHalf() {
    Resume bachelor = cv(List.of(), List.of(degree("B.Sc.", "Informatik", "TU Berlin")), List.of(), List.of(), null);
    JobProfile wantsMaster = job("Engineer", List.of(), List.of(), null, EducationLevel.MASTER, List.of());
    assertThat(component(matcher.match(bachelor, wantsMaster, OutputLanguage.DE), "education").score()).isEqualTo(0.5);
    Resume none = cv(List.of(), List.of(), List.of(), List.of(), null);
    assertThat(component(matcher.match(none, wantsMaster, OutputLanguage.DE), "education").score()).isEqualTo(0.0);
    Resume doctor = cv(List.of(), List.of(degree("Ph.D.", "Physics", "ETH")), List.of(), List.of(), null);
    assertThat(component(matcher.match(doctor, wantsMaster, OutputLanguage.DE), "education").score()).isEqualTo(1.0);
  }

  @Test
  void languagesAreComparedByCefrLevelAcrossLanguageNames() {
    Resume cv = cv(List.of(), List.of(), List.of(),
        List.of(new Language("Englisch", "fließend"), new Language("Französisch", "Grundkenntnisse")), null);
    JobProfile job = job("Engineer", List.of(), List.of(), null, null, List.of(
        language("English", CefrLevel.C1, true), language("French", CefrLevel.B2, true),
        language("Spanish", CefrLevel.B1, false)));
    Component c = component(matcher.match(cv, job, OutputLanguage.EN), "languages");
    assertThat(c.matched()).containsExactly("English C1");
    assertThat(c.missing()).containsExactly("French B2", "Spanish B1");
    assertThat(c.score()).isCloseTo(1 / 2.5, org.assertj.core.data.Offset.offset(0.001));
  }

  @ParameterizedTest
  @EnumSource(OutputLanguage.class)
  void everyOutputLanguageHasItsLabelsAndIsSchemaValid(OutputLanguage lang) {
    MatchResult r = matcher.match(strongCv(), job("Data Engineer", List.of("Java", "Spark"), List.of("Python"), 10,
        EducationLevel.DOCTORATE, List.of(language("French", CefrLevel.C2, true))), lang);
    assertThat(r.language()).isEqualTo(lang.code());
    assertThat(SCHEMA.validate(r)).isEmpty();
    assertThat(r.components()).allSatisfy(c -> {
      assertThat(c.label()).isNotBlank();
      assertThat(c.reasoning()).isNotBlank().doesNotContain("{");
    });
    String labels = r.components().stream().map(Component::label).reduce("", String::concat);
    switch (lang) {
      case DE -> assertThat(labels).contains("Geforderte Kenntnisse");
      case FR -> assertThat(labels).contains("Compétences requises");
      case EN -> assertThat(labels).contains("Required skills");
    }
  }

  @Test
  void aJobAskingNothingButATitleIsJudgedOnTheTitle() {
    MatchResult r = matcher.match(strongCv(), job("Senior Backend Engineer", List.of(), List.of(), null, null,
        List.of()), OutputLanguage.EN);
    assertThat(r.components()).extracting(Component::id).containsExactly("title");
    assertThat(r.score()).isEqualTo(100);
  }

  @Test
  void anEmptyCvAgainstAnEmptyJobIsZeroNotAnError() {
    Resume empty = new Resume(null, null, null, null, null, null, null, null, null, null, null, null, null);
    JobProfile nothing = new JobProfile(null, null, null, null, null, null, null, null, null, null, null, null, null);
    MatchResult r = matcher.match(empty, nothing, OutputLanguage.FR);
    assertThat(r.score()).isZero();
    assertThat(r.components()).isEmpty();
    assertThat(SCHEMA.validate(r)).isEmpty();
  }
}
