package com.cvgen.core.skills;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEMPORARY stand-in with the final API; the curated, versioned vocabulary replaces it.
 *
 * <p>The skills vocabulary: canonical names, aliases and spellings, categories. Lookups match
 * whole terms only.
 */
public final class SkillVocabulary {
  /** A canonical skill. */
  public record SkillTerm(String name, String category, List<String> aliases) {}

  /** A whole-term mention of a skill in a text, at [from, to). */
  public record SkillMention(SkillTerm term, int from, int to) {}

  private static final SkillVocabulary DEFAULT = new SkillVocabulary();

  private final List<SkillTerm> terms = List.of(
      new SkillTerm("Java", "languages", List.of("java")),
      new SkillTerm("Python", "languages", List.of("python")),
      new SkillTerm("Kubernetes", "cloud", List.of("kubernetes", "k8s")),
      new SkillTerm("PostgreSQL", "data", List.of("postgresql", "postgres")));

  public static SkillVocabulary defaults() {
    return DEFAULT;
  }

  public String version() {
    return "stand-in";
  }

  public List<SkillTerm> terms() {
    return terms;
  }

  /** The canonical skill a text names as a whole ("k8s" -> Kubernetes), if known. */
  public Optional<SkillTerm> canonical(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return terms.stream().filter(s -> s.aliases().contains(t) || s.name().equalsIgnoreCase(t)).findFirst();
  }

  /** Every whole-term mention of a known skill in free text, in order. */
  public List<SkillMention> find(String text) {
    List<SkillMention> out = new ArrayList<>();
    for (SkillTerm s : terms) {
      for (String alias : s.aliases()) {
        Matcher m = Pattern.compile("(?i)(?<![\\w+#])" + Pattern.quote(alias) + "(?![\\w+#])").matcher(text);
        while (m.find()) out.add(new SkillMention(s, m.start(), m.end()));
      }
    }
    out.sort(java.util.Comparator.comparingInt(SkillMention::from));
    return out;
  }

  /** The canonical name of a skill, or the text itself (trimmed) when the vocabulary does not know it. */
  public String canonicalName(String text) {
    return canonical(text).map(SkillTerm::name).orElse(text.strip());
  }
}
