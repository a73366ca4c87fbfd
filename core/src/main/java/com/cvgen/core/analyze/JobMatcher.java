package com.cvgen.core.analyze;

import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.jobs.LanguageLevels;
import com.cvgen.core.model.CefrLevel;
import com.cvgen.core.model.Education;
import com.cvgen.core.model.EducationLevel;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.JobProfile.LanguageRequirement;
import com.cvgen.core.model.JobProfile.Requirements;
import com.cvgen.core.model.Language;
import com.cvgen.core.model.MatchResult;
import com.cvgen.core.model.MatchResult.Component;
import com.cvgen.core.model.Project;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Skill;
import com.cvgen.core.model.Work;
import com.cvgen.core.skills.SkillVocabulary;
import com.cvgen.core.text.EducationLevels;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches a CV against a job profile: a score 0-100 from weighted components, each with its
 * sub-score, matched and missing items and a sentence of reasoning in the output language.
 *
 * <p>Components and base weights: required skills 0.40, preferred skills 0.15, experience years
 * 0.20, education level 0.10, languages 0.10, role fit 0.05. A component applies only when the job
 * asks for it; the weights of the applying components are scaled to add up to 1, and the score is
 * {@code round(100 * sum(weight * sub-score))}. Sub-scores:
 * <ul>
 *   <li>skills: share of the job's skills the CV shows, by canonical name (skills vocabulary), in
 *       its skills section, in its roles' text or in its projects;
 *   <li>experience: years of work, overlapping roles merged, against the minimum asked for, capped
 *       at 1;
 *   <li>education: 1 when the CV's highest degree meets the level, 0.5 one level below, else 0;
 *   <li>languages: per language 1 at or above the level, 0.5 one level below, 0 otherwise;
 *       preferred languages count half;
 *   <li>role fit: word overlap (Dice) of the job title with the CV's headline or closest position.
 * </ul>
 * Adding a skill to a CV can only raise the score, the order of entries never changes it, and a
 * CV that meets everything scores 100.
 */
public final class JobMatcher {
  static final double W_REQUIRED = 0.40;
  static final double W_PREFERRED = 0.15;
  static final double W_EXPERIENCE = 0.20;
  static final double W_EDUCATION = 0.10;
  static final double W_LANGUAGES = 0.10;
  static final double W_TITLE = 0.05;

  private static final Set<String> TITLE_STOP = Set.of("and", "of", "the", "for", "in", "at", "a", "m", "w", "d",
      "f", "h", "x", "und", "für", "der", "die", "das", "de", "des", "du", "et", "la", "le", "en", "mit", "with");

  private final SkillVocabulary vocabulary;
  private final Clock clock;

  public JobMatcher(SkillVocabulary vocabulary, Clock clock) {
    this.vocabulary = vocabulary;
    this.clock = clock;
  }

  public JobMatcher() {
    this(SkillVocabulary.defaults(), Clock.systemUTC());
  }

  public MatchResult match(Resume cv, JobProfile job, OutputLanguage lang) {
    ResourceBundle text = ResourceBundle.getBundle("cvgen.match", lang.locale());
    Requirements req = job.requirements();
    Set<String> cvSkills = skillsOf(cv);
    List<Component> parts = new ArrayList<>();

    List<String> required = distinctCanonical(req.requiredSkills());
    List<String> preferred = distinctCanonical(req.preferredSkills());
    preferred.removeAll(required);
    if (!required.isEmpty()) parts.add(skills("required_skills", W_REQUIRED, required, cvSkills, text, lang));
    if (!preferred.isEmpty()) parts.add(skills("preferred_skills", W_PREFERRED, preferred, cvSkills, text, lang));
    if (req.minYearsExperience() != null && req.minYearsExperience() > 0) {
      parts.add(experience(cv, req.minYearsExperience(), text, lang));
    }
    if (req.educationLevel() != null) parts.add(education(cv, req.educationLevel(), text, lang));
    if (!req.languages().isEmpty()) parts.add(languages(cv, req.languages(), text, lang));
    if (job.title() != null && !words(job.title()).isEmpty()) parts.add(title(cv, job.title(), text, lang));

    double total = parts.stream().mapToDouble(Component::weight).sum();
    List<Component> scaled = parts.stream()
        .map(c -> new Component(c.id(), c.label(), round(c.weight() / total, 4), c.score(), c.matched(),
            c.missing(), c.reasoning()))
        .toList();
    double sum = 0;
    for (Component c : scaled) sum += c.weight() * c.score();
    int score = scaled.isEmpty() ? 0 : (int) Math.round(100 * Math.min(1, sum));
    // all met: exactly 100, whatever the rounding of the weights
    if (!scaled.isEmpty() && scaled.stream().allMatch(c -> c.score() >= 1)) score = 100;
    return new MatchResult(score, lang.code(), summary(score, scaled, text, lang), scaled);
  }

  // ---------- skills ----------

  /** Canonical names of every skill the CV shows: its skills section, its roles' text, its projects. */
  Set<String> skillsOf(Resume cv) {
    Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Skill s : cv.skills()) {
      addSkill(out, s.name());
      s.keywords().forEach(k -> addSkill(out, k));
    }
    StringBuilder prose = new StringBuilder();
    for (Work w : cv.work()) {
      append(prose, w.position(), w.summary(), w.description());
      w.highlights().forEach(h -> append(prose, h));
    }
    for (Project p : cv.projects()) {
      append(prose, p.name(), p.description());
      p.highlights().forEach(h -> append(prose, h));
      p.keywords().forEach(k -> addSkill(out, k));
    }
    append(prose, cv.basics().label(), cv.basics().summary());
    for (SkillVocabulary.SkillMention m : vocabulary.find(prose.toString())) out.add(m.term().name());
    return out;
  }

  private void addSkill(Set<String> out, String name) {
    if (name == null || name.isBlank()) return;
    out.add(vocabulary.canonicalName(name));
    // a keyword like "Java, Spring Boot" or "HTML | JSX" names several skills
    for (SkillVocabulary.SkillMention m : vocabulary.find(name)) out.add(m.term().name());
  }

  private static void append(StringBuilder sb, String... parts) {
    for (String p : parts) if (p != null && !p.isBlank()) sb.append(p).append(" .\n");
  }

  private List<String> distinctCanonical(List<String> skills) {
    Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    List<String> out = new ArrayList<>();
    for (String s : skills) {
      if (s == null || s.isBlank()) continue;
      String c = vocabulary.canonicalName(s);
      if (seen.add(c)) out.add(c);
    }
    return out;
  }

  private Component skills(String id, double weight, List<String> wanted, Set<String> cvSkills, ResourceBundle text,
      OutputLanguage lang) {
    List<String> matched = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String s : wanted) (cvSkills.contains(s) ? matched : missing).add(s);
    double score = matched.size() / (double) wanted.size();
    String missingText = missing.isEmpty() ? "" : format(text, lang, "reason.missing", String.join(", ", missing));
    String reasoning = format(text, lang, "reason." + id, matched.size(), wanted.size(), missingText);
    return new Component(id, text.getString("component." + id), weight, round(score, 4), matched, missing, reasoning);
  }

  // ---------- experience ----------

  /** Years of work, overlapping roles merged, open roles running to today; one decimal. */
  double experienceYears(Resume cv) {
    return WorkHistory.years(cv, YearMonth.now(clock));
  }

  private Component experience(Resume cv, int minYears, ResourceBundle text, OutputLanguage lang) {
    double years = experienceYears(cv);
    double score = Math.min(1, years / minYears);
    String reasoning = format(text, lang, "reason.experience", years, minYears);
    String shown = String.format(lang.locale(), "%.1f %s %d", years, years >= minYears ? "≥" : "<", minYears);
    List<String> matched = years >= minYears ? List.of(shown) : List.of();
    List<String> missing = years >= minYears ? List.of() : List.of(shown);
    return new Component("experience", text.getString("component.experience"), W_EXPERIENCE, round(score, 4),
        matched, missing, reasoning);
  }

  // ---------- education ----------

  /** The highest education level the CV's degrees show, if any. */
  static Optional<EducationLevel> highestEducation(Resume cv) {
    EducationLevel best = null;
    for (Education e : cv.education()) {
      String degree = String.join(" ", nonNull(e.studyType(), e.area()));
      Optional<EducationLevel> level = EducationLevels.of(degree);
      if (level.isPresent() && (best == null || level.get().compareTo(best) > 0)) best = level.get();
    }
    return Optional.ofNullable(best);
  }

  private Component education(Resume cv, EducationLevel required, ResourceBundle text, OutputLanguage lang) {
    Optional<EducationLevel> has = highestEducation(cv);
    String wanted = text.getString("level." + required.name());
    double score;
    String reasoning;
    if (has.isEmpty()) {
      score = 0;
      reasoning = format(text, lang, "reason.education.none", wanted);
    } else {
      String shown = text.getString("level." + has.get().name());
      int diff = has.get().compareTo(required);
      score = diff >= 0 ? 1 : diff == -1 ? 0.5 : 0;
      reasoning = format(text, lang, diff >= 0 ? "reason.education.met" : "reason.education.below", shown, wanted);
    }
    return new Component("education", text.getString("component.education"), W_EDUCATION, score,
        score >= 1 ? List.of(wanted) : List.of(), score >= 1 ? List.of() : List.of(wanted), reasoning);
  }

  // ---------- languages ----------

  private Component languages(Resume cv, List<LanguageRequirement> wanted, ResourceBundle text, OutputLanguage lang) {
    // languages by English name ("Englisch", "anglais" -> "English"), levels by CEFR
    Map<String, CefrLevel> has = new HashMap<>();
    for (Language l : cv.languages()) {
      // a language listed without a level counts as B1: listed, but not shown to be fluent
      CefrLevel level = LanguageLevels.level(l.fluency()).orElse(CefrLevel.B1);
      has.merge(languageName(l.language()), level, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    String cvLanguage = cv.meta() == null || cv.meta().extraction() == null ? null : cv.meta().extraction().language();
    // the language a CV is written in is spoken well, even when not listed
    if (cvLanguage != null && cvLanguage.length() == 2) {
      has.putIfAbsent(Locale.forLanguageTag(cvLanguage).getDisplayLanguage(Locale.ENGLISH), CefrLevel.C1);
    }
    double got = 0;
    double max = 0;
    int met = 0;
    List<String> matched = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (LanguageRequirement r : wanted) {
      double w = r.required() ? 1 : 0.5;
      max += w;
      CefrLevel level = has.get(languageName(r.language()));
      CefrLevel need = r.level() == null ? CefrLevel.B1 : r.level();
      String label = r.language() + (r.level() == null ? "" : " " + r.level());
      if (level != null && level.meets(need)) {
        got += w;
        met++;
        matched.add(label);
      } else {
        if (level != null && level.ordinal() == need.ordinal() - 1) got += w / 2;
        missing.add(label);
      }
    }
    double score = max == 0 ? 1 : got / max;
    String missingText = missing.isEmpty() ? "" : format(text, lang, "reason.missing", String.join(", ", missing));
    String reasoning = format(text, lang, "reason.languages", met, wanted.size(), missingText);
    return new Component("languages", text.getString("component.languages"), W_LANGUAGES, round(score, 4), matched,
        missing, reasoning);
  }

  private static String languageName(String name) {
    return name == null ? "" : LanguageLevels.language(name).orElse(name.strip());
  }

  // ---------- role fit ----------

  private Component title(Resume cv, String jobTitle, ResourceBundle text, OutputLanguage lang) {
    Set<String> want = words(jobTitle);
    List<String> candidates = new ArrayList<>();
    if (cv.basics().label() != null) candidates.add(cv.basics().label());
    for (Work w : cv.work()) if (w.position() != null) candidates.add(w.position());
    String best = null;
    double bestScore = 0;
    // order-independent: the highest similarity wins, ties go to the alphabetically first text
    candidates.sort(Comparator.naturalOrder());
    for (String c : candidates) {
      Set<String> have = words(c);
      double dice = have.isEmpty() ? 0 : 2.0 * intersection(want, have) / (want.size() + have.size());
      if (dice > bestScore) {
        bestScore = dice;
        best = c;
      }
    }
    // one shared word of a two-word title is a fair fit already; exact titles score 1
    double score = Math.min(1, bestScore * 1.25);
    String reasoning = best == null ? format(text, lang, "reason.title.none", jobTitle)
        : format(text, lang, "reason.title", best, jobTitle);
    return new Component("title", text.getString("component.title"), W_TITLE, round(score, 4),
        best == null ? List.of() : List.of(best), best == null ? List.of(jobTitle) : List.of(), reasoning);
  }

  static Set<String> words(String text) {
    Set<String> out = new TreeSet<>();
    if (text == null) return out;
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+#]+")) {
      if (w.length() > 1 && !TITLE_STOP.contains(w)) out.add(stem(w));
    }
    return out;
  }

  /** A light stem so that "Entwicklerin"/"Entwickler", "Engineers"/"Engineer" compare equal. */
  private static String stem(String w) {
    if (w.length() > 6 && w.endsWith("innen")) return w.substring(0, w.length() - 5);
    if (w.length() > 5 && w.endsWith("in") && (w.endsWith("erin") || w.endsWith("entin"))) return w.substring(0, w.length() - 2);
    if (w.length() > 4 && w.endsWith("s") && !w.endsWith("ss")) return w.substring(0, w.length() - 1);
    if (w.length() > 4 && w.endsWith("e")) return w.substring(0, w.length() - 1);
    return w;
  }

  private static int intersection(Set<String> a, Set<String> b) {
    int n = 0;
    for (String s : a) if (b.contains(s)) n++;
    return n;
  }

  // ---------- summary ----------

  private static String summary(int score, List<Component> parts, ResourceBundle text, OutputLanguage lang) {
    String key = score >= 80 ? "summary.strong" : score >= 65 ? "summary.good" : score >= 45 ? "summary.partial"
        : "summary.weak";
    StringBuilder sb = new StringBuilder(format(text, lang, key, score));
    if (parts.size() >= 2) {
      Component best = parts.stream().max(Comparator.comparingDouble(Component::score)
          .thenComparing(Component::id, Comparator.reverseOrder())).orElseThrow();
      Component worst = parts.stream().min(Comparator.comparingDouble(Component::score)
          .thenComparing(Component::id)).orElseThrow();
      if (best.score() > worst.score()) {
        sb.append(' ').append(format(text, lang, "summary.best", best.label()));
        sb.append(' ').append(format(text, lang, "summary.worst", worst.label()));
      }
    }
    return sb.toString();
  }

  private static String format(ResourceBundle text, OutputLanguage lang, String key, Object... args) {
    return new MessageFormat(text.getString(key), lang.locale()).format(args);
  }

  private static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  private static List<String> nonNull(String... parts) {
    List<String> out = new ArrayList<>();
    for (String p : parts) if (p != null) out.add(p);
    return out;
  }
}
