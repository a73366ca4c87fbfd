package com.cvgen.core.analyze;

import static com.cvgen.core.model.Feedback.Severity.INFO;

import com.cvgen.core.analyze.FeedbackIssue.Listing;
import com.cvgen.core.analyze.FeedbackIssue.Quoted;
import com.cvgen.core.model.Extraction;
import com.cvgen.core.model.Extraction.FieldSource;
import com.cvgen.core.model.Resume;
import com.cvgen.core.text.DateMatch;
import com.cvgen.core.text.DateRanges;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the source document was written, as far as the extraction kept it: the format of the start
 * dates of the roles and education entries ({@code meta.cvgen.fields["/work/0/startDate"].text}).
 * Nothing is said when the CV carries no extraction metadata.
 *
 * <p>Formats told apart: month name ("Mar 2021", "März 2021", "mars 2021"), numeric month
 * ("03/2021", "3.2021"), ISO ("2021-03", "2021-03-31") and full numeric date ("31.03.2021"). A bare
 * year fits with any of them (years for education next to months for roles are common and fine).
 */
final class FeedbackFormatCheck implements FeedbackCheck {

  /** The written forms of a date. */
  enum Style {
    MONTH_NAME, NUMERIC_MONTH, ISO, NUMERIC_DAY
  }

  private static final String MONTH = "(?:jan(?:uary|uar|vier)?|janv|feb(?:ruary|ruar)?|févr(?:ier)?|fevr(?:ier)?"
      + "|mar(?:ch|s)?|märz|maerz|apr(?:il)?|avr(?:il)?|may|mai|jun[ei]?|juin|jul[iy]?|juil(?:let)?|aug(?:ust)?"
      + "|août|aout|sep(?:t|tember|tembre)?|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|embre)?"
      + "|dec(?:ember)?|dez(?:ember)?|déc(?:embre)?)";
  private static final Map<Style, Pattern> STYLES = new EnumMap<>(Map.of(
      Style.MONTH_NAME, Pattern.compile("(?<!\\p{L})" + MONTH + "\\.?\\s*(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?"
          + "(?:\\d{4}|['’]\\d{2})(?!\\d)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
      Style.NUMERIC_MONTH, Pattern.compile("(?<![\\d./-])\\d{1,2}[./-]\\d{4}(?!\\d)"),
      Style.ISO, Pattern.compile("(?<![\\d./-])\\d{4}-\\d{1,2}(?:-\\d{1,2})?(?![\\d])"),
      Style.NUMERIC_DAY, Pattern.compile("(?<![\\d./-])\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}(?!\\d)")));

  /** A date as written in the source: its style and the text of the first point. */
  record Written(Style style, String text) {}

  @Override
  public void check(FeedbackContext context, List<FeedbackIssue> out) {
    Resume cv = context.cv();
    Extraction extraction = cv.meta() == null ? null : cv.meta().extraction();
    if (extraction == null || extraction.fields().isEmpty()) return;
    Map<String, Written> written = new LinkedHashMap<>();
    for (String section : List.of("work", "education")) {
      int size = section.equals("work") ? cv.work().size() : cv.education().size();
      for (int i = 0; i < size; i++) {
        String pointer = "/" + section + "/" + i + "/startDate";
        FieldSource source = extraction.fields().get(pointer);
        if (source != null) style(source.text()).ifPresent(w -> written.put(pointer, w));
      }
    }
    Map<Style, List<String>> byStyle = new EnumMap<>(Style.class);
    Map<Style, String> example = new LinkedHashMap<>();
    written.forEach((pointer, w) -> {
      byStyle.computeIfAbsent(w.style(), s -> new ArrayList<>()).add(pointer);
      example.putIfAbsent(w.style(), w.text());
    });
    if (byStyle.size() < 2) return;
    Style usual = byStyle.entrySet().stream()
        .max((a, b) -> a.getValue().size() != b.getValue().size()
            ? Integer.compare(a.getValue().size(), b.getValue().size())
            : -Integer.compare(firstIndex(written, a.getKey()), firstIndex(written, b.getKey())))
        .orElseThrow().getKey();
    String location = written.entrySet().stream().filter(e -> e.getValue().style() != usual)
        .map(Map.Entry::getKey).findFirst().orElseThrow();
    List<Quoted> examples = example.values().stream().map(Quoted::new).toList();
    out.add(FeedbackIssue.of(FeedbackRule.DATE_FORMATS_INCONSISTENT, INFO, location, byStyle.size(),
        new Listing(examples), new Quoted(example.get(usual))));
  }

  private static int firstIndex(Map<String, Written> written, Style style) {
    int i = 0;
    for (Written w : written.values()) {
      if (w.style() == style) return i;
      i++;
    }
    return Integer.MAX_VALUE;
  }

  /**
   * The style of the first date in a source text (the text may hold the whole line, e.g. "Tobias
   * Wust 2018-03-31 —"); empty when the text holds no date or only years.
   */
  static Optional<Written> style(String text) {
    if (text == null) return Optional.empty();
    List<DateMatch> dates = DateRanges.findAll(text);
    if (dates.isEmpty()) return Optional.empty();
    String date = text.substring(dates.getFirst().from(), dates.getFirst().to());
    Written best = null;
    int bestAt = Integer.MAX_VALUE;
    for (Style s : Style.values()) {
      Matcher m = STYLES.get(s).matcher(date);
      if (m.find() && (m.start() < bestAt || (m.start() == bestAt && m.group().length() > best.text().length()))) {
        best = new Written(s, m.group().strip());
        bestAt = m.start();
      }
    }
    return Optional.ofNullable(best);
  }
}
