package com.cvgen.core.extract;

import com.cvgen.core.extract.TextDocument.TextPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Drops running headers and footers (repeated on several pages) and page numbers. */
final class RunningText {
  private static final Pattern PAGE_NUMBER = Pattern.compile(
      "(?i)^[-–—\\s]*((page|seite|p\\.)\\s*)?\\d{1,3}(\\s*(/|of|von|sur|de)\\s*\\d{1,3})?[-–—\\s]*$");
  private static final float MARGIN = 0.08f;

  private RunningText() {}

  static List<TextPage> drop(List<TextPage> pages) {
    Map<String, Integer> seen = new HashMap<>();
    for (TextPage p : pages) {
      for (TextLine l : p.lines()) {
        if (inMargin(p, l)) seen.merge(key(l), 1, Integer::sum);
      }
    }
    int repeated = Math.max(2, (pages.size() + 1) / 2);
    List<TextPage> out = new ArrayList<>(pages.size());
    for (TextPage p : pages) {
      List<TextLine> kept = new ArrayList<>(p.lines().size());
      for (TextLine l : p.lines()) {
        boolean margin = inMargin(p, l);
        boolean running = margin && pages.size() > 1 && seen.getOrDefault(key(l), 0) >= repeated;
        boolean pageNumber = margin && PAGE_NUMBER.matcher(l.plain()).matches();
        if (!running && !pageNumber) kept.add(l);
      }
      out.add(new TextPage(p.number(), p.width(), p.height(), kept));
    }
    return out;
  }

  private static boolean inMargin(TextPage p, TextLine l) {
    return l.baseline() < p.height() * MARGIN || l.baseline() > p.height() * (1 - MARGIN);
  }

  /** Digits vary between pages ("Page 1", "Page 2"), so they are not part of the key. */
  private static String key(TextLine l) {
    return l.plain().replaceAll("\\d+", "#").strip();
  }
}
