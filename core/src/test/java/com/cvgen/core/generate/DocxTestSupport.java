package com.cvgen.core.generate;

import com.cvgen.core.model.Resume;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/** Writing a CV to bytes and reading it back with POI, for the generator tests. */
final class DocxTestSupport {
  private DocxTestSupport() {}

  static byte[] write(Resume resume, OutputLanguage language) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new DocxCvWriter().write(resume, language, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Reopens a written document; fails if POI cannot parse it. */
  static XWPFDocument open(byte[] docx) {
    try {
      return new XWPFDocument(new ByteArrayInputStream(docx));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static XWPFDocument writeAndOpen(Resume resume, OutputLanguage language) {
    return open(write(resume, language));
  }

  /** The texts of the body paragraphs in paragraph style {@code styleId}, in document order. */
  static List<String> textsInStyle(XWPFDocument doc, String styleId) {
    return paragraphsInStyle(doc, styleId).stream().map(XWPFParagraph::getText).toList();
  }

  static List<XWPFParagraph> paragraphsInStyle(XWPFDocument doc, String styleId) {
    return doc.getParagraphs().stream().filter(p -> styleId.equals(p.getStyle())).toList();
  }
}
