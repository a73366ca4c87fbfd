package com.cvgen.core.analyze;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text measures the feedback rules share: word counts, figures, part-time markers, whole words. */
final class FeedbackText {

  private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}'’.,&+#/_-]*");

  /**
   * A measurable result: a number, a percent, currency or multiplication sign, or a word for a
   * quantity or a change in quantity in English, German or French. A number glued to a word is a
   * name or version ("PHP7", "S3", "Q3"), no figure. German numerals also count at the start of a
   * compound ("fünfköpfig", "dreifach"); the others must stand alone.
   */
  private static final Pattern FIGURE = Pattern.compile(
      "(?<!\\p{L})\\p{N}|[%‰€$£¥₹×]"
          + "|(?<!\\p{L})(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
          + "|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|double[ds]?|doubling|tripled?"
          + "|quadrupled?|twice|halved|halving|percent|per\\s+cent|fold"
          // German
          + "|vier|acht|neun|elf|zwanzig|dreißig|vierzig|fünfzig|hundert|tausend|millionen|million|mio"
          + "|mrd|milliarden?|dutzende?|verdoppel\\p{L}*|verdreifach\\p{L}*|vervierfach\\p{L}*|halbiert\\p{L}*"
          + "|halbierung|prozent|doppelt\\p{L}*"
          // French
          + "|deux|trois|quatre|cinq|six|sept|huit|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|cent"
          + "|mille|milliers?|millions?|milliards?|dizaines?|douzaines?|centaines?|doublée?s?|triplée?s?"
          + "|divisée?s?\\s+par|moitié|pour\\s+cent)(?!\\p{L})"
          + "|(?<!\\p{L})(?:zwei|drei|fünf|sechs|sieben|zehn|zwölf)",
      CI);

  /**
   * Words that mark a role as part-time or a side activity: part-time, freelance, working student,
   * founder, teaching assignments and the like, in English, German and French.
   */
  private static final Pattern PART_TIME = Pattern.compile(
      "(?<!\\p{L})(?:part[- ]?time|freelanc\\p{L}*|self[- ]employed|side[- ]project|volunteer\\p{L}*"
          + "|working student|student assistant|teaching assistant|tutor|adjunct|moonlighting"
          + "|(?:co-?)?founder|mini-?job|independent"
          // German
          + "|teilzeit\\p{L}*|nebenberuflich\\p{L}*|nebentätigkeit|werkstudent\\p{L}*|freiberuf\\p{L}*"
          + "|selbst(?:st)?ändig\\p{L}*|ehrenamt\\p{L}*|lehrauftrag|lehrbeauftragte\\p{L}*|aushilfe"
          + "|hilfskraft|hiwi|tutorin|(?:mit)?gründer\\p{L}*"
          // French
          + "|temps partiel|mi-temps|indépendante?|auto-entrepreneur\\p{L}*|micro-entrepreneur\\p{L}*"
          + "|bénévol\\p{L}*|vacataire|chargée? de cours|alternance|alternante?|(?:co-?)?fondat(?:eur|rice))"
          + "(?!\\p{L})",
      CI);

  /** A line that only lists tools: "Technologies: Java, Spring", "Technologies utilisées : PHP, MySQL". */
  private static final Pattern TOOL_LIST = Pattern.compile(
      "^\\W*(?:[\\p{L}-]+\\s+){0,2}?(?:tech\\p{L}*|stack|tools|outils|umgebung|environ\\p{L}*|werkzeuge"
          + "|skills|kenntnisse|compétences)(?:\\s+[\\p{L}-]+){0,2}\\s*:",
      CI);

  private FeedbackText() {}

  /** The number of words (runs of letters and digits, inner punctuation such as "re-architected" kept). */
  static int words(String text) {
    if (text == null) return 0;
    Matcher m = WORD.matcher(text);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  /** True when the text has a figure: a digit, %, €, $, ×, or a quantity word ("doubled", "halbiert", "trois"). */
  static boolean hasFigure(String text) {
    return text != null && FIGURE.matcher(text).find();
  }

  /** True when the text only lists tools after a label such as "Technologies:" (no statement of a result). */
  static boolean toolList(String text) {
    return text != null && TOOL_LIST.matcher(text).find();
  }

  /** True when one of the texts says the activity is part-time, freelance, a side job or voluntary. */
  static boolean partTime(String... texts) {
    for (String t : texts) {
      if (t != null && PART_TIME.matcher(t).find()) return true;
    }
    return false;
  }

  /**
   * A case-insensitive pattern for {@code term} as a whole word: not preceded or followed by a
   * letter, digit, "+" or "#", so "Java" is not found in "JavaScript" and "C" not in "C++".
   */
  static Pattern wholeWord(String term) {
    return Pattern.compile("(?<![\\p{L}\\p{N}+#])" + Pattern.quote(term.strip()) + "(?![\\p{L}\\p{N}+#])", CI);
  }

  /** The text with runs of white space as one space, cut to {@code max} characters with "…". */
  static String shorten(String text, int max) {
    String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (t.length() <= max) return t;
    int cut = t.lastIndexOf(' ', max - 1);
    if (cut < max / 2) cut = max - 1;
    return t.substring(0, cut).stripTrailing() + "…";
  }

  /** True when the text is null or blank. */
  static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
