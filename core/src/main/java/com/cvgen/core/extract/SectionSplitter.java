package com.cvgen.core.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds section headings by scoring layout and vocabulary features, then cuts the rows into
 * sections.
 *
 * <p>A heading names a known section (en, de, fr, ...) and stands out: larger than body text,
 * bold, in capitals, followed by a colon, alone on its line, or set in a label column left of the
 * text. The style most headings share is then taken as the document's heading style: a known name
 * in a clearly weaker style is a sub-heading inside an entry ("Highlights"), and a short line in
 * exactly the heading style is a heading even when its name is unknown.
 */
final class SectionSplitter {
  private final Vocabulary vocabulary = Vocabulary.INSTANCE;
  private final DocumentStats stats;

  SectionSplitter(DocumentStats stats) {
    this.stats = stats;
  }

  private record Candidate(Row row, SectionType type, boolean firstCellOnly, double score, boolean twoLineLabel) {
    Candidate(Row row, SectionType type, boolean firstCellOnly, double score) {
      this(row, type, firstCellOnly, score, false);
    }
  }

  private record Style(int size, boolean bold, boolean caps, boolean outdented) {}

  List<Section> split(List<Row> rows) {
    Map<Integer, Candidate> headings = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      candidate(r, i + 1 < rows.size() ? rows.get(i + 1) : null).ifPresent(c -> headings.put(r.index, c));
    }

    // The dominant heading style: the one that names the most different sections (a sub-heading
    // such as "Highlights" repeats one name many times).
    Map<Style, java.util.Set<String>> names = new HashMap<>();
    for (Candidate c : headings.values()) {
      names.computeIfAbsent(style(c), k -> new java.util.HashSet<>()).add(Vocabulary.normalise(c.row.cells.getFirst()));
    }
    Map<Style, Double> styles = new HashMap<>();
    names.forEach((k, v) -> styles.put(k, (double) v.size()));
    Style dominant = styles.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    if (dominant != null && headings.size() >= 2) {
      headings.values().removeIf(c -> c.row.size() < dominant.size / 2f * 0.9f && !style(c).equals(dominant));
      // Unnamed headings are taken only in a heading style that body lines cannot have: larger,
      // capitals or outdented (bold at body size is also how entry headers are set).
      if (dominant.size / 2f > stats.bodySize * 1.05f || dominant.caps || dominant.outdented) {
        for (Row r : rows) {
          if (!headings.containsKey(r.index) && style(r, false).equals(dominant) && unknownHeadingShape(r)) {
            headings.put(r.index, new Candidate(r, SectionType.OTHER, false, 1));
          }
        }
      }
    }

    // the second line of a rail label wrapped onto two lines ("Technical" / "Skills") keeps its
    // content without the label word
    java.util.Set<Integer> labelTails = new java.util.HashSet<>();
    for (Candidate c : headings.values()) {
      if (c.twoLineLabel) labelTails.add(rows.get(rows.indexOf(c.row) + 1).index);
    }

    List<Section> sections = new ArrayList<>();
    SectionType type = SectionType.HEADER;
    Row heading = null;
    List<Row> current = new ArrayList<>();
    Row previous = null;
    for (Row r : rows) {
      Candidate c = headings.get(r.index);
      boolean columnBreak = previous != null && previous.page() == r.page() && previous.column() != r.column();
      if (c != null || (columnBreak && c == null)) {
        if (heading != null || !current.isEmpty()) sections.add(new Section(type, heading, current));
        current = new ArrayList<>();
        if (c != null) {
          type = c.type;
          heading = r;
          if (c.firstCellOnly) current.add(r.withoutFirstCell());
        } else {
          // a new column on the same page without a heading: its own untitled part
          type = r.page() == 1 && sections.stream().noneMatch(s -> s.type() == SectionType.WORK) ? SectionType.HEADER
              : SectionType.OTHER;
          heading = null;
          current.add(r);
        }
      } else {
        current.add(labelTails.contains(r.index) ? r.withoutFirstCell() : r);
      }
      previous = r;
    }
    if (heading != null || !current.isEmpty()) sections.add(new Section(type, heading, current));
    return sections;
  }

  private Optional<Candidate> candidate(Row r, Row next) {
    if (r.bullet || r.isEmpty()) return Optional.empty();
    // a row of several cells is a heading only by its first cell ("Work | Teravision Technologies")
    Optional<SectionType> whole = r.cells.size() == 1 ? vocabulary.section(r.text()) : Optional.empty();
    boolean firstOnly = false;
    boolean twoLines = false;
    if (whole.isEmpty() && r.cells.size() > 1) {
      whole = vocabulary.section(r.cells.getFirst());
      firstOnly = whole.isPresent();
      // a rail label on two lines: "Technical" over "Skills", both left of their content
      if (whole.isEmpty() && next != null && next.cells.size() > 1 && railLabel(r) && railLabel(next)
          && Math.abs(next.x() - r.x()) < 2f && next.gap() <= next.size() * 1.8f) {
        whole = vocabulary.section(r.cells.getFirst() + " " + next.cells.getFirst());
        firstOnly = twoLines = whole.isPresent();
      }
    }
    if (whole.isEmpty()) return Optional.empty();
    double score = 0;
    if (stats.relativeSize(r) > 1.1f) score += 1;
    if (r.firstCellBold()) score += 0.7;
    if (r.caps()) score += 0.7;
    String t = firstOnly ? r.cells.getFirst() : r.text();
    if (t.strip().endsWith(":")) score += 0.4;
    if (stats.outdented(r) && firstOnly) score += 0.8;
    // a label rail: the name stands apart, left of the text it labels ("Experience    Staff Engineer ...")
    if (firstOnly && railLabel(r)) score += 0.5;
    if (!firstOnly && r.cells.size() == 1) score += 0.5;
    if (r.gap() > r.size() * 1.8f) score += 0.3;
    // A heading is a styled line, or a line standing alone that names a section.
    if (score < 0.7) return Optional.empty();
    return Optional.of(new Candidate(r, whole.get(), firstOnly, score, twoLines));
  }

  /** The row's first cell stands well apart from the rest, as a label in a rail does. */
  private static boolean railLabel(Row r) {
    return r.spans.size() > 1 && r.spans.get(0).text().split("\\s+").length <= 3
        && r.spans.get(1).x() - r.spans.get(0).right() > 2f * r.spans.get(0).fontSize();
  }

  private Style style(Candidate c) {
    return style(c.row, c.firstCellOnly);
  }

  private Style style(Row r, boolean firstCellOnly) {
    return new Style(Math.round(r.size() * 2), firstCellOnly ? r.firstCellBold() : r.bold(), r.caps(),
        stats.outdented(r));
  }

  private static boolean unknownHeadingShape(Row r) {
    String t = r.text();
    return r.cells.size() == 1 && r.words() <= 4 && !t.matches(".*[\\d@/|,].*") && !t.endsWith(".");
  }
}
