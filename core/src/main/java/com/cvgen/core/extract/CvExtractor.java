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
 */
public final class CvExtractor {
  /** Fewer letters and digits than this in the whole text layer: treated as a scan. */
  static final int MIN_TEXT_CHARACTERS = 40;

  private final PdfLoader loader;
  private final CvStructurer structurer;

  public CvExtractor(PdfLimits limits, CvStructurer structurer) {
    this.loader = new PdfLoader(limits);
    this.structurer = structurer;
  }

  public CvExtractor() {
    this(PdfLimits.DEFAULT, new OfflineCvStructurer());
  }

  /** Reads the PDF's text with layout, rejecting files without a usable text layer. */
  public TextDocument readText(byte[] pdf) {
    try (PDDocument doc = loader.load(pdf)) {
      TextDocument text = new PdfTextReader().read(doc);
      if (text.textCharacters() < MIN_TEXT_CHARACTERS) {
        throw new CvInputException(Code.NO_TEXT_LAYER,
            "the PDF has no text layer (a scan or an image): export the CV as a text PDF, or run OCR first");
      }
      return text;
    } catch (IOException e) {
      throw new CvInputException(Code.CORRUPT_PDF, "the PDF cannot be read: " + e.getMessage(), e);
    }
  }

  public Resume extract(byte[] pdf) {
    Resume resume = structurer.structure(readText(pdf));
    List<String> violations = SchemaValidator.RESUME.validate(resume);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("structurer produced a CV outside the JSON Resume schema: " + violations);
    }
    return resume;
  }
}
