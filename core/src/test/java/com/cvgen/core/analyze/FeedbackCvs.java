package com.cvgen.core.analyze;

import com.cvgen.core.generate.OutputLanguage;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Hand-built CVs for the feedback tests: {@link #strong()} is a complete, consistent CV on which no
 * rule fires; tests change one thing and look for the one rule that should react.
 */
final class FeedbackCvs {
  /** The reference "now" of the tests: June 2025. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
  static final FeedbackAnalyzer ANALYZER = new FeedbackAnalyzer(CLOCK, SkillVocabulary.defaults());

  private FeedbackCvs() {}

  /** A mutable CV under construction; {@link #build()} makes the {@link Resume}. */
  static final class Cv {
    String name = "Jane Doe";
    String label = "Senior Software Engineer";
    String email = "jane.doe@example.com";
    String phone = "+44 20 7946 0958";
    String url;
    String summary = "Backend engineer with eight years of experience building payment and logistics platforms"
        + " on the JVM. I turn slow, fragile systems into fast, boring ones and enjoy coaching engineers.";
    Basics.Location location = new Basics.Location(null, null, "London", "GB", null);
    List<Basics.Profile> profiles =
        new ArrayList<>(List.of(new Basics.Profile("LinkedIn", "janedoe", "https://linkedin.com/in/janedoe")));
    List<Work> work = new ArrayList<>();
    List<Education> education = new ArrayList<>();
    List<Volunteer> volunteer = new ArrayList<>();
    List<Project> projects = new ArrayList<>();
    List<Certificate> certificates = new ArrayList<>();
    List<Skill> skills = new ArrayList<>();
    List<Language> languages = new ArrayList<>();
    Integer pages;
    Map<String, Extraction.FieldSource> fields = new LinkedHashMap<>();

    Resume build() {
      Basics basics = new Basics(name, label, null, email, phone, url, summary, location, profiles);
      Meta meta = pages == null && fields.isEmpty() ? null
          : new Meta(null, null, null, new Extraction("en", "offline", pages == null ? 0 : pages, fields, null));
      return new Resume(basics, work, volunteer, education, List.of(), certificates, List.of(), skills, languages,
          List.of(), List.of(), projects, meta);
    }

    Cv work(Work... entries) {
      work = new ArrayList<>(Arrays.asList(entries));
      return this;
    }

    /** Records where the start date of {@code pointer} was read from, as the extraction does. */
    Cv source(String pointer, String text) {
      fields.put(pointer, new Extraction.FieldSource(0.9, 1, text));
      return this;
    }
  }

  /** A complete CV: two roles with measured results, education, skills backed by the roles, languages. */
  static Cv strong() {
    Cv cv = new Cv();
    cv.work(
        work("Lead Engineer", "Acme Payments", "2021-03", null,
            "Cut settlement batch time from 4 hours to 20 minutes with Java and Kubernetes",
            "Led a team of 6 engineers delivering 30 services on PostgreSQL"),
        work("Software Engineer", "Globex Logistics", "2017-09", "2021-02",
            "Designed the parcel tracking API used by 2 million customers",
            "Reduced cloud costs by 25% through right-sizing and reserved instances"));
    cv.education.add(education("MSc", "Computer Science", "University of Manchester", "2016-09", "2017-08"));
    cv.skills.add(new Skill("Backend", null, List.of("Java", "PostgreSQL", "Kubernetes")));
    cv.languages.addAll(List.of(new Language("English", "Native"), new Language("German", "B2")));
    cv.pages = 2;
    return cv;
  }

  /**
   * A CV with a bit of everything wrong: bad contact data, future, reversed, unreadable, missing
   * and year-only dates, gaps, overlaps, roles without title, employer or figures, long texts, a
   * bad education, duplicate and unbacked skills, too many pages and mixed date formats.
   */
  static Cv flawed() {
    Cv cv = new Cv();
    cv.email = "jane@";
    cv.phone = "12";
    cv.location = null;
    cv.profiles.clear();
    cv.summary = "Engineer.";
    String longBullet = "Worked on many different things across the whole organisation, together with several teams"
        + " and stakeholders, in order to improve the overall quality of our internal processes and tools for"
        + " everybody involved";
    cv.work(
        work("Staff Engineer", "Initech", "2026-01", null, "Worked on the platform team and its tooling",
            "Helped with various team initiatives", longBullet),
        work(null, "Globex", "2019", "2022", "Grew revenue by 10% in the first year",
            "Reviewed pull requests for the team", "Attended design reviews and planning"),
        work("Consultant", null, "2021-06", null, "Advised 12 clients on cloud migrations"),
        work("Analyst", "Umbrella", null, "2016-05"),
        work("Intern", "Hooli", "2013-05", "2012-01", "Wrote 3 reports"),
        work("Trainee", "Vandelay", "20XX", null, "Sold 40 machines"),
        workWithSummary("Clerk", "Kramerica", "2005-01", "2006-01",
            String.join(" ", Collections.nCopies(90, "filing"))),
        work("Assistant", "Pendant", "2007-01", "2007-06", "Typed 200 letters a week"));
    cv.education.add(education("BSc", null, null, null, null));
    cv.education.add(education(null, null, "Leeds Grammar School", "2000", "2004"));
    cv.skills.add(new Skill("Languages", null, List.of("Java", "java", "Haskell")));
    cv.pages = 5;
    cv.source("/work/0/startDate", "Initech 01/2026 – present").source("/work/2/startDate", "Jun 2021 – present");
    return cv;
  }

  /** A strong CV turned long-winded: a 120-word summary, six ongoing roles, four pages. */
  static Cv manyOngoing() {
    Cv cv = strong();
    cv.summary = String.join(" ", Collections.nCopies(120, "seasoned"));
    cv.work(IntStream.range(0, 6)
        .mapToObj(i -> work("Role " + i, "Firm " + i, (2020 - i) + "-01", null, "Grew sales by " + (i + 5) + "%"))
        .toArray(Work[]::new));
    cv.pages = 4;
    return cv;
  }

  static Work work(String position, String employer, String start, String end, String... highlights) {
    return new Work(employer, null, null, position, null, start, end, null, List.of(highlights));
  }

  static Work workWithSummary(String position, String employer, String start, String end, String summary) {
    return new Work(employer, null, null, position, null, start, end, summary, List.of());
  }

  static Education education(String type, String area, String institution, String start, String end) {
    return new Education(institution, null, area, type, start, end, null, List.of());
  }

  static Feedback analyze(Cv cv) {
    return ANALYZER.analyze(cv.build(), OutputLanguage.EN);
  }

  static List<String> rules(Feedback feedback) {
    return feedback.findings().stream().map(Finding::rule).toList();
  }

  static List<Finding> findings(Feedback feedback, FeedbackRule rule) {
    return feedback.findings().stream().filter(f -> f.rule().equals(rule.id())).toList();
  }

  /** The one finding of {@code rule}; fails when there is none or more than one. */
  static Finding only(Feedback feedback, FeedbackRule rule) {
    List<Finding> found = findings(feedback, rule);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + rule.id() + " finding, got " + found.size() + ": " + rules(feedback));
    }
    return found.getFirst();
  }
}
