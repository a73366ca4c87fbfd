package com.cvgen.core.text;

/**
 * A date or date range found in a text by {@link DateRanges}.
 *
 * @param start the first date as ISO {@code YYYY-MM} or {@code YYYY}; null when the text holds no
 *     readable date there (a placeholder such as {@code 20XX})
 * @param end the last date in the same form; null for a single date, an open range or an unreadable
 *     end
 * @param ongoing true when the range is open: it ends with a present-word ("Present", "heute",
 *     "aujourd'hui"...), starts with "since"/"seit"/"depuis", or ends with a bare dash
 * @param from offset of the first character of the match in the input
 * @param to offset just after the last character of the match (exclusive)
 */
public record DateMatch(String start, String end, boolean ongoing, int from, int to) {

  public DateMatch {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("bad offsets " + from + ".." + to);
    }
  }

  /** True when the match is a single date rather than a range (no end and not ongoing). */
  public boolean single() {
    return end == null && !ongoing;
  }
}
