package com.cvgen.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TEMPORARY minimal version, replaced by the full parser. */
public final class DateRanges {
  private static final String MON = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez|janv|févr|fév|mars|avr|juin|juil|août|sept|déc)[a-zéû]*\\.?";
  private static final String POINT = "(?:" + MON + "\\s+(?:19|20)\\d\\d|(?:0?[1-9]|1[0-2])[./](?:19|20)\\d\\d|(?:19|20)\\d\\d(?:-\\d\\d(?:-\\d\\d)?)?)";
  private static final String PRESENT = "(?:present|current|now|today|heute|dato|aujourd['’]hui|actuel)";
  private static final Pattern RANGE = Pattern.compile("(?iu)(?<!\\d)(" + POINT + ")(?:\\s*(?:[-–—]|to|bis|à|au)\\s*(" + POINT + "|" + PRESENT + ")?)?(?!\\d)");

  private DateRanges() {}

  public static Optional<DateMatch> find(String text) {
    List<DateMatch> all = findAll(text);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
  }

  public static List<DateMatch> findAll(String text) {
    List<DateMatch> out = new ArrayList<>();
    Matcher m = RANGE.matcher(text);
    while (m.find()) {
      String s = parseDate(m.group(1)).orElse(null);
      String e = m.group(2) == null ? null : parseDate(m.group(2)).orElse(null);
      boolean dash = m.group(0).matches("(?s).*[-–—]\\s*$") || m.group(0).matches("(?is).*" + PRESENT + ".*");
      boolean ongoing = e == null && (dash || (m.group(2) != null));
      out.add(new DateMatch(s, e, ongoing, m.start(), m.end()));
    }
    return out;
  }

  public static Optional<String> parseDate(String text) {
    String t = text.toLowerCase(Locale.ROOT).strip();
    Matcher y = Pattern.compile("(19|20)\\d\\d").matcher(t);
    if (!y.find()) return Optional.empty();
    String year = y.group();
    Matcher iso = Pattern.compile("((?:19|20)\\d\\d)-(\\d\\d)").matcher(t);
    if (iso.find()) return Optional.of(iso.group(1) + "-" + iso.group(2));
    Matcher num = Pattern.compile("(\\d{1,2})[./]((?:19|20)\\d\\d)").matcher(t);
    if (num.find()) return Optional.of(year + "-" + String.format("%02d", Integer.parseInt(num.group(1))));
    String[][] months = {{"jan"}, {"feb", "fév"}, {"mar", "mär"}, {"apr", "avr"}, {"may", "mai"}, {"jun", "juin"}, {"jul", "juil"}, {"aug", "aoû"}, {"sep"}, {"oct", "okt"}, {"nov"}, {"dec", "dez", "déc"}};
    for (int i = 0; i < 12; i++) for (String p : months[i]) if (t.startsWith(p)) return Optional.of(year + "-" + String.format("%02d", i + 1));
    return Optional.of(year);
  }

  public static boolean isDateOnly(String text) {
    Optional<DateMatch> m = find(text);
    if (m.isEmpty()) return false;
    String rest = text.substring(0, m.get().from()) + text.substring(m.get().to());
    return rest.replaceAll("[\\s|()\\[\\],.;:·•-]", "").isEmpty();
  }
}
