package com.cvgen.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class OfficeConversionTest {

  private static final Path OUT = Path.of("target", "office-conversion-test");

  @Test
  void convertsADocxToPdfAndReadsItBack() throws IOException {
    Files.createDirectories(OUT);
    Path docx = OUT.resolve("hello.docx");
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
      doc.createParagraph().createRun().setText("Grüße aus Zürich, «ça va» – 42");
      doc.write(out);
    }

    Path pdf = OfficeConversion.toPdf(docx, OUT);

    assertThat(pdf).isEqualTo(OUT.resolve("hello.pdf")).isNotEmptyFile();
    assertThat(OfficeConversion.pdfToText(pdf)).contains("Grüße aus Zürich, «ça va» – 42");
    assertThat(OfficeConversion.pdfInfo(pdf)).containsEntry("Pages", "1").containsKey("Page size");
    List<Path> pngs = OfficeConversion.pdfToPng(pdf, 30, 1, 1);
    assertThat(pngs).singleElement().satisfies(png -> {
      assertThat(png.getFileName().toString()).matches("hello-0*1\\.png");
      assertThat(Files.readAllBytes(png)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    });
  }

  @Test
  void missingInputFailsBeforeStartingLibreOffice() {
    assertThatThrownBy(() -> OfficeConversion.toPdf(OUT.resolve("no-such.docx"), OUT))
        .isInstanceOf(IOException.class).hasMessageContaining("no-such.docx");
  }

  @Test
  void missingToolFailsWithWhatToInstall() {
    assertThatThrownBy(() -> OfficeConversion.requireTool("cvgen-no-such-tool", "the moon (apt-get install moon)"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cvgen-no-such-tool").hasMessageContaining("apt-get install moon");
  }
}
