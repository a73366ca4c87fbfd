package com.cvgen.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Builds small real PDFs for layout tests: text placed at given positions (top-left origin, like a
 * reader sees the page) in Helvetica or Helvetica-Bold, A4 pages.
 */
public final class PdfBuilder {
  private record Text(int page, float x, float y, float size, boolean bold, String text) {}

  private final List<Text> texts = new ArrayList<>();
  private int pages = 1;
  private int page = 0;

  public PdfBuilder page() {
    page = pages++;
    return this;
  }

  public PdfBuilder text(float x, float y, String text) {
    return text(x, y, 10, false, text);
  }

  public PdfBuilder bold(float x, float y, float size, String text) {
    return text(x, y, size, true, text);
  }

  public PdfBuilder text(float x, float y, float size, boolean bold, String text) {
    texts.add(new Text(page, x, y, size, bold, text));
    return this;
  }

  /** Lines of body text from (x, y) downwards, one every {@code leading} points. */
  public PdfBuilder lines(float x, float y, float leading, String... lines) {
    for (int i = 0; i < lines.length; i++) text(x, y + i * leading, lines[i]);
    return this;
  }

  public byte[] build() {
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int p = 0; p < pages; p++) {
        PDPage pdPage = new PDPage(PDRectangle.A4);
        doc.addPage(pdPage);
        float height = pdPage.getMediaBox().getHeight();
        try (PDPageContentStream cs = new PDPageContentStream(doc, pdPage)) {
          for (Text t : texts) {
            if (t.page != p) continue;
            cs.beginText();
            cs.setFont(t.bold ? bold : regular, t.size);
            cs.newLineAtOffset(t.x, height - t.y);
            cs.showText(t.text);
            cs.endText();
          }
        }
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
