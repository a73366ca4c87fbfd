package com.cvgen.core.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds dates and date ranges as CVs write them, in English, German, French (and, for month names,
 * Spanish, Italian, Dutch and Portuguese), and turns them into ISO {@code YYYY-MM} / {@code YYYY}.
 *
 * <p>Recognised single dates ("points"): month name + year ({@code Mar 2021}, {@code Sept. 2020},
 * {@code März 2021}, {@code févr. 2018}, {@code 15 March 2021}, {@code March 15, 2021}, {@code Mar
 * '21}); numeric month/year ({@code 03/2021}, {@code 3.2021}, {@code 03-2021}); ISO ({@code
 * 2021-03}, {@code 2021-03-31}); full numeric dates ({@code 31.03.2019}, {@code 31/03/2019}, and
 * month-first {@code 03/31/2019} when the day makes it unambiguous); seasons and qualifiers that
 * keep only the year ({@code Summer 2019}, {@code Ende 2019}, {@code mid-2019}, {@code Q3 2019});
 * {@code '19}; a bare year; and placeholders ({@code January 20XX}) which match but carry no date.
 *
 * <p>Ranges join two points (or a point and a present-word) with a dash (hyphen, en dash, em dash,
 * minus, with or without spaces) or a word ({@code to}, {@code until}, {@code bis}, {@code à},
 * {@code au}, {@code jusqu'à}, {@code hasta}...), optionally after {@code from/von/de/du}, or
 * {@code between X and Y} / {@code zwischen X und Y} / {@code entre X et Y}. A range is open
 * ({@link DateMatch#ongoing()}) when it ends with a present-word, starts with {@code since / seit /
 * ab / depuis / dès / desde}, or ends with a bare dash followed by the end of the text or line, a
 * closing bracket, "|", or a wide gap (a tab or three spaces: the next column). {@code Mar –
 * Jun 2021} takes the start year from the end; {@code 2019–21} and {@code 2019/20} expand the short
 * end year.
 *
 * <p>Numbers are read as years only in 1950..2039 and only when they stand alone: not inside a
 * longer digit run ({@code 10115}), not as a group of a phone number ({@code 555-2019},
 * {@code +49 30 2019 4567}), not as a decimal or percentage ({@code 2019.5}, {@code 2019 %}) and
 * not after a currency sign. Two-digit years are read only after an apostrophe ({@code '21}) or as
 * the short end of a range, so phone numbers and counts ("11. Lebensjahr") never become dates.
 *
 * <p>All methods are thread-safe and never throw on any input, including null.
 */
public final class DateRanges {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Month names and abbreviations (lower case) to month number. */
  private static final Map<String, Integer> MONTHS = months();

  private static final String YEAR = "(?:19[5-9]\\d|20[0-3]\\d)";
  private static final String YY = "(?:[0-3]\\d|[5-9]\\d)";
  private static final String APOS = "['\u2018\u2019\u02BC]";
  private static final String NOT_ALNUM_BEFORE = "(?<![\\p{L}\\d])";
  private static final String NOT_ALNUM_AFTER = "(?![\\p{L}\\d])";
  private static final String NUM_START = "(?<![\\p{L}\\d.,/])";
  private static final String DAY = "(?:0?[1-9]|[12]\\d|3[01])";
  private static final String MON_NUM = "(?:0?[1-9]|1[0-2])";
  private static final String MONTH =
      "(?<!\\p{L})(?:" + alternation(MONTHS.keySet()) + ")(?!\\p{L})";
  private static final String DASH = "[\\-\u00ad\u2010-\u2015\u2212\uff0d~]";

  private static final String SEASON =
      "(?<!\\p{L})(?:spring|summer|fall|autumn|winter|early|mid|late|end\\h+of|beginning\\h+of"
          + "|start\\h+of|fr\u00fchling|fr\u00fchjahr|sommer|herbst|anfang|mitte|ende"
          + "|wintersemester|sommersemester|ws|ss|printemps|\u00e9t\u00e9|ete|automne|hiver"
          + "|d\u00e9but|debut|fin|mi(?=-)|primavera|verano|oto\u00f1o|invierno|estate|autunno"
          + "|inverno|voorjaar|zomer|najaar|q[1-4]|h[12])";

  /** One way of writing a single date, with the conversion of its groups to ISO (null: none). */
  private record Form(String regex, Pattern pattern, Function<MatchResult, String> iso) {
    Form(String regex, Function<MatchResult, String> iso) {
      this(regex, Pattern.compile(regex, FLAGS), iso);
    }
  }

  /** The forms of a single date, in the order they are tried at one position. */
  private static final List<Form> FORMS =
      List.of(
          // 31.03.2019, 31/03/2019, 31-03-2019, 03/31/2019 (month first only when day > 12)
          new Form(
              NUM_START
                  + "(?:("
                  + DAY
                  + ")[./-]("
                  + MON_NUM
                  + ")|("
                  + MON_NUM
                  + ")[/-](1[3-9]|2\\d|3[01]))[./-]("
                  + YEAR
                  + ")"
                  + NOT_ALNUM_AFTER,
              m -> iso(m.group(5), m.group(2) != null ? m.group(2) : m.group(3))),
          // 2021-03, 2021-03-31
          new Form(
              NUM_START
                  + "("
                  + YEAR
                  + ")-(0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?"
                  + NOT_ALNUM_AFTER,
              m -> iso(m.group(1), m.group(2))),
          // Mar 2021, Sept. 2020, 15. März 2021, 1er mars 2020, March 15, 2021, Mar '21
          new Form(
              "(?:"
                  + NOT_ALNUM_BEFORE
                  + "("
                  + DAY
                  + ")(?:\\.|er|st|nd|rd|th)?\\h(?:of\\h)?)?("
                  + MONTH
                  + ")\\.?(?:\\h("
                  + DAY
                  + ")(?:st|nd|rd|th)?\\.?,?)?(?:\\h{0,2},?\\h{0,2}|[-/.])(?:("
                  + YEAR
                  + ")|"
                  + APOS
                  + "("
                  + YY
                  + "))"
                  + NOT_ALNUM_AFTER,
              m -> iso(m.group(4) != null ? m.group(4) : fullYear(m.group(5)), month(m.group(2)))),
          // 03/2021, 3.2021, 03-2021
          new Form(
              NUM_START
                  + "(?:("
                  + MON_NUM
                  + ")[./]|(0[1-9]|1[0-2])-)("
                  + YEAR
                  + ")"
                  + NOT_ALNUM_AFTER,
              m -> iso(m.group(3), m.group(1) != null ? m.group(1) : m.group(2))),
          // Summer 2019, Ende 2019, mid-2019, Q3 2019: the year only
          new Form(
              SEASON
                  + "(?:\\h+(?:of|de|del|du)\\h+|\\h*[-/]\\h*|\\h+)("
                  + YEAR
                  + ")"
                  + NOT_ALNUM_AFTER,
              m -> m.group(1)),
          // January 20XX, 03/20XX, 20XX: a placeholder, no date
          new Form(
              "(?:"
                  + MONTH
                  + "\\.?\\h*|"
                  + NUM_START
                  + MON_NUM
                  + "[./])?"
                  + NOT_ALNUM_BEFORE
                  + "(?:19|20)x{2}"
                  + NOT_ALNUM_AFTER,
              m -> null),
          // '19
          new Form(
              NOT_ALNUM_BEFORE + APOS + "(" + YY + ")" + NOT_ALNUM_AFTER,
              m -> fullYear(m.group(1))),
          // 2019
          new Form(NOT_ALNUM_BEFORE + "(" + YEAR + ")" + NOT_ALNUM_AFTER, m -> m.group(1)));

  private static final Form BARE_YEAR = FORMS.getLast();
  private static final Form APOS_YEAR = FORMS.get(FORMS.size() - 2);
  private static final Form MONTH_NAME = FORMS.get(2);

  private static final String POINT =
      FORMS.stream().map(f -> "(?:" + f.regex() + ")").collect(Collectors.joining("|", "(?:", ")"));

  /** A present-word, optionally after its own "to"/"bis"/"à" ("– bis heute", "– à ce jour"). */
  private static final String PRESENT =
      "(?<!\\p{L})(?:(?:bis|to|till|until|\u00e0|jusqu"
          + APOS
          + "?\u00e0|hasta|a)\\h+)?"
          + "(?:pr[e\u00e9]sent(?:ly|e)?|current(?:ly)?|now|today|on-?going|date(?!\\h+of)"
          + "|heute|heutigen\\h+tag|aktuell|dato|jetzt|derzeit|laufend|gegenw[\u00e4a]rtig"
          + "|aujourd"
          + APOS
          + "?hui|ce\\h+jour|maintenant|actuel(?:le)?(?:ment)?|en\\h+cours"
          + "|(?:la\\h+)?actualidad|(?:la\\h+)?fecha|hoy|oggi|in\\h+corso|heden|nu"
          + "|atual(?:mente)?|hoje)(?!\\p{L})";

  private static final String SEP_WORD =
      "to|till|til|until|through|thru|bis(?:\\h+(?:zum|zur))?|\u00e0|a|au|jusqu"
          + APOS
          + "?(?:\u00e0|au|en)|hasta|al|fino\\h+a|tot";
  private static final String SEP =
      "(?:\\h*" + DASH + "{1,2}\\h*|\\h*[\u2192>]\\h*|\\h+(?:" + SEP_WORD + ")\\h+)";
  private static final String AND_SEP = "\\h+(?:and|und|et|y|e|&)\\h+";

  private static final String OPEN_PREFIX =
      "(?<!\\p{L})(?:(?:since|seit(?:\\h+(?:dem|der))?|ab|d\u00e8s|desde|dal|sinds"
          + "|depuis(?:\\h+le)?)\\h+|depuis\\h+l"
          + APOS
          + "\\h*)";
  private static final String FROM_PREFIX = "(?<!\\p{L})(?:from|von|vom|de|du)\\h+";
  private static final String BETWEEN_PREFIX = "(?<!\\p{L})(?:between|zwischen|entre)\\h+";

  private static final Pattern RANGE =
      Pattern.compile(
          // cheap first test: a match starts with a digit, an apostrophe or a word's first letter
          "(?=[\\d'\u2018\u2019\u02BC]|(?<!\\p{L})\\p{L})"
              + "(?:(?<open>"
              + OPEN_PREFIX
              + ")|(?<frm>"
              + FROM_PREFIX
              + ")|(?<betw>"
              + BETWEEN_PREFIX
              + "))?"
              + "(?:(?<mstart>"
              + MONTH
              + ")\\.?"
              + SEP
              + "(?<mend>"
              + MONTH_NAME.regex()
              + ")"
              + "|(?<start>"
              + POINT
              + ")(?:(?<sep>"
              + SEP
              + "|"
              + AND_SEP
              + ")(?:(?<end>"
              + POINT
              + ")|(?<present>"
              + PRESENT
              + ")|(?<short>\\d{2})"
              + NOT_ALNUM_AFTER
              + ")|/(?:(?<send>"
              + YEAR
              + ")|(?<sshort>\\d{2}))"
              + NOT_ALNUM_AFTER
              + "|(?<opendash>\\h*"
              + DASH
              + "+)(?:\\h*(?=[\\r\\n|)\\],;]|\\z)|\\h*\\t|\\h{3}))?)",
          FLAGS);

  private static final Pattern AND_ONLY = Pattern.compile(AND_SEP, FLAGS);
  private static final Pattern DASH_ONLY = Pattern.compile("\\h*" + DASH + "+\\h*");
  private static final Pattern EDGES =
      Pattern.compile(
          "^[\\s()\\[\\]{}<>,;:|\u2022\u00b7*\\-\u2010-\u2015]+"
              + "|[\\s()\\[\\]{}<>,;:|\u2022\u00b7*.\\-\u2010-\u2015]+$");
  private static final Pattern FILLER =
      Pattern.compile("[\\s\\p{Punct}\\p{Pd}\u2022\u00b7\u2018\u2019\u201c\u201d]*");
  /** Characters that may join the groups of a phone-like digit run. */
  private static final String GROUP_JOINERS = " \u00a0-/.\u2013";
  /** How many neighbouring digit groups are looked at: more than a phone number has. */
  private static final int MAX_PHONE_GROUPS = 8;

  private DateRanges() {}

  /** The first date or date range in {@code text}, if any. */
  public static Optional<DateMatch> find(String text) {
    if (text == null || text.isEmpty()) return Optional.empty();
    Matcher m = RANGE.matcher(text);
    int pos = 0;
    while (pos < text.length() && m.find(pos)) {
      Optional<DateMatch> found = build(text, m);
      if (found.isPresent()) return found;
      pos = m.start() + 1;
    }
    return Optional.empty();
  }

  /** All dates and date ranges in {@code text}, in order, not overlapping. */
  public static List<DateMatch> findAll(String text) {
    List<DateMatch> all = new ArrayList<>();
    if (text == null || text.isEmpty()) return all;
    Matcher m = RANGE.matcher(text);
    int pos = 0;
    while (pos < text.length() && m.find(pos)) {
      Optional<DateMatch> found = build(text, m);
      if (found.isPresent()) {
        all.add(found.get());
        pos = Math.max(found.get().to(), m.start() + 1);
      } else {
        pos = m.start() + 1;
      }
    }
    return all;
  }

  /**
   * One date ("end-point") as ISO {@code YYYY-MM} or {@code YYYY}. Surrounding punctuation,
   * brackets and dashes are ignored; a text that holds a single open date such as {@code seit 2019}
   * gives its start. Empty for present-words, placeholders, ranges and anything else.
   */
  public static Optional<String> parseDate(String text) {
    if (text == null) return Optional.empty();
    String t = EDGES.matcher(text).replaceAll("");
    if (t.isEmpty()) return Optional.empty();
    for (Form form : FORMS) {
      Matcher fm = form.pattern().matcher(t);
      if (fm.matches()) return Optional.ofNullable(form.iso().apply(fm));
    }
    List<DateMatch> all = findAll(t);
    if (all.size() == 1) {
      DateMatch only = all.getFirst();
      if (only.from() == 0 && only.to() == t.length() && only.end() == null) {
        return Optional.ofNullable(only.start());
      }
    }
    return Optional.empty();
  }

  /**
   * True when {@code text} holds at least one date or range and nothing else but whitespace and
   * punctuation (dashes, "|", parentheses, bullets...).
   */
  public static boolean isDateOnly(String text) {
    if (text == null || text.isBlank()) return false;
    List<DateMatch> all = findAll(text);
    if (all.isEmpty()) return false;
    StringBuilder rest = new StringBuilder();
    int pos = 0;
    for (DateMatch d : all) {
      rest.append(text, pos, d.from());
      pos = d.to();
    }
    rest.append(text, pos, text.length());
    return FILLER.matcher(rest).matches();
  }

  private static Optional<DateMatch> build(String text, Matcher m) {
    if (m.group("mstart") != null) {
      String end = parsePoint(m.group("mend"));
      if (end == null || end.length() < 7) return Optional.empty();
      int month = month(m.group("mstart"));
      int year = Integer.parseInt(end.substring(0, 4));
      if (month > Integer.parseInt(end.substring(5))) year--;
      return Optional.of(new DateMatch(iso(year, month), end, false, m.start(), m.end()));
    }
    String startText = m.group("start");
    int startFrom = m.start("start");
    int to = m.end("start");
    String start = parsePoint(startText);
    boolean bareStart =
        BARE_YEAR.pattern().matcher(startText).matches()
            || APOS_YEAR.pattern().matcher(startText).matches();
    boolean yearOnly = start != null && start.length() == 4;
    String end = null;
    boolean ongoing = false;
    boolean range = false;
    if (m.group("sep") != null) {
      boolean and = AND_ONLY.matcher(m.group("sep")).matches();
      if (and && m.group("betw") == null) {
        // "2014 and 2016" without "between": two dates, not a range
      } else if (m.group("end") != null) {
        end = parsePoint(m.group("end"));
        range = true;
      } else if (m.group("present") != null) {
        ongoing = true;
        range = true;
      } else if (yearOnly && DASH_ONLY.matcher(m.group("sep")).matches()) {
        end = shortEnd(start, m.group("short"));
        range = end != null;
      }
      if (range) to = m.end();
    } else if (m.group("send") != null || m.group("sshort") != null) {
      if (yearOnly) {
        end = m.group("send") != null ? m.group("send") : shortEnd(start, m.group("sshort"));
        if (end != null) {
          int diff = Integer.parseInt(end) - Integer.parseInt(start);
          range = diff >= 1 && diff <= 15;
        }
        if (range) to = m.end();
        else end = null;
      }
    } else if (m.group("opendash") != null) {
      ongoing = true;
      range = true;
      to = m.end("opendash");
    }
    int from = m.start();
    if (m.group("open") != null) {
      if (!range) ongoing = true;
    } else if (!range) {
      from = startFrom; // "de 2014", "between 2014": the prefix belongs to something else
    }
    if (bareStart && from == startFrom && !standsAloneLeft(text, startFrom)) {
      return Optional.empty();
    }
    if (bareStart && !range && from == startFrom && !standsAloneRight(text, to)) {
      return Optional.empty();
    }
    if (!plainNumberContext(text, startFrom, to)) return Optional.empty();
    return Optional.of(new DateMatch(start, end, ongoing, from, to));
  }

  /** The ISO value of one matched point; null for placeholders. */
  private static String parsePoint(String point) {
    for (Form form : FORMS) {
      Matcher fm = form.pattern().matcher(point);
      if (fm.matches()) return form.iso().apply(fm);
    }
    return null;
  }

  /** "2019" + "21" = "2021" when that is 1..15 years later; else null. */
  private static String shortEnd(String start, String yy) {
    int s = Integer.parseInt(start.substring(0, 4));
    int y = s / 100 * 100 + Integer.parseInt(yy);
    if (y <= s) y += 100;
    return y - s <= 15 ? Integer.toString(y) : null;
  }

  /** A bare year must not be a group of a longer digit run such as a phone number. */
  private static boolean standsAloneLeft(String text, int at) {
    int p = at - 1;
    for (int groups = 0; groups < MAX_PHONE_GROUPS; groups++) {
      if (p >= 0 && GROUP_JOINERS.indexOf(text.charAt(p)) >= 0) p--;
      if (p < 0 || !isDigit(text.charAt(p))) return true;
      int groupEnd = p + 1;
      while (p >= 0 && isDigit(text.charAt(p))) p--;
      if (attachedToWord(text, p)) return true; // "COVID-19 2020", "B2 2019": a name, not a phone
      if (!isYear(text.substring(p + 1, groupEnd))) return false;
    }
    return true;
  }

  private static boolean standsAloneRight(String text, int at) {
    int p = at;
    for (int groups = 0; groups < MAX_PHONE_GROUPS; groups++) {
      if (p < text.length() && GROUP_JOINERS.indexOf(text.charAt(p)) >= 0) p++;
      if (p >= text.length() || !isDigit(text.charAt(p))) return true;
      int groupStart = p;
      while (p < text.length() && isDigit(text.charAt(p))) p++;
      if (p - groupStart == 1) return true; // "2019 3 years": a count, not a phone group
      if (!isYear(text.substring(groupStart, p))) return false;
    }
    return true;
  }

  /** Rejects numbers that are amounts or references: 2019.5, 1,2019, 2019 %, $2019, 9001:2015. */
  private static boolean plainNumberContext(String text, int from, int to) {
    if (from > 0 && isDigit(text.charAt(from))) {
      char before = text.charAt(from - 1);
      if ("$\u20ac\u00a3#\u2116".indexOf(before) >= 0) return false;
      if ((before == '.' || before == ',' || before == ':')
          && from > 1
          && isDigit(text.charAt(from - 2))) {
        return false;
      }
    }
    if (to > 0 && isDigit(text.charAt(to - 1)) && to < text.length()) {
      char after = text.charAt(to);
      if (after == '%') return false;
      if (after == ' ' && to + 1 < text.length() && text.charAt(to + 1) == '%') return false;
      if ((after == '.' || after == ',')
          && to + 1 < text.length()
          && isDigit(text.charAt(to + 1))) {
        return false;
      }
    }
    return true;
  }

  /** True when the digit group ending after {@code p} belongs to a word: "B2", "COVID-19". */
  private static boolean attachedToWord(String text, int p) {
    if (p < 0) return false;
    if (Character.isLetter(text.charAt(p))) return true;
    return text.charAt(p) == '-' && p > 0 && Character.isLetter(text.charAt(p - 1));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isYear(String digits) {
    if (digits.length() != 4) return false;
    int y = Integer.parseInt(digits);
    return y >= 1950 && y <= 2039;
  }

  private static String fullYear(String yy) {
    int v = Integer.parseInt(yy);
    return Integer.toString(v < 50 ? 2000 + v : 1900 + v);
  }

  private static int month(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    Integer m = MONTHS.get(key);
    if (m == null) throw new IllegalStateException("unknown month " + name);
    return m;
  }

  private static String iso(String year, String month) {
    return iso(Integer.parseInt(year), Integer.parseInt(month));
  }

  private static String iso(String year, int month) {
    return iso(Integer.parseInt(year), month);
  }

  private static String iso(int year, int month) {
    return String.format(Locale.ROOT, "%04d-%02d", year, month);
  }

  private static String alternation(Collection<String> words) {
    return words.stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(w -> w))
        .collect(Collectors.joining("|"));
  }

  private static Map<String, Integer> months() {
    String[][] names = {
      // en, de, fr, es, it, nl, pt; abbreviations that are common English words are left out
      {"january", "jan", "januar", "j\u00e4nner", "j\u00e4n", "janvier", "janv", "enero", "ene",
        "gennaio", "januari", "janeiro"},
      {"february", "feb", "februar", "feber", "f\u00e9vrier", "fevrier", "f\u00e9vr", "fevr",
        "f\u00e9v", "fev", "febrero", "febbraio", "februari", "fevereiro"},
      {"march", "mar", "m\u00e4rz", "m\u00e4r", "maerz", "mrz", "mars", "marzo", "maart", "mrt",
        "mar\u00e7o"},
      {"april", "apr", "avril", "avr", "abril", "abr", "aprile"},
      {"may", "mai", "mayo", "maggio", "mei", "maio"},
      {"june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho"},
      {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"},
      {"august", "aug", "ao\u00fbt", "aout", "ao\u00fb", "agosto", "augustus"},
      {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre",
        "setembro"},
      {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro"},
      {"november", "nov", "novembre", "noviembre", "novembro"},
      {"december", "dec", "dezember", "dez", "d\u00e9cembre", "decembre", "d\u00e9c",
        "diciembre", "dic", "dicembre", "dezembro"},
    };
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      for (String name : names[i]) {
        if (!name.chars().allMatch(Character::isLetter)) {
          throw new IllegalStateException("month names are letters only: " + name);
        }
        Integer before = map.put(name, i + 1);
        if (before != null && before != i + 1) {
          throw new IllegalStateException("month name in two months: " + name);
        }
      }
    }
    return Map.copyOf(map);
  }
}
