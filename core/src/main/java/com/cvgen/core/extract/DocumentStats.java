package com.cvgen.core.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Document-wide layout statistics: the body font size and each column's usual left edge. */
final class DocumentStats {
  final float bodySize;
  private final Map<String, Float> columnX = new HashMap<>();
  private final Map<String, Float> columnRight = new HashMap<>();

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
    // Columns with the same left edge on other pages share their right edge: a page holding only
    // short lines still knows where a full line would end.
    Map<String, Float> byEdge = new HashMap<>();
    for (Row r : rows) byEdge.merge(edgeKey(r), r.right(), Math::max);
    for (Row r : rows) columnRight.merge(key(r), byEdge.get(edgeKey(r)), Math::max);
  }

  private String edgeKey(Row r) {
    return r.column() + ":" + Math.round(columnX.getOrDefault(key(r), r.x()) / 15f);
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

  /** The right edge of the row's column on its page: where full lines end. */
  float columnRight(Row r) {
    return columnRight.getOrDefault(key(r), r.right());
  }

  /** True when the row runs (nearly) to its column's right edge, as the lines of a wrapped paragraph do. */
  boolean full(Row r) {
    float left = columnX(r);
    return r.right() >= columnRight(r) - 0.12f * Math.max(1f, columnRight(r) - left);
  }

  /** True when the row starts clearly left of its column's usual edge (a label column). */
  boolean outdented(Row r) {
    return r.x() < columnX(r) - 8f;
  }

  float relativeSize(Row r) {
    return r.size() / bodySize;
  }
}
