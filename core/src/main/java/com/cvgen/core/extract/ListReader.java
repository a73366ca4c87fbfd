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

  List<Skill> skills(List<Row> rows) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    List<String> loose = new ArrayList<>();
    List<Cell> headers = new ArrayList<>();
    for (int ri = 0; ri < rows.size(); ri++) {
      Row r = rows.get(ri);
      for (int c = 0; c < r.cells.size(); c++) {
        String text = r.cells.get(c).strip();
        if (text.isEmpty()) continue;
        // an item wrapped onto the next line: "Next.js / GraphQL / TypeORM /" + "PostgreSQL"
        while (c == r.cells.size() - 1 && ri + 1 < rows.size() && continuesOnNextLine(text)
            && rows.get(ri + 1).cells.size() == 1) {
          ri++;
          text = Text.joinLines(text, rows.get(ri).text());
        }
        float x = r.spans.get(c).x();
        int colon = text.indexOf(':');
        if (colon > 0 && colon < 40 && colon < text.length() - 1) {
          String group = text.substring(0, colon).strip();
          List<String> items = split(text.substring(colon + 1), true);
          groups.computeIfAbsent(group, k -> new ArrayList<>()).addAll(items);
          headers.add(new Cell(group, r, x, true));
          continue;
        }
        boolean header = text.endsWith(":")
            || ((r.spans.get(c).bold() || r.spans.get(c).fontSize() > stats.bodySize * 1.15f)
                && !rowsAllBold(rows) && text.split("\\s+").length <= 4);
        if (header) {
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
    return open > close || text.matches(".*[/,&+–-]$");
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

  private String[] languageAndFluency(String text) {
    String t = text.replaceAll("^[\\s•·-]+", "").strip();
    String[] parts = t.split("\\s*(?:[:(–—|/]|\\s-\\s)\\s*", 2);
    String head = parts[0].replaceAll("[)\\s]+$", "").strip();
    String rest = parts.length > 1 ? parts[1].replaceAll("[)]", "").strip() : null;
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

  /** Items of a simple list section, one per bullet or line, wrapped lines joined. */
  List<String> items(List<Row> rows) {
    List<String> items = new ArrayList<>();
    Row prev = null;
    for (Row r : rows) {
      for (String cell : r.cells) {
        boolean join = prev != null && !r.bullet && !items.isEmpty() && r.gap() <= r.size() * 1.3f
            && !prev.endsSentence() && r.cells.size() == 1 && prev.cells.size() == 1 && r.words() > 2;
        if (join) items.set(items.size() - 1, Text.joinLines(items.getLast(), cell));
        else items.add(cell.strip());
      }
      prev = r;
    }
    items.removeIf(String::isBlank);
    return items;
  }
}
