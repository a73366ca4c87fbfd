package com.cvgen.core.skills;

import com.cvgen.core.json.Json;
import com.cvgen.core.skills.TermMatcher.Context;
import com.cvgen.core.skills.TermMatcher.Spelling;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The skills vocabulary: canonical skill names with their aliases and spellings (en, de, fr) and a
 * category, loaded once from the versioned resource {@code cvgen/skills.json}.
 *
 * <p>Lookups match whole terms only (see {@link #find(String)}): "Go" is not found in "going" or
 * "Google", "Java" not in "JavaScript", "C" not in "C++" or "C#", "R" not in "R&amp;D". Spellings are
 * compared without case and accents unless the file marks them exact (short words that are also
 * ordinary words: "Go", "REST", "Spark"); single letters ("C", "R") count only as an item of a list.
 *
 * <p>Instances are immutable and thread-safe; {@link #defaults()} is loaded once and shared.
 */
public final class SkillVocabulary {
  /**
   * A canonical skill.
   *
   * @param name the canonical name, e.g. "Kubernetes" or "project management"
   * @param category e.g. "languages", "frameworks", "cloud", "data", "devops", "tools", "methods",
   *     "testing", "security", "mobile", "design", "ai", "engineering", "business", "soft-skills"
   * @param aliases the other spellings it is known by, e.g. "k8s", "kube" (the name is not repeated)
   */
  public record SkillTerm(String name, String category, List<String> aliases) {
    public SkillTerm {
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
  }

  /** A whole-term mention of a skill in a text, at [from, to) of that text. */
  public record SkillMention(SkillTerm term, int from, int to) {}

  /** The bundled vocabulary resource. */
  public static final String RESOURCE = "/cvgen/skills.json";

  private static final class Holder {
    static final SkillVocabulary DEFAULT = load(RESOURCE);
  }

  private final String version;
  private final List<SkillTerm> terms;
  private final Map<String, SkillTerm> byKey;
  private final TermMatcher matcher;

  private SkillVocabulary(String version, List<SkillTerm> terms, List<Spelling> spellings) {
    this.version = version;
    this.terms = List.copyOf(terms);
    Map<String, Spelling> keys = new HashMap<>();
    for (Spelling s : spellings) {
      Spelling previous = keys.putIfAbsent(TermMatcher.key(s.text()), s);
      if (previous == null) continue;
      if (previous.term() != s.term()) {
        throw new IllegalStateException("skills vocabulary " + version + ": the spelling '" + s.text()
            + "' of " + s.term().name() + " is already a spelling of " + previous.term().name());
      }
      if (!previous.exact() && !s.exact()) {
        throw new IllegalStateException("skills vocabulary " + version + ": the spelling '" + s.text()
            + "' of " + s.term().name() + " repeats '" + previous.text() + "' (spellings ignore case and accents)");
      }
    }
    Map<String, SkillTerm> termByKey = new HashMap<>();
    keys.forEach((k, s) -> termByKey.put(k, s.term()));
    this.byKey = Map.copyOf(termByKey);
    this.matcher = new TermMatcher(spellings);
  }

  /** The bundled vocabulary ({@value #RESOURCE}), loaded on first use. */
  public static SkillVocabulary defaults() {
    return Holder.DEFAULT;
  }

  /**
   * Loads a vocabulary in the format of {@value #RESOURCE} from a class-path resource.
   *
   * @throws IllegalStateException when the resource is missing or malformed, or two terms share a spelling
   */
  public static SkillVocabulary load(String resource) {
    try (InputStream in = SkillVocabulary.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return parse(Json.mapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static SkillVocabulary parse(JsonNode root) {
    String version = text(root, "version");
    if (version == null || version.isBlank()) throw new IllegalStateException("skills vocabulary without a version");
    List<SkillTerm> terms = new ArrayList<>();
    List<Spelling> spellings = new ArrayList<>();
    for (JsonNode t : root.path("terms")) {
      String name = text(t, "name");
      String category = text(t, "category");
      if (name == null || name.isBlank() || category == null || category.isBlank()) {
        throw new IllegalStateException("skills vocabulary " + version + ": a term without name or category: " + t);
      }
      Context context = switch (Optional.ofNullable(text(t, "context")).orElse("any")) {
        case "any" -> Context.ANY;
        case "word" -> Context.WORD;
        case "list" -> Context.LIST;
        default -> throw new IllegalStateException("skills vocabulary " + version + ": unknown context of " + name);
      };
      List<String> loose = strings(t.path("aliases"));
      List<String> exact = strings(t.path("exact"));
      Set<String> aliases = new LinkedHashSet<>(loose);
      aliases.addAll(exact);
      aliases.remove(name);
      SkillTerm term = new SkillTerm(name, category, List.copyOf(aliases));
      terms.add(term);
      if (!exact.contains(name)) spellings.add(new Spelling(term, name, false, Context.ANY));
      for (String a : loose) spellings.add(new Spelling(term, a, false, Context.ANY));
      for (String e : exact) spellings.add(new Spelling(term, e, true, context));
    }
    if (terms.isEmpty()) throw new IllegalStateException("skills vocabulary " + version + " has no terms");
    return new SkillVocabulary(version, terms, spellings);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      String s = n.asText().strip();
      if (s.isEmpty()) throw new IllegalStateException("skills vocabulary: an empty spelling in " + array);
      out.add(s);
    }
    return out;
  }

  /** The vocabulary's version, e.g. "2026.11-1"; results derived with it can name it. */
  public String version() {
    return version;
  }

  /** Every term, in the order of the vocabulary file. */
  public List<SkillTerm> terms() {
    return terms;
  }

  /** The categories in use, in the order they first appear. */
  public List<String> categories() {
    return terms.stream().map(SkillTerm::category).distinct().toList();
  }

  /**
   * The canonical skill a text names as a whole ("k8s" -> Kubernetes, "Projektmanagement" -> project
   * management), if known. Case, accents, hyphens versus spaces and a trailing {@code ,;:.} do not
   * matter here, since the text is known to name one skill ("go" -> Go).
   */
  public Optional<SkillTerm> canonical(String text) {
    if (text == null) return Optional.empty();
    String t = text.strip();
    while (!t.isEmpty() && ",;:.".indexOf(t.charAt(t.length() - 1)) >= 0) t = t.substring(0, t.length() - 1).strip();
    if (t.isEmpty()) return Optional.empty();
    return Optional.ofNullable(byKey.get(TermMatcher.key(t)));
  }

  /**
   * Every whole-term mention of a known skill in free text, in text order. Mentions do not overlap;
   * where spellings compete for the same text the longest wins ("Spring Boot" over "Spring").
   */
  public List<SkillMention> find(String text) {
    if (text == null || text.isEmpty()) return List.of();
    return matcher.find(text);
  }

  /** The distinct skills mentioned in a text, in order of first mention. */
  public List<SkillTerm> termsIn(String text) {
    Map<String, SkillTerm> seen = new LinkedHashMap<>();
    for (SkillMention m : find(text)) seen.putIfAbsent(m.term().name(), m.term());
    return List.copyOf(seen.values());
  }

  /** The canonical name of a skill, or the text itself (trimmed) when the vocabulary does not know it. */
  public String canonicalName(String text) {
    return canonical(text).map(SkillTerm::name).orElse(text == null ? "" : text.strip());
  }

  @Override
  public String toString() {
    return "SkillVocabulary " + version + " (" + terms.size() + " terms, " + categories().size() + " categories)";
  }
}
