package com.cvgen.core.jobs;

import com.cvgen.core.text.Fold;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A set of phrases matched as whole words, without regard to case or accents ("Souhaité" matches
 * "souhaite"), with any run of spaces between words. Positions refer to the original text.
 */
final class Phrases {
  /** A phrase found at [start, end) of a text. */
  record Hit(int start, int end) {
    int length() {
      return end - start;
    }
  }

  private final Pattern pattern;

  Phrases(Collection<String> phrases) {
    if (phrases.isEmpty()) {
      pattern = null;
      return;
    }
    String alternatives = phrases.stream()
        .map(p -> fold(p.strip()))
        .filter(p -> !p.isEmpty())
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .map(p -> Pattern.quote(p).replace(" ", "\\E\\s+\\Q"))
        .collect(Collectors.joining("|"));
    pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
  }

  /** Lower case without accents, typographic apostrophes as {@code '}; the length is kept. */
  static String fold(String text) {
    return Fold.fold(text);
  }

  /** Every non-overlapping hit, in text order. */
  List<Hit> find(String text) {
    List<Hit> out = new ArrayList<>();
    if (pattern == null || text == null || text.isEmpty()) return out;
    Matcher m = pattern.matcher(fold(text));
    while (m.find()) out.add(new Hit(m.start(), m.end()));
    return out;
  }

  boolean in(String text) {
    return pattern != null && text != null && pattern.matcher(fold(text)).find();
  }

  /** The longest hit (the first of equally long ones). */
  Optional<Hit> longest(String text) {
    return find(text).stream().max(Comparator.comparingInt(Hit::length).thenComparing(h -> -h.start()));
  }

  /** The text is one of the phrases, as a whole. */
  boolean matchesWhole(String text) {
    return pattern != null && text != null && pattern.matcher(fold(text.strip())).matches();
  }
}
