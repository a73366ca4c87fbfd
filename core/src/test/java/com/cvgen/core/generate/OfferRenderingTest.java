package com.cvgen.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.generate.SampleOffers.Case;
import com.cvgen.core.testing.OfficeConversion;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders Word offers with the real LibreOffice and reads the PDFs back with poppler: the reader
 * must see the candidate, the role, the company, every requirement the match found met, and the
 * headings in the offer's language. The files stay in {@code target/offer-render/} for a look.
 */
class OfferRenderingTest {

  static final Path OUT = Path.of("target", "offer-render");

  private static final Map<String, Rendered> RENDERED = new LinkedHashMap<>();

  private record Rendered(Case offer, Path pdf, String text) {}

  @BeforeAll
  static void renderAll() throws IOException {
    Map<String, Case> cases = new LinkedHashMap<>();
    cases.put("offer-en", SampleOffers.english());
    cases.put("offer-de", SampleOffers.german());
    cases.put("offer-fr", SampleOffers.french());
    Files.createDirectories(OUT);
    List<Path> docs = new ArrayList<>();
    for (Map.Entry<String, Case> e : cases.entrySet()) {
      Path docx = OUT.resolve(e.getKey() + ".docx");
      Case c = e.getValue();
      try (OutputStream out = Files.newOutputStream(docx)) {
        new DocxOfferWriter().write(c.cv(), c.job(), c.match(), c.language(), c.date(), out);
      }
      docs.add(docx);
    }
    List<Path> pdfs = OfficeConversion.toPdf(docs, OUT);
    int i = 0;
    for (Map.Entry<String, Case> e : cases.entrySet()) {
      Path pdf = pdfs.get(i++);
      RENDERED.put(e.getKey(), new Rendered(e.getValue(), pdf,
          DocxCvRenderingTest.normalize(OfficeConversion.pdfToText(pdf))));
    }
  }

  @Test
  void pdfShowsCandidateRoleCompanyAndEveryMatchedRequirement() {
    for (Map.Entry<String, Rendered> e : RENDERED.entrySet()) {
      Case c = e.getValue().offer();
      List<String> expected = new ArrayList<>(List.of(c.cv().basics().name(), c.job().title(), c.job().company()));
      expected.addAll(SampleOffers.matchedItems(c.match()));
      expected.addAll(c.job().requirements().requiredSkills());
      expected.addAll(c.job().requirements().preferredSkills());
      assertThat(expected).hasSizeGreaterThan(8);
      assertThat(e.getValue().text()).as("text of %s", e.getKey())
          .contains(expected.stream().map(DocxCvRenderingTest::normalize).toList());
    }
  }

  @Test
  void pdfShowsLocalizedHeadingsScoreAndVerdicts() {
    assertThat(RENDERED.get("offer-en").text()).contains("CANDIDATE PROPOSAL", "Proposed role: Senior Backend Engineer",
        "Company: Northwind Bank plc", "14 March 2025", "78 / 100", "Relevant experience", "Requirements and evidence",
        "✓ met", "✗ not met", "Languages", "Education");
    assertThat(RENDERED.get("offer-de").text()).contains("KANDIDATENVORSCHLAG", "Vorgeschlagene Position",
        "Energieversorgung Süd AG", "14. März 2025", "84 / 100", "Relevante Berufserfahrung",
        "Anforderungen und Nachweise", "✓ erfüllt", "✗ nicht erfüllt", "Mindestens 6 Jahre",
        "Apr. 2021 – heute");
    assertThat(RENDERED.get("offer-fr").text()).contains("PROPOSITION DE CANDIDAT", "Poste proposé : Ingénieur·e",
        "Entreprise : Crédit Lyonnais des Alpes", "14 mars 2025", "71 / 100", "Expérience pertinente",
        "Exigences et justificatifs", "✓ satisfaite", "✗ non satisfaite", "Compétences obligatoires");
  }

  @Test
  void mostRelevantPositionComesFirst() {
    String de = RENDERED.get("offer-de").text();
    int experience = de.indexOf("Relevante Berufserfahrung");
    assertThat(experience).isPositive();
    int lead = de.indexOf("Leiterin Backend-Entwicklung", experience);
    int bakery = de.indexOf("Softwareentwicklerin", experience);
    int allianz = de.indexOf("Werkstudentin Data Engineering", experience);
    int cafe = de.indexOf("Aushilfe Service", experience);
    assertThat(lead).isPositive().isLessThan(bakery);
    assertThat(bakery).isLessThan(allianz);
    assertThat(allianz).isLessThan(cafe);
  }

  @Test
  void pagesAreA4AndFew() throws IOException {
    for (Rendered r : RENDERED.values()) {
      Map<String, String> info = OfficeConversion.pdfInfo(r.pdf());
      assertThat(info.get("Page size")).as("page size of %s", r.pdf()).contains("595").contains("841");
      assertThat(Integer.parseInt(info.get("Pages"))).as("pages of %s", r.pdf()).isBetween(1, 3);
    }
  }

  @Test
  void firstPageRendersWithTheScoreInLargeType() throws IOException {
    for (String stem : RENDERED.keySet()) {
      List<Path> pngs = OfficeConversion.pdfToPng(RENDERED.get(stem).pdf(), 100, 1, 1);
      assertThat(pngs).hasSize(1);
      BufferedImage page = ImageIO.read(pngs.getFirst().toFile());
      assertThat(page.getWidth()).isBetween(820, 830); // A4 at 100 dpi: 8.27 in
      long inked = 0;
      for (int y = 0; y < page.getHeight(); y++) {
        for (int x = 0; x < page.getWidth(); x++) {
          if ((page.getRGB(x, y) & 0xFF) < 128) inked++;
        }
      }
      assertThat(inked).as("dark pixels on page 1 of %s", stem).isGreaterThan(5_000);
    }
  }
}
