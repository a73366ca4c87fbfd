package com.cvgen.core.extract;

import com.cvgen.core.model.Language;
import com.cvgen.core.model.Skill;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads list sections: skills (groups with keywords), languages with fluency, simple item lists. */
final class ListReader {
  private static final Pattern LEVEL = Pattern.compile("(?i)\\b([ABC][12])\\b");
  private final DocumentStats stats;
  private final Vocabulary vocabulary = Vocabulary.INSTANCE;

  ListReader(DocumentStats stats) {
    this.stats = stats;
  }

  private record Cell(String text, Row row, float x, boolean header) {}

  /** A list line: a row, or rows joined where a list wrapped; cells as on the page with their spans. */
  private static final Pattern LABEL = Pattern.compile("^[\\p{L}][\\p{L} &/-]{0,30}:\\s");

  private record ListLine(Row row, List<String> cells, List<TextSpan> spans) {}

  /**
   * Rows as list lines, with wrapped text put back together: a list that runs on ("Java, Kotlin,"
   * / "Quarkus") and a cell of a grid whose text wraps inside its card ("Lenguajes de" /
   * "Programación": same left edge, same style, set tight below).
   */
  private List<ListLine> listLines(List<Row> rows) {
    List<ListLine> out = new ArrayList<>();
    Row prev = null;
    for (Row r : rows) {
      List<String> cells = new ArrayList<>(r.cells);
      List<TextSpan> spans = new ArrayList<>(r.spans);
      if (prev != null && !out.isEmpty() && !r.bullet && r.gap() <= r.size() * 1.4f) {
        ListLine last = out.getLast();
        for (int c = cells.size() - 1; c >= 0; c--) {
          TextSpan span = spans.get(c);
          for (int k = 0; k < last.spans().size(); k++) {
            TextSpan above = last.spans().get(k);
            String aboveText = last.cells().get(k);
            boolean sameCell = Math.abs(above.x() - span.x()) < 1.5f && above.bold() == span.bold()
                && Math.abs(above.fontSize() - span.fontSize()) < 0.6f;
            boolean headerWrap = sameCell && r.gap() <= span.fontSize() * 1.2f && isHeader(prev, Math.min(k, prev.cells.size() - 1))
                && (span.bold() || span.fontSize() > stats.bodySize * 1.15f)
                && wouldNotFit(above, k + 1 < last.spans().size() ? last.spans().get(k + 1).x() : stats.boxRight(prev), span);
            boolean labelled = LABEL.matcher(cells.get(c)).lookingAt();
            boolean listWrap = sameCell && !labelled && (continuesOnNextLine(aboveText)
                || (last.cells().size() == 1 && cells.size() == 1 && aboveText.contains(",")
                    && stats.tight(r) && stats.wrapPlausible(prev, r)));
            if (headerWrap || listWrap) {
              last.cells().set(k, Text.joinLines(aboveText, cells.get(c)));
              cells.remove(c);
              spans.remove(c);
              break;
            }
          }
        }
      }
      if (!cells.isEmpty()) out.add(new ListLine(r, cells, spans));
      prev = r;
    }
    return out;
  }

  /** True when the first word of {@code next} would not have fit after {@code above} before {@code limit}. */
  private static boolean wouldNotFit(TextSpan above, float limit, TextSpan next) {
    String text = next.text().strip();
    int space = text.indexOf(' ');
    int chars = space < 0 ? text.length() : space;
    float needed = next.width() / Math.max(1, text.length()) * (chars + 1);
    return above.right() + needed > limit - 0.5f * next.fontSize();
  }

  private boolean isHeader(Row r, int cell) {
    return isHeader(r.spans.get(cell), r.cells.get(cell).strip(), r.bullet);
  }

  private boolean isHeader(TextSpan span, String text, boolean bullet) {
    return text.endsWith(":") || ((span.bold() || span.fontSize() > stats.bodySize * 1.15f) && !bullet
        && text.split("\\s+").length <= 5 && !text.contains(","));
  }

  List<Skill> skills(List<Row> rows) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    List<String> loose = new ArrayList<>();
    List<Cell> headers = new ArrayList<>();
    boolean allBold = rowsAllBold(rows);
    for (ListLine line : listLines(rows)) {
      Row r = line.row();
      List<String> cells = line.cells();
      // "Cloud & tools | AWS, Docker, Terraform": a label column beside its list
      if (cells.size() >= 2 && cells.getFirst().split("\\s+").length <= 5 && !cells.getFirst().contains(",")
          && (cells.getFirst().strip().endsWith(":")
              || cells.subList(1, cells.size()).stream().anyMatch(c -> c.contains(",") || c.split("\\s+").length >= 4))) {
        String group = cells.getFirst().replaceAll(":$", "").strip();
        List<String> items = groups.computeIfAbsent(group, k -> new ArrayList<>());
        for (String c : cells.subList(1, cells.size())) items.addAll(split(c, true));
        headers.add(new Cell(group, r, line.spans().getFirst().x(), true));
        continue;
      }
      for (int c = 0; c < cells.size(); c++) {
        String text = cells.get(c).strip();
        if (text.isEmpty()) continue;
        float x = line.spans().get(c).x();
        int colon = text.indexOf(':');
        if (colon > 0 && colon < 40 && colon < text.length() - 1) {
          String group = text.substring(0, colon).strip();
          groups.computeIfAbsent(group, k -> new ArrayList<>()).addAll(split(text.substring(colon + 1), true));
          headers.add(new Cell(group, r, x, true));
          continue;
        }
        if (!allBold && isHeader(line.spans().get(c), text, r.bullet)) {
          String group = text.replaceAll(":$", "").strip();
          groups.computeIfAbsent(group, k -> new ArrayList<>());
          headers.add(new Cell(group, r, x, true));
          continue;
        }
        List<String> items = split(text, false);
        Cell owner = owner(headers, r, x);
        if (owner == null) loose.addAll(items);
        else groups.get(owner.text).addAll(items);
      }
    }
    List<Skill> skills = new ArrayList<>();
    groups.forEach((name, keywords) -> skills.add(new Skill(name, null, dedupe(keywords))));
    for (String item : dedupe(loose)) skills.add(new Skill(item, null, List.of()));
    return skills;
  }

  private static boolean continuesOnNextLine(String text) {
    long open = text.chars().filter(ch -> ch == '(').count();
    long close = text.chars().filter(ch -> ch == ')').count();
    return open > close || text.matches(".*(,|\\s/|[^/]/|\\s&|\\s[–-])$");
  }

  private static boolean rowsAllBold(List<Row> rows) {
    return rows.size() > 2 && rows.stream().allMatch(Row::bold);
  }

  /** The group a cell belongs to: the nearest header above it whose left edge is at or left of it. */
  private static Cell owner(List<Cell> headers, Row r, float x) {
    Cell best = null;
    for (Cell h : headers) {
      if (h.x <= x + 3f && (best == null || h.x >= best.x - 0.5f)) {
        if (best == null || h.row.index >= best.row.index || h.x > best.x + 3f) best = h;
      }
    }
    if (best == null && !headers.isEmpty()) best = headers.getLast();
    return best;
  }

  /**
   * The items of a list cell. Commas separate items in a list of three or more ("Python, Go, SQL");
   * a pair such as "HTML5, HTML" and anything inside parentheses stays one item.
   */
  private static List<String> split(String text, boolean labelled) {
    List<String> parts = splitOutsideParentheses(text);
    if (!labelled && parts.size() < 3 && !text.strip().endsWith(".")) parts = List.of(text);
    List<String> items = new ArrayList<>();
    for (String part : parts) {
      String t = Text.trimPunctuation(part.strip().replaceAll("\\.$", ""));
      if (t != null && !t.isEmpty() && t.chars().anyMatch(Character::isLetterOrDigit)) items.add(t);
    }
    return items;
  }

  private static List<String> splitOutsideParentheses(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') depth++;
      else if ((c == ')' || c == ']') && depth > 0) depth--;
      else if (depth == 0 && (c == ',' || c == ';' || c == '•' || c == '·' || c == '▪' || c == '●')) {
        out.add(text.substring(start, i));
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out;
  }

  private static List<String> dedupe(List<String> items) {
    return items.stream().distinct().toList();
  }

  List<Language> languages(List<Row> rows) {
    List<String[]> found = new ArrayList<>(); // [language, fluency]
    List<Float> xs = new ArrayList<>();
    List<Row> owners = new ArrayList<>();
    for (Row r : rows) {
      for (int c = 0; c < r.cells.size(); c++) {
        String cell = r.cells.get(c).strip();
        float x = r.spans.get(c).x();
        for (String part : cell.split("\\s*[,;•·]\\s*(?=\\p{Lu})")) {
          String p = part.strip();
          if (p.isEmpty()) continue;
          String[] lf = languageAndFluency(p);
          if (lf != null) {
            found.add(lf);
            xs.add(x);
            owners.add(r);
          } else if (isFluency(p) && !found.isEmpty()) {
            // a fluency under its language (grid) or after it
            int target = found.size() - 1;
            for (int i = found.size() - 1; i >= 0; i--) {
              if (owners.get(i) != r && Math.abs(xs.get(i) - x) < 4f && found.get(i)[1] == null) {
                target = i;
                break;
              }
            }
            if (found.get(target)[1] == null) found.get(target)[1] = p;
          }
        }
      }
    }
    return found.stream().map(a -> new Language(a[0], a[1])).toList();
  }

  /** Languages from items such as "English (native)", "German – B2". */
  List<Language> languages(java.util.Collection<String> items) {
    List<Language> out = new ArrayList<>();
    for (String item : items) {
      String[] lf = languageAndFluency(item);
      if (lf != null) out.add(new Language(lf[0], lf[1]));
    }
    return out;
  }

  boolean startsWithLanguage(String item) {
    return languageAndFluency(item) != null;
  }

  private String[] languageAndFluency(String text) {
    String t = text.replaceAll("^[\\s•·-]+", "").strip();
    String[] parts = t.split("\\s*(?:[:(–—|/]|\\s-\\s)\\s*", 2);
    String head = parts[0].replaceAll("[)\\s]+$", "").strip();
    String rest = parts.length > 1 ? balance(parts[1]).strip() : null;
    String[] words = head.split("\\s+");
    // "Anglais courant", "Englisch C1", "English native"
    if (rest == null && words.length >= 2) {
      for (int i = 1; i < words.length; i++) {
        String tail = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
        if (isFluency(tail)) {
          head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, i));
          rest = tail;
          break;
        }
      }
    }
    if (!isLanguage(head)) return null;
    return new String[] {head, rest == null || rest.isEmpty() ? null : rest};
  }

  /** "Professional (C1)" stays as it is; a lone closing ")" left by the split goes. */
  private static String balance(String s) {
    long open = s.chars().filter(c -> c == '(').count();
    long close = s.chars().filter(c -> c == ')').count();
    String out = s;
    while (close > open && out.contains(")")) {
      int i = out.lastIndexOf(')');
      out = out.substring(0, i) + out.substring(i + 1);
      close--;
    }
    return out;
  }

  boolean isLanguage(String text) {
    String lower = text.toLowerCase(Locale.ROOT).strip();
    if (lower.isEmpty() || lower.split("\\s+").length > 3) return false;
    if (vocabulary.is("languages", lower)) return true;
    for (String w : lower.split("\\s+")) if (vocabulary.is("languages", w) && w.length() > 2) return true;
    return false;
  }

  boolean isFluency(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replaceAll("[()]", "").strip();
    if (vocabulary.is("fluency", lower) || LEVEL.matcher(lower).find()) return true;
    for (String part : lower.split("\\s*[,/(]\\s*")) if (vocabulary.is("fluency", part.strip())) return true;
    return false;
  }

  /** Items of a simple list section: one per line or bullet, wrapped lines joined, cells of a row together. */
  List<String> items(List<Row> rows) {
    float minX = Float.MAX_VALUE;
    float margin = 0;
    for (Row r : rows) {
      minX = Math.min(minX, r.x());
      margin = Math.max(margin, r.right());
    }
    float width = Math.max(1, margin - minX);
    List<String> items = new ArrayList<>();
    Row prev = null;
    for (Row r : rows) {
      String text = String.join(" – ", r.cells).strip();
      boolean wrapped = prev != null && !items.isEmpty() && !r.bullet && stats.tight(r) && stats.wrapPlausible(prev, r)
          && !prev.endsSentence() && prev.right() >= margin - 0.15f * width && r.x() >= prev.x() - 2f
          && r.cells.size() == 1;
      if (wrapped) items.set(items.size() - 1, Text.joinLines(items.getLast(), text));
      else if (!text.isEmpty()) items.add(text);
      prev = r;
    }
    return items;
  }
}
