package com.cvgen.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Soft-|ware|Software",
      "Web-|Erlebnisse|Web-Erlebnisse",
      "built the|service|built the service",
      "front-|end work|front-end work",
      "Test-|driven development|Test-driven development",
      "develop-|ment of|development of",
      "2019 -|2021|2019 - 2021",
  })
  void joinsWrappedLinesRepairingHyphenation(String before, String after, String joined) {
    assertThat(Text.joinLines(before, after)).isEqualTo(joined);
  }
}
