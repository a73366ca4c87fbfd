package com.cvgen.core.skills;

import com.cvgen.core.text.Fold;
import com.cvgen.core.skills.SkillVocabulary.SkillMention;
import com.cvgen.core.skills.SkillVocabulary.SkillTerm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds whole-term mentions of skill spellings in text with one character trie, built once.
 *
 * <p>Text and spellings are compared folded: lower case, accents removed ("é" is "e"), typographic
 * apostrophes as {@code '}, and any run of spaces, line breaks or hyphens as one separator, so that
 * "Spring-Boot", "Spring Boot" and "spring\nboot" are one spelling. Exact spellings additionally
 * compare the original characters' case. At every position where a term may start, the trie is
 * walked as far as the text allows; the longest accepted spelling wins and the search resumes after
 * it, so mentions never overlap ("C++" is not also "C", "ASP.NET" is not also ".NET").
 *
 * <p>Boundaries: a term neither starts nor ends inside a word ("Go" is not in "going", "Java" is not
 * in "JavaScript"), is not followed by {@code +} or {@code #} ("C" is not in "C#"), and is not glued
 * to a neighbour by a joining {@code .}, {@code @}, {@code &} or {@code ·} ("R&D", "example.net",
 * "Ingénieur·e"). A hyphen followed by a word does end a term ("Java-Entwickler", "REST-Schnittstellen"),
 * except for spellings with a context rule.
 */
final class TermMatcher {
  /** How much context a spelling needs beyond whole-word boundaries. */
  enum Context {
    /** Whole word, hyphen compounds allowed. */
    ANY,
    /** Whole word, and not part of a hyphen compound ("Go" but not "Go-Live"). */
    WORD,
    /** A standalone item of a list: "Python, R and SQL", "in C", "C/C++", not "Vitamin C". */
    LIST
  }

  /** One way of writing a term. */
  record Spelling(SkillTerm term, String text, boolean exact, Context context) {}

  private static final char SEP = ' ';

  /** Words that may stand before a list item ("Python and R", "in C", "mit R"). */
  private static final Set<String> BEFORE_ITEM = Set.of("and", "or", "und", "oder", "sowie", "et", "ou", "in",
      "with", "using", "mit", "en", "avec", "like", "including", "wie", "inkl", "incl", "as");
  /** Words that may follow a list item ("R and Python", "C programming", "Tableau wünschenswert"), folded. */
  private static final Set<String> AFTER_ITEM = Set.of("and", "or", "und", "oder", "sowie", "et", "ou",
      "programming", "programmierung", "language", "skills", "kenntnisse", "experience", "erfahrung", "is", "are",
      "ist", "sind", "est", "preferred", "required", "wunschenswert", "erwunscht", "bevorzugt", "optional",
      "idealerweise", "ideally", "souhaite", "apprecie", "requis", "knowledge");
  /** Abbreviations before an example list: "z. B. R", "e.g. C". */
  private static final Set<String> EXAMPLE_ABBREVIATIONS = Set.of("b", "g", "ex", "bsp", "i");

  private final Node root = new Node();

  TermMatcher(List<Spelling> spellings) {
    for (Spelling s : spellings) insert(s);
    root.freeze();
  }

  /** The folded key of a spelling or a whole text: what two spellings must share to be the same. */
  static String key(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean sep = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSeparator(c)) {
        sep = true;
        continue;
      }
      if (sep && !sb.isEmpty()) sb.append(SEP);
      sep = false;
      sb.append(fold(c));
    }
    return sb.toString();
  }

  private void insert(Spelling spelling) {
    String key = key(spelling.text());
    if (key.isEmpty()) throw new IllegalArgumentException("empty spelling for " + spelling.term().name());
    Node n = root;
    for (int i = 0; i < key.length(); i++) n = n.childForBuild(key.charAt(i));
    n.ends.add(spelling);
  }

  /** Every accepted mention, leftmost-longest and non-overlapping, in text order. */
  List<SkillMention> find(String text) {
    List<SkillMention> out = new ArrayList<>();
    int len = text.length();
    int i = 0;
    while (i < len) {
      if (!startOk(text, i)) {
        i++;
        continue;
      }
      Node n = root.child(fold(text.charAt(i)));
      if (n == null) {
        i++;
        continue;
      }
      int j = i + 1;
      Spelling best = accepted(n, text, i, j);
      int bestEnd = best == null ? -1 : j;
      while (j < len) {
        char c = text.charAt(j);
        if (isSeparator(c)) {
          Node s = n.child(SEP);
          if (s == null) break;
          while (j < len && isSeparator(text.charAt(j))) j++;
          n = s;
          continue;
        }
        n = n.child(fold(c));
        if (n == null) break;
        j++;
        Spelling s = accepted(n, text, i, j);
        if (s != null) {
          best = s;
          bestEnd = j;
        }
      }
      if (best != null) {
        out.add(new SkillMention(best.term(), i, bestEnd));
        i = bestEnd;
      } else {
        i++;
      }
    }
    return out;
  }

  private static Spelling accepted(Node n, String text, int from, int to) {
    if (n.ends.isEmpty() || !endOk(text, to)) return null;
    for (Spelling s : n.ends) {
      if (s.exact() && !sameCase(text, from, to, s.text())) continue;
      if (s.context() != Context.ANY && !wordOk(text, from, to)) continue;
      if (s.context() == Context.LIST && !(listBefore(text, from) && listAfter(text, to))) continue;
      return s;
    }
    return null;
  }

  // ---- boundaries ----

  static boolean isWordChar(char c) {
    if (Character.isLetterOrDigit(c) || c == '_') return true;
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isJoiner(char c) {
    return c == '.' || c == '@' || c == '&' || c == '\u00b7';
  }

  static boolean isSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0' || c == '\u202f' || c == '\u2009'
        || c == '-' || c == '\u2010' || c == '\u2011';
  }

  private static boolean isHyphen(char c) {
    return c == '-' || c == '\u2010' || c == '\u2011';
  }

  private static boolean startOk(String text, int i) {
    if (i == 0) return true;
    char p = text.charAt(i - 1);
    if (isWordChar(p)) return false;
    return !(isJoiner(p) && i >= 2 && isWordChar(text.charAt(i - 2)));
  }

  private static boolean endOk(String text, int j) {
    if (j >= text.length()) return true;
    char c = text.charAt(j);
    if (isWordChar(c) || c == '+' || c == '#') return false;
    return !(isJoiner(c) && j + 1 < text.length() && isWordChar(text.charAt(j + 1)));
  }

  /** Not part of a hyphen compound on either side ("Go-Live", "Vitamin-C"). */
  private static boolean wordOk(String text, int from, int to) {
    if (from >= 2 && isHyphen(text.charAt(from - 1)) && Character.isLetter(text.charAt(from - 2))) return false;
    return !(to + 1 < text.length() && isHyphen(text.charAt(to)) && Character.isLetter(text.charAt(to + 1)));
  }

  private static boolean listBefore(String text, int from) {
    int k = from - 1;
    while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\u00a0')) k--;
    if (k < 0) return true;
    char p = text.charAt(k);
    if (p == '\n' || p == '\r' || ",;/|(•·:*+[{–—&-".indexOf(p) >= 0) return true;
    if (p == '.') {
      String w = wordBefore(text, k).toLowerCase(Locale.ROOT);
      return EXAMPLE_ABBREVIATIONS.contains(w);
    }
    if (!Character.isLetter(p)) return false;
    return BEFORE_ITEM.contains(wordBefore(text, k + 1).toLowerCase(Locale.ROOT));
  }

  private static boolean listAfter(String text, int to) {
    int k = to;
    int len = text.length();
    while (k < len && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '\u00a0')) k++;
    if (k >= len) return true;
    char c = text.charAt(k);
    if (c == '\n' || c == '\r' || ",;/|)•·:]}&+(–—".indexOf(c) >= 0) return true;
    if (c == '.' || c == '-') return k + 1 >= len || Character.isWhitespace(text.charAt(k + 1));
    if (!Character.isLetter(c)) return false;
    StringBuilder word = new StringBuilder();
    for (int e = k; e < len && Character.isLetter(text.charAt(e)); e++) word.append(fold(text.charAt(e)));
    return AFTER_ITEM.contains(word.toString());
  }

  /** The letters right before index {@code end} (exclusive). */
  private static String wordBefore(String text, int end) {
    int s = end;
    while (s > 0 && Character.isLetter(text.charAt(s - 1))) s--;
    return text.substring(s, end);
  }

  /** The text between from and to is written like the spelling, case included. */
  private static boolean sameCase(String text, int from, int to, String spelling) {
    int a = 0;
    int t = from;
    int n = spelling.length();
    while (a < n && t < to) {
      char ac = spelling.charAt(a);
      char tc = text.charAt(t);
      if (isSeparator(ac)) {
        if (!isSeparator(tc)) return false;
        while (a < n && isSeparator(spelling.charAt(a))) a++;
        while (t < to && isSeparator(text.charAt(t))) t++;
        continue;
      }
      if (ac != tc && !(isApostrophe(ac) && isApostrophe(tc))) return false;
      a++;
      t++;
    }
    return a == n && t == to;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u2018';
  }

  // ---- folding ----

  static char fold(char c) {
    return Fold.fold(c);
  }

  // ---- trie ----

  private static final class Node {
    private static final char[] NO_KEYS = new char[0];
    private static final Node[] NO_NODES = new Node[0];

    private TreeMap<Character, Node> building = new TreeMap<>();
    private char[] keys = NO_KEYS;
    private Node[] next = NO_NODES;
    /** Spellings ending here, exact ones first (they are the stricter claim). */
    private List<Spelling> ends = new ArrayList<>();

    Node childForBuild(char c) {
      return building.computeIfAbsent(c, k -> new Node());
    }

    void freeze() {
      keys = new char[building.size()];
      next = new Node[building.size()];
      int i = 0;
      for (var e : building.entrySet()) {
        keys[i] = e.getKey();
        next[i++] = e.getValue();
        e.getValue().freeze();
      }
      building = null;
      ends = ends.stream().sorted((a, b) -> Boolean.compare(b.exact(), a.exact())).toList();
    }

    Node child(char c) {
      int i = Arrays.binarySearch(keys, c);
      return i >= 0 ? next[i] : null;
    }
  }
}
