package com.cvgen.core.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses the language of a text from function words and characteristic letters.
 *
 * <p>Each language has a short curated list of its most frequent function words (articles,
 * pronouns, prepositions, conjunctions, auxiliaries) plus a few words typical of CVs. Every word
 * token of the text that is in a list scores for that language; a word listed for several
 * languages ("in", "de", "la") scores {@code 1/n} for each. Letters typical of a language (ß, ä, ö,
 * ü; é, è, ê, ç, œ; ñ; ã, õ) add a smaller score per word that holds them. French elisions ({@code
 * l'}, {@code d'}, {@code qu'}) count as words; e-mail and web addresses are ignored.
 *
 * <p>The best language wins when it has enough evidence (a score of at least 2.5) and clearly leads
 * the second (by a factor of 1.5); otherwise, and for empty or numeric text, the answer is {@code
 * "und"}. The result is deterministic; the detector is stateless and thread-safe.
 */
public final class LanguageDetector {

  /** The answer when the language cannot be told. */
  public static final String UNDETERMINED = "und";

  private static final double MIN_SCORE = 2.5;
  private static final double MIN_LEAD = 1.5;

  /** Words (lower case) per language, in a fixed order so that ties resolve the same way. */
  private static final Map<String, List<String>> WORDS = words();

  private static final List<String> LANGUAGES = List.copyOf(WORDS.keySet());

  /** Word to score per language (indexed like {@link #LANGUAGES}). */
  private static final Map<String, double[]> WEIGHTS = weights();

  /** Characteristic letters to score per language, counted once per word. */
  private static final Map<Character, double[]> LETTERS = letters();

  /** E-mail and web addresses, whose parts ("com", "de", "in") are not words. */
  private static final Pattern ADDRESS =
      Pattern.compile("(?<!\\S)\\S*(?:@|://|www\\.|\\p{L}\\.\\p{L}{2,}|\\.\\p{L}{2,}/)\\S*");

  private static final Pattern TOKEN =
      Pattern.compile("(?:[ldjnscmt]|qu)['\u2019](?=\\p{L})|\\p{L}+", Pattern.CASE_INSENSITIVE);

  private LanguageDetector() {}

  /**
   * The ISO 639-1 code of the language of {@code text} ("en", "de", "fr", "es", "it", "nl", "pt"),
   * or {@code "und"} when it cannot be told.
   */
  public static String detect(String text) {
    if (text == null || text.isBlank()) return UNDETERMINED;
    double[] score = new double[LANGUAGES.size()];
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    Matcher m = TOKEN.matcher(ADDRESS.matcher(nfc).replaceAll(" "));
    while (m.find()) {
      String token = m.group().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      add(score, WEIGHTS.get(token));
      double[] letters = new double[LANGUAGES.size()];
      for (int i = 0; i < token.length(); i++) {
        double[] w = LETTERS.get(token.charAt(i));
        if (w == null) continue;
        for (int l = 0; l < letters.length; l++) letters[l] = Math.max(letters[l], w[l]);
      }
      add(score, letters);
    }
    int best = 0;
    for (int l = 1; l < score.length; l++) {
      if (score[l] > score[best]) best = l;
    }
    double second = 0;
    for (int l = 0; l < score.length; l++) {
      if (l != best) second = Math.max(second, score[l]);
    }
    if (score[best] < MIN_SCORE || score[best] < second * MIN_LEAD) return UNDETERMINED;
    return LANGUAGES.get(best);
  }

  private static void add(double[] score, double[] w) {
    if (w == null) return;
    for (int l = 0; l < score.length; l++) score[l] += w[l];
  }

  private static Map<String, List<String>> words() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put(
        "en",
        List.of(
            "the", "and", "of", "to", "in", "a", "an", "for", "with", "on", "at", "by", "from",
            "as", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "this",
            "that", "these", "those", "which", "who", "it", "its", "i", "my", "me", "we", "our",
            "you", "your", "he", "she", "his", "her", "they", "their", "not", "or", "but", "than",
            "into", "over", "about", "after", "during", "while", "through", "also", "more", "can",
            "will", "would", "all", "each", "both", "where", "when", "how", "what", "such", "using",
            "including", "across", "within", "led", "managed", "developed", "responsible",
            "experience", "skills", "years", "worked", "working", "team", "knowledge"));
    m.put(
        "de",
        List.of(
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem",
            "einen", "und", "oder", "aber", "mit", "von", "vom", "zu", "zum", "zur", "im", "in",
            "an", "am", "ist", "sind", "war", "waren", "wurde", "wurden", "werden", "wird", "habe",
            "hat", "haben", "hatte", "ich", "wir", "sie", "er", "es", "mein", "meine", "meiner",
            "meinem", "unser", "unsere", "für", "auf", "aus", "bei", "nach", "über", "unter",
            "vor", "durch", "gegen", "ohne", "um", "als", "auch", "nicht", "noch", "sowie",
            "sehr", "bis", "seit", "dass", "wie", "wenn", "kann", "sich", "mehr", "gute",
            "sehr", "verantwortlich", "erfahrung", "kenntnisse", "ausbildung", "berufserfahrung",
            "entwicklung", "studium", "tätigkeit", "aufgaben", "jahre", "bereich", "sprachen"));
    m.put(
        "fr",
        List.of(
            "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "et", "ou", "mais",
            "en", "dans", "pour", "par", "sur", "avec", "sans", "sous", "chez", "au", "aux", "ce",
            "cette", "ces", "cet", "qui", "que", "qu'", "dont", "où", "est", "sont", "été", "être",
            "avoir", "ai", "a", "je", "j'", "nous", "vous", "il", "elle", "ils", "mon", "ma", "mes",
            "notre", "nos", "leur", "leurs", "son", "sa", "ses", "se", "s'", "ne", "n'", "c'",
            "pas", "plus", "très", "aussi", "depuis", "lors", "ainsi", "afin", "comme",
            "expérience", "compétences", "formation", "gestion", "équipe", "développement",
            "projets", "poste", "stage", "diplôme", "langues", "connaissances", "mise", "œuvre"));
    m.put(
        "es",
        List.of(
            "el", "la", "los", "las", "un", "una", "unos", "y", "o", "pero", "de", "del", "en",
            "con", "por", "para", "sin", "sobre", "entre", "desde", "hasta", "que", "es", "son",
            "fue", "ser", "está", "como", "más", "muy", "su", "sus", "mi", "mis", "yo", "se", "lo",
            "al", "también", "experiencia", "desarrollo", "equipo", "gestión", "empresa", "años",
            "conocimientos", "trabajo", "idiomas"));
    m.put(
        "it",
        List.of(
            "il", "lo", "la", "gli", "le", "i", "un", "uno", "una", "e", "ed", "o", "ma", "di",
            "del", "della", "dei", "delle", "da", "dal", "in", "nel", "nella", "con", "per", "su",
            "tra", "fra", "che", "è", "sono", "era", "come", "più", "anche", "non", "mio", "mia",
            "esperienza", "sviluppo", "lavoro", "azienda", "competenze", "conoscenze", "lingue"));
    m.put(
        "nl",
        List.of(
            "de", "het", "een", "en", "of", "maar", "van", "in", "op", "met", "voor", "door",
            "bij", "naar", "uit", "om", "te", "aan", "dat", "die", "dit", "is", "zijn", "was",
            "werd", "wordt", "ik", "wij", "we", "mijn", "ook", "niet", "als", "nog", "meer",
            "ervaring", "ontwikkeling", "werkzaamheden", "kennis", "talen", "opleiding"));
    m.put(
        "pt",
        List.of(
            "o", "a", "os", "as", "um", "uma", "e", "ou", "mas", "de", "do", "da", "dos", "das",
            "em", "no", "na", "nos", "nas", "com", "por", "para", "pelo", "pela", "que", "é",
            "são", "foi", "ser", "como", "mais", "muito", "também", "não", "seu", "sua",
            "experiência", "desenvolvimento", "equipe", "empresa", "conhecimentos", "idiomas"));
    return m;
  }

  private static Map<String, double[]> weights() {
    Map<String, double[]> out = new HashMap<>();
    for (int l = 0; l < LANGUAGES.size(); l++) {
      for (String w : WORDS.get(LANGUAGES.get(l))) {
        out.computeIfAbsent(w, k -> new double[LANGUAGES.size()])[l] = 1.0;
      }
    }
    for (double[] w : out.values()) {
      double n = 0;
      for (double v : w) n += v;
      for (int l = 0; l < w.length; l++) w[l] /= n;
    }
    return out;
  }

  private static Map<Character, double[]> letters() {
    Map<Character, double[]> m = new HashMap<>();
    letter(m, "\u00df", Map.of("de", 1.0));
    letter(m, "\u00e4\u00f6\u00fc", Map.of("de", 0.5));
    letter(m, "\u00e9", Map.of("fr", 0.3, "es", 0.1, "pt", 0.1, "it", 0.05));
    letter(m, "\u00e8", Map.of("fr", 0.4, "it", 0.2));
    letter(m, "\u00ea", Map.of("fr", 0.4, "pt", 0.2));
    letter(m, "\u00e7", Map.of("fr", 0.4, "pt", 0.3));
    letter(m, "\u00e0", Map.of("fr", 0.3, "it", 0.2, "pt", 0.1));
    letter(m, "\u00e2\u00ee\u00fb\u00eb\u00ef", Map.of("fr", 0.3));
    letter(m, "\u00f4", Map.of("fr", 0.3, "pt", 0.2));
    letter(m, "\u0153", Map.of("fr", 1.0));
    letter(m, "\u00f9", Map.of("fr", 0.3, "it", 0.2));
    letter(m, "\u00f1", Map.of("es", 1.0));
    letter(m, "\u00e1\u00ed\u00f3\u00fa", Map.of("es", 0.3, "pt", 0.3));
    letter(m, "\u00e3\u00f5", Map.of("pt", 1.0));
    letter(m, "\u00f2\u00ec", Map.of("it", 0.5));
    return m;
  }

  private static void letter(
      Map<Character, double[]> m, String chars, Map<String, Double> weights) {
    double[] w = new double[LANGUAGES.size()];
    weights.forEach((lang, v) -> w[LANGUAGES.indexOf(lang)] = v);
    for (char c : chars.toCharArray()) m.put(c, w);
  }
}
