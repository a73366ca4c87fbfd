package com.cvgen.core.extract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One visual line of one column, in reading order. {@code column} numbers the column the line was
 * read from (0 = the only or first column); {@code gapAbove} is the vertical distance to the line
 * read before it in the same column (first line of a column: the distance to the column top).
 */
public record TextLine(int page, int column, List<TextSpan> spans, float gapAbove) {

  public TextLine {
    spans = List.copyOf(spans);
    if (spans.isEmpty()) throw new IllegalArgumentException("a line has at least one span");
  }

  /** The line's text; spans are joined by a tab so that callers can tell wide gaps from spaces. */
  public String text() {
    return spans.stream().map(TextSpan::text).collect(Collectors.joining("\t"));
  }

  /** The line's text with wide gaps as single spaces. */
  public String plain() {
    return spans.stream().map(TextSpan::text).collect(Collectors.joining(" "));
  }

  public float x() {
    return spans.getFirst().x();
  }

  public float right() {
    return spans.getLast().right();
  }

  public float baseline() {
    return spans.getFirst().baseline();
  }

  /** The font size of most characters on the line. */
  public float fontSize() {
    return dominant().fontSize();
  }

  /** True when most of the line's text is bold. */
  public boolean bold() {
    int bold = 0;
    int all = 0;
    for (TextSpan s : spans) {
      int n = s.text().length();
      all += n;
      if (s.bold()) bold += n;
    }
    return bold * 2 > all;
  }

  public boolean italic() {
    return dominant().italic();
  }

  private TextSpan dominant() {
    TextSpan best = spans.getFirst();
    for (TextSpan s : spans) if (s.text().length() > best.text().length()) best = s;
    return best;
  }
}
