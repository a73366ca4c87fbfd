package com.cvgen.core.extract;

import java.util.List;
import java.util.stream.Collectors;

/** The text of a PDF with layout, pages in order, each page's lines in reading order. */
public record TextDocument(List<TextPage> pages) {

  public TextDocument {
    pages = List.copyOf(pages);
  }

  public record TextPage(int number, float width, float height, List<TextLine> lines) {
    public TextPage {
      lines = List.copyOf(lines);
    }
  }

  public List<TextLine> lines() {
    return pages.stream().flatMap(p -> p.lines().stream()).toList();
  }

  public String text() {
    return lines().stream().map(TextLine::plain).collect(Collectors.joining("\n"));
  }

  /** Count of letters and digits in the document, to tell a text layer from a scan. */
  public int textCharacters() {
    int n = 0;
    for (TextLine l : lines()) {
      for (TextSpan s : l.spans()) {
        for (int i = 0; i < s.text().length(); i++) if (Character.isLetterOrDigit(s.text().charAt(i))) n++;
      }
    }
    return n;
  }
}
