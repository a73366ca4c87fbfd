package com.cvgen.core.extract;

import com.cvgen.core.text.DateMatch;
import java.util.ArrayList;
import java.util.List;

/** One dated entry of a CV section (a job, a degree, a project) as found in the rows. */
final class Entry {
  /** The header texts of the entry (date and URLs removed), in reading order, with their rows. */
  final List<Piece> pieces = new ArrayList<>();
  final List<String> urls = new ArrayList<>();
  final List<String> highlights = new ArrayList<>();
  final List<String> paragraphs = new ArrayList<>();
  DateMatch date;
  Row anchor;
  int lastHighlightRow = -1;

  record Piece(String text, Row row, int order) {}

  String summary() {
    return paragraphs.isEmpty() ? null : String.join(" ", paragraphs);
  }
}
