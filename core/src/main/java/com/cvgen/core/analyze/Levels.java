package com.cvgen.core.analyze;

import com.cvgen.core.model.CefrLevel;
import com.cvgen.core.model.EducationLevel;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads education levels from degree names and language levels from fluency words, in en, de and
 * fr ("M.Sc." -> MASTER, "Abitur" -> SECONDARY; "C1", "fließend", "courant" -> C1, "native" ->
 * NATIVE).
 */
public final class Levels {
  private static final Pattern CEFR = Pattern.compile("(?i)\\b([ABC][12])\\b");

  /** Degree words by level, checked from the highest level down; matched as whole words. */
  private static final List<Map.Entry<EducationLevel, Pattern>> DEGREES = List.of(
      Map.entry(EducationLevel.DOCTORATE, words("ph\\.?\\s?d\\.?", "doctorate", "doctoral", "doctor of", "dphil",
          "promotion", "dr\\.", "doktor", "doctorat", "doctorado", "dottorato")),
      Map.entry(EducationLevel.MASTER, words("master'?s?", "m\\.?\\s?sc\\.?", "msc", "m\\.\\s?s\\.", "m\\.?\\s?a\\.", "mba",
          "m\\.?\\s?eng\\.?", "meng", "mphil", "llm", "diplom", "diplom-\\S+", "dipl\\.(-\\S+)?", "magister",
          "staatsexamen", "mastère", "master 2", "m2", "bac\\s?\\+\\s?5", "ingénieur", "laurea magistrale", "máster")),
      Map.entry(EducationLevel.BACHELOR, words("bachelor'?s?", "b\\.?\\s?sc\\.?", "bsc", "b\\.\\s?s\\.?", "b\\.?\\s?a\\.",
          "b\\.?\\s?eng\\.?", "beng", "bba", "llb", "licence", "license", "bac\\s?\\+\\s?3", "laurea", "licenciatura",
          "grado", "undergraduate degree", "4-year degree", "university degree", "hochschulabschluss", "studium")),
      Map.entry(EducationLevel.ASSOCIATE, words("associate'?s?", "a\\.\\s?s\\.", "a\\.\\s?a\\.", "bts", "dut",
          "hnd", "bac\\s?\\+\\s?2", "fachwirt", "techniker")),
      Map.entry(EducationLevel.VOCATIONAL, words("ausbildung", "berufsausbildung", "lehre", "apprenticeship",
          "vocational", "cap", "bep", "gesellenbrief", "meister", "kaufmann", "kauffrau", "fachinformatiker")),
      Map.entry(EducationLevel.SECONDARY, words("abitur", "fachabitur", "matura", "maturität", "high school",
          "baccalauréat", "baccalaureate", "bac", "a-levels?", "gcses?", "ged", "mittlere reife", "realschulabschluss")));

  private static final Map<String, CefrLevel> FLUENCY = Map.ofEntries(
      Map.entry("native", CefrLevel.NATIVE), Map.entry("native speaker", CefrLevel.NATIVE),
      Map.entry("mother tongue", CefrLevel.NATIVE), Map.entry("first language", CefrLevel.NATIVE),
      Map.entry("muttersprache", CefrLevel.NATIVE), Map.entry("muttersprachlich", CefrLevel.NATIVE),
      Map.entry("langue maternelle", CefrLevel.NATIVE), Map.entry("maternelle", CefrLevel.NATIVE),
      Map.entry("bilingual", CefrLevel.C2), Map.entry("bilingue", CefrLevel.C2), Map.entry("zweisprachig", CefrLevel.C2),
      Map.entry("full professional", CefrLevel.C1), Map.entry("full professional proficiency", CefrLevel.C1),
      Map.entry("fluent", CefrLevel.C1), Map.entry("business fluent", CefrLevel.C1), Map.entry("fließend", CefrLevel.C1),
      Map.entry("fliessend", CefrLevel.C1), Map.entry("verhandlungssicher", CefrLevel.C1),
      Map.entry("courant", CefrLevel.C1), Map.entry("excellent", CefrLevel.C1), Map.entry("sehr gut", CefrLevel.C1),
      Map.entry("sehr gute kenntnisse", CefrLevel.C1), Map.entry("advanced", CefrLevel.C1), Map.entry("avancé", CefrLevel.C1),
      Map.entry("professional working", CefrLevel.B2), Map.entry("professional working proficiency", CefrLevel.B2),
      Map.entry("professional", CefrLevel.B2), Map.entry("professionnel", CefrLevel.B2), Map.entry("upper intermediate", CefrLevel.B2),
      Map.entry("very good", CefrLevel.B2), Map.entry("good", CefrLevel.B2), Map.entry("gut", CefrLevel.B2),
      Map.entry("gute kenntnisse", CefrLevel.B2), Map.entry("bonnes connaissances", CefrLevel.B2),
      Map.entry("conversational", CefrLevel.B1), Map.entry("intermediate", CefrLevel.B1), Map.entry("intermédiaire", CefrLevel.B1),
      Map.entry("limited working", CefrLevel.B1), Map.entry("limited working proficiency", CefrLevel.B1),
      Map.entry("erweiterte kenntnisse", CefrLevel.B1), Map.entry("scolaire", CefrLevel.A2),
      Map.entry("elementary", CefrLevel.A2), Map.entry("elementary proficiency", CefrLevel.A2),
      Map.entry("basic", CefrLevel.A2), Map.entry("basics", CefrLevel.A2), Map.entry("grundkenntnisse", CefrLevel.A2),
      Map.entry("basiskenntnisse", CefrLevel.A2), Map.entry("schulkenntnisse", CefrLevel.A2), Map.entry("notions", CefrLevel.A2),
      Map.entry("beginner", CefrLevel.A1), Map.entry("anfänger", CefrLevel.A1), Map.entry("débutant", CefrLevel.A1));

  /** Language names in en, de, fr, es, it and their own language -> ISO 639-1. */
  private static final Map<String, String> LANGUAGES = languages(
      "en", "english englisch anglais inglés ingles inglese engels inglês",
      "de", "german deutsch allemand alemán aleman tedesco duits alemão schweizerdeutsch",
      "fr", "french französisch franzoesisch français francais francés frances francese frans francês",
      "es", "spanish spanisch espagnol español espanol castellano spagnolo spaans espanhol",
      "it", "italian italienisch italien italiano italiaans",
      "pt", "portuguese portugiesisch portugais portugués portoghese português",
      "nl", "dutch niederländisch néerlandais neerlandés olandese nederlands",
      "ru", "russian russisch russe ruso russo",
      "pl", "polish polnisch polonais polaco polacco polski",
      "zh", "chinese chinesisch chinois chino cinese mandarin",
      "ja", "japanese japanisch japonais japonés giapponese",
      "ko", "korean koreanisch coréen coreano",
      "ar", "arabic arabisch arabe árabe arabo",
      "tr", "turkish türkisch turc turco",
      "he", "hebrew hebräisch hébreu hebreo",
      "hi", "hindi",
      "sv", "swedish schwedisch suédois sueco",
      "da", "danish dänisch danois",
      "no", "norwegian norwegisch norvégien",
      "fi", "finnish finnisch finnois",
      "cs", "czech tschechisch tchèque",
      "el", "greek griechisch grec griego",
      "hu", "hungarian ungarisch hongrois",
      "ro", "romanian rumänisch roumain rumano",
      "uk", "ukrainian ukrainisch ukrainien",
      "ca", "catalan katalanisch catalán català",
      "gl", "galician galicisch gallego galego");

  private Levels() {}

  private static Map<String, String> languages(String... codeAndNames) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (int i = 0; i < codeAndNames.length; i += 2) {
      out.put(codeAndNames[i], codeAndNames[i]);
      for (String name : codeAndNames[i + 1].split(" ")) out.put(name, codeAndNames[i]);
    }
    return Map.copyOf(out);
  }

  /** The ISO 639-1 code of a language name in en/de/fr/es/it ("Englisch" -> "en"), or the name lower-cased. */
  public static String languageCode(String name) {
    if (name == null) return "";
    String n = name.toLowerCase(Locale.ROOT).replaceAll("\\(.*\\)", "").strip();
    String code = LANGUAGES.get(n);
    if (code != null) return code;
    for (String word : n.split("[\\s/-]+")) {
      code = LANGUAGES.get(word);
      if (code != null) return code;
    }
    return n;
  }

  private static Pattern words(String... alternatives) {
    return Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])");
  }

  /** The education level a degree name shows, e.g. "Master of Science" -> MASTER. */
  public static Optional<EducationLevel> education(String degree) {
    if (degree == null || degree.isBlank()) return Optional.empty();
    String d = Normalizer.normalize(degree, Normalizer.Form.NFC);
    for (Map.Entry<EducationLevel, Pattern> e : DEGREES) {
      if (e.getValue().matcher(d).find()) return Optional.of(e.getKey());
    }
    return Optional.empty();
  }

  /** The CEFR level a fluency text shows: "C1", "Professional (C1)", "fließend", "native". */
  public static Optional<CefrLevel> cefr(String fluency) {
    if (fluency == null || fluency.isBlank()) return Optional.empty();
    Matcher m = CEFR.matcher(fluency);
    if (m.find()) return Optional.of(CefrLevel.valueOf(m.group(1).toUpperCase(Locale.ROOT)));
    String f = fluency.toLowerCase(Locale.ROOT).replaceAll("[()\\[\\].,;:–-]", " ").replaceAll("\\s+", " ").strip();
    CefrLevel exact = FLUENCY.get(f);
    if (exact != null) return Optional.of(exact);
    // the longest known phrase inside the text ("Full Professional Proficiency", "sehr gute Kenntnisse")
    return FLUENCY.entrySet().stream()
        .filter(e -> (" " + f + " ").contains(" " + e.getKey() + " "))
        .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
        .map(Map.Entry::getValue);
  }
}
