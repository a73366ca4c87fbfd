package com.cvgen.core.analyze;

import com.cvgen.core.model.Basics;
import com.cvgen.core.model.CefrLevel;
import com.cvgen.core.model.Education;
import com.cvgen.core.model.EducationLevel;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.JobProfile.LanguageRequirement;
import com.cvgen.core.model.JobProfile.Requirements;
import com.cvgen.core.model.Language;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Skill;
import com.cvgen.core.model.Work;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Hand-built CVs and jobs for matcher tests; "today" is fixed at 2026-06-15. */
final class MatchFixtures {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);

  private MatchFixtures() {}

  static Resume cv(List<Work> work, List<Education> education, List<Skill> skills, List<Language> languages,
      String label) {
    Basics basics = new Basics("Maya Example", label, null, "maya@example.com", null, null, null, null, List.of());
    return new Resume(basics, work, null, education, null, null, null, skills, languages, null, null, null, null);
  }

  static Work work(String position, String company, String start, String end, String... highlights) {
    return new Work(company, null, null, position, null, start, end, null, List.of(highlights));
  }

  static Education degree(String studyType, String area, String institution) {
    return new Education(institution, null, area, studyType, "2010", "2014", null, List.of());
  }

  static JobProfile job(String title, List<String> required, List<String> preferred, Integer years,
      EducationLevel level, List<LanguageRequirement> languages) {
    return new JobProfile(title, "Harborline", null, null, null, null, null, null, null, List.of(), List.of(),
        List.of(), null).withRequirements(new Requirements(required, preferred, years, level, languages, "en"));
  }

  static LanguageRequirement language(String name, CefrLevel level, boolean required) {
    return new LanguageRequirement(name, level, required);
  }

  /** A CV that meets the standard job of {@link #standardJob()} in every respect. */
  static Resume strongCv() {
    return cv(
        List.of(work("Senior Backend Engineer", "Northfold", "2018-01", null, "Built Java services on Kubernetes"),
            work("Backend Engineer", "Quillmark", "2014-03", "2017-12", "Ran PostgreSQL at scale")),
        List.of(degree("Master of Science", "Computer Science", "Cascade State University")),
        List.of(new Skill("Backend", null, List.of("Java", "Python", "PostgreSQL", "Kubernetes"))),
        List.of(new Language("English", "Native"), new Language("Deutsch", "C1")),
        "Senior Backend Engineer");
  }

  static JobProfile standardJob() {
    return job("Senior Backend Engineer", List.of("Java", "Kubernetes", "PostgreSQL"), List.of("Python"), 6,
        EducationLevel.BACHELOR, List.of(language("English", CefrLevel.C1, true), language("German", CefrLevel.B2, false)));
  }
}
