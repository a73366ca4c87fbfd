package com.cvgen.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Work;
import com.cvgen.core.testing.OfficeConversion;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders Word CVs with the real LibreOffice and reads the PDFs back with poppler: what a reader
 * sees must hold the name, every position, company and institution, in the chosen language. The
 * files stay in {@code target/docx-render/} for a look.
 */
class DocxCvRenderingTest {

  static final Path OUT = Path.of("target", "docx-render");

  /** File stem -> resume and language, all converted in one LibreOffice run. */
  private static final Map<String, Rendered> RENDERED = new LinkedHashMap<>();

  private record Rendered(Resume resume, OutputLanguage language, Path docx, Path pdf, String text) {}

  @BeforeAll
  static void renderAll() throws IOException {
    Map<String, Resume> resumes = new LinkedHashMap<>();
    Map<String, OutputLanguage> languages = new LinkedHashMap<>();
    resumes.put("cv-en", SampleResumes.english());
    languages.put("cv-en", OutputLanguage.EN);
    resumes.put("cv-de", SampleResumes.german());
    languages.put("cv-de", OutputLanguage.DE);
    resumes.put("cv-fr", SampleResumes.french());
    languages.put("cv-fr", OutputLanguage.FR);

    Files.createDirectories(OUT);
    List<Path> docs = new ArrayList<>();
    for (String stem : resumes.keySet()) {
      Path docx = OUT.resolve(stem + ".docx");
      try (OutputStream out = Files.newOutputStream(docx)) {
        new DocxCvWriter().write(resumes.get(stem), languages.get(stem), out);
      }
      docs.add(docx);
    }
    List<Path> pdfs = OfficeConversion.toPdf(docs, OUT);
    int i = 0;
    for (String stem : resumes.keySet()) {
      Path pdf = pdfs.get(i);
      RENDERED.put(stem, new Rendered(resumes.get(stem), languages.get(stem), docs.get(i), pdf,
          normalize(OfficeConversion.pdfToText(pdf))));
      i++;
    }
  }

  @Test
  void pdfShowsNameEveryPositionCompanyAndInstitution() {
    for (Map.Entry<String, Rendered> e : RENDERED.entrySet()) {
      Resume resume = e.getValue().resume();
      List<String> expected = new ArrayList<>();
      expected.add(resume.basics().name());
      for (Work w : resume.work()) {
        expected.add(w.position());
        expected.add(w.name());
      }
      resume.education().forEach(ed -> expected.add(ed.institution()));
      assertThat(expected).hasSizeGreaterThan(4);
      assertThat(e.getValue().text()).as("text of %s", e.getKey())
          .contains(expected.stream().map(DocxCvRenderingTest::normalize).toList());
    }
  }

  @Test
  void pdfShowsLocalizedHeadingsAndDates() {
    assertThat(RENDERED.get("cv-en").text()).contains("Experience", "Education", "Mar 2021 – present",
        "Sep 2016 – Feb 2021", "jane.doe@example.com");
    assertThat(RENDERED.get("cv-de").text()).contains("Berufserfahrung", "Ausbildung", "Kenntnisse",
        "Apr. 2019 – heute", "Okt. 2015 – März 2019", "München", "Bäckerei Schöne & Söhne KG");
    assertThat(RENDERED.get("cv-fr").text()).contains("Expérience professionnelle", "Formation", "Compétences",
        "janv. 2020 – aujourd'hui", "sept. 2016 – déc. 2019", "Hélène Lefèvre");
  }

  @Test
  void bulletsRenderAsListMarksAndHighlightsAreShown() {
    String en = RENDERED.get("cv-en").text();
    assertThat(en).contains("• Cut settlement batch time from 4 h to 20 min", "• 500 GitHub stars");
  }

  @Test
  void headingsBecomeTheNavigableOutline() throws IOException {
    // LibreOffice exports the document outline (Heading 1/2 by outline level) as PDF bookmarks;
    // a bookmark shows the tab before the date as a space
    try (PDDocument pdf = Loader.loadPDF(RENDERED.get("cv-en").pdf().toFile())) {
      PDDocumentOutline outline = pdf.getDocumentCatalog().getDocumentOutline();
      assertThat(outline).as("PDF bookmarks").isNotNull();
      Map<String, List<String>> tree = new LinkedHashMap<>();
      for (PDOutlineItem section : outline.children()) {
        List<String> entries = new ArrayList<>();
        section.children().forEach(entry -> entries.add(entry.getTitle()));
        tree.put(section.getTitle(), entries);
      }
      assertThat(tree.keySet()).containsExactly("Summary", "Experience", "Education", "Skills", "Languages",
          "Certificates", "Projects", "Volunteering", "Awards", "Publications", "Interests", "References");
      assertThat(tree.get("Experience")).containsExactly("Lead Engineer — Acme Payments Ltd Mar 2021 – present",
          "Software Engineer — Globex Logistics Sep 2016 – Feb 2021", "Junior Developer — Initech 2014 – Aug 2016");
    }
  }

  @Test
  void pagesAreA4() throws IOException {
    for (Rendered r : RENDERED.values()) {
      Map<String, String> info = OfficeConversion.pdfInfo(r.pdf());
      assertThat(info.get("Page size")).as("page size of %s", r.pdf()).contains("595").contains("841");
      assertThat(Integer.parseInt(info.get("Pages"))).isBetween(1, 2);
    }
  }

  @Test
  void firstPageRendersAsAnImageWithContent() throws IOException {
    List<Path> pngs = OfficeConversion.pdfToPng(RENDERED.get("cv-en").pdf(), 60, 1, 1);
    assertThat(pngs).hasSize(1);
    BufferedImage page = ImageIO.read(pngs.getFirst().toFile());
    // A4 at 60 dpi: 8.27 x 11.69 in
    assertThat(page.getWidth()).isBetween(490, 500);
    assertThat(page.getHeight()).isBetween(695, 705);
    long inked = 0;
    for (int y = 0; y < page.getHeight(); y++) {
      for (int x = 0; x < page.getWidth(); x++) {
        if ((page.getRGB(x, y) & 0xFF) < 128) inked++;
      }
    }
    assertThat(inked).as("dark pixels").isGreaterThan(2_000);
  }

  /** NFKC (undoes ligatures) with every whitespace run, line breaks included, as one space. */
  static String normalize(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ");
  }
}
