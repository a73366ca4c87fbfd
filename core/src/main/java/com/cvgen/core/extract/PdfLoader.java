package com.cvgen.core.extract;

import com.cvgen.core.CvInputException;
import com.cvgen.core.CvInputException.Code;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FlateFilterDecoderStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens an uploaded PDF after checking it against {@link PdfLimits}: not empty, not too large, a
 * PDF by its content (not its name), readable, not password-protected, not too many pages, not
 * too much page content. Every failure is a {@link CvInputException} naming the problem. The caller
 * closes the document.
 */
public final class PdfLoader {
  /** Readers accept a PDF whose header starts within its first 1024 bytes. */
  private static final int HEADER_WINDOW = 1024;
  /** Forms drawn inside forms deeper than this are not counted (PDFBox stops far earlier). */
  private static final int MAX_FORM_DEPTH = 12;

  private final PdfLimits limits;

  public PdfLoader(PdfLimits limits) {
    this.limits = limits;
  }

  /** Checks and opens {@code bytes} within the time budget of the limits. */
  public PDDocument load(byte[] bytes) {
    return new ParseBudget(limits.timeBudget()).run(budget -> open(bytes, budget), PdfLoader::closeQuietly);
  }

  /** Checks and opens {@code bytes}; every read from them checks {@code budget}. */
  PDDocument open(byte[] bytes, ParseBudget budget) {
    checkBytes(bytes);
    PDDocument doc = parse(bytes, budget);
    try {
      int pages = doc.getNumberOfPages();
      if (pages == 0) {
        throw new CvInputException(Code.CORRUPT_PDF, looksTruncated(bytes)
            ? incomplete("no page could be read") : "the PDF has no pages");
      }
      if (pages > limits.maxPages()) {
        throw new CvInputException(Code.TOO_MANY_PAGES,
            "the PDF has " + pages + " pages; the limit is " + limits.maxPages());
      }
      checkContent(doc, budget);
      return doc;
    } catch (RuntimeException e) {
      closeQuietly(doc);
      if (e instanceof CvInputException || !fromPdfLibrary(e)) throw e;
      throw damaged(bytes, e);
    } catch (IOException e) {
      closeQuietly(doc);
      throw damaged(bytes, e);
    } catch (Error e) {
      closeQuietly(doc);
      throw e;
    }
  }

  private void checkBytes(byte[] bytes) {
    if (bytes.length == 0) throw new CvInputException(Code.EMPTY_FILE, "the file is empty");
    limits.checkFileSize(bytes.length);
    if (indexOf(bytes, "%PDF-", 0, Math.min(bytes.length, HEADER_WINDOW + 5)) < 0) {
      String kind = looksLike(bytes);
      throw new CvInputException(Code.NOT_PDF, kind == null
          ? "the file is not a PDF (it has no PDF header)"
          : "the file is not a PDF but looks like " + kind + ": save the CV as PDF and upload that");
    }
  }

  private PDDocument parse(byte[] bytes, ParseBudget budget) {
    try {
      return Loader.loadPDF(new BudgetedSource(bytes, budget), "", null, null,
          MemoryUsageSetting.setupMainMemoryOnly(limits.maxMemoryBytes()).streamCache);
    } catch (InvalidPasswordException e) {
      throw new CvInputException(Code.ENCRYPTED_PDF,
          "the PDF is password-protected: save or print it without the password and upload that", e);
    } catch (IOException e) {
      if (!looksTruncated(bytes) && indexOf(bytes, "/Encrypt", 0, bytes.length) >= 0) {
        throw new CvInputException(Code.ENCRYPTED_PDF,
            "the PDF is encrypted and cannot be opened (" + reason(e) + ")", e);
      }
      throw damaged(bytes, e);
    } catch (RuntimeException e) {
      if (e instanceof CvInputException || !fromPdfLibrary(e)) throw e;
      throw damaged(bytes, e);
    }
  }

  // ---------- page content volume ----------

  /**
   * Measures the decoded page content (the drawing instructions of every page and of the forms
   * they draw) and rejects the document when it is over the limit. Flate streams are inflated
   * through a counter without being held, so a decompression bomb costs no memory here.
   */
  private void checkContent(PDDocument doc, ParseBudget budget) throws IOException {
    long cap = limits.maxContentBytes();
    long total = 0;
    Set<COSStream> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    int number = 0;
    for (PDPage page : doc.getPages()) {
      number++;
      COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
      if (contents instanceof COSStream stream) {
        total += decodedLength(stream, cap - total, seen, budget);
      } else if (contents instanceof COSArray array) {
        for (int i = 0; i < array.size() && total <= cap; i++) {
          if (array.getObject(i) instanceof COSStream stream) total += decodedLength(stream, cap - total, seen, budget);
        }
      }
      PDResources resources = page.getResources();
      if (total <= cap && resources != null) total += forms(resources.getCOSObject(), cap - total, seen, budget, 0);
      if (total > cap) {
        throw new CvInputException(Code.TOO_COMPLEX, "the PDF is too complex: its pages hold more than "
            + PdfLimits.megabytes(cap) + " of drawing instructions (passed on page " + number + ")");
      }
    }
  }

  /** Decoded length of the forms among {@code resources}' XObjects and of the forms they draw. */
  private static long forms(COSDictionary resources, long room, Set<COSStream> seen, ParseBudget budget, int depth)
      throws IOException {
    if (resources == null || depth > MAX_FORM_DEPTH) return 0;
    COSDictionary xobjects = resources.getCOSDictionary(COSName.XOBJECT);
    if (xobjects == null) return 0;
    long total = 0;
    for (COSName name : xobjects.keySet()) {
      if (total > room) break;
      if (xobjects.getDictionaryObject(name) instanceof COSStream form
          && COSName.FORM.equals(form.getCOSName(COSName.SUBTYPE)) && !seen.contains(form)) {
        total += decodedLength(form, room - total, seen, budget);
        total += forms(form.getCOSDictionary(COSName.RESOURCES), room - total, seen, budget, depth + 1);
      }
    }
    return total;
  }

  /** The decoded length of {@code stream}, counted up to just past {@code room}; 0 if counted before. */
  private static long decodedLength(COSStream stream, long room, Set<COSStream> seen, ParseBudget budget)
      throws IOException {
    if (!seen.add(stream)) return 0;
    COSBase filters = stream.getFilters();
    if (filters == null) return stream.getLength();
    boolean flateOnly = isFlate(filters)
        || filters instanceof COSArray array && array.size() == 1 && isFlate(array.getObject(0));
    long n = 0;
    try (InputStream in = flateOnly
        ? new FlateFilterDecoderStream(stream.createRawInputStream())
        : stream.createInputStream()) {
      byte[] buffer = new byte[64 * 1024];
      for (int r; n <= room && (r = in.read(buffer)) != -1; ) {
        n += r;
        budget.check();
      }
    } catch (IOException e) {
      // a damaged stream: the text reader, too, reads only what decodes
    }
    return n;
  }

  private static boolean isFlate(COSBase filter) {
    return COSName.FLATE_DECODE.equals(filter) || COSName.FLATE_DECODE_ABBREVIATION.equals(filter);
  }

  // ---------- diagnosis ----------

  /** True when the file does not end with the %%EOF marker (allowing some trailing bytes). */
  static boolean looksTruncated(byte[] bytes) {
    return indexOf(bytes, "%%EOF", Math.max(0, bytes.length - HEADER_WINDOW), bytes.length) < 0;
  }

  static String incomplete(String consequence) {
    return "the PDF is incomplete: the file stops before its end marker (%%EOF), so the upload or download"
        + " was probably cut off, and " + consequence;
  }

  private static CvInputException damaged(byte[] bytes, Exception e) {
    String message = looksTruncated(bytes)
        ? incomplete("it cannot be read")
        : "the PDF is damaged and cannot be read (" + reason(e) + ")";
    return new CvInputException(Code.CORRUPT_PDF, message, e);
  }

  private static String reason(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    m = m.replaceAll("\\s+", " ");
    return m.length() > 120 ? m.substring(0, 117) + "..." : m;
  }

  /**
   * True when {@code e} was thrown inside PDFBox (or by the JDK on PDFBox's behalf): PDFBox answers
   * some malformed files with runtime exceptions; those are bad input, while runtime exceptions from
   * our code stay bugs.
   */
  static boolean fromPdfLibrary(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      String origin = frame.getClassName();
      if (origin.startsWith("java.") || origin.startsWith("javax.") || origin.startsWith("jdk.")
          || origin.startsWith("sun.")) {
        continue;
      }
      return origin.startsWith("org.apache.pdfbox.") || origin.startsWith("org.apache.fontbox.");
    }
    return false;
  }

  /** What a non-PDF file looks like, e.g. "a PNG image", or null when it is nothing recognisable. */
  static String looksLike(byte[] b) {
    if (startsWith(b, 0x89, 'P', 'N', 'G')) return "a PNG image";
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) return "a JPEG image";
    if (startsWith(b, 'G', 'I', 'F', '8')) return "a GIF image";
    if (startsWith(b, 'I', 'I', '*', 0) || startsWith(b, 'M', 'M', 0, '*')) return "a TIFF image";
    if (startsWith(b, 'R', 'I', 'F', 'F') && indexOf(b, "WEBP", 8, Math.min(b.length, 12)) == 8) return "a WebP image";
    if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) return "an older Office document (.doc, .xls or .ppt)";
    if (startsWith(b, 'P', 'K', 3, 4)) return zipKind(b);
    if (startsWith(b, '{', '\\', 'r', 't', 'f')) return "an RTF document";
    if (startsWith(b, '%', '!', 'P', 'S')) return "a PostScript file";
    String text = asText(Arrays.copyOf(b, Math.min(b.length, 4096)));
    if (text == null) return null;
    String start = text.stripLeading().toLowerCase(Locale.ROOT);
    if (start.startsWith("<!doctype html") || start.startsWith("<html")) return "an HTML page";
    if (start.startsWith("<?xml")) return "an XML file";
    return "plain text";
  }

  private static String zipKind(byte[] bytes) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      for (int i = 0; i < 200 && (entry = zip.getNextEntry()) != null; i++) {
        String name = entry.getName();
        if (name.startsWith("word/")) return "a Word document (.docx)";
        if (name.startsWith("xl/")) return "an Excel workbook (.xlsx)";
        if (name.startsWith("ppt/")) return "a PowerPoint presentation (.pptx)";
        if (name.equals("mimetype")) {
          String type = new String(zip.readNBytes(100), StandardCharsets.US_ASCII);
          return type.contains("opendocument.text") ? "an OpenDocument text (.odt)" : "an OpenDocument file";
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // a damaged archive is still an archive
    }
    return "a ZIP archive";
  }

  /** The bytes as text when they are UTF-8 without control characters other than whitespace. */
  private static String asText(byte[] head) {
    // the window may cut a multi-byte character at its end: that alone does not make it binary
    for (int cut = 0; cut < 4 && cut < head.length; cut++) {
      String s;
      try {
        s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, head.length - cut))
            .toString();
      } catch (CharacterCodingException e) {
        continue;
      }
      if (s.isBlank() || s.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) return null;
      return s;
    }
    return null;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
    return true;
  }

  /** Index of ASCII {@code needle} in {@code b[from, to)}, or -1. */
  private static int indexOf(byte[] b, String needle, int from, int to) {
    byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = from; i <= to - n.length; i++) {
      for (int j = 0; j < n.length; j++) if (b[i + j] != n[j]) continue outer;
      return i;
    }
    return -1;
  }

  static void closeQuietly(PDDocument doc) {
    try {
      doc.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }

  /** The PDF's bytes as PDFBox reads them; every read first checks the parse budget. */
  private static final class BudgetedSource extends RandomAccessReadBuffer {
    private final ParseBudget budget;

    BudgetedSource(byte[] bytes, ParseBudget budget) {
      super(bytes);
      this.budget = budget;
    }

    @Override
    public int read() throws IOException {
      budget.check();
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      budget.check();
      return super.read(b, off, len);
    }

    @Override
    public void seek(long position) throws IOException {
      budget.check();
      super.seek(position);
    }
  }
}
