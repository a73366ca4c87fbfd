package com.cvgen.core.extract;

import com.cvgen.core.text.ContactPatterns;
import com.cvgen.core.text.DateMatch;
import com.cvgen.core.text.DateRanges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts the rows of an entry section (work, education, projects, volunteering) into entries.
 *
 * <p>Rows are first told apart as header rows (short, not bulleted, at the section's header edge)
 * and body rows (bullets, paragraphs and their continuation lines, indented lists). A date range
 * that stands as a field of its own (alone, in its own cell, in parentheses or after a separator)
 * anchors an entry; consecutive header rows form a block, and a block with several anchors is cut
 * where the section's other entries show the date sits (first or last in the header).
 */
final class EntryReader {
  private static final Pattern SEPARATORS = Pattern.compile("\\s+[|·•–—]\\s+|\\s+-\\s+|\\s*\\|\\s*|\\t");
  private static final Set<String> SUBHEADINGS = Set.of("highlights", "key highlights", "responsibilities",
      "key responsibilities", "achievements", "key achievements", "accomplishments", "tasks", "duties", "aufgaben",
      "tätigkeiten", "erfolge", "verantwortlichkeiten", "schwerpunkte", "technologies", "technologien",
      "tech stack", "stack", "keywords", "tools", "missions", "réalisations", "responsabilités",
      "environnement technique", "technologies utilisées", "courses", "relevant coursework", "coursework",
      "kurse", "projects", "projekte", "projets", "roles", "summary", "description", "beschreibung");

  private final DocumentStats stats;

  EntryReader(DocumentStats stats) {
    this.stats = stats;
  }

  /** A row's structural date: one that is a field of its own, not a year inside a sentence. */
  static Optional<DateMatch> structuralDate(Row r) {
    for (String cell : r.cells) {
      if (DateRanges.isDateOnly(cell)) return DateRanges.find(cell);
    }
    String text = r.text();
    for (DateMatch m : DateRanges.findAll(text)) {
      if (m.start() == null && m.end() == null && !m.ongoing()) continue;
      String before = text.substring(0, m.from()).strip();
      String after = text.substring(m.to()).strip();
      boolean separated = before.isEmpty() || before.matches(".*[(|·•,–—:\\-\\[]$");
      boolean atEnd = after.isEmpty() || after.matches("^[)|·•,\\]]+.*") || after.matches("^[)|·•,.\\]\\s]*$");
      int wordsBefore = before.isEmpty() ? 0 : before.split("\\s+").length;
      if ((separated || atEnd) && wordsBefore <= 12) return Optional.of(m);
    }
    return Optional.empty();
  }

  List<Entry> read(List<Row> rows) {
    if (rows.isEmpty()) return List.of();
    int n = rows.size();
    DateMatch[] dates = new DateMatch[n];
    boolean[] body = new boolean[n];
    Map<Integer, Integer> anchorX = new HashMap<>();
    for (int i = 0; i < n; i++) {
      dates[i] = structuralDate(rows.get(i)).orElse(null);
      if (dates[i] != null) anchorX.merge(Math.round(rows.get(i).x()), 1, Integer::sum);
    }
    float headerX = anchorX.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> (float) e.getKey())
        .orElse(rows.getFirst().x());
    float right = 0;
    for (Row r : rows) right = Math.max(right, r.right());
    final float margin = right;
    final float width = Math.max(1f, right - headerX);
    boolean[] full = new boolean[n];
    for (int i = 0; i < n; i++) full[i] = rows.get(i).right() >= margin - 0.15f * width;
    boolean afterSubheading = false;
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      Row prev = i > 0 ? rows.get(i - 1) : null;
      Row next = i + 1 < n ? rows.get(i + 1) : null;
      boolean sub = SUBHEADINGS.contains(Vocabulary.normalise(r.text())) && dates[i] == null;
      boolean nextContinues = next != null && dates[i] == null && dates[i + 1] == null && wraps(r, next, full[i]);
      boolean paragraph = dates[i] == null && (r.words() >= 11 || (r.endsSentence() && r.words() >= 4)
          || (nextContinues && r.words() >= 5));
      boolean continuation = prev != null && body[i - 1] && dates[i] == null && wraps(prev, r, full[i - 1]);
      // An indented row is a list item, unless it sits tight under a header row (a sub-line of it).
      boolean underHeader = prev != null && !body[i - 1] && r.gap() <= r.size() * 1.8f && r.words() <= 8;
      boolean indented = dates[i] == null && r.x() > headerX + 4f && !r.bold()
          && Math.abs(r.size() - stats.bodySize) < 0.6f && !underHeader;
      if (sub) afterSubheading = true;
      else if (dates[i] != null || (!indented && !r.bullet && !paragraph && !continuation)) afterSubheading = false;
      body[i] = sub || r.bullet || paragraph || continuation || indented || afterSubheading
          || (dates[i] == null && r.x() < headerX - 4f && !r.bold());
    }

    // Blocks of consecutive header rows.
    List<List<Integer>> blocks = new ArrayList<>();
    List<Integer> block = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!body[i]) {
        block.add(i);
      } else if (!block.isEmpty()) {
        blocks.add(block);
        block = new ArrayList<>();
      }
    }
    if (!block.isEmpty()) blocks.add(block);

    // Where does the date sit in single-anchor blocks: first (date-first) or last?
    int first = 0;
    int last = 0;
    for (List<Integer> b : blocks) {
      List<Integer> anchors = b.stream().filter(i -> dates[i] != null).toList();
      if (anchors.size() == 1 && b.size() > 1) {
        if (anchors.getFirst().equals(b.getFirst())) first++;
        else if (anchors.getFirst().equals(b.getLast())) last++;
      }
    }
    boolean dateFirst = first > last;

    List<List<Integer>> headers = new ArrayList<>();
    for (List<Integer> b : blocks) {
      List<Integer> part = new ArrayList<>();
      boolean partHasAnchor = false;
      for (int idx : b) {
        boolean anchor = dates[idx] != null;
        if (anchor && dateFirst && !part.isEmpty() && partHasAnchor) {
          headers.add(part);
          part = new ArrayList<>();
          partHasAnchor = false;
        } else if (anchor && dateFirst && !part.isEmpty() && !partHasAnchor && headers.isEmpty() == false) {
          // text rows before the first anchor of a date-first block belong to it (e.g. a group name)
        }
        part.add(idx);
        if (anchor) {
          if (!dateFirst && partHasAnchor) {
            // two anchors in a date-last block: the earlier anchor closed its entry already
          }
          partHasAnchor = true;
          if (!dateFirst) {
            headers.add(part);
            part = new ArrayList<>();
            partHasAnchor = false;
          }
        }
      }
      if (!part.isEmpty()) {
        if (!dateFirst && !headers.isEmpty() && !partHasAnchor && trailingBelongsToPrevious(part, rows, headers.getLast(), b)) {
          headers.getLast().addAll(part);
        } else {
          headers.add(part);
        }
      }
    }

    // Build the entries: each header with the body rows that follow it.
    List<Entry> entries = new ArrayList<>();
    int h = 0;
    for (List<Integer> header : headers) {
      int end = h + 1 < headers.size() ? headers.get(h + 1).getFirst() : n;
      int bodyStart = header.getLast() + 1;
      Entry e = new Entry();
      e.first = rows.get(header.getFirst());
      int order = 0;
      for (int idx : header) {
        Row r = rows.get(idx);
        String text = r.text();
        if (dates[idx] != null && e.date == null) {
          e.date = dates[idx];
          e.anchor = r;
        }
        for (String cell : r.cells) {
          String rest = cell;
          if (dates[idx] != null) {
            Optional<DateMatch> inCell = DateRanges.find(cell);
            if (inCell.isPresent() && sameRange(inCell.get(), dates[idx])) {
              String after = cell.substring(inCell.get().to()).replaceFirst("^[\\s)\\],.|·•]+", "");
              rest = cell.substring(0, inCell.get().from()).replaceFirst("[\\s(\\[,|·•–—:-]+$", "");
              if (!after.isBlank() && after.split("\\s+").length >= 3) e.paragraphs.add(after.strip());
              else if (!after.isBlank()) rest = rest + " | " + after;
            }
          }
          for (String url : ContactPatterns.urls(rest)) {
            // "Divery.io" names a company; only a link-shaped URL is a link
            if (!url.matches("(?i)^(https?://|www\\.).*") && !url.contains("/")) continue;
            e.urls.add(url);
            rest = rest.replace(url, " ");
          }
          rest = rest.replaceAll("\\(\\s*\\)", " ").strip();
          for (String piece : SEPARATORS.split(rest)) {
            String p = piece.strip().replaceAll("^[,;:()\\s]+|[,;:(\\s]+$", "");
            if (!p.isEmpty() && p.chars().anyMatch(Character::isLetter)) e.pieces.add(new Entry.Piece(p, r, order++));
          }
        }
        if (text.isEmpty()) continue;
      }
      boolean listMode = false;
      for (int i = bodyStart; i < end; i++) {
        Row r = rows.get(i);
        if (SUBHEADINGS.contains(Vocabulary.normalise(r.text()))) {
          listMode = true;
          continue;
        }
        Row prev = i > bodyStart ? rows.get(i - 1) : null;
        boolean join = prev != null && !r.bullet && wraps(prev, r, full[i - 1]);
        boolean item = r.bullet || listMode || (r.x() > headerX + 4f && !join);
        if (join) {
          List<String> target = !e.highlights.isEmpty() && lastWasHighlight(e, rows, i) ? e.highlights : e.paragraphs;
          if (target.isEmpty()) target.add(r.text());
          else target.set(target.size() - 1, Text.joinLines(target.getLast(), r.text()));
        } else if (item) {
          e.highlights.add(r.text());
          e.lastHighlightRow = i;
        } else {
          e.paragraphs.add(r.text());
          e.lastHighlightRow = -1;
        }
        if (join && e.lastHighlightRow == i - 1) e.lastHighlightRow = i;
      }
      entries.add(e);
      h++;
    }
    return entries;
  }

  private static boolean lastWasHighlight(Entry e, List<Row> rows, int i) {
    return e.lastHighlightRow == i - 1;
  }

  /** True when {@code next} is the wrapped continuation of {@code row}: same style, tight below a full line. */
  private static boolean wraps(Row row, Row next, boolean rowIsFull) {
    return rowIsFull && row.cells.size() == 1 && next.cells.size() == 1 && !row.endsSentence() && !next.bullet && next.gap() <= next.size() * 1.5f
        && Math.abs(next.x() - row.x()) < (row.bullet ? 14f : 3f) && next.bold() == row.bold()
        && Math.abs(next.size() - row.size()) < 0.6f;
  }

  /** Rows after the last anchor of a date-last block belong to that entry when they sit tight below it. */
  private static boolean trailingBelongsToPrevious(List<Integer> part, List<Row> rows, List<Integer> previous,
      List<Integer> block) {
    if (!block.containsAll(previous)) return false;
    Row first = rows.get(part.getFirst());
    return first.gap() <= first.size() * 1.6f;
  }

  private static boolean sameRange(DateMatch a, DateMatch b) {
    return java.util.Objects.equals(a.start(), b.start()) && java.util.Objects.equals(a.end(), b.end());
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
