package com.cvgen.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.core.generate.Labels.Key;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LabelsTest {

  private final Labels en = Labels.of(OutputLanguage.EN);
  private final Labels de = Labels.of(OutputLanguage.DE);
  private final Labels fr = Labels.of(OutputLanguage.FR);

  @Test
  void sectionHeadingsAreTranslated() {
    assertThat(en.get(Key.WORK)).isEqualTo("Experience");
    assertThat(de.get(Key.WORK)).isEqualTo("Berufserfahrung");
    assertThat(fr.get(Key.WORK)).isEqualTo("Expérience professionnelle");
    assertThat(de.get(Key.EDUCATION)).isEqualTo("Ausbildung");
    assertThat(fr.get(Key.SKILLS)).isEqualTo("Compétences");
    assertThat(de.get(Key.LANGUAGES)).isEqualTo("Sprachen");
    assertThat(fr.get(Key.LANGUAGES)).isEqualTo("Langues");
    assertThat(en.get(Key.PRESENT)).isEqualTo("present");
    assertThat(de.get(Key.PRESENT)).isEqualTo("heute");
    assertThat(fr.get(Key.PRESENT)).isEqualTo("aujourd'hui");
  }

  @ParameterizedTest
  @EnumSource(OutputLanguage.class)
  void everyKeyHasADistinctTextInEveryLanguage(OutputLanguage language) {
    Labels labels = Labels.of(language);
    assertThat(Arrays.stream(Key.values()).map(labels::get)).allSatisfy(t -> assertThat(t).isNotBlank())
        .doesNotHaveDuplicates();
    assertThat(java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(labels::month)).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      2021-03    | Mar 2021     | März 2021      | mars 2021
      2021-3     | Mar 2021     | März 2021      | mars 2021
      2019       | 2019         | 2019           | 2019
      2020-05-15 | 15 May 2020  | 15. Mai 2020   | 15 mai 2020
      2016-09    | Sep 2016     | Sept. 2016     | sept. 2016
      2022-12-01 | 1 Dec 2022   | 1. Dez. 2022   | 1 déc. 2022
      ' 2021-08 '| Aug 2021     | Aug. 2021      | août 2021
      """)
  void formatsIsoDatesPerLanguage(String iso, String english, String german, String french) {
    assertThat(en.formatDate(iso)).contains(english);
    assertThat(de.formatDate(iso)).contains(german);
    assertThat(fr.formatDate(iso)).contains(french);
  }

  @ParameterizedTest
  @CsvSource(value = {"2021-13", "2021-00", "2021-02-30", "March 2021", "21-03", "2021/03", "''", "NULL"},
      nullValues = "NULL")
  void unknownDatesAreLeftOut(String value) {
    assertThat(en.formatDate(value)).isEmpty();
  }

  @Test
  void rangesShowOngoingAndMissingEnds() {
    assertThat(en.dateRange("2021-03", null)).isEqualTo("Mar 2021 – present");
    assertThat(de.dateRange("2021-03", "")).isEqualTo("März 2021 – heute");
    assertThat(fr.dateRange("2021-03", null)).isEqualTo("mars 2021 – aujourd'hui");
    assertThat(en.dateRange("2019-03", "2021-06")).isEqualTo("Mar 2019 – Jun 2021");
    assertThat(de.dateRange("2019", "2021-06")).isEqualTo("2019 – Juni 2021");
    assertThat(en.dateRange("2020", "2020")).isEqualTo("2020");
    assertThat(en.dateRange(null, "2020-02")).isEqualTo("Feb 2020");
    assertThat(en.dateRange(null, null)).isEmpty();
    assertThat(en.dateRange("garbage", null)).isEmpty();
    // an end that says "present" in words is ongoing; an unreadable end is unknown, not ongoing
    assertThat(de.dateRange("2020-01", "Present")).isEqualTo("Jan. 2020 – heute");
    assertThat(en.dateRange("2020-01", "heute")).isEqualTo("Jan 2020 – present");
    assertThat(en.dateRange("2020-01", "sometime")).isEqualTo("Jan 2020");
  }

  @Test
  void monthOutOfRangeIsAProgrammingError() {
    assertThatThrownBy(() -> en.month(13)).isInstanceOf(IllegalArgumentException.class);
  }
}
