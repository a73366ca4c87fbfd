package com.cvgen.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long, repetitive inputs must not make any of the text units slow (no quadratic back-tracking)
 * or overflow the stack (no deep regex recursion).
 */
class PathologicalInputTest {

  private static final int LENGTH = 20_000;

  @ParameterizedTest(name = "[{index}] \"{0}\" repeated")
  @ValueSource(
      strings = {
        "1.", "1 ", "12-", "a", "a.", "a@", "a-", "-", " ", "0", "'", "2019 ", "2019-", "2019 – ",
        "Mar ", "Mar 2021 – ", "seit ", "(1", "+1 ", "1/", "www.", "x.com/", "é", "Present ",
        "Mar 2021 – 12 34 56 78 90 - - - Present "
      })
  void repeatedSeed(String seed) {
    String text = seed.repeat(LENGTH / seed.length());
    assertTimeout(
        Duration.ofSeconds(5),
        () -> {
          DateRanges.findAll(text);
          DateRanges.isDateOnly(text);
          DateRanges.parseDate(text);
          ContactPatterns.email(text);
          ContactPatterns.phone(text);
          ContactPatterns.urls(text);
          ContactPatterns.normaliseUrl(text);
          ContactPatterns.profile(text);
          assertThat(LanguageDetector.detect(text)).isNotNull();
        });
  }
}
