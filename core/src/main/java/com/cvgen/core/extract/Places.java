package com.cvgen.core.extract;

import java.util.List;
import java.util.regex.Pattern;

/** Tells whether a short text is a place ("Portland, OR", "10115 Berlin", "Zürich, Schweiz", "Remote"). */
final class Places {
  private static final Pattern POSTAL_CITY = Pattern.compile("^(?:[A-Z]{1,2}-)?\\d{4,5}\\s+\\p{Lu}[\\p{L}.' -]+$");
  private static final Pattern CITY_CODE = Pattern.compile("^\\p{Lu}[\\p{L}.' -]+,\\s*\\p{Lu}{2}(\\s+\\d{5}(-\\d{4})?)?$");
  private static final Pattern STREET = Pattern.compile(
      "(?i)^\\d+[a-z]?\\s+.*\\b(street|st|road|rd|avenue|ave|lane|ln|drive|dr|blvd|boulevard|way|court|ct|place|pl|"
          + "parkway|pkwy|highway|hwy|mall|square|sq)\\b.*|"
          + "(?i).*(straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm)\\s*\\d+.*|"
          + "(?i).*\\b\\d+,?\\s+(rue|avenue|boulevard|bd|chemin|place|allée|impasse|quai)\\b.*");
  private static final Vocabulary VOCABULARY = Vocabulary.INSTANCE;

  private Places() {}

  /**
   * Splits a trailing place off an organisation: "Cascade State University, Corvallis, OR" ->
   * ["Cascade State University", "Corvallis, OR"]; null when the tail is not surely a place.
   */
  static String[] splitTrailingPlace(String text, boolean organisation) {
    int comma = text.indexOf(", ");
    while (comma > 0) {
      String head = text.substring(0, comma).strip();
      String tail = text.substring(comma + 2).strip();
      if (score(tail) >= 0.9) return new String[] {head, tail};
      // "Spreewerk Digital GmbH, Berlin": after a legal form, a short capitalised name is the seat
      if (organisation && (LEGAL_FORM_END.matcher(head).find() || VOCABULARY.institutionScore(head) > 0)
          && PLACE_NAME.matcher(tail).matches()
          && !LEGAL_FORM_END.matcher(tail).find()) {
        return new String[] {head, tail};
      }
      comma = text.indexOf(", ", comma + 2);
    }
    return null;
  }

  /** "Mutuelle des Traboules, Villeurbanne" -> [name, place] when the tail is a short capitalised name. */
  static String[] splitTrailingName(String text) {
    int comma = text.lastIndexOf(", ");
    if (comma <= 0) return null;
    String tail = text.substring(comma + 2).strip();
    if (!PLACE_NAME.matcher(tail).matches() || LEGAL_FORM_END.matcher(tail).find()) return null;
    return new String[] {text.substring(0, comma).strip(), tail};
  }

  private static final Pattern LEGAL_FORM_END = Pattern.compile(
      "(?i)\\b(gmbh|ag|kg|ohg|se|ug|e\\.v\\.|sas|sarl|sa|s\\.a\\.|inc\\.?|llc|ltd\\.?|limited|corp\\.?|plc|bv|b\\.v\\.|"
          + "nv|oy|ab|spa|s\\.p\\.a\\.|srl|s\\.l\\.|co\\. kg)$");
  private static final Pattern PLACE_NAME = Pattern.compile("^\\p{Lu}[\\p{L}'’.-]+(?:[ -]\\p{Lu}?[\\p{L}'’.-]+){0,2}$");

  private static final Pattern CITY_COUNTRY =
      Pattern.compile("^\\p{Lu}[\\p{L}.'-]+(?: \\p{Lu}[\\p{L}.'-]+)?, ?\\p{Lu}[\\p{L}.'-]+(?: \\p{Lu}[\\p{L}.'-]+)?$");

  /** "Seoul, S.Korea": the shape of "City, Country" with no title or organisation word in it. */
  static boolean placeShaped(String text) {
    String t = text.strip();
    return CITY_COUNTRY.matcher(t).matches() && VOCABULARY.titleScore(t) == 0 && VOCABULARY.companyScore(t) == 0
        && VOCABULARY.institutionScore(t) == 0;
  }

  /** 0 (not a place) to 1 (surely a place). */
  static double score(String text) {
    String t = text.strip();
    if (t.isEmpty() || t.length() > 60 || t.contains("@")) return 0;
    if (POSTAL_CITY.matcher(t).matches() || STREET.matcher(t).matches()) return 1;
    if (CITY_CODE.matcher(t).matches()) {
      String code = t.substring(t.lastIndexOf(',') + 1).strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
      return VOCABULARY.is("usStates", code) || VOCABULARY.is("countries", code) ? 1 : 0.6;
    }
    String lower = Vocabulary.normalise(t);
    if (VOCABULARY.is("countries", lower)) return 0.9;
    List<String> parts = List.of(lower.split("\\s*,\\s*"));
    for (String part : parts) {
      // "Cascade State University, Corvallis, OR" is an institution with its place, not a place
      if (part.split("\\s+").length > 3 || VOCABULARY.institutionScore(part) > 0 || VOCABULARY.companyScore(part) > 0) return 0;
    }
    if (parts.size() >= 2 && parts.size() <= 3) {
      String last = parts.getLast();
      if (VOCABULARY.is("countries", last) || VOCABULARY.is("usStates", last)) return 0.9;
    }
    return 0;
  }
}
