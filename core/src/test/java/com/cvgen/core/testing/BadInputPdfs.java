package com.cvgen.core.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Builds good and bad inputs for the bad-input tests, with PDFBox, in memory. Shared with the CLI
 * tests of local/ through core's test jar.
 */
public final class BadInputPdfs {
  private BadInputPdfs() {}

  public static final List<String> CV_LINES = List.of(
      "Jane Example",
      "Senior Software Engineer · jane.example@example.com · +49 30 1234567 · Berlin",
      "Experience",
      "Example GmbH, Berlin — Software Engineer, 03/2019 – present",
      "Built the billing platform in Java and Kotlin; cut invoice errors by 40%.",
      "Sample AG, Munich — Junior Developer, 09/2016 – 02/2019",
      "Education",
      "Technical University of Munich — MSc Computer Science, 2016",
      "Skills: Java, SQL, Kubernetes, PostgreSQL",
      "Languages: German (native), English (fluent), French (basic)");

  /** A plain text CV of {@code pages} pages. */
  public static byte[] textCv(int pages) {
    return save(doc -> addTextPages(doc, pages));
  }

  /** A text CV protected with a user password (and an owner password). */
  public static byte[] userPasswordProtected() {
    return save(doc -> {
      addTextPages(doc, 1);
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
    });
  }

  /** A text CV with only an owner password (empty user password) that forbids copying text. */
  public static byte[] ownerPasswordOnly() {
    return save(doc -> {
      addTextPages(doc, 1);
      AccessPermission permissions = new AccessPermission();
      permissions.setCanExtractContent(false);
      permissions.setCanModify(false);
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", permissions);
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
    });
  }

  /** A "scan": one page that is an image of a CV, with no text layer. */
  public static byte[] imageOnly() {
    return save(doc -> {
      PDPage page = new PDPage();
      doc.addPage(page);
      PDImageXObject image = LosslessFactory.createFromImage(doc, renderedCv());
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
      }
    });
  }

  /** A real PNG image of a CV. */
  public static byte[] png() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(renderedCv(), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A minimal Word (.docx) package: a ZIP archive with the parts Word writes first. */
  public static byte[] docx() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
          + ".wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Jane Example</w:t></w:r></w:p></w:body></w:document>"
          .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A text CV whose page has lost its /Resources (its font): readers fall back to a default font. */
  public static byte[] withoutResources() {
    try (PDDocument doc = Loader.loadPDF(textCv(1))) {
      doc.getPage(0).getCOSObject().removeItem(COSName.RESOURCES);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  public static byte[] truncated(byte[] pdf, double fraction) {
    return Arrays.copyOf(pdf, (int) (pdf.length * fraction));
  }

  /**
   * One page per entry of {@code megabytesPerPage}, each page's content stream holding that many
   * MB of text-showing operators (Flate-compressed, so the file stays small).
   */
  public static byte[] heavyContent(double... megabytesPerPage) {
    return save(doc -> {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (double mb : megabytesPerPage) {
        PDPage page = new PDPage();
        PDResources resources = new PDResources();
        COSName f1 = resources.add(font);
        page.setResources(resources);
        doc.addPage(page);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        long target = (long) (mb * 1024 * 1024);
        for (int i = 0; content.size() < target; i++) {
          content.writeBytes(String.format("BT /%s 9 Tf %d %d Td (Lorem ipsum dolor sit amet %d) Tj ET%n",
              f1.getName(), 40 + i % 5 * 100, 40 + i / 5 % 70 * 10, i).getBytes(StandardCharsets.US_ASCII));
        }
        page.setContents(new PDStream(doc, new ByteArrayInputStream(content.toByteArray()), COSName.FLATE_DECODE));
      }
    });
  }

  /**
   * A page whose content stream inflates from a few hundred KB to {@code megabytes} MB of
   * repeated text operators: a decompression bomb as far as a reader is concerned.
   */
  public static byte[] contentBomb(int megabytes) {
    return save(doc -> {
      addTextPages(doc, 1);
      PDPage page = doc.getPage(0);
      COSName f1 = page.getResources().getFontNames().iterator().next();
      byte[] line = ("BT /" + f1.getName() + " 9 Tf 72 72 Td (Lorem ipsum) Tj ET\n").getBytes(StandardCharsets.US_ASCII);
      byte[] chunk = new byte[line.length * 2048];
      for (int i = 0; i < 2048; i++) System.arraycopy(line, 0, chunk, i * line.length, line.length);
      COSStream bomb = doc.getDocument().createCOSStream();
      try (OutputStream raw = bomb.createRawOutputStream();
          DeflaterOutputStream deflate = new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
        for (long written = 0; written < megabytes * 1024L * 1024; written += chunk.length) deflate.write(chunk);
      }
      bomb.setItem(COSName.FILTER, COSName.FLATE_DECODE);
      page.setContents(new PDStream(bomb));
    });
  }

  // ---------- helpers ----------

  @FunctionalInterface
  private interface Build {
    void into(PDDocument doc) throws IOException;
  }

  private static byte[] save(Build build) {
    try (PDDocument doc = new PDDocument()) {
      build.into(doc);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addTextPages(PDDocument doc, int pages) throws IOException {
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    for (int p = 1; p <= pages; p++) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(font, 11);
        cs.setLeading(16);
        cs.newLineAtOffset(72, 720);
        for (String line : CV_LINES) {
          cs.showText(line.replace("·", "-").replace("—", "-").replace("–", "-"));
          cs.newLine();
        }
        cs.showText("Page " + p + " of " + pages);
        cs.endText();
      }
    }
  }

  private static BufferedImage renderedCv() {
    BufferedImage image = new BufferedImage(612, 792, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      int y = 80;
      for (String line : CV_LINES) {
        g.drawString(line, 60, y);
        y += 18;
      }
    } finally {
      g.dispose();
    }
    return image;
  }
}
