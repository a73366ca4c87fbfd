package com.cvgen.core.extract;

import com.cvgen.core.extract.PdfTextReader.Glyph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays out one page: glyphs -> spans on baselines -> columns -> lines in reading order.
 *
 * <p>Columns are found by a recursive cut: a vertical gutter that (almost) no span crosses splits
 * a region; spans that do cross it (a name banner, a full-width heading) cut the region into
 * horizontal zones first. A gutter only separates reading columns when the narrower side is a
 * column of its own: its lines do not sit on the other side's baselines (label columns and
 * right-aligned dates do), or it is dense over its height, and it is not a right-aligned column of
 * cells.
 */
final class PageLayout {
  /** A gap wider than this many font sizes between two glyphs starts a new span. */
  private static final float SPAN_GAP = 0.75f;
  /** A gap wider than this many font sizes between glyphs is a word space. */
  private static final float WORD_GAP = 0.17f;
  private static final float MIN_GUTTER = 5f;
  private static final int MAX_DEPTH = 5;

  private PageLayout() {}

  /** A span with the row it was found on. */
  private record Cell(TextSpan span, int row) {
    float x() {
      return span.x();
    }

    float right() {
      return span.right();
    }

    float y() {
      return span.baseline();
    }
  }

  static List<TextLine> layout(int page, float pageWidth, List<Glyph> glyphs) {
    if (glyphs.isEmpty()) return List.of();
    List<Cell> cells = cells(glyphs);
    List<List<Cell>> columns = new ArrayList<>();
    order(cells, columns, 0);
    List<TextLine> lines = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      List<Cell> col = columns.get(c);
      float top = col.isEmpty() ? 0 : col.getFirst().y();
      float previous = Float.NaN;
      for (List<Cell> row : rows(col)) {
        List<TextSpan> spans = row.stream().map(Cell::span).toList();
        float y = spans.getFirst().baseline();
        float gap = Float.isNaN(previous) ? Math.max(0f, top - y + spans.getFirst().fontSize()) : y - previous;
        lines.add(new TextLine(page, c, spans, gap));
        previous = y;
      }
    }
    return lines;
  }

  // ---------- glyphs -> rows -> spans ----------

  private static List<Cell> cells(List<Glyph> glyphs) {
    List<Glyph> sorted = new ArrayList<>(glyphs);
    sorted.sort(PdfTextReader.READING);
    List<List<Glyph>> rows = new ArrayList<>();
    List<Glyph> current = new ArrayList<>();
    float rowY = Float.NaN;
    float rowSize = 0;
    for (Glyph g : sorted) {
      if (!current.isEmpty() && Math.abs(g.y() - rowY) > 0.3f * Math.min(rowSize, g.size())) {
        rows.add(current);
        current = new ArrayList<>();
      }
      if (current.isEmpty()) {
        rowY = g.y();
        rowSize = g.size();
      }
      current.add(g);
    }
    if (!current.isEmpty()) rows.add(current);

    List<Cell> cells = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      List<Glyph> row = rows.get(r);
      row.sort(Comparator.comparingDouble(Glyph::x));
      List<Glyph> run = new ArrayList<>();
      float lastRight = Float.NaN;
      for (Glyph g : row) {
        if (g.text().isBlank()) {
          if (!run.isEmpty()) run.add(g);
          continue;
        }
        float em = Math.max(g.size(), 1f);
        if (!run.isEmpty() && g.x() - lastRight > SPAN_GAP * em) {
          cells.add(new Cell(span(run), r));
          run = new ArrayList<>();
          lastRight = Float.NaN;
        }
        run.add(g);
        lastRight = Float.isNaN(lastRight) ? g.right() : Math.max(lastRight, g.right());
      }
      if (!run.isEmpty()) cells.add(new Cell(span(run), r));
    }
    cells.removeIf(c -> c.span().text().isBlank());
    return cells;
  }

  private static TextSpan span(List<Glyph> run) {
    StringBuilder sb = new StringBuilder();
    float lastRight = Float.NaN;
    int bold = 0;
    int italic = 0;
    int visible = 0;
    float x = Float.NaN;
    float right = 0;
    float baseline = 0;
    java.util.Map<Float, Integer> sizes = new java.util.HashMap<>();
    String font = null;
    for (Glyph g : run) {
      if (g.text().isBlank()) {
        if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') sb.append(' ');
        continue;
      }
      if (!Float.isNaN(lastRight) && g.x() - lastRight > WORD_GAP * g.size()
          && !sb.isEmpty() && sb.charAt(sb.length() - 1) != ' ') {
        sb.append(' ');
      }
      sb.append(g.text());
      lastRight = g.right();
      if (Float.isNaN(x)) {
        x = g.x();
        baseline = g.y();
        font = g.font();
      }
      right = Math.max(right, g.right());
      visible++;
      if (g.bold()) bold++;
      if (g.italic()) italic++;
      sizes.merge(Math.round(g.size() * 2) / 2f, 1, Integer::sum);
    }
    float size = sizes.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey)
        .orElse(10f);
    String text = sb.toString().strip();
    if (letterSpaced(text)) text = respace(run);
    return new TextSpan(text, x, right, baseline, size, bold * 2 > visible, italic * 2 > visible, font);
  }

  /** "J O R D A N  R E Y E S": most tokens single letters, as in a letter-spaced heading. */
  private static boolean letterSpaced(String text) {
    String[] tokens = text.split(" ");
    if (tokens.length < 4) return false;
    int single = 0;
    for (String t : tokens) if (t.length() == 1 && Character.isLetter(t.charAt(0))) single++;
    return single >= 0.7 * tokens.length;
  }

  /** Letter-spaced text with words found again: a word gap is clearly wider than the letter gaps. */
  private static String respace(List<Glyph> run) {
    List<Glyph> visible = run.stream().filter(g -> !g.text().isBlank()).toList();
    List<Float> gaps = new ArrayList<>();
    for (int i = 1; i < visible.size(); i++) gaps.add(visible.get(i).x() - visible.get(i - 1).right());
    List<Float> sorted = new ArrayList<>(gaps);
    sorted.sort(Float::compare);
    float median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    StringBuilder sb = new StringBuilder(visible.isEmpty() ? "" : visible.getFirst().text());
    for (int i = 1; i < visible.size(); i++) {
      Glyph g = visible.get(i);
      if (gaps.get(i - 1) > Math.max(median * 1.8f, median + 0.15f * g.size())) sb.append(' ');
      sb.append(g.text());
    }
    return sb.toString();
  }

  // ---------- columns ----------

  private static void order(List<Cell> cells, List<List<Cell>> out, int depth) {
    if (cells.size() < 4 || depth >= MAX_DEPTH) {
      out.add(cells);
      return;
    }
    float gutter = gutter(cells);
    if (Float.isNaN(gutter)) {
      out.add(cells);
      return;
    }
    List<Cell> crossing = cells.stream().filter(c -> crosses(c, gutter)).toList();
    if (!crossing.isEmpty()) {
      // Crossing spans cut the region into zones, read top to bottom.
      List<Cell> zone = new ArrayList<>();
      List<Cell> sorted = new ArrayList<>(cells);
      sorted.sort(Comparator.comparingDouble(Cell::y).thenComparingDouble(Cell::x));
      List<Cell> banner = new ArrayList<>();
      for (Cell c : sorted) {
        boolean crosses = crosses(c, gutter);
        if (crosses) {
          if (!zone.isEmpty()) {
            order(zone, out, depth + 1);
            zone = new ArrayList<>();
          }
          banner.add(c);
        } else {
          if (!banner.isEmpty() && c.y() > banner.getLast().y() + 0.5f) {
            appendRows(banner, out);
            banner = new ArrayList<>();
          }
          zone.add(c);
        }
      }
      if (!banner.isEmpty()) appendRows(banner, out);
      if (!zone.isEmpty()) order(zone, out, depth + 1);
      return;
    }
    // a line that only reaches into the gutter belongs to the side it stands on
    List<Cell> left = cells.stream().filter(c -> c.x() < gutter && !crosses(c, gutter)).toList();
    List<Cell> right = cells.stream().filter(c -> c.x() >= gutter).toList();
    if (separateColumns(left, right)) {
      order(new ArrayList<>(left), out, depth + 1);
      order(new ArrayList<>(right), out, depth + 1);
    } else {
      out.add(cells);
    }
  }

  /** True when a span reaches well into both sides of a gutter (a banner), not just into the gutter. */
  private static boolean crosses(Cell c, float gutter) {
    float reach = Math.max(8f, 0.1f * (c.right() - c.x()));
    return gutter - c.x() > reach && c.right() - gutter > reach;
  }

  /** Keeps banner spans in one column entry with the surrounding flow (merging into the last one). */
  private static void appendRows(List<Cell> banner, List<List<Cell>> out) {
    out.add(new ArrayList<>(banner));
  }

  /**
   * The x of the widest vertical gap that at most a few spans cross and that has text on both
   * sides, or NaN.
   */
  private static float gutter(List<Cell> cells) {
    float minX = Float.MAX_VALUE;
    float maxX = -Float.MAX_VALUE;
    for (Cell c : cells) {
      minX = Math.min(minX, c.x());
      maxX = Math.max(maxX, c.right());
    }
    int width = (int) Math.ceil(maxX - minX) + 1;
    if (width < 3 * MIN_GUTTER) return Float.NaN;
    int[] cover = new int[width];
    for (Cell c : cells) {
      int a = Math.max(0, (int) Math.floor(c.x() - minX));
      int b = Math.min(width - 1, (int) Math.ceil(c.right() - minX));
      for (int i = a; i <= b; i++) cover[i]++;
    }
    int allowed = Math.max(1, cells.size() / 25);
    float best = Float.NaN;
    int bestLen = 0;
    int start = -1;
    for (int i = 0; i <= width; i++) {
      boolean free = i < width && cover[i] <= allowed;
      if (free && start < 0) start = i;
      if (!free && start >= 0) {
        int len = i - start;
        // strictly inside, and gaps made only by the tolerance need zero-cover somewhere
        if (start > 0 && i < width && len >= MIN_GUTTER && len > bestLen) {
          float g = minX + start + len / 2f;
          long leftCount = cells.stream().filter(c -> c.right() <= g).count();
          long rightCount = cells.stream().filter(c -> c.x() >= g).count();
          if (leftCount > 0 && rightCount > 0) {
            bestLen = len;
            best = g;
          }
        }
        start = -1;
      }
    }
    return best;
  }

  private static boolean separateColumns(List<Cell> left, List<Cell> right) {
    if (left.isEmpty() || right.isEmpty()) return false;
    if (rightAligned(right) && !leftAligned(right)) return false; // a column of right-aligned cells
    List<Cell> small = left.size() <= right.size() ? left : right;
    List<Cell> big = small == left ? right : left;
    int aligned = 0;
    for (Cell s : small) {
      for (Cell b : big) {
        if (Math.abs(b.y() - s.y()) <= 1.5f) {
          aligned++;
          break;
        }
      }
    }
    double alignedShare = aligned / (double) small.size();
    if (alignedShare < 0.5) return true;
    // Nearly all lines on shared baselines: a grid of cells (skill chips, label/value pairs), read by rows.
    if (alignedShare >= 0.8) return false;
    // Lines on shared baselines: columns only if the small side is a dense flow of its own.
    float top = Float.MAX_VALUE;
    float bottom = -Float.MAX_VALUE;
    for (Cell s : small) {
      top = Math.min(top, s.y());
      bottom = Math.max(bottom, s.y());
    }
    final float t = top;
    final float b = bottom;
    long bigRows = big.stream().filter(c -> c.y() >= t - 0.5f && c.y() <= b + 0.5f).map(Cell::row).distinct().count();
    long smallRows = small.stream().map(Cell::row).distinct().count();
    double density = smallRows / (double) Math.max(1, bigRows);
    return smallRows >= 6 && density >= 0.7;
  }

  private static boolean rightAligned(List<Cell> cells) {
    return aligned(cells, true);
  }

  private static boolean leftAligned(List<Cell> cells) {
    return aligned(cells, false);
  }

  /** True when at least 70% of the cells share one edge (within 2pt) and there are two or more. */
  private static boolean aligned(List<Cell> cells, boolean rightEdge) {
    if (cells.size() < 2) return false;
    int best = 0;
    for (Cell a : cells) {
      float ea = rightEdge ? a.right() : a.x();
      int n = 0;
      for (Cell b : cells) {
        if (Math.abs((rightEdge ? b.right() : b.x()) - ea) <= 2f) n++;
      }
      best = Math.max(best, n);
    }
    return best >= 0.7 * cells.size();
  }

  // ---------- rows within a column ----------

  private static List<List<Cell>> rows(List<Cell> cells) {
    List<Cell> sorted = new ArrayList<>(cells);
    sorted.sort(Comparator.comparingDouble(Cell::y).thenComparingDouble(Cell::x));
    List<List<Cell>> rows = new ArrayList<>();
    List<Cell> current = new ArrayList<>();
    float y = Float.NaN;
    for (Cell c : sorted) {
      if (!current.isEmpty() && Math.abs(c.y() - y) > 0.3f * c.span().fontSize()) {
        rows.add(current);
        current = new ArrayList<>();
      }
      if (current.isEmpty()) y = c.y();
      current.add(c);
    }
    if (!current.isEmpty()) rows.add(current);
    for (List<Cell> r : rows) r.sort(Comparator.comparingDouble(Cell::x));
    return rows;
  }
}
