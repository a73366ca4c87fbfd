package com.cvgen.core.generate;

import com.cvgen.core.generate.SampleOffers.Case;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.MatchResult;
import com.cvgen.core.model.Resume;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Writing offers to bytes and reading them back with POI, for the offer tests. */
final class OfferTestSupport {
  private OfferTestSupport() {}

  static byte[] write(Resume cv, JobProfile job, MatchResult match, OutputLanguage language, LocalDate date) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new DocxOfferWriter().write(cv, job, match, language, date, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static XWPFDocument writeAndOpen(Case c) {
    return DocxTestSupport.open(write(c.cv(), c.job(), c.match(), c.language(), c.date()));
  }

  static XWPFDocument writeAndOpen(Resume cv, JobProfile job, MatchResult match, OutputLanguage language,
      LocalDate date) {
    return DocxTestSupport.open(write(cv, job, match, language, date));
  }

  /** Every paragraph of the body, table cells included, in document order. */
  static List<XWPFParagraph> allParagraphs(XWPFDocument doc) {
    List<XWPFParagraph> all = new ArrayList<>();
    for (IBodyElement e : doc.getBodyElements()) {
      if (e instanceof XWPFParagraph p) all.add(p);
      if (e instanceof XWPFTable t) {
        for (XWPFTableRow row : t.getRows()) {
          for (XWPFTableCell cell : row.getTableCells()) all.addAll(cell.getParagraphs());
        }
      }
    }
    return all;
  }

  /** The texts of the body paragraphs (not table cells) after the first one with {@code text}, up to the next in {@code stopStyle}. */
  static List<XWPFParagraph> section(XWPFDocument doc, String headingText, String stopStyle) {
    List<XWPFParagraph> out = new ArrayList<>();
    boolean in = false;
    for (XWPFParagraph p : doc.getParagraphs()) {
      if (in && stopStyle.equals(p.getStyle())) break;
      if (in) out.add(p);
      if (p.getText().equals(headingText)) in = true;
    }
    return out;
  }

  /** Cell texts of a table, row by row. */
  static List<List<String>> cells(XWPFTable table) {
    return table.getRows().stream()
        .map(r -> r.getTableCells().stream().map(XWPFTableCell::getText).toList())
        .toList();
  }
}
