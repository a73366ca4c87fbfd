package com.cvgen.core.jobs;

import com.cvgen.core.model.CefrLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spoken languages and their levels as postings and CVs write them, in English, German and French.
 *
 * <p>{@link #language(String)} names a language in English ("Deutsch", "allemand",
 * "Deutschkenntnisse" -> "German"); {@link #level(String)} reads a level: a CEFR code ("C1", "B2/C1"
 * -> the lower), else the longest level phrase ("fließend", "verhandlungssicher", "courant",
 * "fluent", "business fluent" -> C1; "bilingue" -> C2; "Muttersprache", "native" -> NATIVE; "gute
 * Kenntnisse", "professional", "professionnel" -> B2; "intermediate" -> B1; "Grundkenntnisse",
 * "basic", "notions" -> A2; "beginner" -> A1). Stateless and thread-safe.
 */
public final class LanguageLevels {
  /** A language named at [start, end) of a text, by its English name. */
  public record LanguageMention(String language, int start, int end) {}

  private static final Map<String, List<String>> NAMES = names();

  /** Language names (folded) -> English name, longest first. */
  private static final Pattern LANGUAGE = languagePattern();

  private static final Map<String, CefrLevel> PHRASES = phrases();
  private static final Pattern PHRASE = phrasePattern();
  private static final Pattern CEFR = Pattern.compile("(?<![\\p{L}\\p{N}])([ABC][12])(?![\\p{L}\\p{N}])");

  private LanguageLevels() {}

  /** The English name of the language a text names as a whole ("Deutsch" -> "German"), if known. */
  public static Optional<String> language(String text) {
    if (text == null) return Optional.empty();
    String t = text.strip();
    List<LanguageMention> found = find(t);
    return found.size() == 1 && found.getFirst().start() == 0 && found.getFirst().end() == t.length()
        ? Optional.of(found.getFirst().language()) : Optional.empty();
  }

  /** Every language named in a text, in order ("Deutschkenntnisse", "Englisch", "anglais", ...). */
  public static List<LanguageMention> find(String text) {
    List<LanguageMention> out = new ArrayList<>();
    if (text == null || text.isEmpty()) return out;
    Matcher m = LANGUAGE.matcher(Phrases.fold(text));
    while (m.find()) {
      String name = null;
      for (Map.Entry<String, List<String>> e : NAMES.entrySet()) {
        if (m.group(e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")) != null) {
          name = e.getKey();
          break;
        }
      }
      out.add(new LanguageMention(name, m.start(), m.end()));
    }
    return out;
  }

  /** The CEFR level a text gives, if any: the lowest CEFR code, else the longest level phrase. */
  public static Optional<CefrLevel> level(String text) {
    if (text == null || text.isBlank()) return Optional.empty();
    Matcher codes = CEFR.matcher(text);
    CefrLevel lowest = null;
    while (codes.find()) {
      CefrLevel l = CefrLevel.valueOf(codes.group(1));
      if (lowest == null || l.compareTo(lowest) < 0) lowest = l;
    }
    if (lowest != null) return Optional.of(lowest);
    Matcher m = PHRASE.matcher(Phrases.fold(text));
    String best = null;
    while (m.find()) {
      if (best == null || m.group().length() > best.length()) best = m.group();
    }
    return best == null ? Optional.empty() : Optional.of(PHRASES.get(best.replaceAll("\\s+", " ")));
  }

  private static Map<String, List<String>> names() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("English", List.of("english", "englisch", "anglais", "ingles", "inglese", "engels"));
    m.put("German", List.of("german", "deutsch", "allemand", "aleman", "tedesco", "duits"));
    m.put("French", List.of("french", "franzosisch", "franzoesisch", "francais", "frances", "francese", "frans"));
    m.put("Spanish", List.of("spanish", "spanisch", "espagnol", "espanol", "castellano", "spagnolo"));
    m.put("Italian", List.of("italian", "italienisch", "italien", "italiano"));
    m.put("Portuguese", List.of("portuguese", "portugiesisch", "portugais", "portugues", "portoghese"));
    m.put("Dutch", List.of("dutch", "niederlandisch", "neerlandais", "nederlands", "flemish", "flamisch"));
    m.put("Polish", List.of("polish", "polnisch", "polonais"));
    m.put("Russian", List.of("russian", "russisch", "russe"));
    m.put("Ukrainian", List.of("ukrainian", "ukrainisch", "ukrainien"));
    m.put("Czech", List.of("czech", "tschechisch", "tcheque"));
    m.put("Hungarian", List.of("hungarian", "ungarisch", "hongrois"));
    m.put("Romanian", List.of("romanian", "rumanisch", "roumain"));
    m.put("Greek", List.of("greek", "griechisch", "grec"));
    m.put("Turkish", List.of("turkish", "turkisch", "turc"));
    m.put("Swedish", List.of("swedish", "schwedisch", "suedois"));
    m.put("Danish", List.of("danish", "danisch", "danois"));
    m.put("Norwegian", List.of("norwegian", "norwegisch", "norvegien"));
    m.put("Finnish", List.of("finnish", "finnisch", "finnois"));
    m.put("Chinese", List.of("chinese", "mandarin", "chinesisch", "chinois"));
    m.put("Japanese", List.of("japanese", "japanisch", "japonais"));
    m.put("Korean", List.of("korean", "koreanisch", "coreen"));
    m.put("Arabic", List.of("arabic", "arabisch", "arabe"));
    m.put("Hebrew", List.of("hebrew", "hebraisch", "hebreu"));
    m.put("Hindi", List.of("hindi"));
    m.put("Luxembourgish", List.of("luxembourgish", "luxemburgisch", "luxembourgeois"));
    m.put("Catalan", List.of("catalan", "katalanisch"));
    return m;
  }

  private static Pattern languagePattern() {
    StringBuilder sb = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
    boolean first = true;
    for (Map.Entry<String, List<String>> e : NAMES.entrySet()) {
      if (!first) sb.append('|');
      first = false;
      String group = e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      sb.append("(?<").append(group).append(">")
          .append(String.join("|", e.getValue().stream().sorted((a, b) -> b.length() - a.length()).toList()))
          .append(')');
    }
    // German compounds and the French "langue x": Englischkenntnisse, Deutsch-Kenntnisse
    sb.append(")(?:-?(?:sprach)?kenntnisse|-?sprachig)?(?![\\p{L}\\p{N}])");
    return Pattern.compile(sb.toString());
  }

  private static Map<String, CefrLevel> phrases() {
    Map<String, CefrLevel> m = new LinkedHashMap<>();
    put(m, CefrLevel.NATIVE, "native", "native speaker", "native language", "mother tongue", "first language",
        "muttersprache", "muttersprachlich", "muttersprachler", "muttersprachlerin", "muttersprachliche",
        "muttersprachlichen", "langue maternelle", "natif", "native-level", "native level", "niveau natif",
        "native or bilingual", "native or bilingual proficiency");
    put(m, CefrLevel.C2, "bilingual", "bilingue", "zweisprachig", "near-native", "near native", "perfect",
        "perfekt", "perfekte", "perfektes", "parfait", "parfaite", "parfaitement", "excellent command");
    put(m, CefrLevel.C1, "fluent", "fluently", "fluency", "business fluent", "business-fluent",
        "verhandlungssicher", "verhandlungssichere", "verhandlungssicheres", "fliessend", "fließend",
        "fließende", "fliessende", "courant", "couramment", "excellent", "excellente", "exzellent",
        "exzellente", "very good", "sehr gut", "sehr gute", "sehr guten", "sehr gutes", "tres bon", "tres bonne",
        "tres bonnes", "advanced", "avance", "full professional", "proficient", "maitrise", "maitriser",
        "stilsicher", "stilsichere", "fluide", "expert", "professional fluency", "courant professionnel");
    put(m, CefrLevel.B2, "good", "gut", "gute", "guten", "gutes", "bon", "bonne", "bonnes",
        "professional", "professionnel", "professionnelle", "working proficiency", "professional working",
        "working knowledge", "upper intermediate", "upper-intermediate", "solid", "solide", "solides",
        "fortgeschritten", "fortgeschrittene", "fortgeschrittenes", "operationnel", "operationnelle",
        "bon niveau", "business", "courant technique");
    put(m, CefrLevel.B1, "intermediate", "intermediaire", "conversational", "mittel", "gute grundkenntnisse",
        "erweiterte grundkenntnisse", "solide grundkenntnisse", "notions avancees", "limited working", "limited working proficiency");
    put(m, CefrLevel.A2, "basic", "basics", "basic knowledge", "grundkenntnisse", "basiskenntnisse", "notions",
        "elementary", "elementaire", "scolaire", "schulkenntnisse");
    put(m, CefrLevel.A1, "beginner", "anfanger", "anfaenger", "debutant", "debutante");
    return m;
  }

  private static void put(Map<String, CefrLevel> m, CefrLevel level, String... phrases) {
    for (String p : phrases) m.put(Phrases.fold(p), level);
  }

  private static Pattern phrasePattern() {
    String alternatives = String.join("|", PHRASES.keySet().stream()
        .sorted((a, b) -> b.length() - a.length())
        .map(p -> Pattern.quote(p).replace(" ", "\\E\\s+\\Q"))
        .toList());
    return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
  }
}
