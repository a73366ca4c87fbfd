package com.cvgen.core.extract;

import com.cvgen.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The word lists the offline structurer scores with, loaded once from {@code cvgen/sections.json}
 * and {@code cvgen/terms.json} in core resources.
 */
final class Vocabulary {
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}&'’+#./-]+");
  private static final Pattern HEADING_NOISE = Pattern.compile("^[\\p{N}.)\\s]+|[:：.\\s]+$");

  static final Vocabulary INSTANCE = new Vocabulary();

  /** Nouns that make any short phrase ending in them a heading of their section. */
  private static final Set<String> HEAD_NOUNS = Set.of("experience", "experiences", "skills", "education",
      "projects", "certifications", "certificates", "awards", "publications", "erfahrung", "kenntnisse",
      "projekte", "expérience", "expériences", "compétences", "projets", "formation");

  private final Map<String, SectionType> sections = new HashMap<>();
  private final Map<String, Set<String>> terms = new HashMap<>();

  private Vocabulary() {
    JsonNode sectionsJson = load("/cvgen/sections.json");
    Map<SectionType, Integer> sizes = new EnumMap<>(SectionType.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = sectionsJson.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("_")) continue;
      SectionType type = SectionType.valueOf(e.getKey());
      for (JsonNode term : e.getValue()) sections.putIfAbsent(normalise(term.asText()), type);
      sizes.put(type, e.getValue().size());
    }
    JsonNode termsJson = load("/cvgen/terms.json");
    for (Iterator<Map.Entry<String, JsonNode>> it = termsJson.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("_")) continue;
      Set<String> set = new HashSet<>();
      for (JsonNode term : e.getValue()) set.add(term.asText().toLowerCase(Locale.ROOT));
      terms.put(e.getKey(), Set.copyOf(set));
    }
  }

  private static JsonNode load(String resource) {
    try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lower case, accents kept, punctuation at the ends and numbering dropped, spaces collapsed. */
  static String normalise(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('’', '\'');
    s = s.replaceAll("\\s+", " ").strip();
    s = HEADING_NOISE.matcher(s).replaceAll("").strip();
    return s;
  }

  /** The section a heading text names, if any ("Berufserfahrung", "WORK EXPERIENCE:", "2. Education"). */
  Optional<SectionType> section(String heading) {
    String n = normalise(heading);
    if (n.isEmpty() || n.length() > 60) return Optional.empty();
    SectionType t = sections.get(n);
    if (t != null) return Optional.of(t);
    // "Experience & Projects", "Skills / Tools": the first named part decides
    for (String part : n.split("\\s*(?:&|/|\\||\\+|,| and | und | et | y )\\s*")) {
      t = sections.get(part.strip());
      if (t != null) return Optional.of(t);
    }
    // "Customer Service Experience", "Additional Skills": a short phrase ending in a heading noun
    String[] words = n.split(" ");
    if (words.length >= 2 && words.length <= 4 && HEAD_NOUNS.contains(words[words.length - 1])) {
      return Optional.ofNullable(sections.get(words[words.length - 1]));
    }
    return Optional.empty();
  }

  boolean is(String list, String word) {
    return terms.getOrDefault(list, Set.of()).contains(word.toLowerCase(Locale.ROOT));
  }

  Set<String> list(String name) {
    return terms.getOrDefault(name, Set.of());
  }

  /** Lower-case word tokens (letters, digits and the marks inside names such as C++, B.Sc., Node.js). */
  static List<String> words(String text) {
    return java.util.Arrays.stream(NON_WORD.split(text.toLowerCase(Locale.ROOT)))
        .map(w -> w.replaceAll("^[./'’-]+|[/'’-]+$", ""))
        .filter(w -> !w.isEmpty())
        .toList();
  }

  /** How much a text reads like a job title: share of its words that are title words. */
  double titleScore(String text) {
    List<String> words = words(text);
    if (words.isEmpty()) return 0;
    int hits = 0;
    for (String w : words) {
      String bare = w.replaceAll("\\.$", "");
      if (is("titles", bare) || endsWithAny(bare, list("titleSuffixes"))) hits++;
    }
    return hits / (double) words.size();
  }

  /** How much a text reads like an organisation name. */
  double companyScore(String text) {
    List<String> words = words(text);
    if (words.isEmpty()) return 0;
    double score = 0;
    for (String w : words) {
      if (is("companyCues", w) || is("companyCues", w.replaceAll("\\.$", ""))) score += 1;
    }
    if (text.matches(".*\\.(io|com|de|ch|net|org|ai|co|app|dev)\\b.*")) score += 1;
    return Math.min(1, score / Math.max(1, words.size() / 2.0));
  }

  double degreeScore(String text) {
    List<String> words = words(text);
    if (words.isEmpty()) return 0;
    String lower = text.toLowerCase(Locale.ROOT);
    double hits = 0;
    for (String w : words) if (is("degrees", w) || is("degrees", w.replaceAll("\\.$", ""))) hits++;
    for (String phrase : List.of("high school", "associate degree", "master of", "bachelor of", "mittlere reife")) {
      if (lower.contains(phrase)) hits++;
    }
    return Math.min(1, hits / Math.max(1.5, words.size() / 3.0));
  }

  double institutionScore(String text) {
    List<String> words = words(text);
    if (words.isEmpty()) return 0;
    double hits = 0;
    for (String w : words) {
      if (is("institutions", w) || endsWithAny(w, Set.of("universität", "hochschule", "schule", "akademie", "gymnasium"))) {
        hits++;
      }
    }
    return Math.min(1, hits * 1.5 / Math.max(1.5, words.size() / 2.0));
  }

  private static boolean endsWithAny(String word, Set<String> suffixes) {
    for (String s : suffixes) {
      if (word.length() > s.length() + 2 && word.endsWith(s)) return true;
    }
    return false;
  }
}
