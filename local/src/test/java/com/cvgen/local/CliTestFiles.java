package com.cvgen.local;

import com.cvgen.core.testing.BadInputPdfs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * A way to run the CLI capturing its output, and the one input only the CLI tests need; the other
 * bad inputs come from core's {@link BadInputPdfs}.
 */
final class CliTestFiles {
  private CliTestFiles() {}

  /** One run of the CLI: exit code, stdout, stderr. */
  record Run(int exit, String out, String err) {
    String[] errLines() {
      return err.lines().toArray(String[]::new);
    }
  }

  /** Runs {@code cvgen args...} in this JVM with stdout and stderr captured. */
  static synchronized Run cli(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.execute(args);
      System.out.flush();
      System.err.flush();
      return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /**
   * A readable CV with a flaw PDFBox logs a warning about: a line set in a font the page does not
   * have (PDFBox falls back to a default font).
   */
  static byte[] textCvWithMissingFont() {
    try (PDDocument doc = Loader.loadPDF(BadInputPdfs.textCv(1))) {
      PDPage page = doc.getPage(0);
      PDStream original = page.getContentStreams().next();
      byte[] extra = "BT /NoSuchFont 10 Tf 72 90 Td (References on request) Tj ET\n".getBytes(StandardCharsets.US_ASCII);
      page.setContents(List.of(original, new PDStream(doc, new ByteArrayInputStream(extra))));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
