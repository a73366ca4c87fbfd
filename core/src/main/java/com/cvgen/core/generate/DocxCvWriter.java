package com.cvgen.core.generate;

import com.cvgen.core.model.Resume;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Writes the Word CV (work in progress). */
public final class DocxCvWriter {
  public void write(Resume resume, OutputLanguage language, OutputStream out) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText(resume.basics().name() == null ? "" : resume.basics().name());
      doc.write(out);
    }
  }
}
