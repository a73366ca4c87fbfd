package com.cvgen.core.extract;

import com.cvgen.core.CvInputException;
import com.cvgen.core.CvInputException.Code;
import com.cvgen.core.json.SchemaValidator;
import com.cvgen.core.model.Resume;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * PDF bytes -> laid-out text -> JSON Resume, checked against the schema. Bad input raises
 * {@link CvInputException}; a CV is never invented for a file without a text layer.
 *
 * <p>Each call runs loading, reading and structuring on a worker thread under
 * {@link PdfLimits#timeBudget()} (see {@link ParseBudget}), so a PDF that would take too long or too
 * much memory fails with {@link Code#TOO_COMPLEX} instead of hanging the caller. Instances are
 * stateless and may be shared between threads.
 */
public final class CvExtractor {
  /** Fewer letters and digits than this in the whole text layer: treated as a scan. */
  static final int MIN_TEXT_CHARACTERS = 40;
  /**
   * Fewer letters and digits than this per page on average: a scan with a stamp or a caption per
   * page ("Scanned with ..."), not a CV with a text layer, whose pages carry hundreds.
   */
  static final int MIN_TEXT_CHARACTERS_PER_PAGE = 25;

  private final PdfLimits limits;
  private final PdfLoader loader;
  private final CvStructurer structurer;

  public CvExtractor(PdfLimits limits, CvStructurer structurer) {
    this.limits = limits;
    this.loader = new PdfLoader(limits);
    this.structurer = structurer;
  }

  public CvExtractor() {
    this(PdfLimits.DEFAULT, new OfflineCvStructurer());
  }

  /** The structurer's identifier (name and version), e.g. for cache keys. */
  public String structurerId() {
    return structurer.id();
  }

  /** Reads the PDF's text with layout, rejecting files without a usable text layer. */
  public TextDocument readText(byte[] pdf) {
    return new ParseBudget(limits.timeBudget()).run(budget -> read(pdf, budget), unused -> {});
  }

  public Resume extract(byte[] pdf) {
    if (structurer.remote()) return validated(structurer.structure(readText(pdf)));
    return new ParseBudget(limits.timeBudget()).run(budget -> {
      TextDocument text = read(pdf, budget);
      budget.check();
      return validated(structurer.structure(text));
    }, unused -> {});
  }

  private static Resume validated(Resume resume) {
    List<String> violations = SchemaValidator.RESUME.validate(resume);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("structurer produced a CV outside the JSON Resume schema: " + violations);
    }
    return resume;
  }

  private TextDocument read(byte[] pdf, ParseBudget budget) {
    TextDocument text;
    int pages;
    try (PDDocument doc = loader.open(pdf, budget)) {
      pages = doc.getNumberOfPages();
      text = new PdfTextReader().read(doc);
    } catch (IOException e) {
      throw new CvInputException(Code.CORRUPT_PDF, "the PDF is damaged and its text cannot be read", e);
    } catch (RuntimeException e) {
      if (e instanceof CvInputException || !PdfLoader.fromPdfLibrary(e)) throw e;
      throw new CvInputException(Code.CORRUPT_PDF, "the PDF is damaged and its text cannot be read", e);
    }
    budget.check();
    int characters = text.textCharacters();
    if (characters < MIN_TEXT_CHARACTERS || characters < MIN_TEXT_CHARACTERS_PER_PAGE * pages) {
      if (PdfLoader.looksTruncated(pdf)) {
        throw new CvInputException(Code.CORRUPT_PDF, PdfLoader.incomplete("no text could be read from it"));
      }
      String found = characters == 0 ? "no text at all"
          : "only " + characters + (characters == 1 ? " letter or digit" : " letters and digits");
      throw new CvInputException(Code.NO_TEXT_LAYER, "the PDF has no text layer (" + found + " on "
          + pages + (pages == 1 ? " page" : " pages")
          + "; a scan or an image): export the CV as a text PDF, or run OCR on it first");
    }
    return text;
  }
}
