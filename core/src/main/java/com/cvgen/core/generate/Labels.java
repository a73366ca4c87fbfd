package com.cvgen.core.generate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Localized texts for generated documents (de, en, fr): section headings, field labels and the
 * display of JSON Resume dates ({@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD}).
 *
 * <pre>{@code
 * Labels de = Labels.of(OutputLanguage.DE);
 * de.get(Labels.Key.WORK);                  // "Berufserfahrung"
 * de.dateRange("2021-03", null);            // "März 2021 – heute"
 * }</pre>
 *
 * Month names are fixed tables rather than JDK locale data, so output does not change with the
 * runtime's CLDR version.
 */
public final class Labels {

  /** A localized text, with its English, German and French wording. */
  public enum Key {
    SUMMARY("Summary", "Profil", "Profil"),
    WORK("Experience", "Berufserfahrung", "Expérience professionnelle"),
    EDUCATION("Education", "Ausbildung", "Formation"),
    SKILLS("Skills", "Kenntnisse", "Compétences"),
    LANGUAGES("Languages", "Sprachen", "Langues"),
    CERTIFICATES("Certificates", "Zertifikate", "Certifications"),
    PROJECTS("Projects", "Projekte", "Projets"),
    VOLUNTEER("Volunteering", "Ehrenamt", "Bénévolat"),
    AWARDS("Awards", "Auszeichnungen", "Distinctions"),
    PUBLICATIONS("Publications", "Publikationen", "Publications"),
    INTERESTS("Interests", "Interessen", "Centres d'intérêt"),
    REFERENCES("References", "Referenzen", "Références"),
    PRESENT("present", "heute", "aujourd'hui"),
    GRADE("Grade", "Note", "Mention"),
    COURSES("Courses", "Kurse", "Cours"),
    KEYWORDS("Technologies", "Technologien", "Technologies");

    private final Localized text;

    Key(String en, String de, String fr) {
      this.text = new Localized(en, de, fr);
    }

    String in(OutputLanguage language) {
      return text.in(language);
    }
  }

  private static final Map<OutputLanguage, List<String>> MONTHS = new EnumMap<>(Map.of(
      OutputLanguage.EN, List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
          "Nov", "Dec"),
      OutputLanguage.DE, List.of("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.",
          "Okt.", "Nov.", "Dez."),
      OutputLanguage.FR, List.of("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
          "oct.", "nov.", "déc.")));

  /** End dates that mean "still ongoing" although the schema wants a date or nothing. */
  private static final Set<String> ONGOING_WORDS = Set.of("present", "current", "now", "today", "ongoing",
      "heute", "aktuell", "jetzt", "derzeit", "laufend", "aujourd'hui", "aujourd’hui", "actuel",
      "actuellement", "en cours");

  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

  /** The separator between the two ends of a date range (en dash with spaces). */
  public static final String RANGE_SEPARATOR = " – ";

  private final OutputLanguage language;

  private Labels(OutputLanguage language) {
    this.language = language;
  }

  /** The labels for {@code language}. */
  public static Labels of(OutputLanguage language) {
    return new Labels(Objects.requireNonNull(language, "language"));
  }

  public OutputLanguage language() {
    return language;
  }

  /** The text for {@code key} in this language. */
  public String get(Key key) {
    return key.in(language);
  }

  /** The abbreviated month name, e.g. "Mar", "März", "mars"; {@code month} is 1 to 12. */
  public String month(int month) {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("month must be 1..12, was " + month);
    }
    return MONTHS.get(language).get(month - 1);
  }

  /**
   * A JSON Resume date for display: "2021", "Mar 2021" / "März 2021" / "mars 2021", and with a day
   * "15 Mar 2021" / "15. März 2021" / "15 mars 2021". Empty when the value is absent or not a valid
   * ISO date (unknown dates are left out rather than shown wrong).
   */
  public Optional<String> formatDate(String isoDate) {
    if (isoDate == null) return Optional.empty();
    Matcher m = ISO_DATE.matcher(isoDate.strip());
    if (!m.matches()) return Optional.empty();
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) == null) return Optional.of(m.group(1));
    int month = Integer.parseInt(m.group(2));
    if (month < 1 || month > 12) return Optional.empty();
    String monthYear = month(month) + " " + m.group(1);
    if (m.group(3) == null) return Optional.of(monthYear);
    int day;
    try {
      day = LocalDate.of(year, month, Integer.parseInt(m.group(3))).getDayOfMonth();
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return Optional.of(switch (language) {
      case DE -> day + ". " + monthYear;
      case EN, FR -> day + " " + monthYear;
    });
  }

  /**
   * A period for display, e.g. "Mar 2021 – present", "März 2019 – Juni 2021", "2019". A start
   * without an end is ongoing (JSON Resume convention); an end without a start is shown alone;
   * unreadable dates are left out; both absent gives "".
   */
  public String dateRange(String startDate, String endDate) {
    Optional<String> start = formatDate(startDate);
    boolean ongoing = endDate == null || endDate.isBlank() || isOngoingWord(endDate);
    Optional<String> end = ongoing ? Optional.empty() : formatDate(endDate);
    if (start.isEmpty()) return end.orElse("");
    if (end.isPresent()) {
      return start.get().equals(end.get()) ? start.get() : start.get() + RANGE_SEPARATOR + end.get();
    }
    // the start is known; an end that is absent or says "present" means ongoing, an unreadable one
    // is unknown and left out
    return ongoing ? start.get() + RANGE_SEPARATOR + get(Key.PRESENT) : start.get();
  }

  private static boolean isOngoingWord(String value) {
    return ONGOING_WORDS.contains(value.strip().toLowerCase(Locale.ROOT));
  }
}
