package com.cvgen.core.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Developer aid behind {@code cvgen extract --explain}: how the offline structurer sees a document,
 * its sections and, in entry sections, each entry's date and header fields.
 */
public final class DebugDump {
  private DebugDump() {}

  public static String explain(TextDocument document) {
    List<Row> rows = new ArrayList<>();
    for (TextLine line : document.lines()) {
      Row r = Row.of(line, rows.size());
      if (!r.isEmpty()) rows.add(r);
    }
    DocumentStats stats = new DocumentStats(rows);
    StringBuilder sb = new StringBuilder();
    sb.append("body font size ").append(stats.bodySize).append('\n');
    for (Section s : new SectionSplitter(stats).split(rows)) {
      sb.append("== ").append(s.type()).append(" '").append(s.title()).append("' rows ").append(s.rows().size()).append('\n');
      if (s.type() == SectionType.WORK || s.type() == SectionType.EDUCATION || s.type() == SectionType.PROJECTS) {
        for (Entry e : new EntryReader(stats).read(s.rows())) {
          sb.append("  entry ").append(e.date).append('\n');
          for (Entry.Piece p : e.pieces) sb.append("    piece '").append(p.text()).append("'\n");
          sb.append("    body ").append(e.paragraphs.size()).append(" paragraphs, ").append(e.highlights.size()).append(" highlights\n");
        }
      }
    }
    return sb.toString();
  }
}
