package com.cvgen.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DateRangesTest {

  /** The whole input is one range: start, end, ongoing, offsets 0..length. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      nullValues = "-",
      textBlock =
          """
          # English
          Mar 2021 – Present                   | 2021-03 | -       | true
          Mar 2021 - Present                   | 2021-03 | -       | true
          Mar 2021–Present                     | 2021-03 | -       | true
          Mar 2021 — Present                   | 2021-03 | -       | true
          March 2021 - present                 | 2021-03 | -       | true
          MAR 2021 — PRESENT                   | 2021-03 | -       | true
          Sep. 2025 – Apr. 2026                | 2025-09 | 2026-04 | false
          Sept 2020 to Jun 2021                | 2020-09 | 2021-06 | false
          Jun 2017 - Feb 2021                  | 2017-06 | 2021-02 | false
          Aug 2012 - May 2016                  | 2012-08 | 2016-05 | false
          Jan 2020 – current                   | 2020-01 | -       | true
          Oct 2019 – Now                       | 2019-10 | -       | true
          2016 - Ongoing                       | 2016    | -       | true
          2019 to date                         | 2019    | -       | true
          Sep 2019-Present                     | 2019-09 | -       | true
          Sep 2019 until today                 | 2019-09 | -       | true
          January 2025-Current                 | 2025-01 | -       | true
          March 2023-December 2024             | 2023-03 | 2024-12 | false
          March 15, 2021 – today               | 2021-03 | -       | true
          Mar '21 – Present                    | 2021-03 | -       | true
          since 2018                           | 2018    | -       | true
          Since Mar 2021                       | 2021-03 | -       | true
          from 2015 to 2018                    | 2015    | 2018    | false
          between 2014 and 2016                | 2014    | 2016    | false
          # numeric
          03/2021 - heute                      | 2021-03 | -       | true
          03.2021 – 06.2022                    | 2021-03 | 2022-06 | false
          03/2021-06/2022                      | 2021-03 | 2022-06 | false
          11/2019 – 03/2020                    | 2019-11 | 2020-03 | false
          01/2019–12/2019                      | 2019-01 | 2019-12 | false
          2021-03-31 — 2022-01-15              | 2021-03 | 2022-01 | false
          2022-06 — 2022-12                    | 2022-06 | 2022-12 | false
          2018-03-31 —                         | 2018-03 | -       | true
          2022-12 —                            | 2022-12 | -       | true
          20.03.2019 - heute                   | 2019-03 | -       | true
          01.01.2019 - 31.12.2020              | 2019-01 | 2020-12 | false
          # years
          2019–2021                            | 2019    | 2021    | false
          2019-2021                            | 2019    | 2021    | false
          2019 - 2021                          | 2019    | 2021    | false
          2019 — 2021                          | 2019    | 2021    | false
          2019 −2021                           | 2019    | 2021    | false
          2019–21                              | 2019    | 2021    | false
          1998-02                              | 1998-02 | -       | false
          1998–02                              | 1998    | 2002    | false
          2019/20                              | 2019    | 2020    | false
          2018/2019                            | 2018    | 2019    | false
          WS 2019/20                           | 2019    | 2020    | false
          '19 – '21                            | 2019    | 2021    | false
          '98 – '02                            | 1998    | 2002    | false
          Q3 2019 – Q1 2020                    | 2019    | 2020    | false
          Ende 2019 bis heute                  | 2019    | -       | true
          # German
          März 2021 – dato                     | 2021-03 | -       | true
          Mär 2021 – heute                     | 2021-03 | -       | true
          MÄRZ 2021 - HEUTE                    | 2021-03 | -       | true
          Januar 2019 bis Dezember 2020        | 2019-01 | 2020-12 | false
          seit 2019                            | 2019    | -       | true
          seit März 2019                       | 2019-03 | -       | true
          Seit dem 01.03.2019                  | 2019-03 | -       | true
          ab 01.03.2020                        | 2020-03 | -       | true
          von 2015 bis 2018                    | 2015    | 2018    | false
          zwischen 2014 und 2016               | 2014    | 2016    | false
          Okt 2018 – Dez 2019                  | 2018-10 | 2019-12 | false
          Jan. 2020 – Dez. 2021                | 2020-01 | 2021-12 | false
          Mai 2019 – Juni 2020                 | 2019-05 | 2020-06 | false
          Juli 2019 bis jetzt                  | 2019-07 | -       | true
          04/2018 – derzeit                    | 2018-04 | -       | true
          04/2018 – laufend                    | 2018-04 | -       | true
          04/2018 – aktuell                    | 2018-04 | -       | true
          04/2018 bis heute                    | 2018-04 | -       | true
          2018 bis zum heutigen Tag            | 2018    | -       | true
          # French
          sept. 2020 à aujourd'hui             | 2020-09 | -       | true
          sept. 2020 à aujourd’hui             | 2020-09 | -       | true
          janv. 2017 – août 2020               | 2017-01 | 2020-08 | false
          de 2014 à 2016                       | 2014    | 2016    | false
          depuis 2020                          | 2020    | -       | true
          Depuis l'été 2019                    | 2019    | -       | true
          févr. 2018 - actuel                  | 2018-02 | -       | true
          juil. 2019 – juin 2021               | 2019-07 | 2021-06 | false
          De septembre 2015 à juin 2018        | 2015-09 | 2018-06 | false
          du 03/2019 au 06/2020                | 2019-03 | 2020-06 | false
          entre 2014 et 2016                   | 2014    | 2016    | false
          déc. 2019 – en cours                 | 2019-12 | -       | true
          mars 2020 à ce jour                  | 2020-03 | -       | true
          mars 2020 – présent                  | 2020-03 | -       | true
          mars 2020 – actuellement             | 2020-03 | -       | true
          1er janvier 2020 – 31 décembre 2020  | 2020-01 | 2020-12 | false
          # Spanish and others
          enero 2020 - actualidad              | 2020-01 | -       | true
          enero 2019 – diciembre 2020          | 2019-01 | 2020-12 | false
          desde 2019                           | 2019    | -       | true
          marzo 2018 - presente                | 2018-03 | -       | true
          # month-only start takes the year of the end
          Mar – Jun 2021                       | 2021-03 | 2021-06 | false
          Nov – Feb 2021                       | 2020-11 | 2021-02 | false
          de mars à juin 2019                  | 2019-03 | 2019-06 | false
          # placeholders: no date, but the present-word still makes it open
          January 20XX - Current               | -       | -       | true
          August 20XX – March 20XX             | -       | -       | false
          """)
  void readsRange(String text, String start, String end, boolean ongoing) {
    assertThat(DateRanges.find(text))
        .hasValueSatisfying(
            m -> {
              assertThat(m.start()).as("start").isEqualTo(start);
              assertThat(m.end()).as("end").isEqualTo(end);
              assertThat(m.ongoing()).as("ongoing").isEqualTo(ongoing);
              assertThat(m.from()).as("from").isZero();
              assertThat(m.to()).as("to").isEqualTo(text.length());
            });
    assertThat(DateRanges.isDateOnly(text)).isTrue();
  }

  /** The whole input is one date. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          2020                    | 2020
          1950                    | 1950
          2039                    | 2039
          3/2021                  | 2021-03
          03/2021                 | 2021-03
          3.2021                  | 2021-03
          11.2019                 | 2019-11
          03-2021                 | 2021-03
          2021-03                 | 2021-03
          2021-03-31              | 2021-03
          31.03.2019              | 2019-03
          31.3.2019               | 2019-03
          31/03/2019              | 2019-03
          03/31/2019              | 2019-03
          Mar 2021                | 2021-03
          Mar. 2021               | 2021-03
          Mar.2021                | 2021-03
          Mar-2021                | 2021-03
          March, 2021             | 2021-03
          Mar '21                 | 2021-03
          Mar’21                  | 2021-03
          15 March 2021           | 2021-03
          15. März 2021           | 2021-03
          1st of March 2021       | 2021-03
          3rd June 2026           | 2026-06
          June 3, 2026            | 2026-06
          Summer 2019             | 2019
          summer of 2019          | 2019
          Sommer 2019             | 2019
          été 2019                | 2019
          mid-2019                | 2019
          Anfang 2019             | 2019
          fin 2019                | 2019
          Q3 2019                 | 2019
          '19                     | 2019
          """)
  void readsSingleDate(String text, String iso) {
    assertThat(DateRanges.find(text))
        .hasValueSatisfying(
            m -> {
              assertThat(m.start()).isEqualTo(iso);
              assertThat(m.end()).isNull();
              assertThat(m.ongoing()).isFalse();
              assertThat(m.single()).isTrue();
              assertThat(m.from()).isZero();
              assertThat(m.to()).isEqualTo(text.length());
            });
    assertThat(DateRanges.parseDate(text)).hasValue(iso);
  }

  /** Every month name and abbreviation, in any case, with or without a dot. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      textBlock =
          """
          January, 1
          Jan, 1
          Januar, 1
          Jänner, 1
          janvier, 1
          janv., 1
          enero, 1
          ene, 1
          February, 2
          Feb., 2
          Februar, 2
          février, 2
          fevrier, 2
          févr., 2
          fév, 2
          febrero, 2
          March, 3
          Mar, 3
          März, 3
          MÄRZ, 3
          Mär, 3
          Mrz, 3
          mars, 3
          marzo, 3
          April, 4
          Apr., 4
          avril, 4
          avr., 4
          abril, 4
          May, 5
          Mai, 5
          mai, 5
          mayo, 5
          June, 6
          Jun, 6
          Juni, 6
          juin, 6
          junio, 6
          July, 7
          Jul., 7
          Juli, 7
          juillet, 7
          juil., 7
          julio, 7
          August, 8
          Aug., 8
          août, 8
          AOÛT, 8
          aout, 8
          agosto, 8
          September, 9
          Sep., 9
          Sept., 9
          sept, 9
          septembre, 9
          septiembre, 9
          October, 10
          Oct, 10
          Oktober, 10
          Okt, 10
          octobre, 10
          oct., 10
          octubre, 10
          November, 11
          Nov., 11
          novembre, 11
          noviembre, 11
          December, 12
          Dec, 12
          Dezember, 12
          Dez., 12
          décembre, 12
          déc., 12
          DÉC., 12
          diciembre, 12
          dic, 12
          """)
  void readsMonthNames(String month, int number) {
    String iso = "2020-%02d".formatted(number);
    assertThat(DateRanges.parseDate(month + " 2020")).hasValue(iso);
    assertThat(DateRanges.find("Engineer, " + month + " 2020 – Present"))
        .hasValueSatisfying(m -> assertThat(m.start()).isEqualTo(iso));
  }

  @ParameterizedTest(name = "[{index}] 2019 – {0}")
  @ValueSource(
      strings = {
        "present", "Present", "PRESENT", "current", "currently", "now", "today", "ongoing",
        "on-going", "date", "heute", "bis heute", "aktuell", "dato", "bis dato", "jetzt", "derzeit",
        "laufend", "gegenwärtig", "aujourd'hui", "aujourd’hui", "actuel", "actuelle",
        "actuellement", "en cours", "présent", "à ce jour", "presente", "actualidad",
        "la actualidad", "hoy", "maintenant"
      })
  void presentWordsMakeTheRangeOpen(String word) {
    String text = "2019 – " + word;
    assertThat(DateRanges.find(text))
        .hasValueSatisfying(
            m -> {
              assertThat(m.start()).isEqualTo("2019");
              assertThat(m.end()).isNull();
              assertThat(m.ongoing()).isTrue();
              assertThat(m.to()).isEqualTo(text.length());
            });
  }

  @ParameterizedTest(name = "[{index}] 2019{0}2021")
  @ValueSource(
      strings = {
        "-", "–", "—", "−", "‐", "\u00ad", " - ", " – ", " — ", " -- ", "–  ", " to ", " until ",
        " till ", " through ", " bis ", " à ", " au ", " a ", " jusqu'à ", " hasta ", " → ", " ~ "
      })
  void separators(String separator) {
    String text = "2019" + separator + "2021";
    assertThat(DateRanges.find(text))
        .hasValueSatisfying(
            m -> {
              assertThat(m.start()).isEqualTo("2019");
              assertThat(m.end()).isEqualTo("2021");
              assertThat(m.ongoing()).isFalse();
              assertThat(m.to()).isEqualTo(text.length());
            });
  }

  /** Nothing in these texts is a date. */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "Seit meinem 11. Lebensjahr spiele ich Klavier.",
        "+41 44 123 45 67",
        "+49 (0)30 1234567",
        "+49 30 2019 4567",
        "06 12 34 56 78",
        "(503) 555-0148",
        "(503) 555-2019",
        "503-555-2020",
        "+1 2019 555 0148",
        "Tel. 0171 1234567",
        "10115 Berlin",
        "D-10115 Berlin",
        "4567 Main Street",
        "555-0148",
        "12345",
        "20190",
        "Revenue up 25% to 2.5M",
        "growth of 2019%",
        "growth of 2019 %",
        "version 2019.5",
        "1,2019 users",
        "$2019 budget",
        "ISO 9001:2015 certified",
        "the 1990s",
        "2000er Jahre",
        "Present",
        "currently leading a team",
        "Mar",
        "1949",
        "2040",
        "'45",
        "12/13/14",
        "Windows11",
        "2M monthly transactions",
        "Level 12 of 20"
      })
  void findsNoDate(String text) {
    assertThat(DateRanges.find(text)).isEmpty();
    assertThat(DateRanges.findAll(text)).isEmpty();
    assertThat(DateRanges.isDateOnly(text)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n"})
  void blankInput(String text) {
    assertThat(DateRanges.find(text)).isEmpty();
    assertThat(DateRanges.findAll(text)).isEmpty();
    assertThat(DateRanges.parseDate(text)).isEmpty();
    assertThat(DateRanges.isDateOnly(text)).isFalse();
  }

  /** A date inside a sentence: the matched text, then start / end / ongoing. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      nullValues = "-",
      textBlock =
          """
          Software Engineer, Globex (Mar 2021 - Present) Leads the guild.   ; Mar 2021 - Present   ; 2021-03 ; -       ; true
          Senior Engineer | Acme | Jan 2019 – Dec 2020 | Berlin               ; Jan 2019 – Dec 2020  ; 2019-01 ; 2020-12 ; false
          B.S. Computer Science, State University, 2014 - 2018                ; 2014 - 2018          ; 2014    ; 2018    ; false
          (2015 - 2019)                                                       ; 2015 - 2019          ; 2015    ; 2019    ; false
          Ron has been building web products professionally since 2000.       ; since 2000           ; 2000    ; -       ; true
          Diplôme de 2014, mention bien                                       ; 2014                 ; 2014    ; -       ; false
          Worked between 2014 and 2016 in Paris                               ; between 2014 and 2016 ; 2014   ; 2016    ; false
          Visited in 2014 and 2016                                            ; 2014                 ; 2014    ; -       ; false
          Zeix AG\t2023-03-01 —\tSenior Developer                           ; 2023-03-01 —         ; 2023-03 ; -       ; true
          2022 –   AWS Community Builder                                      ; 2022 –               ; 2022    ; -       ; true
          2022 – AWS Community Builder                                        ; 2022                 ; 2022    ; -       ; false
          GPA 8.0 / 10 · Aug 2017 - Jun 2021                                  ; Aug 2017 - Jun 2021  ; 2017-08 ; 2021-06 ; false
          Expected Graduation: May 2027                                       ; May 2027             ; 2027-05 ; -       ; false
          Dean’s List 2015–2017                                               ; 2015–2017            ; 2015    ; 2017    ; false
          COVID-19 response team, 2020                                        ; 2020                 ; 2020    ; -       ; false
          Tel. +49 30 1234567, seit 2019 bei Acme                             ; seit 2019            ; 2019    ; -       ; true
          Werkstudent (04/2018 – heute), Berlin                               ; 04/2018 – heute      ; 2018-04 ; -       ; true
          Stage de 6 mois, sept. 2020 à aujourd'hui                           ; sept. 2020 à aujourd'hui ; 2020-09 ; - ; true
          Placed 3rd in 2019 3 times                                          ; 2019                 ; 2019    ; -       ; false
          """)
  void findsDateInSentence(
      String text, String matched, String start, String end, boolean ongoing) {
    assertThat(DateRanges.find(text))
        .hasValueSatisfying(
            m -> {
              assertThat(text.substring(m.from(), m.to())).isEqualTo(matched);
              assertThat(m.start()).isEqualTo(start);
              assertThat(m.end()).isEqualTo(end);
              assertThat(m.ongoing()).isEqualTo(ongoing);
            });
  }

  @Test
  void offsetsOfTheSpecExample() {
    String text = "Software Engineer, Globex (Mar 2021 - Present) Leads the guild.";
    assertThat(DateRanges.find(text))
        .contains(new DateMatch("2021-03", null, true, 27, 45));
  }

  @Test
  void openDashAtEndOfLineInMultiLineText() {
    String text = "Globex\nMar 2021 –\nLeads the guild since 2019";
    assertThat(DateRanges.findAll(text))
        .containsExactly(
            new DateMatch("2021-03", null, true, 7, 17),
            new DateMatch("2019", null, true, 34, 44));
  }

  @Test
  void findAllReadsEveryRangeInOrder() {
    String text =
        """
        Senior Engineer, Acme — Jan 2022 – Present
        Engineer, Globex — Mar 2019 – Dec 2021
        Intern, Initech — Summer 2018
        B.Sc. Informatik, TU Berlin, 10/2014 - 09/2018
        Tel. +49 30 1234567, 10115 Berlin
        """;
    List<DateMatch> all = DateRanges.findAll(text);
    assertThat(all)
        .extracting(DateMatch::start, DateMatch::end, DateMatch::ongoing)
        .containsExactly(
            tuple("2022-01", null, true),
            tuple("2019-03", "2021-12", false),
            tuple("2018", null, false),
            tuple("2014-10", "2018-09", false));
    assertThat(all)
        .extracting(m -> text.substring(m.from(), m.to()))
        .containsExactly("Jan 2022 – Present", "Mar 2019 – Dec 2021", "Summer 2018",
            "10/2014 - 09/2018");
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).from()).isGreaterThanOrEqualTo(all.get(i - 1).to());
    }
  }

  @Test
  void findReturnsTheFirstOfSeveral() {
    assertThat(DateRanges.find("2015 2016 2017"))
        .contains(new DateMatch("2015", null, false, 0, 4));
    assertThat(DateRanges.findAll("2015 2016 2017")).hasSize(3);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          Mar 2021 – Present              | true
          (2015 - 2019)                   | true
          "| Jan 2019 - Dec 2020 |"        | true
          [03/2021 – 06/2022]             | true
          2015, 2017                      | true
          2019 –                          | true
          • Sep 2020                      | true
          Mar 2021 – Present Berlin       | false
          Berlin, 2019                    | false
          2014 and 2016                   | false
          2019 - 12 Monate                | false
          Present                         | false
          Software Engineer               | false
          """)
  void isDateOnly(String text, boolean expected) {
    assertThat(DateRanges.isDateOnly(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      nullValues = "-",
      textBlock =
          """
          Mar 2021             | 2021-03
          (Mar 2021)           | 2021-03
          2019.                | 2019
          – 2019               | 2019
          März 2021,           | 2021-03
          seit 2019            | 2019
          Present              | -
          heute                | -
          20XX                 | -
          January 20XX         | -
          Mar 2021 – Jun 2022  | -
          Mar                  | -
          13/2021              | -
          hello                | -
          """)
  void parseDate(String text, String iso) {
    if (iso == null) {
      assertThat(DateRanges.parseDate(text)).isEmpty();
    } else {
      assertThat(DateRanges.parseDate(text)).hasValue(iso);
    }
  }

  static Stream<Arguments> ambiguousNumericDates() {
    return Stream.of(
        Arguments.of("05.06.2019", "2019-06"), // dots: always day first
        Arguments.of("05/06/2019", "2019-06"), // ambiguous slash: day first
        Arguments.of("13/06/2019", "2019-06"),
        Arguments.of("06/13/2019", "2019-06"), // day > 12: month first
        Arguments.of("12-31-2019", "2019-12"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("ambiguousNumericDates")
  void fullNumericDates(String text, String iso) {
    assertThat(DateRanges.parseDate(text)).hasValue(iso);
  }
}
