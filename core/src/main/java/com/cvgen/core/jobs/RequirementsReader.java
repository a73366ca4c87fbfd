package com.cvgen.core.jobs;

import com.cvgen.core.jobs.Cues.Status;
import com.cvgen.core.jobs.LanguageLevels.LanguageMention;
import com.cvgen.core.jobs.Statement.Context;
import com.cvgen.core.model.CefrLevel;
import com.cvgen.core.model.EducationLevel;
import com.cvgen.core.model.JobProfile.LanguageRequirement;
import com.cvgen.core.model.JobProfile.Requirements;
import com.cvgen.core.skills.SkillVocabulary;
import com.cvgen.core.skills.SkillVocabulary.SkillMention;
import com.cvgen.core.text.LanguageDetector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Derives the normalised {@link Requirements} of a job from its statements, whatever the input was
 * (a JSON job, a PDF, a text): skills by canonical name split into required and preferred, minimum
 * years of experience, the lowest education level that qualifies, languages with CEFR levels, and
 * the posting's language.
 *
 * <p>Each mention's status comes from its section (requirements: required, nice-to-have: a plus,
 * responsibilities and role: a plus when the posting lists requirements elsewhere, else required)
 * unless the words around it say otherwise (see {@link Cues}). A skill both required and preferred
 * is required. Skills from JSON keyword groups keep their group's status (required unless the
 * group's name or level says nice-to-have).
 */
final class RequirementsReader {
  /** A JSON skills group: its keywords, and whether its name or level marks it nice-to-have. */
  record KeywordGroup(List<String> keywords, boolean preferred) {}

  /** A language a JSON job lists, with its fluency text ("Fluent", "Nice to have"). */
  record LanguageEntry(String language, String fluency) {}

  private static final Set<Context> PRIMARY = EnumSet.of(Context.REQUIRED, Context.LANGUAGES, Context.TITLE);
  private static final Set<Context> SECONDARY = EnumSet.of(Context.ROLE, Context.OTHER);

  private static final String NUMBER = "(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen"
      + "|ein|eine|einem|einen|zwei|drei|vier|funf|fuenf|sechs|sieben|acht|neun|zehn"
      + "|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)";
  /** "6+ years", "5-7 years", "mindestens 5 Jahre", "3 à 5 ans", on folded text. */
  private static final Pattern YEARS = Pattern.compile("(?<![\\p{L}\\p{N}+])" + NUMBER
      + "\\s*(?:\\+|plus)?\\s*(?:(?:-|\u2013|\u2014|to|bis|a)\\s*" + NUMBER + "\\s*\\+?\\s*)?"
      + "(?:years?|yrs?|jahren|jahre|jahr|ans|annees|annee)(?![\\p{L}])");
  /** Words that make a number of years one of experience (folded). */
  private static final Pattern EXPERIENCE_CUE = Pattern.compile(
      "experience|erfahrung|expertise|background|track record|praxis|tatig|worked|working"
      + "|years?'?\\s+(?:of|in|as|with|at|on)\\b|years?\\s+\\p{L}+ing\\b"
      + "|jahren?\\s+(?:als|in|im|mit|bei)\\b|(?:ans|annees?)\\s+(?:d'|dans|en|sur|comme|chez)");
  private static final Map<String, Integer> NUMBER_WORDS = numberWords();

  private static final List<Map.Entry<Pattern, EducationLevel>> EDUCATION = education();

  private final SkillVocabulary vocabulary;
  private final JobTerms terms;
  private final Cues cues;

  RequirementsReader(SkillVocabulary vocabulary, JobTerms terms) {
    this.vocabulary = vocabulary;
    this.terms = terms;
    this.cues = new Cues(terms);
  }

  Requirements read(List<Statement> statements, List<KeywordGroup> groups, List<LanguageEntry> languages,
      String experience) {
    boolean listsRequirements = !groups.isEmpty()
        || statements.stream().anyMatch(s -> s.context() == Context.REQUIRED || s.context() == Context.LANGUAGES);
    boolean describesRole = statements.stream().anyMatch(s -> SECONDARY.contains(s.context()));
    Map<String, Boolean> skills = skills(statements, groups, listsRequirements, describesRole);
    List<String> required = skills.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    List<String> preferred = skills.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();

    Integer years = firstFound(statements, listsRequirements, this::years);
    if (years == null && experience != null) years = yearsIn(experience, Status.REQUIRED, true);
    EducationLevel education = firstFound(statements, listsRequirements, this::education);
    List<LanguageRequirement> langs = languages(statements, languages, listsRequirements);
    String all = statements.stream().map(Statement::text).collect(Collectors.joining("\n"));
    String language = LanguageDetector.detect(all);
    return new Requirements(required, preferred, years, education, langs,
        LanguageDetector.UNDETERMINED.equals(language) ? null : language);
  }

  // ---- skills ----

  private Map<String, Boolean> skills(List<Statement> statements, List<KeywordGroup> groups,
      boolean listsRequirements, boolean describesRole) {
    Map<String, Boolean> fixed = new LinkedHashMap<>();
    for (KeywordGroup g : groups) {
      for (String keyword : g.keywords()) {
        for (String name : canonicalNames(keyword)) fixed.merge(name, !g.preferred(), Boolean::logicalOr);
      }
    }
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (Statement s : statements) {
      if (s.context() == Context.TITLE) mentions(s, Status.REQUIRED, fixed, out);
    }
    fixed.forEach((name, req) -> out.merge(name, req, Boolean::logicalOr));
    for (Statement s : statements) {
      Status base = switch (s.context()) {
        case TITLE, IGNORED -> null;
        case REQUIRED, LANGUAGES -> Status.REQUIRED;
        case PREFERRED -> Status.PREFERRED;
        case ROLE, OTHER -> listsRequirements ? Status.PREFERRED : Status.REQUIRED;
        case COMPANY -> listsRequirements || describesRole ? null : Status.REQUIRED;
      };
      if (base != null) mentions(s, base, fixed, out);
    }
    return out;
  }

  private void mentions(Statement s, Status base, Map<String, Boolean> fixed, Map<String, Boolean> out) {
    List<SkillMention> found = vocabulary.find(s.text());
    if (found.isEmpty()) return;
    Cues.Analysis analysis = cues.analyse(s.text());
    for (SkillMention m : found) {
      String name = m.term().name();
      boolean required = fixed.containsKey(name) ? fixed.get(name)
          : analysis.statusAt(m.from(), m.to(), base) == Status.REQUIRED;
      out.merge(name, required, Boolean::logicalOr);
    }
  }

  /** A keyword's canonical names: the term it names, else the terms it mentions, else itself. */
  private List<String> canonicalNames(String keyword) {
    if (keyword == null || keyword.isBlank()) return List.of();
    Optional<SkillVocabulary.SkillTerm> term = vocabulary.canonical(keyword);
    if (term.isPresent()) return List.of(term.get().name());
    List<String> mentioned = vocabulary.termsIn(keyword).stream().map(SkillVocabulary.SkillTerm::name).toList();
    return mentioned.isEmpty() ? List.of(keyword.strip().replaceAll("\\s+", " ")) : mentioned;
  }

  // ---- years and education ----

  /**
   * The first non-null answer from the requirement statements (required clauses only), else, when
   * the posting lists no requirements, from its role statements.
   */
  private <T> T firstFound(List<Statement> statements, boolean listsRequirements,
      java.util.function.BiFunction<List<Statement>, Status, T> reader) {
    T found = reader.apply(statements.stream().filter(s -> PRIMARY.contains(s.context())).toList(), Status.REQUIRED);
    if (found != null || listsRequirements) return found;
    return reader.apply(statements.stream().filter(s -> SECONDARY.contains(s.context())).toList(), Status.REQUIRED);
  }

  private Integer years(List<Statement> statements, Status base) {
    Integer best = null;
    for (Statement s : statements) {
      Integer y = yearsIn(s.text(), base, false);
      if (y != null && (best == null || y > best)) best = y;
    }
    return best;
  }

  /** The largest lower bound of years of experience asked for in required clauses of the text. */
  private Integer yearsIn(String text, Status base, boolean experienceField) {
    String folded = Phrases.fold(text);
    Matcher m = YEARS.matcher(folded);
    Integer best = null;
    Cues.Analysis analysis = null;
    while (m.find()) {
      Integer n = NUMBER_WORDS.get(m.group(1));
      if (n == null) n = Integer.valueOf(m.group(1));
      if (n < 1 || n > 40) continue;
      if (analysis == null) analysis = cues.analyse(text);
      int[] sentence = analysis.sentence(m.start());
      String clause = folded.substring(sentence[0], Math.max(sentence[0], sentence[1]));
      if (!experienceField && !EXPERIENCE_CUE.matcher(clause).find()) continue;
      if (analysis.statusAt(m.start(), m.end(), base) != Status.REQUIRED) continue;
      if (best == null || n > best) best = n;
    }
    return best;
  }

  private EducationLevel education(List<Statement> statements, Status base) {
    EducationLevel lowest = null;
    for (Statement s : statements) {
      Cues.Analysis analysis = null;
      for (Map.Entry<Pattern, EducationLevel> e : EDUCATION) {
        Matcher m = e.getKey().matcher(s.text());
        while (m.find()) {
          if (analysis == null) analysis = cues.analyse(s.text());
          if (analysis.statusAt(m.start(), m.end(), base) != Status.REQUIRED) continue;
          if (lowest == null || e.getValue().compareTo(lowest) < 0) lowest = e.getValue();
        }
      }
    }
    return lowest;
  }

  // ---- languages ----

  private List<LanguageRequirement> languages(List<Statement> statements, List<LanguageEntry> entries,
      boolean listsRequirements) {
    Map<String, LanguageRequirement> out = new LinkedHashMap<>();
    for (LanguageEntry e : entries) {
      if (e.language() == null || e.language().isBlank()) continue;
      String name = LanguageLevels.language(e.language()).orElse(e.language().strip());
      String fluency = e.fluency() == null ? "" : e.fluency();
      boolean preferred = cues.preferred(fluency) || terms.heading(fluency).filter(
          k -> k == JobTerms.SectionKind.NICE_TO_HAVE).isPresent();
      add(out, new LanguageRequirement(name, LanguageLevels.level(fluency).orElse(null), !preferred));
    }
    List<LanguageRequirement> found = new ArrayList<>();
    for (Statement s : statements) {
      Status base = switch (s.context()) {
        case REQUIRED, LANGUAGES, TITLE -> Status.REQUIRED;
        case PREFERRED -> Status.PREFERRED;
        default -> null;
      };
      if (base != null) found.addAll(languagesIn(s, base, false));
    }
    if (found.isEmpty() && !listsRequirements) {
      for (Statement s : statements) {
        if (SECONDARY.contains(s.context())) found.addAll(languagesIn(s, Status.REQUIRED, true));
      }
    }
    found.forEach(l -> add(out, l));
    return List.copyOf(out.values());
  }

  /** Keeps one requirement per language: a required one over a plus, the first of equals. */
  private static void add(Map<String, LanguageRequirement> out, LanguageRequirement l) {
    LanguageRequirement old = out.get(l.language());
    if (old == null || !old.required() && l.required()) out.put(l.language(), l);
    else if (old.level() == null && l.level() != null && old.required() == l.required()) out.put(l.language(), l);
  }

  private static final Pattern LANGUAGE_CUE = Pattern.compile(
      "kenntnisse|sprache|sprachig|language|skills|speak|spoken|written|writing|parle|ecrit|langue|niveau|level"
      + "|oral|proficien|command|mastery|maitrise|communicat");
  private static final Pattern LIST_BREAK = Pattern.compile(
      "[,;/]|\\b(?:und|and|et|sowie|as well as|oder|or|ou|plus)\\b", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern AND = Pattern.compile("^\\s*(?:und|and|et|sowie|&|or|oder|ou|/)\\s*$");
  private static final Pattern OR = Pattern.compile("^\\s*(?:or|oder|ou|bzw\\.?|/)\\s*$");

  private List<LanguageRequirement> languagesIn(Statement s, Status base, boolean needLevel) {
    String text = s.text();
    String folded = Phrases.fold(text);
    List<LanguageMention> mentions = LanguageLevels.find(text);
    List<LanguageRequirement> out = new ArrayList<>();
    int n = mentions.size();
    if (n == 0) return out;
    int[] from = new int[n];
    int[] to = new int[n];
    String[] joins = new String[n];
    for (int i = 0; i < n; i++) {
      from[i] = i == 0 ? 0 : to[i - 1];
      if (i + 1 < n) {
        int gapStart = mentions.get(i).end();
        int gapEnd = mentions.get(i + 1).start();
        int cut = -1;
        Matcher b = LIST_BREAK.matcher(folded).region(gapStart, gapEnd);
        while (b.find()) cut = b.start();
        to[i] = cut < 0 ? gapStart : cut;
        joins[i] = folded.substring(mentions.get(i).end(), gapEnd);
      } else {
        to[i] = text.length();
      }
    }
    boolean shortItem = text.strip().split("\\s+").length <= 4;
    CefrLevel[] levels = new CefrLevel[n];
    for (int i = 0; i < n; i++) {
      String scope = text.substring(from[i], to[i]);
      levels[i] = LanguageLevels.level(scope).orElse(null);
    }
    for (int i = 0; i < n; i++) {
      if (levels[i] != null) continue;
      // "Deutsch und Englisch fließend", "fluent German or French": one level for both
      if (i + 1 < n && AND.matcher(joins[i]).matches() && levels[i + 1] != null) levels[i] = levels[i + 1];
      else if (i > 0 && AND.matcher(joins[i - 1]).matches() && levels[i - 1] != null) levels[i] = levels[i - 1];
    }
    // each language's own words decide ("Fluent English, German is a plus"); one without a cue of
    // its own shares the status of the languages listed after it when it is an alternative to them
    // ("Fluency in German or French would be nice") or has no level of its own ("English, French or
    // Spanish are a plus"), not when it is a separate item ("Deutsch fließend und Englisch von Vorteil")
    Status[] status = new Status[n];
    boolean[] cued = new boolean[n];
    for (int i = n - 1; i >= 0; i--) {
      LanguageMention m = mentions.get(i);
      Status own = n == 1 ? cues.cueAt(text, m.start(), m.end())
          : cues.cueAt(text.substring(from[i], to[i]), m.start() - from[i], m.end() - from[i]);
      boolean ownLevel = LanguageLevels.level(text.substring(from[i], to[i])).isPresent();
      boolean inherits = own == null && i + 1 < n && (!ownLevel || OR.matcher(joins[i]).matches());
      cued[i] = own != null || inherits && cued[i + 1];
      status[i] = own != null ? own : inherits ? status[i + 1] : null;
    }
    for (int i = 0; i < n; i++) {
      LanguageMention m = mentions.get(i);
      String scope = folded.substring(from[i], to[i]);
      boolean named = s.context() == Context.LANGUAGES || shortItem || levels[i] != null || cued[i]
          || LANGUAGE_CUE.matcher(scope).find() || folded.substring(m.start(), m.end()).contains("kenntnisse");
      if (!named || needLevel && levels[i] == null) continue;
      boolean required = (status[i] == null ? base : status[i]) == Status.REQUIRED;
      out.add(new LanguageRequirement(m.language(), levels[i], required));
    }
    return out;
  }

  // ---- tables ----

  private static Map<String, Integer> numberWords() {
    Map<String, Integer> m = new java.util.HashMap<>();
    String[][] words = {
        {"one", "ein", "eine", "einem", "einen", "un", "une"}, {"two", "zwei", "deux"}, {"three", "drei", "trois"},
        {"four", "vier", "quatre"}, {"five", "funf", "fuenf", "cinq"}, {"six", "sechs"}, {"seven", "sieben", "sept"},
        {"eight", "acht", "huit"}, {"nine", "neun", "neuf"}, {"ten", "zehn", "dix"}};
    for (int i = 0; i < words.length; i++) for (String w : words[i]) m.put(w, i + 1);
    m.put("twelve", 12);
    m.put("fifteen", 15);
    return Map.copyOf(m);
  }

  private static List<Map.Entry<Pattern, EducationLevel>> education() {
    List<Map.Entry<Pattern, EducationLevel>> l = new ArrayList<>();
    Function<String, Pattern> ci = p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
        | Pattern.UNICODE_CHARACTER_CLASS);
    Function<String, Pattern> cs = p -> Pattern.compile(p, Pattern.UNICODE_CHARACTER_CLASS);
    for (Pattern p : List.of(ci.apply("\\bPh\\.?\\s?D\\b\\.?"), ci.apply("\\bdoctora(?:te|l degree)\\b"),
        cs.apply("\\b(?:abgeschlossene\\s+)?Promotion\\b"), ci.apply("\\bpromoviert"), cs.apply("\\bDoktor(?:at|grad|titel)?\\b"),
        ci.apply("\\bdoctorat\\b"))) {
      l.add(Map.entry(p, EducationLevel.DOCTORATE));
    }
    for (Pattern p : List.of(
        ci.apply("(?<!scrum[\\s-])\\bmaster(?:'s|\u2019s|s)?\\b(?!\\s*(?:data|of ceremonies|plan))"),
        cs.apply("\\bM\\.?\\s?Sc\\b\\.?"), cs.apply("\\bMBA\\b"), cs.apply("\\bM\\.?\\s?Eng\\b\\.?"),
        cs.apply("\\bDiplom(?:-\\w+)?\\b"), cs.apply("\\bDipl\\.-?\\s?\\w+"), cs.apply("\\b(?:Magister|Staatsexamen)\\b"),
        ci.apply("\\bbac\\s?\\+\\s?[5-8]\\b"), ci.apply("\\bdipl[oô]me\\s+d['\u2019]\\s?ing[ée]nieurs?\\b"),
        ci.apply("\\b[ée]cole\\s+d['\u2019]\\s?ing[ée]nieurs?\\b"), ci.apply("\\bgrandes?\\s+[ée]coles?\\b"))) {
      l.add(Map.entry(p, EducationLevel.MASTER));
    }
    for (Pattern p : List.of(
        ci.apply("\\bbachelor(?:'s|\u2019s|s)?\\b"), cs.apply("\\bB\\.?\\s?Sc\\b\\.?"), cs.apply("\\bB\\.?\\s?A\\b\\.?(?!\\w)"),
        cs.apply("\\bB\\.?\\s?Eng\\b\\.?"), ci.apply("\\bundergraduate\\b"),
        ci.apply("\\b(?:university|college|academic|undergraduate|technical|relevant|stem|engineering)\\s+degree\\b"),
        ci.apply("\\bdegree\\s+(?:in|from)\\b"), ci.apply("\\b(?:a|an)\\s+(?:\\w+\\s+){0,2}degree\\b(?!\\s+of)"),
        ci.apply("\\b(?!selbst)\\w*studium\\b"), ci.apply("\\b(?:Hochschul|Universitäts|Fachhochschul|FH-|Uni-)abschlus{1,2}\\b"),
        ci.apply("\\bFachhochschule\\b"), cs.apply("\\bFH\\b"), cs.apply("\\bLicence\\b"),
        ci.apply("\\blicence\\s+(?:en|pro|professionnelle)\\b"), ci.apply("\\bbac\\s?\\+\\s?[34]\\b"))) {
      l.add(Map.entry(p, EducationLevel.BACHELOR));
    }
    for (Pattern p : List.of(
        ci.apply("\\bassociate(?:'s|\u2019s)?\\s+degree\\b"), ci.apply("\\bbac\\s?\\+\\s?2\\b"),
        cs.apply("\\b(?:BTS|DUT|BUT|HND)\\b"), cs.apply("\\b(?:staatlich\\s+geprüfte[rn]?\\s+)?Techniker(?:in)?\\b"),
        cs.apply("\\bMeister(?:in)?\\b"))) {
      l.add(Map.entry(p, EducationLevel.ASSOCIATE));
    }
    for (Pattern p : List.of(
        ci.apply("\\bBerufsausbildung\\b"), ci.apply("\\b(?:abgeschlossene|kaufmännische|technische|gewerbliche|duale|IT-)\\s*Ausbildung\\b"),
        ci.apply("\\bAusbildung\\s+(?:als|zum|zur|im|in\\s+einem)\\b"), ci.apply("\\bFachinformatiker"),
        ci.apply("\\babgeschlossene\\s+Lehre\\b"), ci.apply("\\bvocational\\s+(?:training|qualification|degree|school)\\b"),
        ci.apply("\\bapprenticeship\\b"), cs.apply("\\b(?:CAP|BEP)\\b"), ci.apply("\\bbac\\s?pro(?:fessionnel)?\\b"))) {
      l.add(Map.entry(p, EducationLevel.VOCATIONAL));
    }
    for (Pattern p : List.of(
        ci.apply("\\b(?:Fach)?abitur\\b"), ci.apply("\\b(?:Fach)?hochschulreife\\b"), cs.apply("\\bMatura\\b"),
        ci.apply("\\bhigh\\s+school\\b"), cs.apply("\\bA-levels?\\b"), cs.apply("\\bGED\\b"),
        ci.apply("\\bbaccalaur[ée]at\\b"), cs.apply("\\b[Bb]ac\\b(?!\\s?\\+)(?!\\s?pro)"),
        ci.apply("\\bmittlere\\s+reife\\b"), ci.apply("\\bRealschulabschluss\\b"), ci.apply("\\bsecondary\\s+school\\b"))) {
      l.add(Map.entry(p, EducationLevel.SECONDARY));
    }
    return List.copyOf(l);
  }
}
