package com.cvgen.core.analyze;

import com.cvgen.core.analyze.FeedbackIssue.EntryRef;
import com.cvgen.core.analyze.FeedbackIssue.Listing;
import com.cvgen.core.analyze.FeedbackIssue.Quoted;
import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.model.Education;
import com.cvgen.core.model.Project;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Volunteer;
import com.cvgen.core.model.Work;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The feedback texts of one language, from {@code /cvgen/feedback_<lang>.properties} (UTF-8).
 *
 * <p>Keys: {@code <rule>.message} and {@code <rule>.suggestion} (with {@code .<variant>} appended
 * for another wording), {@link java.text.MessageFormat} patterns in the output language's locale;
 * an apostrophe in a pattern must be doubled ({@code ''}) or written typographically (’). Plain
 * texts (not patterns): {@code quote.open}, {@code quote.close}, {@code list.separator},
 * {@code list.last}; and the entry name patterns {@code entry.*} ("{0} at {1}").
 *
 * <p>Every language must have exactly the same keys; a missing key is a programming error and
 * fails loudly.
 */
final class FeedbackMessages {

  /** Longest text shown from the CV inside a message (entry names, skills, e-mail). */
  static final int MAX_QUOTED = 90;
  /** Longest title or organisation shown in an entry name. */
  static final int MAX_NAME_PART = 50;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");
  private static final Map<OutputLanguage, FeedbackMessages> CACHE = new EnumMap<>(OutputLanguage.class);

  private final OutputLanguage language;
  private final Map<String, String> texts;

  private FeedbackMessages(OutputLanguage language, Map<String, String> texts) {
    this.language = language;
    this.texts = texts;
  }

  /** The texts of {@code language} (loaded once). */
  static FeedbackMessages of(OutputLanguage language) {
    synchronized (CACHE) {
      return CACHE.computeIfAbsent(language, l -> new FeedbackMessages(l, load(resource(l))));
    }
  }

  /** The class path resource of a language's texts. */
  static String resource(OutputLanguage language) {
    return "/cvgen/feedback_" + language.code() + ".properties";
  }

  private static Map<String, String> load(String resource) {
    try (InputStream in = FeedbackMessages.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("feedback texts missing: " + resource);
      Properties p = new Properties();
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(reader);
      }
      Map<String, String> texts = new HashMap<>();
      p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
      return Collections.unmodifiableMap(texts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  OutputLanguage language() {
    return language;
  }

  /** All keys, sorted. */
  Set<String> keys() {
    return Collections.unmodifiableSet(new TreeSet<>(texts.keySet()));
  }

  /** The raw text of a key. */
  String text(String key) {
    String t = texts.get(key);
    if (t == null) throw new IllegalStateException("feedback text '" + key + "' missing in " + resource(language));
    return t;
  }

  /** The message of an issue in this language, its arguments rendered against {@code cv}. */
  String message(FeedbackIssue issue, Resume cv) {
    return format(key(issue, "message"), issue.args(), cv);
  }

  /** The suggestion of an issue in this language. */
  String suggestion(FeedbackIssue issue, Resume cv) {
    return format(key(issue, "suggestion"), issue.args(), cv);
  }

  private String key(FeedbackIssue issue, String part) {
    String base = issue.rule().id() + "." + part;
    return issue.variant() == null ? base : base + "." + issue.variant();
  }

  /** Formats the pattern of {@code key} with the arguments rendered for display. */
  String format(String key, List<Object> args, Resume cv) {
    Object[] shown = args.stream().map(a -> render(a, cv)).toArray();
    return new MessageFormat(text(key), language.locale()).format(shown);
  }

  private Object render(Object arg, Resume cv) {
    return switch (arg) {
      case EntryRef ref -> quote(entryName(ref, cv));
      case Quoted q -> quote(q.text());
      case Listing l -> join(l.items().stream().map(i -> String.valueOf(render(i, cv))).toList());
      case null -> "";
      default -> arg;
    };
  }

  /** The text quoted the way the language does it ('…', „…“, « … »), shortened if long. */
  String quote(String text) {
    return text("quote.open") + FeedbackText.shorten(text, MAX_QUOTED) + text("quote.close");
  }

  /** Items joined as a list: "A, B and C" / "A, B und C" / "A, B et C". */
  String join(List<String> items) {
    if (items.isEmpty()) return "";
    if (items.size() == 1) return items.getFirst();
    List<String> head = new ArrayList<>(items.subList(0, items.size() - 1));
    return String.join(text("list.separator"), head) + text("list.last") + items.getLast();
  }

  /**
   * How an entry is named in messages: "Backend Engineer at Quillmark Health", the title or the
   * organisation alone when only one is known, else "role 3" / "Station 3" / "poste 3".
   */
  String entryName(EntryRef ref, Resume cv) {
    int n = ref.index() + 1;
    return switch (ref.section()) {
      case WORK -> {
        Work w = ref.index() < cv.work().size() ? cv.work().get(ref.index()) : null;
        yield w == null ? numbered("entry.work.numbered", n) : named("entry.work", w.position(), w.name(), n);
      }
      case EDUCATION -> {
        Education e = ref.index() < cv.education().size() ? cv.education().get(ref.index()) : null;
        yield e == null ? numbered("entry.education.numbered", n)
            : named("entry.education", degree(e), e.institution(), n);
      }
      case VOLUNTEER -> {
        Volunteer v = ref.index() < cv.volunteer().size() ? cv.volunteer().get(ref.index()) : null;
        yield v == null ? numbered("entry.volunteer.numbered", n)
            : named("entry.volunteer", v.position(), v.organization(), n);
      }
      case PROJECTS -> {
        Project p = ref.index() < cv.projects().size() ? cv.projects().get(ref.index()) : null;
        yield p == null ? numbered("entry.project.numbered", n) : named("entry.project", p.name(), p.entity(), n);
      }
    };
  }

  private static String degree(Education e) {
    boolean type = !FeedbackText.blank(e.studyType());
    boolean area = !FeedbackText.blank(e.area());
    if (type && area) return e.studyType().strip() + " " + e.area().strip();
    return type ? e.studyType() : area ? e.area() : null;
  }

  private String named(String prefix, String what, String where, int n) {
    String a = FeedbackText.blank(what) ? null : FeedbackText.shorten(what, MAX_NAME_PART);
    String b = FeedbackText.blank(where) ? null : FeedbackText.shorten(where, MAX_NAME_PART);
    if (a != null && b != null) return fill(text(prefix), a, b);
    if (a != null) return a;
    if (b != null) return b;
    return numbered(prefix + ".numbered", n);
  }

  private String numbered(String key, int n) {
    return fill(text(key), Integer.toString(n));
  }

  /**
   * The pattern with each "{i}" replaced by {@code values[i]} in one pass, so a value that itself
   * contains "{1}" stays as it is.
   */
  static String fill(String pattern, String... values) {
    StringBuilder out = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(pattern);
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(i < values.length ? values[i] : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
