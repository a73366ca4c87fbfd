package com.cvgen.core.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A line as the structurer sees it: its spans' texts ("cells") with a leading bullet removed, and
 * the layout features it is scored on.
 */
final class Row {
  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[•●○◦▪▫■□‣⁃∙·*➢➤►▸▶✓✔❖◆♦◇➔→»>]\\s*|[-–—]\\s+)");
  private static final Pattern BULLET_ONLY = Pattern.compile("^[•●○◦▪▫■□‣⁃∙·*➢➤►▸▶✓✔❖◆♦◇➔→»>–-]$");

  final TextLine line;
  final List<TextSpan> spans;
  final List<String> cells;
  final boolean bullet;
  final int index;

  Row(TextLine line, List<TextSpan> spans, int index) {
    this.line = line;
    this.index = index;
    List<TextSpan> kept = new ArrayList<>(spans);
    boolean b = false;
    if (kept.size() > 1 && BULLET_ONLY.matcher(kept.getFirst().text().strip()).matches()) {
      kept.removeFirst();
      b = true;
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      String t = kept.get(i).text().strip();
      if (i == 0) {
        // an icon glyph glued to a heading ("¥Skills" from a symbol font) is no text
        if (t.length() > 2 && isSymbol(t.codePointAt(0)) && Character.isLetter(t.codePointAt(Character.charCount(t.codePointAt(0))))) {
          t = t.substring(Character.charCount(t.codePointAt(0)));
        }
        var m = BULLET.matcher(t);
        // a dash only counts as a bullet when followed by a space ("- Built ..."), not "-5%"
        if (m.find()) {
          t = t.substring(m.end()).strip();
          b = true;
        }
      }
      texts.add(t);
    }
    this.spans = List.copyOf(kept);
    this.cells = List.copyOf(texts);
    this.bullet = b;
  }

  private static boolean isSymbol(int cp) {
    int type = Character.getType(cp);
    return type == Character.CURRENCY_SYMBOL || type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL
        || type == Character.MODIFIER_SYMBOL;
  }

  static Row of(TextLine line, int index) {
    return new Row(line, line.spans(), index);
  }

  /** This row without its first span (a label-column heading split off its content). */
  Row withoutFirstCell() {
    return new Row(line, spans.subList(1, spans.size()), index);
  }

  String text() {
    return String.join(" ", cells).strip();
  }

  boolean isEmpty() {
    return text().isEmpty();
  }

  int page() {
    return line.page();
  }

  int column() {
    return line.column();
  }

  float x() {
    return spans.getFirst().x();
  }

  float right() {
    return spans.getLast().right();
  }

  float size() {
    return line.fontSize();
  }

  float gap() {
    return line.gapAbove();
  }

  boolean bold() {
    int bold = 0;
    int all = 0;
    for (TextSpan s : spans) {
      all += s.text().length();
      if (s.bold()) bold += s.text().length();
    }
    return bold * 2 > all;
  }

  boolean firstCellBold() {
    return spans.getFirst().bold();
  }

  /** All letters upper case (at least three of them). */
  boolean caps() {
    String t = text();
    int letters = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) return false;
        letters++;
      }
    }
    return letters >= 3;
  }

  int words() {
    String t = text();
    return t.isBlank() ? 0 : t.split("\\s+").length;
  }

  boolean endsSentence() {
    String t = text();
    return t.endsWith(".") && !t.matches(".*\\b(?i:inc|ltd|co|corp|jr|sr|st|dr|e\\.v|gmbh & co|s\\.a|b\\.v)\\.$");
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Row[p%d c%d %.1f%s %s]", page(), column(), size(), bold() ? "B" : "", text());
  }
}
