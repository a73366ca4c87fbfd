package com.cvgen.core.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.model.CefrLevel;
import com.cvgen.core.model.Education;
import com.cvgen.core.model.EducationLevel;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.JobProfile.LanguageRequirement;
import com.cvgen.core.model.Language;
import com.cvgen.core.model.MatchResult;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Skill;
import com.cvgen.core.model.Work;
import com.cvgen.core.skills.SkillVocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the matcher over generated CVs and jobs: adding a required skill never lowers the
 * score, removing one never raises it, the order of entries never changes it, and a CV meeting
 * everything scores 100.
 */
class JobMatcherPropertiesTest {
  private static final List<String> SKILLS = List.of("Java", "Python", "Kubernetes", "PostgreSQL", "Kafka", "Go",
      "Terraform", "React", "Scrum", "Underwater Basket Weaving");
  private static final List<String> LANGUAGES = List.of("English", "German", "French", "Spanish");
  private final JobMatcher matcher = new JobMatcher(SkillVocabulary.defaults(), MatchFixtures.CLOCK);

  record Case(Resume cv, JobProfile job) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<List<String>> skills = Arbitraries.of(SKILLS).list().uniqueElements().ofMaxSize(6);
    Arbitrary<List<Work>> work = Combinators.combine(
            Arbitraries.integers().between(2000, 2025), Arbitraries.integers().between(0, 8),
            Arbitraries.integers().between(1, 12), Arbitraries.of("Backend Engineer", "Data Analyst", "Team Lead"),
            Arbitraries.of(true, false))
        .as((year, length, month, title, open) -> MatchFixtures.work(title, "Co " + year,
            String.format("%d-%02d", year, month), open ? null : String.valueOf(Math.min(2026, year + length))))
        .list().ofMaxSize(4);
    Arbitrary<List<Language>> languages = Combinators.combine(Arbitraries.of(LANGUAGES),
            Arbitraries.of("A2", "B1", "B2", "C1", "native"))
        .as(Language::new).list().uniqueElements(Language::language).ofMaxSize(3);
    Arbitrary<List<Education>> education = Arbitraries.of("Bachelor of Science", "Master", "Abitur", "PhD")
        .map(d -> MatchFixtures.degree(d, "Computer Science", "Uni")).list().ofMaxSize(2);
    Arbitrary<Resume> cvs = Combinators.combine(work, education, skills, languages)
        .as((w, e, s, l) -> MatchFixtures.cv(w, e, s.stream().map(n -> new Skill(n, null, List.of())).toList(), l,
            "Engineer"));
    Arbitrary<List<LanguageRequirement>> wantedLanguages = Combinators.combine(Arbitraries.of(LANGUAGES),
            Arbitraries.of(CefrLevel.values()), Arbitraries.of(true, false))
        .as(LanguageRequirement::new).list().uniqueElements(LanguageRequirement::language).ofMaxSize(2);
    Arbitrary<JobProfile> jobs = Combinators.combine(skills, skills, Arbitraries.integers().between(0, 12).injectNull(0.3),
            Arbitraries.of(EducationLevel.values()).injectNull(0.3), wantedLanguages,
            Arbitraries.of("Backend Engineer", "Senior Data Analyst", "Chef"))
        .as((req, pref, years, level, langs, title) -> MatchFixtures.job(title, req, pref, years, level, langs));
    return Combinators.combine(cvs, jobs).as(Case::new);
  }

  private int score(Resume cv, JobProfile job) {
    MatchResult r = matcher.match(cv, job, OutputLanguage.EN);
    assertThat(r.score()).isBetween(0, 100);
    return r.score();
  }

  private static Resume withSkills(Resume cv, List<Skill> skills) {
    return new Resume(cv.basics(), cv.work(), cv.volunteer(), cv.education(), cv.awards(), cv.certificates(),
        cv.publications(), skills, cv.languages(), cv.interests(), cv.references(), cv.projects(), cv.meta());
  }

  @Property(tries = 300)
  void addingARequiredSkillNeverLowersTheScore(@ForAll("cases") Case c) {
    int before = score(c.cv(), c.job());
    for (String skill : c.job().requirements().requiredSkills()) {
      List<Skill> more = new ArrayList<>(c.cv().skills());
      more.add(new Skill(skill, null, List.of()));
      assertThat(score(withSkills(c.cv(), more), c.job())).as("after adding %s", skill).isGreaterThanOrEqualTo(before);
    }
  }

  @Property(tries = 300)
  void removingASkillNeverRaisesTheScore(@ForAll("cases") Case c) {
    int before = score(c.cv(), c.job());
    for (int i = 0; i < c.cv().skills().size(); i++) {
      List<Skill> fewer = new ArrayList<>(c.cv().skills());
      fewer.remove(i);
      assertThat(score(withSkills(c.cv(), fewer), c.job())).isLessThanOrEqualTo(before);
    }
  }

  @Property(tries = 300)
  void theScoreIsStableUnderReordering(@ForAll("cases") Case c, @ForAll long seed) {
    Random random = new Random(seed);
    List<Work> work = new ArrayList<>(c.cv().work());
    List<Skill> skills = new ArrayList<>(c.cv().skills());
    List<Education> education = new ArrayList<>(c.cv().education());
    List<Language> languages = new ArrayList<>(c.cv().languages());
    Collections.shuffle(work, random);
    Collections.shuffle(skills, random);
    Collections.shuffle(education, random);
    Collections.shuffle(languages, random);
    Resume shuffled = new Resume(c.cv().basics(), work, null, education, null, null, null, skills, languages, null,
        null, null, null);
    MatchResult a = matcher.match(c.cv(), c.job(), OutputLanguage.EN);
    MatchResult b = matcher.match(shuffled, c.job(), OutputLanguage.EN);
    assertThat(b.score()).isEqualTo(a.score());
    assertThat(b.components()).isEqualTo(a.components());
  }

  @Property(tries = 200)
  void aCvMeetingEverythingScores100(@ForAll("cases") Case c) {
    JobProfile job = c.job();
    List<Skill> all = new ArrayList<>();
    job.requirements().requiredSkills().forEach(s -> all.add(new Skill(s, null, List.of())));
    job.requirements().preferredSkills().forEach(s -> all.add(new Skill(s, null, List.of())));
    List<Language> languages = job.requirements().languages().stream()
        .map(l -> new Language(l.language(), "native")).toList();
    Resume perfect = MatchFixtures.cv(List.of(MatchFixtures.work(job.title(), "Co", "1990-01", null)),
        List.of(MatchFixtures.degree("PhD", "Science", "Uni")), all, languages, job.title());
    assertThat(score(perfect, job)).isEqualTo(job.title() == null && all.isEmpty() ? 0 : 100);
  }

  @Property(tries = 200)
  void everyResultIsSchemaValid(@ForAll("cases") Case c) {
    for (OutputLanguage lang : OutputLanguage.values()) {
      assertThat(JobMatcherTest.SCHEMA.validate(matcher.match(c.cv(), c.job(), lang))).isEmpty();
    }
  }
}
