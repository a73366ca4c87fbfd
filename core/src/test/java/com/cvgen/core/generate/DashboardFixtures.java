package com.cvgen.core.generate;

import com.cvgen.core.model.Basics;
import com.cvgen.core.model.CefrLevel;
import com.cvgen.core.model.EducationLevel;
import com.cvgen.core.model.Feedback;
import com.cvgen.core.model.Feedback.Finding;
import com.cvgen.core.model.Feedback.Severity;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.MatchResult;
import com.cvgen.core.model.MatchResult.Component;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Skill;
import com.cvgen.core.model.Work;
import com.cvgen.core.skills.SkillVocabulary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built inputs for the dashboard tests: a CV, a job profile, a match and feedback. */
final class DashboardFixtures {
  private DashboardFixtures() {}

  /** "Today" for every dashboard test: 15 Nov 2025. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-15T10:00:00Z"), ZoneOffset.UTC);

  static final DashboardWriter WRITER = new DashboardWriter(CLOCK, SkillVocabulary.defaults());

  /** The other outputs of a job, as the pipeline names them. */
  static Map<String, String> links() {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("cv.docx", "CV (Word)");
    links.put("offer.docx", "Offer (Word)");
    links.put("cv_data.json", "CV data");
    links.put("match_result.json", "Match result");
    links.put("feedback.json", "Feedback");
    return links;
  }

  /** The English sample CV with a wider set of skills (known, aliased and unknown to the vocabulary). */
  static Resume cv() {
    Resume e = SampleResumes.english();
    List<Skill> skills = List.of(
        new Skill("Languages", "Expert", List.of("Java", "Kotlin", "SQL", "Python")),
        new Skill("Infrastructure", null, List.of("Kubernetes", "k8s", "Terraform", "Docker")),
        new Skill("Data", null, List.of("PostgreSQL", "Kafka")),
        new Skill("Methods", null, List.of("Domain-driven design", "Code review")));
    return new Resume(e.basics(), e.work(), e.volunteer(), e.education(), e.awards(), e.certificates(),
        e.publications(), skills, e.languages(), e.interests(), e.references(), e.projects(), e.meta());
  }

  static JobProfile job() {
    return new JobProfile("Senior Backend Engineer", "Northwind Payments", "Full-time", "2025-10-01",
        "Builds and runs the settlement platform.", new Basics.Location(null, null, "Berlin", "DE", null),
        "Hybrid", null, "Senior", List.of("Own the settlement services"), List.of("Degree in computer science"),
        List.of(new Skill("Backend", null, List.of("Java", "Kubernetes", "PostgreSQL", "Go"))), null)
        .withRequirements(new JobProfile.Requirements(List.of("Java", "Kubernetes", "PostgreSQL", "Go"),
            List.of("Kafka", "Rust"), 5, EducationLevel.BACHELOR,
            List.of(new JobProfile.LanguageRequirement("English", CefrLevel.C1, true),
                new JobProfile.LanguageRequirement("German", CefrLevel.B2, false)), "en"));
  }

  static MatchResult match() {
    return new MatchResult(72, "en", "A strong backend profile; Go is the main gap.", List.of(
        new Component("required-skills", "Required skills", 0.4, 0.75, List.of("Java", "Kubernetes", "PostgreSQL"),
            List.of("Go"), "3 of the 4 required skills are in the CV."),
        new Component("preferred-skills", "Preferred skills", 0.15, 0.5, List.of("Kafka"), List.of("Rust"),
            "1 of the 2 preferred skills is in the CV."),
        new Component("experience", "Experience", 0.25, 1.0, List.of("11 years"), List.of(),
            "11 years of experience, 5 asked for."),
        new Component("education", "Education", 0.1, 1.0, List.of("MSc Computer Science"), List.of(),
            "A master's degree meets the bachelor asked for."),
        new Component("languages", "Languages", 0.1, 0.5, List.of("English"), List.of("German B2"),
            "German is listed as professional; B2 is asked for.")));
  }

  static Feedback feedback() {
    return new Feedback(64, "en", List.of(
        new Finding("missing-dates", Severity.ERROR, "dates", "/work/2/startDate",
            "The position at Initech has no start month.", "Give month and year for every position."),
        new Finding("unquantified", Severity.WARNING, "achievements", "/work/1/highlights",
            "Few highlights are quantified.", "Add numbers: users, time saved, revenue."),
        new Finding("long-summary", Severity.WARNING, "length", "/basics/summary",
            "The summary is longer than four lines.", "Keep the summary to two or three sentences."),
        new Finding("gap", Severity.INFO, "dates", "/work",
            "A gap of two months between 2016 and 2016.", null),
        new Finding("no-linkedin", Severity.INFO, "contact", "/basics/profiles",
            "No LinkedIn profile is given.", "Add a LinkedIn profile if you keep one.")));
  }

  /** The page as a string. */
  static String write(Resume cv, JobProfile job, MatchResult match, Feedback feedback, OutputLanguage lang,
      Map<String, String> links) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      WRITER.write(cv, job, match, feedback, lang, links, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------
  // Hostile inputs: every text field of every record holds the payload.

  /** A CV whose every text field, at any depth, is {@code payload}, plus a dated position so the timeline draws. */
  static Resume hostileCv(String payload) {
    Resume r = hostile(Resume.class, payload);
    List<Work> work = new ArrayList<>(r.work());
    work.add(new Work(payload, payload, payload, payload, payload, "2019-04", null, payload, List.of(payload)));
    List<Skill> skills = new ArrayList<>(r.skills());
    skills.add(new Skill(payload, payload, List.of("Java", payload + " 2", "Kubernetes")));
    return new Resume(r.basics(), work, r.volunteer(), r.education(), r.awards(), r.certificates(), r.publications(),
        skills, r.languages(), r.interests(), r.references(), r.projects(), r.meta());
  }

  static JobProfile hostileJob(String payload) {
    return hostile(JobProfile.class, payload);
  }

  static MatchResult hostileMatch(String payload) {
    return hostile(MatchResult.class, payload);
  }

  /** Feedback with one finding of each severity, every text field the payload. */
  static Feedback hostileFeedback(String payload) {
    Feedback f = hostile(Feedback.class, payload);
    Finding one = f.findings().getFirst();
    List<Finding> findings = new ArrayList<>();
    for (Severity s : Severity.values()) {
      findings.add(new Finding(one.rule(), s, one.category(), one.location(), one.message(), one.suggestion()));
    }
    return new Feedback(f.score(), f.language(), findings);
  }

  /**
   * An instance of the record {@code type} whose every String component, in nested records, lists
   * and maps too, is {@code payload}; numbers are mid-range, enums their first constant.
   */
  static <T extends Record> T hostile(Class<T> type, String payload) {
    return type.cast(value(type, payload));
  }

  private static Object value(Type type, String payload) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) return List.of(value(args[0], payload));
      if (Map.class.isAssignableFrom(raw)) return Map.of(payload, value(args[1], payload));
      throw new IllegalArgumentException("unsupported generic type " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) return payload;
    if (c == int.class || c == Integer.class) return 50;
    if (c == double.class || c == Double.class) return 0.5;
    if (c == boolean.class || c == Boolean.class) return true;
    if (c.isEnum()) return c.getEnumConstants()[0];
    if (c.isRecord()) {
      RecordComponent[] components = c.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        args[i] = value(components[i].getGenericType(), payload);
      }
      try {
        Constructor<?> ctor = c.getDeclaredConstructor(types);
        return ctor.newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot build " + c, e);
      }
    }
    if (c.isArray()) return Array.newInstance(c.getComponentType(), 0);
    throw new IllegalArgumentException("unsupported type " + c);
  }
}
