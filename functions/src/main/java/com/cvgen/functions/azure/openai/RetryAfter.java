package com.cvgen.functions.azure.openai;

import com.openai.core.http.Headers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Reads how long the service asks the client to wait: {@code retry-after-ms}, then {@code retry-after}. */
final class RetryAfter {
  private RetryAfter() {}

  static Optional<Duration> of(Headers headers, Instant now) {
    for (String v : headers.values("retry-after-ms")) {
      try {
        double ms = Double.parseDouble(v.strip());
        if (ms >= 0 && Double.isFinite(ms)) return Optional.of(Duration.ofMillis((long) Math.ceil(ms)));
      } catch (NumberFormatException ignored) {
        // try the next header
      }
    }
    for (String v : headers.values("retry-after")) {
      String s = v.strip();
      try {
        double seconds = Double.parseDouble(s);
        if (seconds >= 0 && Double.isFinite(seconds)) return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
      } catch (NumberFormatException notSeconds) {
        try {
          Instant at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          Duration d = Duration.between(now, at);
          return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (RuntimeException ignored) {
          // not a date either
        }
      }
    }
    return Optional.empty();
  }
}
