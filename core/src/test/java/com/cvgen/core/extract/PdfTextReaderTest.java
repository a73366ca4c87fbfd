package com.cvgen.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.testing.PdfBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading order and clean-up of the PDF layer, on PDFs built for each layout. */
class PdfTextReaderTest {
  private final CvExtractor extractor = new CvExtractor();

  private List<String> lines(byte[] pdf) {
    return extractor.readText(pdf).lines().stream().map(TextLine::plain).toList();
  }

  @Test
  void sidebarIsReadAsItsOwnColumn() {
    PdfBuilder pdf = new PdfBuilder()
        .bold(40, 80, 12, "CONTACT")
        .lines(40, 100, 13, "jane@example.com", "+41 44 123 45 67", "Zürich")
        .bold(40, 160, 12, "SKILLS")
        .lines(40, 180, 13, "Java", "Kotlin", "PostgreSQL", "Kubernetes")
        .bold(220, 84, 20, "Jane Example")
        .lines(220, 110, 14.5f, "Senior engineer with ten years of building payment systems and",
            "leading small teams through migrations to the cloud.")
        .bold(220, 160, 12, "EXPERIENCE")
        .lines(220, 182, 14.5f, "Platform Lead, Example Payments AG", "Built the settlement service.");
    List<String> lines = lines(pdf.build());
    assertThat(lines).containsSubsequence("CONTACT", "jane@example.com", "SKILLS", "Java", "Kubernetes");
    assertThat(lines).containsSubsequence("Jane Example", "EXPERIENCE", "Platform Lead, Example Payments AG");
    // the two columns are not interleaved line by line
    assertThat(lines.indexOf("Kubernetes")).isLessThan(lines.indexOf("Jane Example"));
    TextDocument doc = extractor.readText(pdf.build());
    assertThat(doc.lines().stream().map(TextLine::column).distinct().count()).isEqualTo(2);
  }

  @Test
  void labelColumnStaysOnTheRowsItLabels() {
    byte[] pdf = new PdfBuilder()
        .bold(200, 60, 20, "Jane Example")
        .bold(60, 120, 14, "Work")
        .bold(200, 120, 14, "Example Payments AG")
        .lines(200, 138, 14, "Platform Lead", "Mar 2021 – Present", "Built the settlement service.")
        .bold(60, 220, 14, "Education")
        .bold(200, 220, 14, "ETH Zürich")
        .lines(200, 238, 14, "MSc Computer Science", "2014 – 2016")
        .build();
    List<TextLine> lines = extractor.readText(pdf).lines();
    List<String> texts = lines.stream().map(TextLine::plain).toList();
    assertThat(texts).containsSubsequence("Work Example Payments AG", "Platform Lead", "Mar 2021 – Present",
        "Education ETH Zürich", "MSc Computer Science");
    TextLine work = lines.stream().filter(l -> l.plain().startsWith("Work")).findFirst().orElseThrow();
    assertThat(work.spans()).extracting(TextSpan::text).containsExactly("Work", "Example Payments AG");
  }

  @Test
  void rightAlignedDatesStayOnTheirRow() {
    byte[] pdf = new PdfBuilder()
        .bold(50, 80, 11, "Software Engineer")
        .text(470, 80, "2019 – 2021")
        .lines(50, 95, 13, "Example Corp, Basel")
        .bold(50, 130, 11, "Intern")
        .text(470, 130, "2018 – 2019")
        .lines(50, 145, 13, "Other Corp, Bern")
        .build();
    List<TextLine> lines = extractor.readText(pdf).lines();
    assertThat(lines).extracting(TextLine::text)
        .containsExactly("Software Engineer\t2019 – 2021", "Example Corp, Basel", "Intern\t2018 – 2019", "Other Corp, Bern");
  }

  @Test
  void runningHeadersFootersAndPageNumbersAreDropped() {
    PdfBuilder b = new PdfBuilder();
    for (int p = 1; p <= 3; p++) {
      if (p > 1) b.page();
      b.text(50, 30, "Jane Example – Curriculum Vitae");
      b.lines(50, 120, 14, "Content line one of page " + p, "Content line two of page " + p);
      b.text(280, 810, "Page " + p + " of 3");
    }
    List<String> lines = lines(b.build());
    assertThat(lines).hasSize(6).allMatch(l -> l.startsWith("Content line"));
  }

  @Test
  void bannerAboveTwoColumnsIsReadFirst() {
    byte[] pdf = new PdfBuilder()
        .bold(150, 50, 22, "Jane Example, Senior Platform Engineer")
        .lines(40, 120, 13, "Skills", "Java", "Go", "SQL", "Terraform", "Kafka")
        .lines(250, 126, 15, "Experience", "Platform Lead at Example Payments AG", "Built the settlement service",
            "Ran the on-call rotation", "Cut costs by a third")
        .build();
    List<String> lines = lines(pdf);
    assertThat(lines.getFirst()).isEqualTo("Jane Example, Senior Platform Engineer");
    assertThat(lines).containsSubsequence("Skills", "Java", "Kafka", "Experience", "Platform Lead at Example Payments AG");
  }

  @Test
  void fakeBoldDuplicatesAndPrivateUseIconsAreDropped() {
    byte[] pdf = new PdfBuilder()
        .text(50, 80, "Jane Example")
        .text(50.2f, 80, "Jane Example")
        .lines(50, 120, 14, "first line of text here", "second line of text here", "third line of text here")
        .build();
    assertThat(lines(pdf)).first().isEqualTo("Jane Example");
    assertThat(PdfTextReader.clean("\uF0E0")).isEmpty();
    assertThat(PdfTextReader.clean("ﬁ")).isEqualTo("fi");
    assertThat(PdfTextReader.clean("\u00A0")).isEqualTo(" ");
  }
}
