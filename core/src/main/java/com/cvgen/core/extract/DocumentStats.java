package com.cvgen.core.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Document-wide layout statistics: the body font size and each column's usual left edge. */
final class DocumentStats {
  final float bodySize;
  private final Map<String, Float> columnX = new HashMap<>();
  private final Map<Float, Float> leading = new HashMap<>();
  private final Map<Integer, Float> rightByLeftEdge = new HashMap<>();

  DocumentStats(List<Row> rows) {
    Map<Float, Integer> sizes = new HashMap<>();
    Map<String, Map<Float, Integer>> xs = new HashMap<>();
    for (Row r : rows) {
      int n = r.text().length();
      sizes.merge(Math.round(r.size() * 2) / 2f, n, Integer::sum);
      xs.computeIfAbsent(key(r), k -> new HashMap<>()).merge((float) Math.round(r.x()), n, Integer::sum);
    }
    bodySize = mode(sizes, 10f);
    // The usual line spacing per font size: the leading of wrapped lines. Items of a list, entries
    // and paragraphs are often set further apart than that.
    Map<Float, Map<Float, Integer>> gaps = new HashMap<>();
    Row before = null;
    for (Row r : rows) {
      if (before != null && before.page() == r.page() && before.column() == r.column()
          && Math.abs(before.size() - r.size()) < 0.6f && r.gap() > 0) {
        gaps.computeIfAbsent(Math.round(r.size() * 2) / 2f, k -> new HashMap<>())
            .merge(Math.round(r.gap() * 4) / 4f, 1, Integer::sum);
      }
      before = r;
    }
    // the commonest single-spaced gap (ties: the smaller)
    gaps.forEach((size, counts) -> counts.entrySet().stream()
        .filter(e -> e.getValue() >= 2 && e.getKey() >= size * 0.8f && e.getKey() <= size * 1.35f)
        .max(Map.Entry.<Float, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
            java.util.Comparator.reverseOrder())))
        .ifPresent(e -> leading.put(size, e.getKey())));
    xs.forEach((k, m) -> columnX.put(k, mode(m, 0f)));
    for (Row r : rows) rightByLeftEdge.merge(Math.round(r.x()), r.right(), Math::max);
  }

  private static String key(Row r) {
    return r.page() + ":" + r.column();
  }

  private static float mode(Map<Float, Integer> counts, float fallback) {
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(fallback);
  }

  /** The usual left edge of the row's column (on its page). */
  float columnX(Row r) {
    return columnX.getOrDefault(key(r), r.x());
  }

  /** The right edge of the text box a row is set in: the furthest right that rows starting at its left edge reach. */
  float boxRight(Row r) {
    int x = Math.round(r.x());
    float right = r.right();
    for (int dx = -2; dx <= 2; dx++) right = Math.max(right, rightByLeftEdge.getOrDefault(x + dx, 0f));
    return right;
  }

  /** True when {@code next} sits as close below the line before it as wrapped lines of its size do. */
  boolean tight(Row next) {
    Float l = leading.get(Math.round(next.size() * 2) / 2f);
    float limit = l == null ? next.size() * 1.5f : Math.min(next.size() * 1.5f, l + Math.max(0.6f, 0.08f * l));
    return next.gap() <= limit;
  }

  /**
   * True when {@code next} may be the wrapped continuation of {@code row} as far as space goes: the
   * first word of {@code next} would not have fit at the end of {@code row} (a line broken early
   * was broken on purpose, as between list items).
   */
  boolean wrapPlausible(Row row, Row next) {
    TextSpan first = next.spans.getFirst();
    String text = first.text().strip();
    if (text.isEmpty()) return false;
    int space = text.indexOf(' ');
    String word = space < 0 ? text : text.substring(0, space);
    float charWidth = first.width() / Math.max(1, text.length());
    float needed = charWidth * 1.1f * (word.length() + 1); // letters run wider than the average with spaces
    return row.right() + needed > boxRight(row) - 1f;
  }

  /** True when the row starts clearly left of its column's usual edge (a label column). */
  boolean outdented(Row r) {
    return r.x() < columnX(r) - 8f;
  }

  float relativeSize(Row r) {
    return r.size() / bodySize;
  }
}
