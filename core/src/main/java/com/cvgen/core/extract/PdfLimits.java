package com.cvgen.core.extract;

import java.time.Duration;

/**
 * What an uploaded PDF may cost: its size, its page count, and the time and memory parsing it may
 * take before it is rejected as too complex.
 */
public record PdfLimits(long maxBytes, int maxPages, Duration timeBudget, long maxMemoryBytes) {
  public static final PdfLimits DEFAULT =
      new PdfLimits(10L * 1024 * 1024, 20, Duration.ofSeconds(8), 256L * 1024 * 1024);
}
