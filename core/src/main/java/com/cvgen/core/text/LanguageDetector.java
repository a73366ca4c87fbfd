package com.cvgen.core.text;

import java.util.Locale;
import java.util.Set;

/** TEMPORARY minimal version, replaced by the full detector. */
public final class LanguageDetector {
  private static final Set<String> DE = Set.of("und", "der", "die", "das", "ich", "mit", "für", "von", "bei", "ist", "zu", "den", "im");
  private static final Set<String> FR = Set.of("et", "le", "la", "les", "de", "des", "du", "en", "pour", "un", "une", "avec", "à");
  private static final Set<String> EN = Set.of("and", "the", "of", "to", "in", "for", "with", "a", "on", "at", "as", "i");

  private LanguageDetector() {}

  public static String detect(String text) {
    int de = 0, fr = 0, en = 0;
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (DE.contains(w)) de++;
      if (FR.contains(w)) fr++;
      if (EN.contains(w)) en++;
    }
    int max = Math.max(de, Math.max(fr, en));
    if (max < 2) return "und";
    return max == de ? "de" : max == fr ? "fr" : "en";
  }
}
