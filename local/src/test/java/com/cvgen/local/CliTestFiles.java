package com.cvgen.local;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/** Test inputs for the CLI tests, generated in memory, and a way to run the CLI capturing its output. */
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

  static byte[] textCv(int pages) {
    return pdf(pages, null, false);
  }

  /**
   * A readable CV with a flaw PDFBox logs a warning about: a line set in a font the page does not
   * have (PDFBox falls back to a default font).
   */
  static byte[] textCvWithMissingFont() {
    try (PDDocument doc = Loader.loadPDF(textCv(1))) {
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

  static byte[] userPasswordProtected() {
    return pdf(1, "user-secret", false);
  }

  static byte[] imageOnly() {
    return pdf(1, null, true);
  }

  static byte[] truncated(byte[] bytes, double fraction) {
    return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
  }

  static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new Random(11).nextBytes(b);
    return b;
  }

  static byte[] png() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] docx() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] pdf(int pages, String userPassword, boolean imageOnly) {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int p = 1; p <= pages; p++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          if (imageOnly) {
            BufferedImage scan = new BufferedImage(300, 400, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = scan.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 300, 400);
            g.setColor(Color.BLACK);
            g.drawString("Jane Example, Software Engineer", 20, 40);
            g.dispose();
            cs.drawImage(LosslessFactory.createFromImage(doc, scan), 0, 0, 612, 792);
            continue;
          }
          cs.beginText();
          cs.setFont(font, 11);
          cs.setLeading(16);
          cs.newLineAtOffset(72, 720);
          for (String line : new String[] {"Jane Example", "Software Engineer - jane@example.com - Berlin",
              "Experience", "Example GmbH - Software Engineer - 03/2019 - present",
              "Education", "Technical University of Munich - MSc Computer Science - 2016", "Page " + p}) {
            cs.showText(line);
            cs.newLine();
          }
          cs.endText();
        }
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
