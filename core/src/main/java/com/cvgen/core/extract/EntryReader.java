package com.cvgen.core.extract;

import com.cvgen.core.text.ContactPatterns;
import com.cvgen.core.text.DateMatch;
import com.cvgen.core.text.DateRanges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
  private static final Pattern SEPARATORS = Pattern.compile("\\s+[|·•–—]\\s+|\\s*\\|\\s*|\\t");
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
    for (int c = 0; c < r.cells.size(); c++) {
      String cell = r.cells.get(c);
      if (DateRanges.isDateOnly(cell)) {
        Optional<DateMatch> m = DateRanges.find(cell);
        // "Sep. 2023 | Mar. 2024": a range whose dash is drawn as a rule, not as text
        if (m.isPresent() && m.get().single() && c + 1 < r.cells.size() && DateRanges.isDateOnly(r.cells.get(c + 1))) {
          Optional<DateMatch> end = DateRanges.find(r.cells.get(c + 1));
          if (end.isPresent() && end.get().single() && end.get().start() != null
              && end.get().start().compareTo(m.get().start() == null ? "" : m.get().start()) >= 0) {
            return Optional.of(new DateMatch(m.get().start(), end.get().start(), false, m.get().from(), m.get().to()));
          }
        }
        return m;
      }
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
    Layout l = classify(rows);
    List<List<Integer>> headers = headers(rows, l);

    List<Entry> entries = new ArrayList<>();
    for (int h = 0; h < headers.size(); h++) {
      List<Integer> header = headers.get(h);
      int from = header.getFirst();
      int to = h + 1 < headers.size() ? headers.get(h + 1).getFirst() : rows.size();
      Entry e = new Entry();
      for (int idx : header) addHeaderRow(e, rows, idx, l);
      boolean listMode = false;
      boolean leadTaken = false;
      for (int i = from; i < to; i++) {
        if (header.contains(i)) continue;
        Row r = rows.get(i);
        if (l.sub[i]) {
          listMode = true;
          continue;
        }
        // "F5 Inc. · F5 Distributed Cloud Services are ...": a short lead before a separator is a header field
        if (!leadTaken && i > 0 && header.contains(i - 1) && !r.bullet) {
          leadTaken = true;
          var m = LEAD.matcher(r.text());
          if (m.find() && m.group(1).split("\\s+").length <= 5) {
            e.pieces.add(new Entry.Piece(m.group(1).strip(), r, e.pieces.size()));
            e.paragraphs.add(r.text().substring(m.end()).strip());
            continue;
          }
        }
        Row prev = i > from ? rows.get(i - 1) : null;
        boolean join = prev != null && !header.contains(i - 1) && !r.bullet && wraps(prev, r);
        boolean item = r.bullet || listMode || (r.x() > l.headerX + 4f && !join);
        if (join) {
          List<String> target = e.lastHighlightRow == i - 1 ? e.highlights : e.paragraphs;
          if (target.isEmpty()) target.add(r.text());
          else target.set(target.size() - 1, Text.joinLines(target.getLast(), r.text()));
          if (target == e.highlights) e.lastHighlightRow = i;
        } else if (item) {
          e.highlights.add(r.text());
          e.lastHighlightRow = i;
        } else {
          e.paragraphs.add(r.text());
        }
      }
      // "Mar 2021 - Present" / "• Staff Engineer, Globex": a dated header whose title is the first bullet
      if (e.pieces.isEmpty() && e.date != null && !e.highlights.isEmpty()) {
        String lead = e.highlights.getFirst();
        if (lead.split("\\s+").length <= 8 && !lead.endsWith(".")) {
          e.highlights.removeFirst();
          e.pieces.add(new Entry.Piece(lead, e.anchor, 0));
        }
      }
      entries.add(e);
    }
    return entries;
  }

  private static final Pattern DETAIL = Pattern.compile("(?i)^(gpa|cgpa|grade|note|abschlussnote|gesamtnote|mention|"
      + "honou?rs|dean'?s list|cum laude|magna cum laude|summa cum laude|thesis|abschlussarbeit|bachelorarbeit|"
      + "masterarbeit|diplomarbeit|mémoire|relevant coursework|coursework|courses|minor|major|schwerpunkt|"
      + "focus|activities|awards?|scholarship)\\b");

  /** A sentence ending inside the line ("... accomplishments. Where ..."): prose, not a header. */
  private static final Pattern SENTENCE_INSIDE = Pattern.compile("\\p{Ll}{2}[.!?] \\p{Lu}");

  private static final Pattern LEAD = Pattern.compile("^(\\p{Lu}[^.:;!?]{0,40}?)\\s+[·|•–—]\\s+");

  /** Per-row features of a section. */
  private static final class Layout {
    DateMatch[] dates;
    boolean[] body;
    boolean[] full;
    boolean[] sub;
    float headerX;
  }

  private Layout classify(List<Row> rows) {
    int n = rows.size();
    Layout l = new Layout();
    l.dates = new DateMatch[n];
    l.body = new boolean[n];
    l.full = new boolean[n];
    l.sub = new boolean[n];
    Map<Integer, Integer> anchorX = new HashMap<>();
    float right = 0;
    for (Row r : rows) right = Math.max(right, r.right());
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      l.dates[i] = structuralDate(r).orElse(null);
      if (l.dates[i] != null) anchorX.merge(Math.round(r.x()), 1, Integer::sum);
      l.sub[i] = SUBHEADINGS.contains(Vocabulary.normalise(r.text())) && l.dates[i] == null;
      // "GPA: 3.7 · Dean's List 2015–2017", "Thesis: ...": details of the entry above, not a new one
      if (DETAIL.matcher(r.text()).lookingAt()) l.dates[i] = null;
    }
    l.headerX = anchorX.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> (float) e.getKey())
        .orElse(rows.getFirst().x());
    float width = Math.max(1f, right - l.headerX);
    for (int i = 0; i < n; i++) l.full[i] = rows.get(i).right() >= right - 0.15f * width;
    // A year that ends a wrapped sentence ("... acquired by X in" / "2009.") is no anchor.
    for (int i = 1; i < n; i++) {
      if (l.dates[i] != null && !l.full[i] && rows.get(i).words() <= 2 && rows.get(i).text().endsWith(".")
          && wraps(rows.get(i - 1), rows.get(i))) {
        l.dates[i] = null;
      }
    }
    boolean afterSubheading = false;
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      Row prev = i > 0 ? rows.get(i - 1) : null;
      Row next = i + 1 < n ? rows.get(i + 1) : null;
      boolean dated = l.dates[i] != null;
      boolean nextContinues = next != null && !dated && l.dates[i + 1] == null && wraps(r, next);
      // Paragraph text is long or runs on; a bold line is a header unless it is very long.
      boolean detail = DETAIL.matcher(r.text()).lookingAt() && i > 0;
      boolean paragraph = !dated && (detail || (r.bold() ? r.words() >= 16
          : r.words() >= 11 || (r.endsSentence() && r.words() >= 4) || (SENTENCE_INSIDE.matcher(r.text()).find() && r.words() >= 6)
              || (nextContinues && r.words() >= 5 && r.size() <= stats.bodySize + 0.5f)));
      boolean continuation = prev != null && l.body[i - 1] && !dated && wraps(prev, r);
      // An indented row is a list item, unless it sits tight under a header row (a sub-line of it).
      boolean underHeader = prev != null && !l.body[i - 1] && r.gap() <= r.size() * 1.8f && r.words() <= 8;
      boolean indented = !dated && r.x() > l.headerX + 4f && !r.bold()
          && Math.abs(r.size() - stats.bodySize) < 0.6f && !underHeader;
      if (l.sub[i]) afterSubheading = true;
      else if (dated || (!indented && !r.bullet && !paragraph && !continuation)) afterSubheading = false;
      l.body[i] = l.sub[i] || r.bullet || paragraph || continuation || indented || afterSubheading
          || (!dated && r.x() < l.headerX - 4f && !r.bold());
    }
    return l;
  }

  /** The header rows of each entry, in order. */
  private List<List<Integer>> headers(List<Row> rows, Layout l) {
    int n = rows.size();
    List<List<Integer>> blocks = new ArrayList<>();
    List<Integer> block = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!l.body[i]) {
        block.add(i);
      } else if (!block.isEmpty()) {
        blocks.add(block);
        block = new ArrayList<>();
      }
    }
    if (!block.isEmpty()) blocks.add(block);

    // A block holding only a date (and a place) completes the undated block before it: a theme
    // that prints "Title / Company · description ... / Date / Place".
    List<List<Integer>> merged = new ArrayList<>();
    for (List<Integer> b : blocks) {
      boolean dateOnly = b.stream().allMatch(i -> l.dates[i] != null || Places.score(rows.get(i).text()) >= 0.9)
          && b.stream().anyMatch(i -> l.dates[i] != null);
      if (dateOnly && !merged.isEmpty() && merged.getLast().stream().noneMatch(i -> l.dates[i] != null)) {
        merged.getLast().addAll(b);
      } else {
        merged.add(new ArrayList<>(b));
      }
    }

    // Where does the date sit in single-anchor blocks: first or last?
    int first = 0;
    int last = 0;
    for (List<Integer> b : merged) {
      List<Integer> anchors = b.stream().filter(i -> l.dates[i] != null).toList();
      if (anchors.size() == 1 && b.size() > 1) {
        if (anchors.getFirst().equals(b.getFirst())) first++;
        else if (anchors.getFirst().equals(b.getLast())) last++;
      }
    }
    boolean dateFirst = first > last;
    if (first == last) {
      // no evidence from single entries: a block that opens with its date is date-first
      for (List<Integer> b : merged) {
        if (b.stream().filter(i -> l.dates[i] != null).count() > 1) {
          dateFirst = l.dates[b.getFirst()] != null;
          break;
        }
      }
    }

    // Blocks with several anchors are cut: before each anchor (date first) or after it (date last).
    List<List<Integer>> headers = new ArrayList<>();
    for (List<Integer> b : merged) {
      long anchors = b.stream().filter(i -> l.dates[i] != null).count();
      if (anchors <= 1) {
        headers.add(b);
        continue;
      }
      List<Integer> part = new ArrayList<>();
      boolean partHasAnchor = false;
      for (int idx : b) {
        boolean anchor = l.dates[idx] != null;
        if (dateFirst && anchor && partHasAnchor) {
          headers.add(part);
          part = new ArrayList<>();
          partHasAnchor = false;
        }
        part.add(idx);
        partHasAnchor |= anchor;
        if (!dateFirst && anchor) {
          headers.add(part);
          part = new ArrayList<>();
          partHasAnchor = false;
        }
      }
      if (!part.isEmpty()) {
        // trailing undated rows of a date-last block (a place under the date) stay with their entry
        if (!dateFirst && !headers.isEmpty()) headers.getLast().addAll(part);
        else headers.add(part);
      }
    }
    return headers;
  }

  private void addHeaderRow(Entry e, List<Row> rows, int idx, Layout l) {
    Row r = rows.get(idx);
    DateMatch date = l.dates[idx];
    if (date != null && e.date == null) {
      e.date = date;
      e.anchor = r;
    }
    // A header wrapped onto two lines ("Technical Marketing Manager - Service" / "Providers").
    if (idx > 0 && !e.pieces.isEmpty() && e.pieces.getLast().row() == rows.get(idx - 1) && date == null
        && l.dates[idx - 1] == null && wrapsHeader(rows.get(idx - 1), r, l.full[idx - 1])) {
      Entry.Piece last = e.pieces.removeLast();
      e.pieces.add(new Entry.Piece(Text.joinLines(last.text(), r.text()), last.row(), last.order()));
      return;
    }
    for (String cell : r.cells) {
      String rest = cell;
      if (date != null) {
        Optional<DateMatch> inCell = DateRanges.find(cell);
        if (inCell.isPresent() && sameRange(inCell.get(), date)) {
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
        if (p.isEmpty() || p.chars().noneMatch(Character::isLetter) || isContact(p)) continue;
        e.pieces.add(new Entry.Piece(p, r, e.pieces.size()));
      }
    }
  }

  /** An e-mail address or a phone number: contact data, never a field of an entry. */
  private static boolean isContact(String piece) {
    if (ContactPatterns.email(piece).isPresent()) return true;
    Optional<String> phone = ContactPatterns.phone(piece);
    return phone.isPresent() && phone.get().length() >= piece.strip().length() - 2;
  }

  private static boolean wrapsHeader(Row row, Row next, boolean rowIsFull) {
    return rowIsFull && row.cells.size() == 1 && next.cells.size() == 1 && next.words() <= 4
        && next.gap() <= next.size() * 1.5f && Math.abs(next.x() - row.x()) < 3f && next.bold() == row.bold()
        && Math.abs(next.size() - row.size()) < 0.6f;
  }

  /** True when {@code next} is the wrapped continuation of {@code row}: same style, tight below, its first word did not fit above. */
  private boolean wraps(Row row, Row next) {
    // an open parenthesis is closed on the next line: surely one text (even where a non-breaking
    // space, lost in the PDF, made the break look early)
    boolean openParen = row.text().chars().filter(c -> c == '(').count() > row.text().chars().filter(c -> c == ')').count();
    // the line ended because the next word did not fit (its shortness alone says little: the
    // next word may be long), or a parenthesis runs on
    return (openParen || stats.wrapPlausible(row, next)) && row.cells.size() == 1 && next.cells.size() == 1
        && !row.endsSentence() && !next.bullet && stats.tight(next)
        && Math.abs(next.x() - row.x()) < (row.bullet ? 14f : 3f) && next.bold() == row.bold()
        && Math.abs(next.size() - row.size()) < 0.6f;
  }

  private static boolean sameRange(DateMatch a, DateMatch b) {
    return java.util.Objects.equals(a.start(), b.start()) && java.util.Objects.equals(a.end(), b.end());
  }
}
