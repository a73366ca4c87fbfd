package com.cvgen.core.analyze;

import com.cvgen.core.text.DateRanges;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Month arithmetic on JSON Resume dates for the feedback rules.
 *
 * <p>A month is counted as {@code year * 12 + month - 1}. A date is read as the {@link Bounds range
 * of months} it may mean: {@code 2019-03} is exactly March 2019, {@code 2019} any month of 2019. Rules
 * that report a problem use the reading that makes the problem smallest (a gap is measured from the
 * latest possible end to the earliest possible start), so a year-only date never causes a false
 * gap, overlap or wrong order.
 */
final class FeedbackDates {

  /** ISO dates as JSON Resume has them; the month may have one digit, as {@code Labels} accepts. */
  private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
  private static final int MIN_YEAR = 1900;
  private static final int MAX_YEAR = 2100;

  /** End dates that mean "still ongoing" although the schema wants a date or nothing. */
  private static final Set<String> ONGOING_WORDS = Set.of("present", "current", "now", "today", "ongoing",
      "heute", "bis heute", "aktuell", "jetzt", "derzeit", "laufend", "aujourd'hui", "aujourd’hui", "actuel",
      "actuellement", "en cours", "à ce jour");

  private FeedbackDates() {}

  /**
   * The months a date may mean, {@code earliest <= latest}.
   *
   * @param earliest the first month the date may stand for
   * @param latest the last month the date may stand for (equal to earliest for a month date)
   */
  record Bounds(int earliest, int latest) {
    Bounds {
      if (latest < earliest) throw new IllegalArgumentException("latest before earliest");
    }

    static Bounds month(int month) {
      return new Bounds(month, month);
    }

    /** True when the date names a year but no month. */
    boolean yearOnly() {
      return latest != earliest;
    }
  }

  /**
   * The dates of one CV entry as far as they could be read.
   *
   * @param entry the entry
   * @param start the start date
   * @param end the end date; for an ongoing entry the reference month
   * @param ongoing true when the entry has a start but no end (or an end such as "present")
   */
  record Period(FeedbackIssue.EntryRef entry, Bounds start, Bounds end, boolean ongoing) {
    /** The first month the entry may have started, for coverage (gaps). */
    int widestFrom() {
      return start.earliest();
    }

    /** The last month the entry may have lasted to, for coverage (gaps). */
    int widestTo() {
      return end.latest();
    }

    /** The first month the entry certainly ran in, for overlaps. */
    int surelyFrom() {
      return start.latest();
    }

    /** The last month the entry certainly ran in, for overlaps. */
    int surelyTo() {
      return end.earliest();
    }

    /** False when the end certainly lies before the start (such an entry is left out of time lines). */
    boolean consistent() {
      return end.latest() >= start.earliest();
    }
  }

  /** True when the value is null or blank. */
  static boolean absent(String value) {
    return value == null || value.isBlank();
  }

  /** True for an end date written as a word meaning "ongoing" ("Present", "heute", "en cours"...). */
  static boolean ongoingWord(String value) {
    return value != null && ONGOING_WORDS.contains(value.strip().toLowerCase(Locale.ROOT));
  }

  /**
   * Reads a date: ISO {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD} first, else any single date
   * the CV date reader understands ("March 2021", "03/2021"). Empty for blank, unreadable and
   * placeholder dates ("20XX") and for years outside 1900..2100.
   */
  static Optional<Bounds> parse(String value) {
    if (absent(value)) return Optional.empty();
    String text = value.strip();
    Matcher m = ISO.matcher(text);
    if (m.matches()) return fromIso(m);
    return DateRanges.parseDate(text).flatMap(iso -> {
      Matcher again = ISO.matcher(iso);
      return again.matches() ? fromIso(again) : Optional.empty();
    });
  }

  /** True when the value is present but {@link #parse} cannot read it and it is no "ongoing" word. */
  static boolean unreadable(String value) {
    return !absent(value) && !ongoingWord(value) && parse(value).isEmpty();
  }

  private static Optional<Bounds> fromIso(Matcher m) {
    int year = Integer.parseInt(m.group(1));
    if (year < MIN_YEAR || year > MAX_YEAR) return Optional.empty();
    if (m.group(2) == null) return Optional.of(new Bounds(year * 12, year * 12 + 11));
    int month = Integer.parseInt(m.group(2));
    if (month < 1 || month > 12) return Optional.empty();
    if (m.group(3) != null) {
      int day = Integer.parseInt(m.group(3));
      if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) return Optional.empty();
    }
    return Optional.of(Bounds.month(year * 12 + month - 1));
  }

  /**
   * The period of an entry, if its start can be read and its end is readable or absent (ongoing).
   * An ongoing entry lasts to the reference month, or to its start if that lies in the future.
   */
  static Optional<Period> period(FeedbackIssue.EntryRef entry, String startDate, String endDate, int referenceMonth) {
    Optional<Bounds> start = parse(startDate);
    if (start.isEmpty()) return Optional.empty();
    if (absent(endDate) || ongoingWord(endDate)) {
      int until = Math.max(referenceMonth, start.get().latest());
      return Optional.of(new Period(entry, start.get(), Bounds.month(until), true));
    }
    return parse(endDate).map(end -> new Period(entry, start.get(), end, false));
  }

  /** The month of a {@link YearMonth} in this class's counting. */
  static int month(YearMonth yearMonth) {
    return yearMonth.getYear() * 12 + yearMonth.getMonthValue() - 1;
  }

  /** A month for display in any of the languages: "03/2019". */
  static String display(int month) {
    return String.format(Locale.ROOT, "%02d/%d", month % 12 + 1, month / 12);
  }

  /** A date for display: "03/2019", or "2019" for a year-only date. */
  static String display(Bounds date) {
    return date.yearOnly() ? Integer.toString(date.earliest() / 12) : display(date.earliest());
  }
}
