package com.cvgen.core.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether something mentioned at a position of a statement is required or a plus, from
 * the words around it: first the parentheses it stands in ("(PostgreSQL preferred)", "(z. B.
 * GitLab CI)"), then its sentence with parenthesised text left out; when a sentence holds both kinds
 * of cue ("Java is required, Kotlin is a plus"), its comma and "but" parts, the mention's own part
 * first, then the parts after it ("Terraform, Ansible oder Pulumi sind von Vorteil"). A negated
 * requirement ("keine Voraussetzung", "not required") reads as a plus. Without a cue the section's
 * own status stands.
 */
final class Cues {
  /** Required or a plus. */
  enum Status {
    REQUIRED, PREFERRED
  }

  private static final Set<String> ABBREVIATIONS = Set.of("etc", "bzw", "ca", "inkl", "incl", "evtl", "ggf",
      "usw", "approx", "vs", "bspw", "sog", "zb", "eg", "ie", "min", "max", "mind", "dipl", "bzgl", "resp");
  /** A part that closes a list: a conjunction or a plural verb ("Ansible oder Pulumi sind von Vorteil"). */
  private static final Pattern LIST_END = Pattern.compile(
      "\\b(?:or|and|oder|und|sowie|ou|et|are|sind|sont|w[äa]ren|seraient)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern PART_BREAK = Pattern.compile(
      ",|\\b(?:but|aber|mais|while|whereas|jedoch|cependant|however|sondern|whilst)\\b",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

  private final JobTerms terms;

  Cues(JobTerms terms) {
    this.terms = terms;
  }

  /** The status of what is mentioned at [from, to) of the text, given the section's status. */
  Status statusAt(String text, int from, int to, Status base) {
    Status s = cueAt(text, from, to);
    return s == null ? base : s;
  }

  /**
   * What the words around [from, to) say, or null when they say nothing. Within a sentence, the
   * mention's own comma part decides first; a cue in a later part reaches back to it when that part
   * ends a list ("Terraform, Ansible oder Pulumi sind von Vorteil": it holds a conjunction or a plural
   * verb and the cue stands after its content), a cue opening an earlier part reaches forward
   * ("idealerweise Kafka, RabbitMQ"), and one opening a later part does not reach back ("Python,
   * ideally also Rust").
   */
  Status cueAt(String text, int from, int to) {
    int[] paren = enclosingParentheses(text, from, to);
    if (paren != null) {
      Status s = cue(text.substring(paren[0] + 1, paren[1]), true);
      if (s != null) return s;
    }
    String blanked = blankParentheses(text);
    int[] sentence = sentence(blanked, from);
    List<int[]> parts = parts(blanked, sentence);
    int own = 0;
    for (int i = 0; i < parts.size(); i++) if (parts.get(i)[0] <= from) own = i;
    Status s = cue(part(blanked, parts.get(own)), false);
    if (s != null) return s;
    for (int i = own + 1; i < parts.size(); i++) {
      String p = part(blanked, parts.get(i));
      Status later = cue(p, false);
      if (later == null) continue;
      return !opens(p) && LIST_END.matcher(p).find() ? later : null;
    }
    for (int i = own - 1; i >= 0; i--) {
      String p = part(blanked, parts.get(i));
      Status earlier = cue(p, false);
      if (earlier == null) continue;
      return opens(p) ? earlier : null;
    }
    return null;
  }

  private static String part(String text, int[] bounds) {
    return text.substring(bounds[0], bounds[1]);
  }

  /** The part starts with its cue, after at most a short linking word ("and ideally", "mais idéalement"). */
  private boolean opens(String part) {
    List<Phrases.Hit> hits = new ArrayList<>(terms.preferred.find(part));
    hits.addAll(terms.required.find(part));
    hits.addAll(terms.notRequired.find(part));
    int first = hits.stream().mapToInt(Phrases.Hit::start).min().orElse(part.length());
    int letters = 0;
    for (int i = 0; i < first; i++) if (Character.isLetter(part.charAt(i))) letters++;
    return letters <= 4;
  }

  /** True when the text carries a nice-to-have cue (or a negated requirement) and no requirement cue. */
  boolean preferred(String text) {
    return cue(text, false) == Status.PREFERRED;
  }

  private Status cue(String text, boolean parenthesised) {
    if (parenthesised) {
      List<Phrases.Hit> examples = terms.examples.find(text);
      int lead = 0;
      while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) lead++;
      if (!examples.isEmpty() && examples.getFirst().start() == lead) return Status.PREFERRED;
    }
    boolean preferred = hasPreferred(text);
    boolean required = hasRequired(text);
    if (preferred == required) return null;
    return preferred ? Status.PREFERRED : Status.REQUIRED;
  }

  private boolean hasPreferred(String text) {
    return terms.preferred.in(text) || terms.notRequired.in(text);
  }

  /** A requirement cue that is not part of a negated one ("keine Voraussetzung"). */
  private boolean hasRequired(String text) {
    List<Phrases.Hit> negated = terms.notRequired.find(text);
    for (Phrases.Hit h : terms.required.find(text)) {
      boolean inside = negated.stream().anyMatch(n -> n.start() <= h.start() && h.end() <= n.end());
      if (!inside) return true;
    }
    return false;
  }

  /** The innermost parentheses around [from, to), as {open, close} indexes, or null. */
  static int[] enclosingParentheses(String text, int from, int to) {
    int depth = 0;
    int open = -1;
    for (int i = from - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == ')') depth++;
      else if (c == '(') {
        if (depth == 0) {
          open = i;
          break;
        }
        depth--;
      }
    }
    if (open < 0) return null;
    depth = 0;
    for (int i = to; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') depth++;
      else if (c == ')') {
        if (depth == 0) return new int[] {open, i};
        depth--;
      }
    }
    return null;
  }

  /** The text with everything inside parentheses replaced by spaces (same length). */
  static String blankParentheses(String text) {
    char[] out = text.toCharArray();
    int depth = 0;
    for (int i = 0; i < out.length; i++) {
      char c = out[i];
      if (c == '(') depth++;
      else if (c == ')') depth = Math.max(0, depth - 1);
      else if (depth > 0) out[i] = ' ';
    }
    return new String(out);
  }

  /** The bounds of the sentence holding position {@code at}: split at ';' and at sentence ends. */
  static int[] sentence(String text, int at) {
    int start = 0;
    int end = text.length();
    for (int i = 0; i < text.length(); i++) {
      if (!isSentenceEnd(text, i)) continue;
      if (i < at) start = i + 1;
      else {
        end = i;
        break;
      }
    }
    return new int[] {start, end};
  }

  private static boolean isSentenceEnd(String text, int i) {
    char c = text.charAt(i);
    if (c == ';' || c == '•') return true;
    if (c != '.' && c != '!' && c != '?') return false;
    if (i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) return false;
    if (c != '.') return true;
    int s = i;
    while (s > 0 && Character.isLetter(text.charAt(s - 1))) s--;
    String word = text.substring(s, i).toLowerCase(java.util.Locale.ROOT);
    return word.length() > 2 && !ABBREVIATIONS.contains(word)
        || word.isEmpty() && i > 0 && Character.isDigit(text.charAt(i - 1));
  }

  private static List<int[]> parts(String text, int[] sentence) {
    List<int[]> out = new ArrayList<>();
    Matcher m = PART_BREAK.matcher(text).region(sentence[0], sentence[1]);
    int start = sentence[0];
    while (m.find()) {
      out.add(new int[] {start, m.start()});
      start = m.end();
    }
    out.add(new int[] {start, sentence[1]});
    return out;
  }
}
