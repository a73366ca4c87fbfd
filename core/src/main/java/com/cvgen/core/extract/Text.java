package com.cvgen.core.extract;

/** Small text helpers of the structurer. */
final class Text {
  private Text() {}

  /**
   * Joins a wrapped line to the text before it, repairing hyphenation: "Soft-" + "ware" ->
   * "Software", but "Web-" + "Erlebnisse" -> "Web-Erlebnisse" (a capital after the break is a
   * compound's hyphen, not a syllable break).
   */
  static String joinLines(String before, String after) {
    String b = before.stripTrailing();
    String a = after.stripLeading();
    if (b.isEmpty()) return a;
    if (a.isEmpty()) return b;
    if (b.endsWith("-") && b.length() > 1 && Character.isLetter(b.charAt(b.length() - 2))) {
      char next = a.charAt(0);
      if (Character.isLowerCase(next)) return b.substring(0, b.length() - 1) + a;
      return b + a;
    }
    return b + " " + a;
  }

  /** Strips bullets, separators and wrapping punctuation from both ends. */
  static String trimPunctuation(String s) {
    return s == null ? null : s.replaceAll("^[\\s,;:|·•()\\[\\]–—-]+|[\\s,;:|·•(\\[–—-]+$", "");
  }
}
