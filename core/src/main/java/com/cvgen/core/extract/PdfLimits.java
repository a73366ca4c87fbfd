package com.cvgen.core.extract;

import com.cvgen.core.CvInputException;
import com.cvgen.core.CvInputException.Code;
import java.time.Duration;
import java.util.Locale;

/**
 * What an uploaded PDF may cost: its size, its page count, and the time and memory parsing it may
 * take before it is rejected as too complex.
 *
 * @param maxBytes the largest file accepted
 * @param maxPages the most pages accepted
 * @param timeBudget how long loading, reading and structuring one PDF may take
 * @param maxMemoryBytes the most PDFBox may hold in its scratch buffers for one document; running
 *     out of heap while parsing is reported as too complex as well
 * @param maxContentBytes the most page content (decoded drawing instructions of all pages and the
 *     forms they draw) accepted; reading text costs time and heap in proportion to it, and it is
 *     measured before text is read, so a runaway or decompression-bomb content stream is rejected
 *     without being parsed. Real CVs hold well under 1 MB.
 */
public record PdfLimits(long maxBytes, int maxPages, Duration timeBudget, long maxMemoryBytes, long maxContentBytes) {
  private static final long DEFAULT_CONTENT_BYTES = 16L * 1024 * 1024;

  public static final PdfLimits DEFAULT = new PdfLimits(10L * 1024 * 1024, 20, Duration.ofSeconds(8),
      256L * 1024 * 1024, DEFAULT_CONTENT_BYTES);

  public PdfLimits {
    if (maxBytes <= 0 || maxPages <= 0 || maxMemoryBytes <= 0 || maxContentBytes <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("the time budget must be positive");
    }
  }

  /** The limits without a content limit of their own: {@link #DEFAULT}'s applies. */
  public PdfLimits(long maxBytes, int maxPages, Duration timeBudget, long maxMemoryBytes) {
    this(maxBytes, maxPages, timeBudget, maxMemoryBytes, DEFAULT_CONTENT_BYTES);
  }

  public PdfLimits withTimeBudget(Duration budget) {
    return new PdfLimits(maxBytes, maxPages, budget, maxMemoryBytes, maxContentBytes);
  }

  public PdfLimits withMaxContentBytes(long bytes) {
    return new PdfLimits(maxBytes, maxPages, timeBudget, maxMemoryBytes, bytes);
  }

  /** Rejects a file of {@code size} bytes that is over {@link #maxBytes()}, naming both sizes. */
  public void checkFileSize(long size) {
    if (size > maxBytes) {
      throw new CvInputException(Code.FILE_TOO_LARGE,
          "the file is " + megabytes(size) + "; the limit is " + megabytes(maxBytes));
    }
  }

  /** "12.4 MB", "10 MB", "0.3 MB": sizes as a person reads them in a message. */
  static String megabytes(long bytes) {
    double mb = bytes / (1024.0 * 1024.0);
    if (bytes % (1024 * 1024) == 0) return String.format(Locale.ROOT, "%d MB", bytes / (1024 * 1024));
    return String.format(Locale.ROOT, mb < 0.1 ? "%.2f MB" : "%.1f MB", mb);
  }

  /** "8 s", "1.5 s", "200 ms". */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) return Math.max(ms, d.isZero() ? 0 : 1) + " ms";
    if (ms % 1000 == 0) return ms / 1000 + " s";
    return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
