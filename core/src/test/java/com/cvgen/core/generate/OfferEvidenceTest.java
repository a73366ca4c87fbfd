package com.cvgen.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.generate.OfferEvidence.RankedWork;
import com.cvgen.core.generate.OfferEvidence.RequirementRow;
import com.cvgen.core.model.Basics;
import com.cvgen.core.model.CefrLevel;
import com.cvgen.core.model.EducationLevel;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.JobProfile.LanguageRequirement;
import com.cvgen.core.model.JobProfile.Requirements;
import com.cvgen.core.model.Language;
import com.cvgen.core.model.MatchResult;
import com.cvgen.core.model.MatchResult.Component;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Skill;
import com.cvgen.core.model.Work;
import com.cvgen.core.skills.SkillVocabulary;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Ranking of work, the requirement rows and the readers of levels behind the offer. */
class OfferEvidenceTest {

  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 14);
  private static final OfferLabels EN = OfferLabels.of(OutputLanguage.EN);

  private static OfferEvidence evidence(Resume cv, JobProfile job, MatchResult match) {
    return new OfferEvidence(cv, job, match, EN, AS_OF, SkillVocabulary.defaults());
  }

  private static Resume cv(List<Work> work, List<Skill> skills, List<Language> languages) {
    return new Resume(Basics.EMPTY, work, null, null, null, null, null, skills, languages, null, null, null, null);
  }

  private static Work work(String position, String company, String start, String end, String... highlights) {
    return new Work(company, null, null, position, null, start, end, null, List.of(highlights));
  }

  private static JobProfile job(String title, List<String> required, List<String> preferred) {
    return SampleOffers.job(title, "ACME", null, new Requirements(required, preferred, null, null, List.of(), null));
  }

  @Test
  void workIsRankedByTheRequiredAndPreferredSkillsAndTitleWordsItShows() {
    Resume cv = cv(List.of(
        work("Barista", "Café", "2023-01", null, "Served 300 coffees a day"),
        work("Data Analyst", "Insurer", "2019-01", "2022-12", "Reports in Python"),
        work("Platform Engineer", "Bank", "2015-01", "2018-12", "Ran k8s clusters", "Wrote Java services")),
        List.of(), List.of());
    OfferEvidence e = evidence(cv, job("Platform Engineer", List.of("Java", "Kubernetes"), List.of("Python")), null);
    List<RankedWork> ranked = e.rankedWork();
    assertThat(ranked).extracting(r -> r.work().position()).containsExactly("Platform Engineer", "Data Analyst", "Barista");
    // 3 + 3 for the required skills ("k8s" is Kubernetes through the vocabulary), 2 title words
    // in the text and 2 more in the position itself
    assertThat(ranked.get(0).relevance()).isEqualTo(10);
    assertThat(ranked.get(0).terms()).containsExactly("Java", "Kubernetes");
    assertThat(ranked.get(1).relevance()).isEqualTo(2);
    assertThat(ranked.get(2).relevance()).isZero();
  }

  @Test
  void equallyRelevantWorkGoesMostRecentFirst() {
    Resume cv = cv(List.of(
        work("Clerk", "Old", "2010-01", "2012-12"),
        work("Clerk", "New", "2020-05", null),
        work("Clerk", "Middle", "2015", "2019")), List.of(), List.of());
    OfferEvidence e = evidence(cv, job("Surgeon", List.of("Java"), List.of()), null);
    assertThat(e.rankedWork()).extracting(r -> r.work().name()).containsExactly("New", "Middle", "Old");
  }

  @Test
  void topWorkIsUpToFourRelevantOnesFilledUpToThreeWithRecentOthers() {
    Resume cv = cv(List.of(
        work("Cook", "A", "2022", null),
        work("Java developer", "B", "2018", "2021"),
        work("Cook", "C", "2015", "2017"),
        work("Cook", "D", "2010", "2014")), List.of(), List.of());
    OfferEvidence e = evidence(cv, job("Backend developer", List.of("Java"), List.of()), null);
    assertThat(e.topWork(3, 4)).extracting(r -> r.work().name()).containsExactly("B", "A", "C");

    Resume many = cv(List.of(work("Java 1", "A", "2020", null), work("Java 2", "B", "2019", "2020"),
        work("Java 3", "C", "2018", "2019"), work("Java 4", "D", "2017", "2018"), work("Java 5", "E", "2016", "2017")),
        List.of(), List.of());
    assertThat(evidence(many, job("X", List.of("Java"), List.of()), null).topWork(3, 4)).hasSize(4);
  }

  @Test
  void bestHighlightsAreTheRelevantOnesBestFirstElseTheFirstTwo() {
    OfferEvidence e = evidence(cv(List.of(), List.of(), List.of()),
        job("Engineer", List.of("Java", "Kubernetes"), List.of("Python")), null);
    assertThat(e.bestHighlights(List.of("Led a team", "Python scripts", "Java and k8s migration", "Hiring", "Java API")))
        .containsExactly("Java and k8s migration", "Java API", "Python scripts");
    assertThat(e.bestHighlights(List.of("Led a team", "Hiring", "Budget"))).containsExactly("Led a team", "Hiring");
    assertThat(e.bestHighlights(List.of("Budget", "Java API"))).containsExactly("Java API", "Budget");
    assertThat(e.bestHighlights(List.of())).isEmpty();
  }

  @Test
  void skillsTheVocabularyDoesNotKnowAreFoundAsWholeTerms() {
    OfferEvidence e = evidence(cv(List.of(), List.of(), List.of()), job("X", List.of("Terraform", "C++", "Go"), List.of()), null);
    assertThat(e.skillKeys("Infrastructure in terraform, tooling in C++")).containsExactlyInAnyOrder("terraform", "c++");
    assertThat(e.skillKeys("Terraforming Mars; C+ grades; Going places")).isEmpty();
  }

  @Test
  void theMatchersVerdictWinsWhereItNamesTheRequirement() {
    Resume cv = cv(List.of(work("Dev", "A", "2020", null, "Java and Python")), List.of(), List.of());
    JobProfile job = job("Dev", List.of("Java", "Kafka"), List.of("Python", "Rust"));
    MatchResult match = new MatchResult(50, "en", null, List.of(
        new Component("required_skills", null, 0.5, 0.5, List.of("Kafka"), List.of("Java"), null),
        new Component("preferred_skills", null, 0.5, 0.0, List.of(), List.of(), null)));
    List<RequirementRow> rows = evidence(cv, job, match).requirementRows();
    assertThat(rows).extracting(RequirementRow::requirement, RequirementRow::met).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Java", false),   // the matcher says missing, despite the text
        org.assertj.core.groups.Tuple.tuple("Apache Kafka", true),   // the matcher says matched, without text here
        org.assertj.core.groups.Tuple.tuple("Python", true),  // not named: the evidence decides
        org.assertj.core.groups.Tuple.tuple("Rust", false));
    assertThat(rows.get(0).evidence()).containsExactly("A (2020 – present)");
    assertThat(rows.get(1).evidence()).isEmpty();
  }

  @Test
  void aSkillBothRequiredAndPreferredIsOneRequiredRow() {
    OfferEvidence e = evidence(cv(List.of(), List.of(), List.of()),
        job("X", List.of("Java", "k8s"), List.of("kubernetes", "Python", "python")), null);
    assertThat(e.requiredSkills()).containsExactly("Java", "Kubernetes");
    assertThat(e.preferredSkills()).containsExactly("Python");
  }

  @Test
  void withoutNormalisedRequirementsTheJobsSkillsListIsRequired() {
    JobProfile job = new JobProfile("Dev", "ACME", null, null, null, null, null, null, null, null, null,
        List.of(new Skill("Backend", null, List.of("Java", "PostgreSQL")), new Skill("Docker", null, List.of())),
        null);
    OfferEvidence e = evidence(cv(List.of(), List.of(), List.of()), job, null);
    assertThat(e.requiredSkills()).containsExactly("Java", "PostgreSQL", "Docker");
    assertThat(e.requirementRows()).extracting(RequirementRow::requirement).containsExactly("Java", "PostgreSQL", "Docker");
  }

  @Test
  void experienceIsCountedFromTheDatesWithOverlapsOnceAndOngoingUpToTheDate() {
    Resume cv = cv(List.of(
        work("A", "A", "2020-01", null),          // 2020-01 .. 2025-03
        work("B", "B", "2019-01", "2020-06"),     // overlaps A from 2020-01
        work("C", "C", "2010", "2010"),           // a bare year counts as the whole year
        work("D", "D", null, "2009")),            // no start: not counted
        List.of(), List.of());
    JobProfile job = SampleOffers.job("X", null, null, new Requirements(List.of(), List.of(), 7, null, List.of(), null));
    RequirementRow row = evidence(cv, job, null).requirementRows().getFirst();
    // 2019-01 .. 2025-03 is 75 months, 2010 is 12: 87 months, 7 full years
    assertThat(row.requirement()).isEqualTo("At least 7 years of professional experience");
    assertThat(row.evidence()).containsExactly("7 years in 3 positions");
    assertThat(row.met()).isTrue();
    JobProfile eight = SampleOffers.job("X", null, null, new Requirements(List.of(), List.of(), 8, null, List.of(), null));
    assertThat(evidence(cv, eight, null).requirementRows().getFirst().met()).isFalse();
  }

  @Test
  void languageRowsReadLevelsFromFluencyWords() {
    Resume cv = cv(List.of(), List.of(), List.of(new Language("Deutsch", "fließend"), new Language("Anglais", "notions"),
        new Language("Spanish", null)));
    JobProfile job = SampleOffers.job("X", null, null, new Requirements(List.of(), List.of(), null, null, List.of(
        new LanguageRequirement("German", CefrLevel.C1, true),
        new LanguageRequirement("en", CefrLevel.B2, true),
        new LanguageRequirement("Spanisch", CefrLevel.B1, false),
        new LanguageRequirement("Italian", null, false)), null));
    assertThat(evidence(cv, job, null).requirementRows())
        .extracting(RequirementRow::requirement, RequirementRow::met, r -> r.evidence().toString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("German (C1)", true, "[Deutsch — fließend]"),
            org.assertj.core.groups.Tuple.tuple("English (B2)", false, "[Anglais — notions]"),
            org.assertj.core.groups.Tuple.tuple("Spanisch (B1)", false, "[Spanish (level not stated)]"),
            org.assertj.core.groups.Tuple.tuple("Italian", false, "[]"));
  }

  @Test
  void educationRowComparesTheHighestDegree() {
    Resume cv = new Resume(Basics.EMPTY, null, null, List.of(
        new com.cvgen.core.model.Education("TU Berlin", null, "Informatik", "Diplom-Informatiker", null, "2008", null, null),
        new com.cvgen.core.model.Education("Gymnasium", null, null, "Abitur", null, "2002", null, null)),
        null, null, null, null, null, null, null, null, null);
    JobProfile master = SampleOffers.job("X", null, null,
        new Requirements(List.of(), List.of(), null, EducationLevel.MASTER, List.of(), null));
    RequirementRow row = evidence(cv, master, null).requirementRows().getFirst();
    assertThat(row.requirement()).isEqualTo("Master's degree or higher");
    assertThat(row.met()).isTrue();
    assertThat(row.evidence()).containsExactly("Diplom-Informatiker, Informatik — TU Berlin");
    JobProfile doctorate = SampleOffers.job("X", null, null,
        new Requirements(List.of(), List.of(), null, EducationLevel.DOCTORATE, List.of(), null));
    assertThat(evidence(cv, doctorate, null).requirementRows().getFirst().met()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      C1                              | C1
      verhandlungssicher (C1)         | C1
      Native speaker                  | NATIVE
      Muttersprache                   | NATIVE
      langue maternelle               | NATIVE
      Native or bilingual proficiency | NATIVE
      near-native                     | C2
      fluent                          | C1
      fließend                        | C1
      courant                         | C1
      sehr gut                        | C1
      très bon niveau                 | C1
      Professional working proficiency| B2
      upper intermediate              | B2
      gute Kenntnisse                 | B2
      bon niveau                      | B2
      intermediate                    | B1
      Limited working proficiency     | B1
      Elementary proficiency          | A2
      Grundkenntnisse                 | A2
      notions                         | A2
      débutant                        | A1
      Klingon                         | null
      """)
  void fluencyWordsGiveCefrLevels(String fluency, String level) {
    assertThat(OfferEvidence.fluencyLevel(fluency))
        .isEqualTo(level == null ? Optional.empty() : Optional.of(CefrLevel.valueOf(level)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      PhD                       | DOCTORATE
      Dr. rer. nat.             | DOCTORATE
      Doctorat                  | DOCTORATE
      Master of Science         | MASTER
      M.Sc.                     | MASTER
      MBA                       | MASTER
      Diplom-Ingenieur          | MASTER
      Diplôme d'ingénieur       | MASTER
      Bac+5                     | MASTER
      Bachelor of Arts          | BACHELOR
      BSc                       | BACHELOR
      Licence                   | BACHELOR
      BTS                       | ASSOCIATE
      Ausbildung zum Mechaniker | VOCATIONAL
      Abitur                    | SECONDARY
      Baccalauréat              | SECONDARY
      Backend development       | null
      Diplôme universitaire     | null
      """)
  void degreeWordsGiveEducationLevels(String degree, String level) {
    assertThat(OfferEvidence.degreeLevel(degree))
        .isEqualTo(level == null ? Optional.empty() : Optional.of(EducationLevel.valueOf(level)));
  }

  @Test
  void languagesAreKnownByCodeAndByNameInEnglishGermanFrenchAndTheirOwn() {
    assertThat(List.of("de", "German", "Deutsch", "allemand", "DE")).allSatisfy(
        l -> assertThat(OfferEvidence.languageCode(l)).isEqualTo("de"));
    assertThat(List.of("Français", "francais", "Französisch", "French")).allSatisfy(
        l -> assertThat(OfferEvidence.languageCode(l)).isEqualTo("fr"));
    assertThat(OfferEvidence.languageCode("Espagnol")).isEqualTo("es");
    assertThat(OfferEvidence.languageCode("Elvish")).isEqualTo("elvish");
  }

  @Test
  void titleWordsLeaveOutFunctionWordsSeniorityAndGenderTags() {
    assertThat(OfferEvidence.titleWords("Teamleiter:in Backend-Entwicklung (m/w/d)"))
        .containsExactly("teamleiter", "backend", "entwicklung");
    assertThat(OfferEvidence.titleWords("Senior Engineer for C++ and C#")).containsExactly("engineer", "c++", "c#");
    assertThat(OfferEvidence.titleWords("Ingénieur·e logiciel (H/F)")).containsExactly("ingénieur", "logiciel");
    assertThat(OfferEvidence.titleWords(null)).isEmpty();
  }
}
