package com.cvgen.core.extract;

import com.cvgen.core.testing.BadInputPdfs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cvgen.core.CvInputException;
import com.cvgen.core.CvInputException.Code;
import com.cvgen.core.json.SchemaValidator;
import com.cvgen.core.model.Resume;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input through {@link CvExtractor}: the right code, a message naming the problem, no invented CV. */
class BadInputTest {
  private final CvExtractor extractor = new CvExtractor();

  private static CvInputException failure(ThrowingCall call) {
    CvInputException e = catchThrowableOfType(CvInputException.class, call::run);
    assertThat(e).as("a CvInputException").isNotNull();
    return e;
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run();
  }

  @Test
  void aTextCvIsExtractedAndSchemaValid() {
    Resume resume = extractor.extract(BadInputPdfs.textCv(2));
    assertThat(SchemaValidator.RESUME.validate(resume)).isEmpty();
    assertThat(extractor.readText(BadInputPdfs.textCv(1)).text()).contains("Technical University of Munich");
  }

  @Test
  void emptyFile() {
    CvInputException e = failure(() -> extractor.extract(new byte[0]));
    assertThat(e.code()).isEqualTo(Code.EMPTY_FILE);
    assertThat(e.getMessage()).isEqualTo("the file is empty");
  }

  @Test
  void pngImageIsNotAPdf() {
    CvInputException e = failure(() -> extractor.extract(BadInputPdfs.png()));
    assertThat(e.code()).isEqualTo(Code.NOT_PDF);
    assertThat(e.getMessage()).startsWith("the file is not a PDF").contains("a PNG image");
  }

  @Test
  void wordDocumentIsNotAPdf() {
    CvInputException e = failure(() -> extractor.extract(BadInputPdfs.docx()));
    assertThat(e.code()).isEqualTo(Code.NOT_PDF);
    assertThat(e.getMessage()).contains("a Word document (.docx)");
  }

  @Test
  void textIsNotAPdf() {
    byte[] text = "Jane Example\nSoftware Engineer\n".repeat(20).getBytes(StandardCharsets.UTF_8);
    CvInputException e = failure(() -> extractor.extract(text));
    assertThat(e.code()).isEqualTo(Code.NOT_PDF);
    assertThat(e.getMessage()).contains("plain text");
  }

  @Test
  void randomBytesAreNotAPdf() {
    CvInputException e = failure(() -> extractor.extract(BadInputPdfs.randomBytes(50_000, 42)));
    assertThat(e.code()).isEqualTo(Code.NOT_PDF);
    assertThat(e.getMessage()).isEqualTo("the file is not a PDF (it has no PDF header)");
  }

  @Test
  void randomBytesBehindAPdfHeaderAreCorrupt() {
    byte[] bytes = BadInputPdfs.randomBytes(50_000, 7);
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
    CvInputException e = failure(() -> extractor.extract(bytes));
    assertThat(e.code()).isEqualTo(Code.CORRUPT_PDF);
    assertThat(e.getMessage()).startsWith("the PDF is");
  }

  @Test
  void aHeaderAfterSomeJunkIsStillAPdf() {
    byte[] pdf = BadInputPdfs.textCv(1);
    byte[] shifted = new byte[pdf.length + 500];
    Arrays.fill(shifted, 0, 500, (byte) ' ');
    System.arraycopy(pdf, 0, shifted, 500, pdf.length);
    assertThat(extractor.readText(shifted).text()).contains("Jane Example");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.1, 0.3, 0.5, 0.7})
  void aTruncatedPdfThatYieldsNothingIsReportedAsIncomplete(double fraction) {
    byte[] cut = BadInputPdfs.truncated(BadInputPdfs.textCv(3), fraction);
    CvInputException e = failure(() -> extractor.extract(cut));
    assertThat(e.code()).isEqualTo(Code.CORRUPT_PDF);
    assertThat(e.getMessage()).startsWith("the PDF is incomplete").contains("%%EOF").contains("cut off");
  }

  @Test
  void aTruncatedPdfThatPdfBoxRepairsIsRead() {
    byte[] pdf = BadInputPdfs.textCv(2);
    // only the cross-reference table and trailer are lost: PDFBox finds the objects by scanning
    byte[] cut = Arrays.copyOf(pdf, new String(pdf, StandardCharsets.ISO_8859_1).lastIndexOf("startxref"));
    assertThat(PdfLoader.looksTruncated(cut)).isTrue();
    assertThat(extractor.readText(cut).text()).contains("Example GmbH");
  }

  @Test
  void aPageWithoutResourcesIsReadWithADefaultFont() {
    assertThat(extractor.readText(BadInputPdfs.withoutResources()).text()).contains("Jane Example");
  }

  @Test
  void userPasswordIsEncrypted() {
    CvInputException e = failure(() -> extractor.extract(BadInputPdfs.userPasswordProtected()));
    assertThat(e.code()).isEqualTo(Code.ENCRYPTED_PDF);
    assertThat(e.getMessage()).contains("password-protected");
  }

  @Test
  void ownerPasswordOnlyOpensAndIsRead() {
    TextDocument text = extractor.readText(BadInputPdfs.ownerPasswordOnly());
    assertThat(text.text()).contains("Jane Example");
    assertThatCode(() -> extractor.extract(BadInputPdfs.ownerPasswordOnly())).doesNotThrowAnyException();
  }

  @Test
  void scannedImageHasNoTextLayer() {
    CvInputException e = failure(() -> extractor.extract(BadInputPdfs.imageOnly()));
    assertThat(e.code()).isEqualTo(Code.NO_TEXT_LAYER);
    assertThat(e.getMessage()).startsWith("the PDF has no text layer (no text at all on 1 page").contains("OCR");
  }

  @Test
  void tooManyPages() {
    CvInputException e = failure(() -> extractor.extract(BadInputPdfs.textCv(21)));
    assertThat(e.code()).isEqualTo(Code.TOO_MANY_PAGES);
    assertThat(e.getMessage()).isEqualTo("the PDF has 21 pages; the limit is 20");
    assertThatCode(() -> extractor.readText(BadInputPdfs.textCv(20))).doesNotThrowAnyException();
  }

  @Test
  void tooLarge() {
    byte[] big = Arrays.copyOf(BadInputPdfs.textCv(1), 10 * 1024 * 1024 + 300 * 1024);
    CvInputException e = failure(() -> extractor.extract(big));
    assertThat(e.code()).isEqualTo(Code.FILE_TOO_LARGE);
    assertThat(e.getMessage()).isEqualTo("the file is 10.3 MB; the limit is 10 MB");
  }

  @Test
  void aTinyTimeBudgetIsTooComplex() {
    CvExtractor hurried = new CvExtractor(PdfLimits.DEFAULT.withTimeBudget(Duration.ofMillis(1)), new OfflineCvStructurer());
    byte[] pdf = BadInputPdfs.textCv(20);
    CvInputException e = failure(() -> hurried.extract(pdf));
    assertThat(e.code()).isEqualTo(Code.TOO_COMPLEX);
    assertThat(e.getMessage()).isEqualTo("the PDF is too complex: reading it takes longer than 1 ms");
    assertThat(extractor.extract(pdf)).as("the same PDF within the default budget").isNotNull();
  }

  @Test
  void aRunawayContentStreamIsCutOffByTheBudget() {
    // 4 MB of text operators on one page: under the content limit, but seconds of parsing
    byte[] pdf = BadInputPdfs.heavyContent(4);
    Duration budget = Duration.ofMillis(300);
    CvExtractor hurried = new CvExtractor(PdfLimits.DEFAULT.withTimeBudget(budget), new OfflineCvStructurer());
    long start = System.nanoTime();
    CvInputException e = failure(() -> hurried.readText(pdf));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(e.code()).isEqualTo(Code.TOO_COMPLEX);
    assertThat(e.getMessage()).contains("longer than 300 ms");
    assertThat(took).as("returned soon after the budget").isLessThan(budget.plusSeconds(5));
  }

  @Test
  void aDecompressionBombIsRejectedBeforeItIsParsed() {
    // inflates to 256 MB of text operators, 16 times the content limit
    byte[] pdf = BadInputPdfs.contentBomb(256);
    assertThat(pdf.length).isLessThan(2 * 1024 * 1024);
    CvInputException e = failure(() -> extractor.extract(pdf));
    assertThat(e.code()).isEqualTo(Code.TOO_COMPLEX);
    assertThat(e.getMessage())
        .isEqualTo("the PDF is too complex: its pages hold more than 16 MB of drawing instructions (passed on page 1)");
  }

  @Test
  void aContentLimitCountsAllPages() {
    byte[] pdf = BadInputPdfs.heavyContent(0.4, 0.4, 0.4);
    CvExtractor strict = new CvExtractor(PdfLimits.DEFAULT.withMaxContentBytes(1024 * 1024), new OfflineCvStructurer());
    CvInputException e = failure(() -> strict.readText(pdf));
    assertThat(e.code()).isEqualTo(Code.TOO_COMPLEX);
    assertThat(e.getMessage()).endsWith("more than 1 MB of drawing instructions (passed on page 3)");
  }

  @Test
  void aProgrammingErrorInTheStructurerStaysABug() {
    CvStructurer broken = new CvStructurer() {
      @Override
      public String id() {
        return "broken";
      }

      @Override
      public Resume structure(TextDocument document) {
        throw new IllegalStateException("bug in the structurer");
      }
    };
    CvExtractor withBug = new CvExtractor(PdfLimits.DEFAULT, broken);
    IllegalStateException e =
        catchThrowableOfType(IllegalStateException.class, () -> withBug.extract(BadInputPdfs.textCv(1)));
    assertThat(e).hasMessage("bug in the structurer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"StackOverflowError", "OutOfMemoryError"})
  void runningOutOfStackOrHeapWhileStructuringIsTooComplex(String error) {
    CvStructurer exhausting = new CvStructurer() {
      @Override
      public String id() {
        return "exhausting";
      }

      @Override
      public Resume structure(TextDocument document) {
        if (error.equals("StackOverflowError")) return recurse(document);
        throw new OutOfMemoryError("Java heap space");
      }

      private Resume recurse(TextDocument document) {
        return recurse(document);
      }
    };
    CvExtractor exhausted = new CvExtractor(PdfLimits.DEFAULT, exhausting);
    CvInputException e = failure(() -> exhausted.extract(BadInputPdfs.textCv(1)));
    assertThat(e.code()).isEqualTo(Code.TOO_COMPLEX);
    assertThat(e.getMessage()).startsWith("the PDF is too complex: ");
  }
}
