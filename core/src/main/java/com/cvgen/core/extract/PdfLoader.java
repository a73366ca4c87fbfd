package com.cvgen.core.extract;

import com.cvgen.core.CvInputException;
import com.cvgen.core.CvInputException.Code;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/** Opens an uploaded PDF after checking it against {@link PdfLimits}. The caller closes it. */
public final class PdfLoader {
  private final PdfLimits limits;

  public PdfLoader(PdfLimits limits) {
    this.limits = limits;
  }

  public PDDocument load(byte[] bytes) {
    if (bytes.length == 0) throw new CvInputException(Code.EMPTY_FILE, "the file is empty");
    if (bytes.length > limits.maxBytes()) {
      throw new CvInputException(Code.FILE_TOO_LARGE, "the file is larger than the limit");
    }
    try {
      PDDocument doc = Loader.loadPDF(bytes);
      if (doc.getNumberOfPages() > limits.maxPages()) {
        doc.close();
        throw new CvInputException(Code.TOO_MANY_PAGES, "too many pages");
      }
      return doc;
    } catch (InvalidPasswordException e) {
      throw new CvInputException(Code.ENCRYPTED_PDF, "the PDF is password-protected", e);
    } catch (IOException e) {
      throw new CvInputException(Code.CORRUPT_PDF, "the PDF cannot be read: " + e.getMessage(), e);
    }
  }
}
