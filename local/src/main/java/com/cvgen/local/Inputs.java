package com.cvgen.local;

import com.cvgen.core.CvInputException;
import com.cvgen.core.CvInputException.Code;
import com.cvgen.core.extract.PdfLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads input files for the CLI with the upload limits applied before the bytes are loaded. */
final class Inputs {
  private Inputs() {}

  static byte[] readPdf(Path file) throws IOException {
    if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
    if (Files.isDirectory(file)) throw new CvInputException(Code.NOT_PDF, file + " is a directory, not a PDF file");
    long size = Files.size(file);
    if (size > PdfLimits.DEFAULT.maxBytes()) {
      throw new CvInputException(Code.FILE_TOO_LARGE, String.format(java.util.Locale.ROOT,
          "the file is %.1f MB; the limit is %d MB", size / 1048576.0, PdfLimits.DEFAULT.maxBytes() / 1048576));
    }
    return Files.readAllBytes(file);
  }
}
