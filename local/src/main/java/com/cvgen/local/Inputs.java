package com.cvgen.local;

import com.cvgen.core.CvInputException;
import com.cvgen.core.CvInputException.Code;
import com.cvgen.core.extract.PdfLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads input files for the CLI with the upload limits applied before the bytes are loaded. */
final class Inputs {
  private Inputs() {}

  static byte[] readPdf(Path file) throws IOException {
    return readPdf(file, PdfLimits.DEFAULT);
  }

  /**
   * The file's bytes, refused when it is a directory or larger than {@code limits} allow. The size
   * is checked before reading and again while reading, so a file that grows meanwhile cannot make
   * the CLI read more than the limit.
   */
  static byte[] readPdf(Path file, PdfLimits limits) throws IOException {
    if (!Files.exists(file)) throw new NoSuchFileException(file.toString());
    if (Files.isDirectory(file)) throw new CvInputException(Code.NOT_PDF, file + " is a directory, not a PDF file");
    long size = Files.size(file);
    limits.checkFileSize(size);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
      limits.checkFileSize(bytes.length);
      return bytes;
    }
  }

  /** A job profile file (PDF, text or JSON), refused when it is a directory or over the upload limit. */
  static byte[] readJob(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new CvInputException(Code.INVALID_JOB_PROFILE, file + " is a directory, not a job profile file");
    }
    return readPdf(file, PdfLimits.DEFAULT);
  }
}
