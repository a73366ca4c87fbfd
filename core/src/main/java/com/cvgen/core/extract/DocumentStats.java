package com.cvgen.core.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Document-wide layout statistics: the body font size and each column's usual left edge. */
final class DocumentStats {
  final float bodySize;
  private final Map<String, Float> columnX = new HashMap<>();

  DocumentStats(List<Row> rows) {
    Map<Float, Integer> sizes = new HashMap<>();
    Map<String, Map<Float, Integer>> xs = new HashMap<>();
    for (Row r : rows) {
      int n = r.text().length();
      sizes.merge(Math.round(r.size() * 2) / 2f, n, Integer::sum);
      xs.computeIfAbsent(key(r), k -> new HashMap<>()).merge((float) Math.round(r.x()), n, Integer::sum);
    }
    bodySize = mode(sizes, 10f);
    xs.forEach((k, m) -> columnX.put(k, mode(m, 0f)));
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

  /** True when the row starts clearly left of its column's usual edge (a label column). */
  boolean outdented(Row r) {
    return r.x() < columnX(r) - 8f;
  }

  float relativeSize(Row r) {
    return r.size() / bodySize;
  }
}
