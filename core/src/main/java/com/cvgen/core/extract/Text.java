package com.cvgen.core.extract;

/** Small text helpers of the structurer. */
final class Text {
  private static final java.util.regex.Pattern COMPOUND_TAIL = java.util.regex.Pattern.compile(
      "(based|driven|oriented|native|time|end|level|scale|stack|first|facing|friendly|side|term|source|"
          + "house|party|making|solving|focused|related|specific|wide|ready|to|on|up|in|out|of|the|and|"
          + "commerce|learning|service|services|world|life|made|minded|owned|known|free|intensive)\\b");

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
      // "Test-" + "driven": the second half of a common compound keeps its hyphen
      if (Character.isLowerCase(next) && !COMPOUND_TAIL.matcher(a).lookingAt()) return b.substring(0, b.length() - 1) + a;
      return b + a;
    }
    return b + " " + a;
  }

  /** Strips bullets, separators and wrapping punctuation from both ends. */
  static String trimPunctuation(String s) {
    return s == null ? null : s.replaceAll("^[\\s,;:|·•()\\[\\]–—-]+|[\\s,;:|·•(\\[–—-]+$", "");
  }
}
