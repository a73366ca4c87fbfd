package com.cvgen.local;

import com.cvgen.core.testing.BadInputPdfs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.cvgen.core.json.Json;
import com.cvgen.core.json.SchemaValidator;
import com.cvgen.local.CliTestFiles.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** `cvgen extract` on bad input: exit 2 and exactly one line on stderr, no stack trace, no JSON. */
class CliBadInputTest {
  @TempDir Path dir;

  static Stream<Arguments> badInputs() {
    byte[] cv = BadInputPdfs.textCv(2);
    byte[] damaged = BadInputPdfs.randomBytes(20_000, 11);
    byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, damaged, 0, header.length); // PDFBox logs warnings while it tries to repair this
    return Stream.of(
        arguments("empty", new byte[0], "empty_file", "the file is empty"),
        arguments("random bytes", BadInputPdfs.randomBytes(20_000, 11), "not_pdf", "the file is not a PDF"),
        arguments("PNG image", BadInputPdfs.png(), "not_pdf", "looks like a PNG image"),
        arguments("Word document", BadInputPdfs.docx(), "not_pdf", "looks like a Word document (.docx)"),
        arguments("damaged", damaged, "corrupt_pdf", "the PDF is"),
        arguments("truncated", BadInputPdfs.truncated(cv, 0.4), "corrupt_pdf", "the PDF is incomplete"),
        arguments("password", BadInputPdfs.userPasswordProtected(), "encrypted_pdf", "password-protected"),
        arguments("scan", BadInputPdfs.imageOnly(), "no_text_layer", "the PDF has no text layer"),
        arguments("21 pages", BadInputPdfs.textCv(21), "too_many_pages", "the PDF has 21 pages; the limit is 20"),
        arguments("over 10 MB", Arrays.copyOf(cv, 11 * 1024 * 1024), "file_too_large",
            "the file is 11 MB; the limit is 10 MB"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputExitsTwoWithOneLine(String name, byte[] bytes, String code, String message) throws IOException {
    Path file = Files.write(dir.resolve("cv.pdf"), bytes);
    Run run = CliTestFiles.cli("extract", file.toString());
    assertThat(run.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(run.out()).as("stdout").isEmpty();
    assertThat(run.errLines()).as("stderr").hasSize(1);
    String line = run.errLines()[0];
    assertThat(line).startsWith("cvgen: error: ").endsWith(" [" + code + "]").contains(message);
    assertOneCleanLine(run);
  }

  @Test
  void aMissingFileExitsTwo() {
    Run run = CliTestFiles.cli("extract", dir.resolve("nowhere.pdf").toString());
    assertThat(run.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(run.errLines()).containsExactly("cvgen: error: file not found: " + dir.resolve("nowhere.pdf"));
  }

  @Test
  void aDirectoryIsNotAPdf() {
    Run run = CliTestFiles.cli("extract", dir.toString());
    assertThat(run.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(run.errLines()).containsExactly("cvgen: error: " + dir + " is a directory, not a PDF file [not_pdf]");
  }

  @Test
  void aGoodCvPrintsSchemaValidJsonAndNothingOnStderr() throws IOException {
    Path file = Files.write(dir.resolve("cv.pdf"), BadInputPdfs.textCv(2));
    Run run = CliTestFiles.cli("extract", file.toString());
    assertThat(run.err()).as("stderr").isEmpty();
    assertThat(run.exit()).isZero();
    assertThat(SchemaValidator.RESUME.validate(Json.mapper().readTree(run.out()))).isEmpty();
  }

  @Test
  void pdfBoxWarningsAboutAFlawedButReadableCvDoNotReachStderr() throws IOException {
    Path file = Files.write(dir.resolve("cv.pdf"), CliTestFiles.textCvWithMissingFont());
    Run run = CliTestFiles.cli("extract", file.toString());
    assertThat(run.err()).as("stderr").isEmpty();
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Jane Example");
  }

  @Test
  void demoAgainstAHostThatIsNotThereExitsOneWithOneLine() throws IOException {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Run run = CliTestFiles.cli("demo", "--url", "http://127.0.0.1:" + port + "/", "--token", "t", "--out",
        dir.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errLines()).containsExactly("cvgen: error: nothing answers at http://127.0.0.1:" + port
        + "/ (is the host running there? start one with ./cvgen serve)");
    assertOneCleanLine(run);
  }

  private static void assertOneCleanLine(Run run) {
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at com.")
        .doesNotContain("at org.").doesNotContain("WARN").doesNotContain("ERROR");
  }
}
