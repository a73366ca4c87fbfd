package com.cvgen.core.extract;

import com.cvgen.core.testing.BadInputPdfs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cvgen.core.CvInputException;
import com.cvgen.core.CvInputException.Code;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PdfLoaderTest {
  private final PdfLoader loader = new PdfLoader(PdfLimits.DEFAULT);

  @Test
  void loadsAPdfAndLeavesItOpenForTheCaller() throws IOException {
    try (PDDocument doc = loader.load(BadInputPdfs.textCv(3))) {
      assertThat(doc.getNumberOfPages()).isEqualTo(3);
    }
  }

  @Test
  void rejectsLikeTheExtractorDoes() {
    CvInputException e = catchThrowableOfType(CvInputException.class, () -> loader.load(BadInputPdfs.textCv(21)));
    assertThat(e.code()).isEqualTo(Code.TOO_MANY_PAGES);
    e = catchThrowableOfType(CvInputException.class, () -> loader.load(BadInputPdfs.userPasswordProtected()));
    assertThat(e.code()).isEqualTo(Code.ENCRYPTED_PDF);
  }

  @Test
  void loadingHasATimeBudgetToo() {
    PdfLoader hurried = new PdfLoader(PdfLimits.DEFAULT.withTimeBudget(Duration.ofNanos(1)));
    CvInputException e = catchThrowableOfType(CvInputException.class, () -> hurried.load(BadInputPdfs.textCv(20)));
    assertThat(e.code()).isEqualTo(Code.TOO_COMPLEX);
    assertThat(e.getMessage()).endsWith("takes longer than 1 ms");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      89 50 4E 47 0D 0A 1A 0A 00 00                | a PNG image
      FF D8 FF E0 00 10 4A 46 49 46                | a JPEG image
      47 49 46 38 39 61 01 00                      | a GIF image
      49 49 2A 00 08 00                            | a TIFF image
      4D 4D 00 2A 00 08                            | a TIFF image
      52 49 46 46 00 00 00 00 57 45 42 50          | a WebP image
      D0 CF 11 E0 A1 B1 1A E1 00 00                | an older Office document (.doc, .xls or .ppt)
      7B 5C 72 74 66 31 5C 61 6E 73 69             | an RTF document
      25 21 50 53 2D 41 64 6F 62 65                | a PostScript file
      3C 21 44 4F 43 54 59 50 45 20 68 74 6D 6C 3E | an HTML page
      3C 3F 78 6D 6C 20 3F 3E                      | an XML file
      4A 61 6E 65 20 C3 84 78 61 6D 70 6C 65 0A    | plain text
      00 01 02 03 04 05 FE FF                      |
      """)
  void tellsWhatANonPdfLooksLike(String hex, String kind) {
    assertThat(PdfLoader.looksLike(bytes(hex))).isEqualTo(kind);
  }

  @Test
  void tellsOfficeArchivesApart() throws IOException {
    assertThat(PdfLoader.looksLike(BadInputPdfs.docx())).isEqualTo("a Word document (.docx)");
    assertThat(PdfLoader.looksLike(zip("xl/workbook.xml"))).isEqualTo("an Excel workbook (.xlsx)");
    assertThat(PdfLoader.looksLike(zip("ppt/presentation.xml"))).isEqualTo("a PowerPoint presentation (.pptx)");
    assertThat(PdfLoader.looksLike(zip("notes.txt"))).isEqualTo("a ZIP archive");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream odt = new ZipOutputStream(out)) {
      odt.putNextEntry(new ZipEntry("mimetype"));
      odt.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
    }
    assertThat(PdfLoader.looksLike(out.toByteArray())).isEqualTo("an OpenDocument text (.odt)");
  }

  @Test
  void aTextFileCutInsideAMultiByteCharacterIsStillText() {
    // the sniffer looks at the first 4096 bytes, which end inside the two-byte "ä" here
    byte[] text = ("a".repeat(4095) + "ä and more").getBytes(StandardCharsets.UTF_8);
    assertThat(PdfLoader.looksLike(text)).isEqualTo("plain text");
  }

  @Test
  void truncationIsRecognisedByTheMissingEndMarker() {
    byte[] pdf = BadInputPdfs.textCv(1);
    assertThat(PdfLoader.looksTruncated(pdf)).isFalse();
    assertThat(PdfLoader.looksTruncated(BadInputPdfs.truncated(pdf, 0.9))).isTrue();
  }

  @Test
  void onlyRuntimeExceptionsFromPdfBoxCountAsBadInput() {
    RuntimeException ours = new IllegalStateException("ours");
    RuntimeException pdfbox = new IllegalArgumentException("pdfbox");
    pdfbox.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("org.apache.pdfbox.pdfparser.COSParser", "parseObject", "COSParser.java", 1)});
    RuntimeException jdkForPdfbox = new IndexOutOfBoundsException("jdk");
    jdkForPdfbox.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("jdk.internal.util.Preconditions", "outOfBounds", "Preconditions.java", 1),
        new StackTraceElement("java.util.ArrayList", "get", "ArrayList.java", 1),
        new StackTraceElement("org.apache.fontbox.cff.CFFParser", "parse", "CFFParser.java", 1)});
    RuntimeException jdkForUs = new IndexOutOfBoundsException("jdk");
    jdkForUs.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("java.util.ArrayList", "get", "ArrayList.java", 1),
        new StackTraceElement("com.cvgen.core.extract.PageLayout", "layout", "PageLayout.java", 1)});
    assertThat(PdfLoader.fromPdfLibrary(ours)).isFalse();
    assertThat(PdfLoader.fromPdfLibrary(pdfbox)).isTrue();
    assertThat(PdfLoader.fromPdfLibrary(jdkForPdfbox)).isTrue();
    assertThat(PdfLoader.fromPdfLibrary(jdkForUs)).isFalse();
  }

  @Test
  void anAbandonedParseStopsAtItsNextReadInsteadOfRunningOn() throws InterruptedException {
    // 20 pages of 1.5 MB of text operators each: about half a minute to read in full
    double[] pages = new double[20];
    Arrays.fill(pages, 1.5);
    byte[] pdf = BadInputPdfs.heavyContent(pages);
    PdfLimits limits = PdfLimits.DEFAULT.withTimeBudget(Duration.ofMillis(500)).withMaxContentBytes(64L << 20);
    CvInputException e = catchThrowableOfType(CvInputException.class,
        () -> new CvExtractor(limits, new OfflineCvStructurer()).readText(pdf));
    assertThat(e.code()).isEqualTo(Code.TOO_COMPLEX);
    // the worker is still on the page it was reading; at the next page's content it stops
    List<Thread> workers = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("cvgen-pdf-parse-")).toList();
    assertThat(workers).allMatch(Thread::isDaemon);
    for (Thread worker : workers) worker.join(Duration.ofSeconds(10));
    assertThat(workers).noneMatch(Thread::isAlive);
  }

  private static byte[] bytes(String hex) {
    String[] parts = hex.strip().split("\\s+");
    byte[] b = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) b[i] = (byte) Integer.parseInt(parts[i], 16);
    return b;
  }

  private static byte[] zip(String entry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write("x".getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }
}
