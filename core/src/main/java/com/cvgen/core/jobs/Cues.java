package com.cvgen.core.jobs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether something mentioned at a position of a statement is required or a plus, from
 * the words around it: first the parentheses it stands in ("(PostgreSQL preferred)", "(z. B.
 * GitLab CI)"), then its sentence with parenthesised text left out. Within a sentence the mention's
 * own comma part decides first ("Java is required, Kotlin is a plus"); a cue in a later part reaches
 * back to it when that part ends a list ("Terraform, Ansible oder Pulumi sind von Vorteil": it holds
 * a conjunction or a plural verb and the cue stands after its content); a cue opening an earlier
 * part reaches forward ("Idealerweise Kafka, RabbitMQ"); one opening a later part does not reach
 * back ("Python, ideally also Rust"). A negated requirement ("keine Voraussetzung", "not required")
 * reads as a plus. Without a cue the section's own status stands.
 *
 * <p>A statement is {@linkplain #analyse(String) analysed} once (parentheses, sentences, parts and
 * their cues), so that looking up many mentions in a long statement stays linear.
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

  /** A statement prepared for look-ups; not thread-safe, use it where it was made. */
  final class Analysis {
    private final String text;
    /** Per position: the innermost '(' still open there, or -1. */
    private final int[] open;
    /** Per '(' position: its ')', or -1. */
    private final int[] close;
    private final Map<Integer, Optional<Status>> parenthesisCues = new HashMap<>();
    private final int[] sentenceStart;
    private final int[] sentenceEnd;
    private final int[] partStart;
    private final int[] partEnd;
    private final int[] partSentence;
    private final Status[] partCue;
    private final boolean[] partPassesBack;
    private final boolean[] partPassesOn;
    private final int[] nextCued;
    private final int[] previousCued;

    private Analysis(String text) {
      this.text = text;
      int n = text.length();
      open = new int[n + 1];
      close = new int[n + 1];
      Arrays.fill(close, -1);
      char[] blanked = text.toCharArray();
      Deque<Integer> stack = new ArrayDeque<>();
      for (int i = 0; i < n; i++) {
        open[i] = stack.isEmpty() ? -1 : stack.peek();
        char c = text.charAt(i);
        if (c == '(') {
          stack.push(i);
        } else if (c == ')' && !stack.isEmpty()) {
          close[stack.pop()] = i;
        } else if (!stack.isEmpty()) {
          blanked[i] = ' ';
        }
      }
      open[n] = stack.isEmpty() ? -1 : stack.peek();
      String b = new String(blanked);

      List<int[]> sentences = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (isSentenceEnd(b, i)) {
          sentences.add(new int[] {start, i});
          start = i + 1;
        }
      }
      sentences.add(new int[] {start, n});
      sentenceStart = sentences.stream().mapToInt(s -> s[0]).toArray();
      sentenceEnd = sentences.stream().mapToInt(s -> s[1]).toArray();

      List<int[]> parts = new ArrayList<>();
      for (int s = 0; s < sentences.size(); s++) {
        Matcher m = PART_BREAK.matcher(b).region(sentenceStart[s], sentenceEnd[s]);
        int from = sentenceStart[s];
        while (m.find()) {
          parts.add(new int[] {from, m.start(), s});
          from = m.end();
        }
        parts.add(new int[] {from, sentenceEnd[s], s});
      }
      int p = parts.size();
      partStart = new int[p];
      partEnd = new int[p];
      partSentence = new int[p];
      partCue = new Status[p];
      partPassesBack = new boolean[p];
      partPassesOn = new boolean[p];
      for (int i = 0; i < p; i++) {
        partStart[i] = parts.get(i)[0];
        partEnd[i] = parts.get(i)[1];
        partSentence[i] = parts.get(i)[2];
        String part = b.substring(partStart[i], partEnd[i]);
        partCue[i] = cue(part, false);
        if (partCue[i] != null) {
          boolean opens = opens(part);
          partPassesBack[i] = !opens && LIST_END.matcher(part).find();
          partPassesOn[i] = opens;
        }
      }
      nextCued = new int[p];
      previousCued = new int[p];
      int next = -1;
      for (int i = p - 1; i >= 0; i--) {
        nextCued[i] = next;
        if (partCue[i] != null) next = i;
      }
      int previous = -1;
      for (int i = 0; i < p; i++) {
        previousCued[i] = previous;
        if (partCue[i] != null) previous = i;
      }
    }

    /** What the words around [from, to) say, or null when they say nothing. */
    Status cueAt(int from, int to) {
      int paren = from < open.length ? open[from] : -1;
      if (paren >= 0 && close[paren] >= to) {
        Optional<Status> s = parenthesisCues.computeIfAbsent(paren,
            o -> Optional.ofNullable(cue(text.substring(o + 1, close[o]), true)));
        if (s.isPresent()) return s.get();
      }
      int own = part(from);
      if (partCue[own] != null) return partCue[own];
      int later = nextCued[own];
      if (later >= 0 && partSentence[later] == partSentence[own]) {
        return partPassesBack[later] ? partCue[later] : null;
      }
      int earlier = previousCued[own];
      if (earlier >= 0 && partSentence[earlier] == partSentence[own]) {
        return partPassesOn[earlier] ? partCue[earlier] : null;
      }
      return null;
    }

    Status statusAt(int from, int to, Status base) {
      Status s = cueAt(from, to);
      return s == null ? base : s;
    }

    /** The sentence holding a position, as {start, end}. */
    int[] sentence(int at) {
      int i = Arrays.binarySearch(sentenceStart, at);
      int s = i >= 0 ? i : Math.max(0, -i - 2);
      return new int[] {sentenceStart[s], sentenceEnd[s]};
    }

    private int part(int at) {
      int i = Arrays.binarySearch(partStart, at);
      return i >= 0 ? i : Math.max(0, -i - 2);
    }
  }

  Analysis analyse(String text) {
    return new Analysis(text);
  }

  /** The status of what is mentioned at [from, to) of the text, given the section's status. */
  Status statusAt(String text, int from, int to, Status base) {
    return analyse(text).statusAt(from, to, base);
  }

  /** What the words around [from, to) of the text say, or null. */
  Status cueAt(String text, int from, int to) {
    return analyse(text).cueAt(from, to);
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
    boolean preferred = terms.preferred.in(text) || terms.notRequired.in(text);
    boolean required = hasRequired(text);
    if (preferred == required) return null;
    return preferred ? Status.PREFERRED : Status.REQUIRED;
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

  private static boolean isSentenceEnd(String text, int i) {
    char c = text.charAt(i);
    if (c == ';' || c == '\u2022') return true;
    if (c != '.' && c != '!' && c != '?') return false;
    if (i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) return false;
    if (c != '.') return true;
    int s = i;
    while (s > 0 && Character.isLetter(text.charAt(s - 1))) s--;
    String word = text.substring(s, i).toLowerCase(Locale.ROOT);
    return word.length() > 2 && !ABBREVIATIONS.contains(word)
        || word.isEmpty() && i > 0 && Character.isDigit(text.charAt(i - 1));
  }
}
