package com.cvgen.core.generate;

import static com.cvgen.core.generate.DocxTestSupport.textsInStyle;
import static com.cvgen.core.generate.OfferTestSupport.allParagraphs;
import static com.cvgen.core.generate.OfferTestSupport.writeAndOpen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.core.model.Basics;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.Language;
import com.cvgen.core.model.MatchResult;
import com.cvgen.core.model.MatchResult.Component;
import com.cvgen.core.model.Resume;
import com.cvgen.core.model.Work;
import com.cvgen.core.testing.OfficeConversion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** Offers from empty, partial and hostile input: always a valid document, never an exception. */
class OfferRobustnessTest {

  private static final Resume EMPTY_CV = new Resume(null, null, null, null, null, null, null, null, null, null,
      null, null, null);
  private static final JobProfile EMPTY_JOB = new JobProfile(null, null, null, null, null, null, null, null, null,
      null, null, null, null);
  private static final String CONTROL = "\u0000\u0001\u0007\u000B\u001B\u0085\uFFFE\uFFFF";
  private static final String SCRIPT = "<script>alert('x')</script>";

  @Test
  void emptyCvWithoutJobOrMatchIsACoverWithTheDate() {
    for (OutputLanguage language : OutputLanguage.values()) {
      XWPFDocument doc = writeAndOpen(EMPTY_CV, null, null, language, SampleOffers.DATE);
      assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getStyle)
          .containsExactly(WordStyles.OVERLINE, WordStyles.ENTRY);
      assertThat(doc.getTables()).isEmpty();
    }
    XWPFDocument noDate = writeAndOpen(EMPTY_CV, null, null, OutputLanguage.EN, null);
    assertThat(noDate.getParagraphs()).extracting(XWPFParagraph::getText).containsExactly("Candidate proposal");
  }

  @Test
  void jobAndMatchWithNothingInThem() {
    XWPFDocument doc = writeAndOpen(EMPTY_CV, EMPTY_JOB, new MatchResult(0, null, null, null), OutputLanguage.DE, null);
    assertThat(textsInStyle(doc, WordStyles.HEADING_1)).containsExactly("Passung zur Position",
        "Anforderungen und Nachweise");
    assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
        .contains("0 / 100", "Das Stellenprofil nennt keine Anforderungen.");
    assertThat(doc.getTables()).isEmpty();
  }

  @Test
  void componentsWithMissingFieldsAndOddNumbers() {
    SampleOffers.Case c = SampleOffers.english();
    MatchResult odd = new MatchResult(150, "xx", "  ", Arrays.asList(
        new Component(null, null, Double.NaN, Double.POSITIVE_INFINITY, null, null, null),
        new Component("mystery", "  ", -1, -1, List.of(" ", "Quantum"), List.of(""), "Reason."),
        new Component("required_skills", null, 0.4, 0.5, Arrays.asList("Java", null, "Java"), List.of("Kafka"), null)));
    XWPFDocument doc = writeAndOpen(c.cv(), c.job(), odd, OutputLanguage.EN, c.date());
    List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    assertThat(texts).contains("100 / 100", "Required skills: Java", "mystery: Quantum", "Required skills: Kafka",
        "mystery (0%, weight 0%): Reason.");
    assertThat(writeAndOpen(c.cv(), c.job(), new MatchResult(-7, "en", null, List.of()), OutputLanguage.EN, null)
        .getParagraphs()).extracting(XWPFParagraph::getText).contains("0 / 100");
  }

  @Test
  void hostileTextIsKeptLiterallyWithoutControlCharacters() throws IOException {
    XWPFDocument doc = DocxTestSupport.open(hostileOffer());
    List<String> texts = allParagraphs(doc).stream().map(XWPFParagraph::getText).toList();
    assertThat(textsInStyle(doc, WordStyles.TITLE)).containsExactly(SCRIPT + " Jane");
    assertThat(texts).contains("Proposed role: " + SCRIPT + " Role", "Company: Evil & Co \"Ltd\"");
    assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContainPattern("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\uFFFE\\uFFFF]"));
    String documentXml = part(doc, "/word/document.xml");
    assertThat(documentXml).contains("&lt;script>alert('x')&lt;/script> Jane").doesNotContain("<script>");
    // the requirement with markup is one row of text, not markup
    assertThat(OfferTestSupport.cells(doc.getTables().getFirst()).get(1).getFirst()).isEqualTo(SCRIPT);
  }

  @Test
  void longSummaryIsCutAndManyPositionsAreSummarised() {
    String endless = "word ".repeat(20_000);
    List<Work> work = IntStream.range(0, 200)
        .mapToObj(i -> new Work("Company " + i, null, null, "Clerk " + i, null, (2020 - i / 12) + "", null, null,
            List.of()))
        .toList();
    Resume cv = new Resume(new Basics("Long", null, null, null, null, null, endless, null, null), work, null, null,
        null, null, null, null, null, null, null, null, null);
    XWPFDocument doc = writeAndOpen(cv, SampleOffers.germanJob(), null, OutputLanguage.DE, SampleOffers.DATE);
    String profile = OfferTestSupport.section(doc, "Profil", WordStyles.HEADING_1).getFirst().getText();
    assertThat(profile).hasSizeLessThanOrEqualTo(601).endsWith("…");
    List<XWPFParagraph> experience = OfferTestSupport.section(doc, "Relevante Berufserfahrung", WordStyles.HEADING_1);
    assertThat(experience.stream().filter(p -> WordStyles.HEADING_2.equals(p.getStyle()))).hasSize(4);
    assertThat(experience.stream().filter(p -> WordStyles.ENTRY.equals(p.getStyle()))).hasSize(6);
    assertThat(experience.getLast().getText()).isEqualTo("+ 191 weitere");
  }

  @Test
  void rejectsMissingRequiredArguments() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DocxOfferWriter writer = new DocxOfferWriter();
    assertThatThrownBy(() -> writer.write(null, null, null, OutputLanguage.EN, null, out))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("cv");
    assertThatThrownBy(() -> writer.write(EMPTY_CV, null, null, null, null, out))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("language");
    assertThatThrownBy(() -> writer.write(EMPTY_CV, null, null, OutputLanguage.EN, null, null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("out");
  }

  @Test
  void libreOfficeOpensEmptyAndHostileOffers() throws IOException {
    Path dir = OfferRenderingTest.OUT.resolve("robustness");
    Files.createDirectories(dir);
    Path empty = dir.resolve("offer-empty.docx");
    Files.write(empty, OfferTestSupport.write(EMPTY_CV, EMPTY_JOB, new MatchResult(0, null, null, null),
        OutputLanguage.FR, SampleOffers.DATE));
    Path hostile = dir.resolve("offer-hostile.docx");
    Files.write(hostile, hostileOffer());
    List<Path> pdfs = OfficeConversion.toPdf(List.of(empty, hostile), dir);
    assertThat(OfficeConversion.pdfToText(pdfs.get(0))).contains("PROPOSITION DE CANDIDAT", "14 mars 2025");
    String text = DocxCvRenderingTest.normalize(OfficeConversion.pdfToText(pdfs.get(1)));
    assertThat(text).contains(SCRIPT + " Jane", "Evil & Co \"Ltd\"");
  }

  private static byte[] hostileOffer() {
    Basics basics = new Basics(SCRIPT + CONTROL + "\nJane", "Label" + CONTROL, null, null, null, null,
        "Summary with\u0000 nulls. And ]]> CDATA end. " + SCRIPT, null, null);
    Resume cv = new Resume(basics,
        List.of(new Work("Evil" + CONTROL, null, null, SCRIPT, null, "2020-13", "garbage", SCRIPT,
            List.of(SCRIPT, CONTROL, "Java & <b>bold</b>"))),
        null, null, null, null, null, null, List.of(new Language(SCRIPT, CONTROL)), null, null, null, null);
    JobProfile job = SampleOffers.job(SCRIPT + CONTROL + " Role", "Evil & Co \"Ltd\"" + CONTROL, null,
        new JobProfile.Requirements(List.of(SCRIPT, "Java"), List.of(CONTROL), null, null, List.of(), null));
    MatchResult match = new MatchResult(50, "en", SCRIPT, List.of(new Component("required_skills", SCRIPT, 1, 0.5,
        List.of("Java" + CONTROL), List.of(SCRIPT), SCRIPT + CONTROL)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new DocxOfferWriter().write(cv, job, match, OutputLanguage.EN, SampleOffers.DATE, out);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  private static String part(XWPFDocument doc, String name) throws IOException {
    var part = doc.getPackage().getPartsByName(Pattern.compile(Pattern.quote(name))).getFirst();
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
