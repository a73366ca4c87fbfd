package com.cvgen.core.generate;

import static com.cvgen.core.generate.WordStyles.clean;
import static com.cvgen.core.generate.WordStyles.hasText;

import com.cvgen.core.model.CefrLevel;
import com.cvgen.core.model.Certificate;
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
import com.cvgen.core.analyze.WorkHistory;
import com.cvgen.core.jobs.LanguageLevels;
import com.cvgen.core.text.EducationLevels;
import com.cvgen.core.skills.SkillVocabulary;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the offer says about a CV against a job, worked out before anything is laid out: the job's
 * terms (skills and title words), the work entries ranked by how much of the job they show, and
 * one row per requirement with its verdict and the places in the CV that support it.
 *
 * <p>Skills are recognised through the {@link SkillVocabulary} (aliases such as "k8s" count for
 * "Kubernetes") and, for skills it does not know, as the requirement's own words standing as a
 * whole term. Verdicts follow the match analysis wherever it names a requirement (as matched or
 * missing), so the table agrees with the score; elsewhere they follow the evidence found here.
 *
 * <p>An instance serves one document and is not thread-safe. The model's lists hold no nulls.
 */
final class OfferEvidence {

  /** Relevance points per distinct term an entry shows. */
  private static final int REQUIRED_POINTS = 3;
  private static final int PREFERRED_POINTS = 2;
  private static final int TITLE_WORD_POINTS = 1;
  /** Title words at least this long also match inside compounds ("Entwickler" in "Softwareentwickler"). */
  private static final int COMPOUND_MIN = 5;
  private static final int MAX_EVIDENCE = 3;
  private static final double FULL_SCORE = 0.999;

  /** Words of a job title that say nothing about the work: function words, seniority, gender tags. */
  private static final Set<String> TITLE_STOPWORDS = Set.of(
      "and", "or", "the", "of", "for", "in", "with", "at", "to", "a", "an", "on",
      "und", "oder", "der", "die", "das", "für", "mit", "im", "bei", "von", "zur", "zum", "als",
      "et", "ou", "de", "des", "du", "la", "le", "les", "pour", "en", "au", "aux", "un", "une",
      "senior", "junior", "sr", "jr", "mid", "level", "all", "genders", "gn",
      "m", "w", "d", "f", "h", "x", "mwd", "mfd", "hf", "fh");

  private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}+#]+");
  private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})(?:-(\\d{1,2}))?(?:-\\d{1,2})?");

  /** Language names (English, German, French and own name, without accents) to ISO 639 codes. */
  private static final Map<String, String> LANGUAGE_CODES = languageCodes();

  /** A work entry with its place in the ranking. */
  record RankedWork(Work work, int index, int relevance, List<String> terms, List<String> highlights) {}

  /** One requirement of the job, its verdict and where the CV supports it. */
  record RequirementRow(String requirement, boolean required, boolean met, List<String> evidence) {}

  private final Resume cv;
  private final JobProfile job;
  private final Map<String, Component> components;
  private final OfferLabels labels;
  private final LocalDate asOf;
  private final SkillVocabulary vocabulary;
  /** Skill key -> display name, required and preferred, in the job's order. */
  private final Map<String, String> required;
  private final Map<String, String> preferred;
  private final List<String> titleWords;
  /** Whole-term patterns of the job's skills, compiled once; an instance serves one document. */
  private final Map<String, Pattern> skillPatterns = new HashMap<>();

  /**
   * @param job the job, or null for none
   * @param match the match analysis, or null for none
   * @param asOf the day ongoing positions are counted up to
   */
  OfferEvidence(Resume cv, JobProfile job, MatchResult match, OfferLabels labels, LocalDate asOf,
      SkillVocabulary vocabulary) {
    this.cv = Objects.requireNonNull(cv, "cv");
    this.job = job;
    this.labels = Objects.requireNonNull(labels, "labels");
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.components = new LinkedHashMap<>();
    if (match != null) {
      for (Component c : match.components()) {
        if (c.id() != null) components.putIfAbsent(c.id(), c);
      }
    }
    Requirements req = requirements();
    this.required = skillMap(req.requiredSkills(), Map.of());
    this.preferred = skillMap(req.preferredSkills(), required);
    if (required.isEmpty() && preferred.isEmpty() && job != null) {
      // no normalised requirements: the job schema's own skills list is what the job asks for
      List<String> listed = new ArrayList<>();
      for (Skill s : job.skills()) {
        if (s.keywords().stream().anyMatch(WordStyles::hasText)) listed.addAll(s.keywords());
        else listed.add(s.name());
      }
      required.putAll(skillMap(listed, Map.of()));
    }
    this.titleWords = titleWords(job == null ? null : job.title()).stream()
        .filter(w -> !required.containsKey(w) && !preferred.containsKey(w)).toList();
  }

  private Requirements requirements() {
    return job == null ? Requirements.NONE : job.requirements();
  }

  /** The required skills' display names, in the job's order. */
  List<String> requiredSkills() {
    return List.copyOf(required.values());
  }

  /** The preferred skills' display names (those not also required), in the job's order. */
  List<String> preferredSkills() {
    return List.copyOf(preferred.values());
  }

  /** The words of the job title that count for relevance, lower case. */
  List<String> titleWords() {
    return titleWords;
  }

  // ---- work ranking -----------------------------------------------------------------------------

  /**
   * All work entries with content, most relevant first: by relevance points (3 per required skill,
   * 2 per preferred skill, 1 per title word the entry's text shows, 1 more per title word in the
   * position itself), then the most recent start, then the CV's order.
   */
  List<RankedWork> rankedWork() {
    List<RankedWork> ranked = new ArrayList<>();
    List<Work> work = cv.work();
    for (int i = 0; i < work.size(); i++) {
      Work w = work.get(i);
      if (!hasContent(w)) continue;
      String text = nonNull(w.position(), w.description(), w.summary(), String.join("\n", w.highlights()));
      Set<String> skills = skillKeys(text);
      List<String> terms = new ArrayList<>();
      int points = 0;
      for (Map.Entry<String, String> e : required.entrySet()) {
        if (skills.contains(e.getKey())) {
          points += REQUIRED_POINTS;
          terms.add(e.getValue());
        }
      }
      for (Map.Entry<String, String> e : preferred.entrySet()) {
        if (skills.contains(e.getKey())) {
          points += PREFERRED_POINTS;
          terms.add(e.getValue());
        }
      }
      points += TITLE_WORD_POINTS * titleWordsIn(text) + TITLE_WORD_POINTS * titleWordsIn(w.position());
      ranked.add(new RankedWork(w, i, points, List.copyOf(terms), bestHighlights(w.highlights())));
    }
    ranked.sort(Comparator.comparingInt(RankedWork::relevance).reversed()
        .thenComparing(r -> WorkHistory.month(r.work().startDate(), false).orElse(YearMonth.of(1, 1)), Comparator.reverseOrder())
        .thenComparingInt(RankedWork::index));
    return ranked;
  }

  /**
   * The work entries to show first: up to {@code max} that show something of the job, filled up to
   * {@code min} with the most recent others when fewer do.
   */
  List<RankedWork> topWork(int min, int max) {
    List<RankedWork> ranked = rankedWork();
    List<RankedWork> top = new ArrayList<>(ranked.stream().filter(r -> r.relevance() > 0).limit(max).toList());
    if (top.size() < min) {
      ranked.stream().filter(r -> r.relevance() == 0).limit(min - top.size()).forEach(top::add);
    }
    return top;
  }

  /**
   * Up to three highlights that show most of the job (best first); when fewer than two show
   * anything, the first highlights fill up to two.
   */
  List<String> bestHighlights(List<String> highlights) {
    record Scored(String text, int index, int points) {}
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < highlights.size(); i++) {
      String h = highlights.get(i);
      if (!hasText(h)) continue;
      Set<String> skills = skillKeys(h);
      int points = (int) (REQUIRED_POINTS * required.keySet().stream().filter(skills::contains).count()
          + PREFERRED_POINTS * preferred.keySet().stream().filter(skills::contains).count()
          + TITLE_WORD_POINTS * titleWordsIn(h));
      scored.add(new Scored(h, i, points));
    }
    List<Scored> best = new ArrayList<>(scored.stream().filter(s -> s.points() > 0)
        .sorted(Comparator.comparingInt(Scored::points).reversed().thenComparingInt(Scored::index))
        .limit(3).toList());
    for (Scored s : scored) {
      if (best.size() >= 2) break;
      if (!best.contains(s)) best.add(s);
    }
    return best.stream().map(Scored::text).toList();
  }

  // ---- requirement rows -------------------------------------------------------------------------

  /**
   * One row per requirement: required skills, preferred skills, minimum years of experience,
   * education level, then languages.
   */
  List<RequirementRow> requirementRows() {
    List<RequirementRow> rows = new ArrayList<>();
    required.forEach((key, name) -> rows.add(skillRow(key, name, true)));
    preferred.forEach((key, name) -> rows.add(skillRow(key, name, false)));
    Requirements req = requirements();
    if (req.minYearsExperience() != null && req.minYearsExperience() > 0) {
      rows.add(experienceRow(req.minYearsExperience()));
    }
    if (req.educationLevel() != null) rows.add(educationRow(req.educationLevel()));
    for (LanguageRequirement lr : req.languages()) {
      if (hasText(lr.language())) rows.add(languageRow(lr));
    }
    return rows;
  }

  private RequirementRow skillRow(String key, String name, boolean isRequired) {
    List<String> evidence = skillEvidence(key);
    Optional<Boolean> verdict = verdict(isRequired ? "required_skills" : "preferred_skills",
        item -> skillKey(item).equals(key));
    return new RequirementRow(name, isRequired, verdict.orElse(!evidence.isEmpty()), evidence);
  }

  private RequirementRow experienceRow(int minYears) {
    YearMonth now = YearMonth.from(asOf);
    int positions = (int) cv.work().stream().filter(w -> WorkHistory.month(w.startDate(), false).isPresent()).count();
    int years = (int) (WorkHistory.months(cv, now) / 12);
    // the matcher's own reading of the CV's experience, when it gave one, is what the score rests on
    List<String> evidence = components.containsKey("experience")
        ? Stream.concat(components.get("experience").matched().stream(),
            components.get("experience").missing().stream())
            .filter(WordStyles::hasText).map(WordStyles::clean).distinct().limit(MAX_EVIDENCE).toList()
        : List.of();
    if (evidence.isEmpty() && positions > 0) evidence = List.of(labels.yearsInPositions(years, positions));
    boolean met = componentScore("experience").map(s -> s >= FULL_SCORE).orElse(positions > 0 && years >= minYears);
    return new RequirementRow(labels.minYears(minYears), true, met, evidence);
  }

  private RequirementRow educationRow(EducationLevel level) {
    EducationLevel best = null;
    List<String> evidence = new ArrayList<>();
    List<Education> entries = cv.education();
    for (Education e : entries) {
      Optional<EducationLevel> found = degreeLevel(nonNull(e.studyType(), e.area()));
      if (found.isPresent() && (best == null || found.get().compareTo(best) > 0)) best = found.get();
    }
    for (Education e : entries) {
      Optional<EducationLevel> found = degreeLevel(nonNull(e.studyType(), e.area()));
      boolean qualifies = found.isPresent() && found.get().meets(level);
      if ((qualifies || best == null) && evidence.size() < MAX_EVIDENCE) {
        String text = educationText(e);
        if (!text.isEmpty()) evidence.add(text);
      }
    }
    EducationLevel highest = best;
    boolean met = componentScore("education").map(s -> s >= FULL_SCORE)
        .orElse(highest != null && highest.meets(level));
    return new RequirementRow(labels.educationRequirement(level), true, met, evidence);
  }

  private RequirementRow languageRow(LanguageRequirement lr) {
    String name = labels.languageName(lr.language());
    String shown = lr.level() == null ? name : name + " (" + labels.cefr(lr.level()) + ")";
    String code = languageCode(lr.language());
    List<String> evidence = new ArrayList<>();
    boolean ownVerdict = false;
    for (Language l : cv.languages()) {
      if (!hasText(l.language()) || !sameLanguage(code, l.language())) continue;
      Optional<CefrLevel> level = fluencyLevel(l.fluency());
      String text = hasText(l.fluency()) ? clean(l.language()) + " — " + clean(l.fluency()) : clean(l.language());
      if (lr.level() != null && level.isEmpty()) text += " (" + labels.get(OfferLabels.Key.LEVEL_NOT_STATED) + ")";
      if (evidence.size() < MAX_EVIDENCE) evidence.add(text);
      ownVerdict |= lr.level() == null || level.map(found -> found.meets(lr.level())).orElse(false);
    }
    Optional<Boolean> verdict = verdict("languages", item -> mentionsLanguage(item, code, lr.language()));
    return new RequirementRow(shown, lr.required(), verdict.orElse(ownVerdict), evidence);
  }

  /**
   * The match analysis's verdict on a requirement: not met if the component lists it as missing,
   * met if it lists it as matched; empty when the component does not name it.
   */
  private Optional<Boolean> verdict(String componentId, Predicate<String> names) {
    Component c = components.get(componentId);
    if (c == null) return Optional.empty();
    if (c.missing().stream().anyMatch(names)) return Optional.of(false);
    if (c.matched().stream().anyMatch(names)) return Optional.of(true);
    return Optional.empty();
  }

  private Optional<Double> componentScore(String componentId) {
    Component c = components.get(componentId);
    return c == null || Double.isNaN(c.score()) ? Optional.empty() : Optional.of(c.score());
  }

  /** Where the CV shows skill {@code key}: skills section, positions, projects, certificates, education. */
  List<String> skillEvidence(String key) {
    Set<String> evidence = new LinkedHashSet<>();
    for (Skill s : cv.skills()) {
      String text = nonNull(s.name(), String.join(", ", s.keywords()));
      if (skillKeys(text).contains(key)) {
        String skills = labels.get(Labels.Key.SKILLS);
        evidence.add(hasText(s.name()) ? labels.labelled(skills) + clean(s.name()) : skills);
        break;
      }
    }
    for (Work w : cv.work()) {
      String text = nonNull(w.position(), w.description(), w.summary(), String.join("\n", w.highlights()));
      if (skillKeys(text).contains(key)) {
        String where = hasText(w.name()) ? clean(w.name()) : clean(w.position());
        String years = labels.labels().dateRange(year(w.startDate()), year(w.endDate()));
        if (!where.isEmpty()) evidence.add(years.isEmpty() ? where : where + " (" + years + ")");
      }
    }
    for (Project p : cv.projects()) {
      String text = nonNull(p.name(), p.description(), String.join("\n", p.keywords()),
          String.join("\n", p.highlights()));
      if (skillKeys(text).contains(key) && hasText(p.name())) {
        evidence.add(labels.get(OfferLabels.Key.PROJECT) + " " + clean(p.name()));
      }
    }
    for (Certificate c : cv.certificates()) {
      if (hasText(c.name()) && skillKeys(c.name()).contains(key)) evidence.add(clean(c.name()));
    }
    for (Education e : cv.education()) {
      String text = nonNull(e.area(), e.studyType(), String.join("\n", e.courses()));
      if (skillKeys(text).contains(key)) {
        String shown = educationText(e);
        if (!shown.isEmpty()) evidence.add(shown);
      }
    }
    if (evidence.isEmpty() && skillKeys(nonNull(cv.basics().label(), cv.basics().summary())).contains(key)) {
      evidence.add(labels.get(OfferLabels.Key.PROFILE));
    }
    return evidence.stream().limit(MAX_EVIDENCE).toList();
  }

  private String educationText(Education e) {
    String degree = Stream.of(e.studyType(), e.area()).filter(WordStyles::hasText).map(WordStyles::clean)
        .collect(Collectors.joining(", "));
    String institution = clean(e.institution());
    if (degree.isEmpty()) return institution;
    return institution.isEmpty() ? degree : degree + " — " + institution;
  }

  // ---- terms --------------------------------------------------------------------------------------

  /**
   * The keys of the skills {@code text} mentions: every vocabulary mention by its canonical name,
   * and every job skill whose own words stand in the text as a whole term.
   */
  Set<String> skillKeys(String text) {
    Set<String> keys = new LinkedHashSet<>();
    if (!hasText(text)) return keys;
    for (SkillVocabulary.SkillMention m : vocabulary.find(text)) {
      keys.add(skillKey(m.term().name()));
    }
    for (Map<String, String> skills : List.of(required, preferred)) {
      skills.forEach((key, name) -> {
        if (!keys.contains(key) && skillPattern(name).matcher(text).find()) keys.add(key);
      });
    }
    return keys;
  }

  private Pattern skillPattern(String name) {
    return skillPatterns.computeIfAbsent(name, n -> Pattern.compile(
        "(?<![\\p{L}\\p{N}+#])" + Pattern.quote(n) + "(?![\\p{L}\\p{N}+#])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  /** The comparison key of a skill: its canonical name, lower case. */
  String skillKey(String skill) {
    String c = clean(skill);
    return c.isEmpty() ? "" : vocabulary.canonicalName(c).toLowerCase(Locale.ROOT);
  }

  private Map<String, String> skillMap(Collection<String> skills, Map<String, String> exclude) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String s : skills) {
      String c = clean(s);
      if (c.isEmpty()) continue;
      String key = skillKey(c);
      if (!exclude.containsKey(key)) map.putIfAbsent(key, vocabulary.canonicalName(c));
    }
    return map;
  }

  /** The words of a job title that say something about the work, lower case, in order, once each. */
  static List<String> titleWords(String title) {
    if (!hasText(title)) return List.of();
    return Arrays.stream(WORD_SPLIT.split(clean(title).toLowerCase(Locale.ROOT)))
        .filter(w -> w.length() >= 2 && !TITLE_STOPWORDS.contains(w) && !w.chars().allMatch(Character::isDigit))
        .distinct().toList();
  }

  /** How many of the title words {@code text} shows (whole words, or inside compounds when long). */
  private int titleWordsIn(String text) {
    if (!hasText(text) || titleWords.isEmpty()) return 0;
    List<String> words = Arrays.stream(WORD_SPLIT.split(text.toLowerCase(Locale.ROOT)))
        .filter(w -> !w.isEmpty()).toList();
    int count = 0;
    for (String t : titleWords) {
      for (String w : words) {
        if (w.equals(t) || (t.length() >= COMPOUND_MIN && w.contains(t))
            || (w.length() >= COMPOUND_MIN && t.contains(w))) {
          count++;
          break;
        }
      }
    }
    return count;
  }

  // ---- languages, levels, dates ----------------------------------------------------------------------

  /** The CEFR level a fluency text states or implies ("C1", "fluent", "Muttersprache"), if any. */
  static Optional<CefrLevel> fluencyLevel(String fluency) {
    return LanguageLevels.level(fluency);
  }

  /** The education level a degree text names ("MSc", "Diplom-Informatiker", "Licence"), if any. */
  static Optional<EducationLevel> degreeLevel(String degree) {
    return EducationLevels.of(degree);
  }

  /** The ISO 639 code of a language given by code or by name in en/de/fr or its own name; else the name. */
  static String languageCode(String language) {
    String l = stripAccents(clean(language).toLowerCase(Locale.ROOT));
    if (l.length() == 2 && l.chars().allMatch(Character::isLetter)) return l;
    return LANGUAGE_CODES.getOrDefault(l, l);
  }

  private static boolean sameLanguage(String code, String cvLanguage) {
    return languageCode(cvLanguage).equals(code);
  }

  /** True if a matcher's item ("German C1", "Deutsch") names the language. */
  private static boolean mentionsLanguage(String item, String code, String given) {
    String i = stripAccents(clean(item).toLowerCase(Locale.ROOT));
    if (i.isEmpty()) return false;
    for (String word : WORD_SPLIT.split(i)) {
      if (!word.isEmpty() && (word.equals(code) || code.equals(LANGUAGE_CODES.get(word)))) return true;
    }
    return i.contains(stripAccents(clean(given).toLowerCase(Locale.ROOT)));
  }

  private static Map<String, String> languageCodes() {
    Map<String, String> codes = new HashMap<>();
    List<Locale> in = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);
    for (String code : Locale.getISOLanguages()) {
      Locale language = Locale.forLanguageTag(code);
      for (Locale display : in) {
        putName(codes, language.getDisplayLanguage(display), code);
      }
      putName(codes, language.getDisplayLanguage(language), code);
    }
    codes.put("mandarin", "zh");
    return Map.copyOf(codes);
  }

  private static void putName(Map<String, String> codes, String name, String code) {
    if (name != null && !name.isBlank() && !name.equalsIgnoreCase(code)) {
      codes.putIfAbsent(stripAccents(name.toLowerCase(Locale.ROOT)), code);
    }
  }

  /** The year of a JSON Resume date ("2021-03" -> "2021"), or the value unchanged. */
  private static String year(String date) {
    if (date == null) return null;
    Matcher m = ISO_DATE.matcher(date.strip());
    return m.matches() ? m.group(1) : date;
  }

  static boolean hasContent(Work w) {
    return hasText(w.position()) || hasText(w.name()) || hasText(w.summary())
        || w.highlights().stream().anyMatch(WordStyles::hasText);
  }

  private static String nonNull(String... parts) {
    return Arrays.stream(parts).filter(Objects::nonNull).collect(Collectors.joining("\n"));
  }

  private static String stripAccents(String text) {
    return DIACRITICS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
  }
}
