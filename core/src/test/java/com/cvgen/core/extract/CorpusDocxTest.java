package com.cvgen.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.generate.DocxCvWriter;
import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.model.Education;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Work;
import com.cvgen.core.pipeline.LocalCvProcessor;
import com.cvgen.core.testing.Corpus;
import com.cvgen.core.testing.OfficeConversion;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every Word CV made from a corpus CV opens in LibreOffice, and its PDF text shows the person's
 * name, every position and every institution the CV data holds.
 */
class CorpusDocxTest {
  @Test
  void wordCvsShowNamePositionsAndInstitutions() throws Exception {
    Path dir = Path.of("target", "corpus-docx");
    Files.createDirectories(dir);
    CvExtractor extractor = new CvExtractor();
    DocxCvWriter writer = new DocxCvWriter();
    List<Path> docs = new ArrayList<>();
    List<Resume> resumes = new ArrayList<>();
    for (Path pdf : Corpus.devPdfs()) {
      Resume resume = extractor.extract(Files.readAllBytes(pdf));
      Path docx = dir.resolve(pdf.getFileName().toString().replaceFirst("\\.pdf$", ".docx"));
      try (OutputStream out = Files.newOutputStream(docx)) {
        writer.write(resume, LocalCvProcessor.languageOf(resume), out);
      }
      docs.add(docx);
      resumes.add(resume);
    }
    List<Path> pdfs = OfficeConversion.toPdf(docs, dir);
    SoftAssertions soft = new SoftAssertions();
    for (int i = 0; i < pdfs.size(); i++) {
      String text = flat(OfficeConversion.pdfToText(pdfs.get(i)));
      Resume r = resumes.get(i);
      String doc = docs.get(i).getFileName().toString();
      if (r.basics().name() != null) soft.assertThat(text).as(doc + " name").contains(flat(r.basics().name()));
      for (Work w : r.work()) {
        if (w.position() != null) soft.assertThat(text).as(doc + " position").contains(flat(w.position()));
        if (w.name() != null) soft.assertThat(text).as(doc + " company").contains(flat(w.name()));
      }
      for (Education e : r.education()) {
        if (e.institution() != null) soft.assertThat(text).as(doc + " institution").contains(flat(e.institution()));
      }
    }
    soft.assertAll();
    assertThat(resumes.stream().mapToInt(r -> r.work().size()).sum()).isGreaterThan(100);
  }

  /** Text with line breaks and runs of spaces as single spaces, typographic quotes as plain ones. */
  private static String flat(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC).replace('’', '\'').replaceAll("\\s+", " ").strip();
  }
}
