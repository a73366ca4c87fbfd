package com.cvgen.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.cvgen.core.text.ContactPatterns.Profile;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactPatternsTest {

  /** The text, then the phone number found in it (as written). */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      textBlock =
          """
          +41 44 123 45 67                              ; +41 44 123 45 67
          +49 (0)30 1234567                             ; +49 (0)30 1234567
          +49 30 1234567                                ; +49 30 1234567
          06 12 34 56 78                                ; 06 12 34 56 78
          +33 6 12 34 56 78                             ; +33 6 12 34 56 78
          (503) 555-0148                                ; (503) 555-0148
          503-555-0148                                  ; 503-555-0148
          973-555-0123                                  ; 973-555-0123
          +1 (415) 555-0173                             ; +1 (415) 555-0173
          (718) 555–0100                                ; (718) 555–0100
          +44 20 7946 0958                              ; +44 20 7946 0958
          0171 1234567                                  ; 0171 1234567
          030/1234567                                   ; 030/1234567
          +91 98765 43210                               ; +91 98765 43210
          Tel.: +41 79 555 01 10                        ; +41 79 555 01 10
          Tel.:+41 79 555 01 10                         ; +41 79 555 01 10
          Mobil +49 171 1234567 | max@example.com       ; +49 171 1234567
          Phone: 503.555.0148.                          ; 503.555.0148
          call 1-800-555-0199 now                       ; 1-800-555-0199
          0049 30 1234567                               ; 0049 30 1234567
          (030) 1234567                                 ; (030) 1234567
          +41-44-123-45-67                              ; +41-44-123-45-67
          +4930123456                                   ; +4930123456
          +49 30 2019 4567                              ; +49 30 2019 4567
          (503) 555-2019                                ; (503) 555-2019
          Musterstr. 12, 10115 Berlin, 030 1234567      ; 030 1234567
          Musterstr. 12 10115 Berlin 030 1234567        ; 030 1234567
          IBAN DE89 3704 0044 0532 0130 00, +49 30 1234567 ; +49 30 1234567
          Springfield, IL 62704 (503) 555-0148          ; (503) 555-0148
          2019 - 2021 030 1234567                       ; 030 1234567
          Berlin · 12.03.1990 · +49 30 1234567          ; +49 30 1234567
          """)
  void findsPhone(String text, String phone) {
    assertThat(ContactPatterns.phone(text)).hasValue(phone);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "2018 - 2021",
        "2018 – 2021",
        "2019–2021",
        "03/2021 - 06/2022",
        "03.2021 – 06.2022",
        "01.01.2019 - 31.12.2020",
        "2019-03-31",
        "2019-03-31 — 2022-01-15",
        "31.03.2019",
        "2019",
        "1990 2000 2010",
        "10115 Berlin",
        "D-10115 Berlin",
        "4567 Main Street",
        "Increased revenue by 25% to 1.2M",
        "2M monthly transactions",
        "grew to 1 200 000 users",
        "1.000.000 EUR",
        "ISBN 978-3-16-148410-0",
        "Matrikelnummer 123456789",
        "12345",
        "Version 1.2.3",
        "IBAN DE89 3704 0044 0532 0130 00",
        "linkedin.com/in/john-0123456789",
        "john.0171234567@example.com",
        "123456789%",
        "0.5 FTE",
        "Seit meinem 11. Lebensjahr"
      })
  void findsNoPhone(String text) {
    assertThat(ContactPatterns.phone(text)).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      nullValues = "-",
      textBlock =
          """
          jane.doe@example.com                          ; jane.doe@example.com
          E-Mail: Jane.Doe@Example.COM                  ; Jane.Doe@example.com
          mailto:max.mustermann@gmx.de                  ; max.mustermann@gmx.de
          href=mailto:x@y.ch                            ; x@y.ch
          Contact me at first+cv@sub.example.co.uk.     ; first+cv@sub.example.co.uk
          max_muster-1@mail.example.org, +49 30 1       ; max_muster-1@mail.example.org
          jürgen.müller@müller.de                       ; jürgen.müller@müller.de
          max(at)example.de                             ; max@example.de
          max [at] example.de                           ; max@example.de
          Berlin | +49 30 1234567 | a.b@c.de | d@e.fr    ; a.b@c.de
          no address here                               ; -
          max@localhost                                 ; -
          @handle                                       ; -
          name@                                         ; -
          """)
  void email(String text, String expected) {
    if (expected == null) {
      assertThat(ContactPatterns.email(text)).isEmpty();
    } else {
      assertThat(ContactPatterns.email(text)).hasValue(expected);
    }
  }

  static Stream<Arguments> urlTexts() {
    return Stream.of(
        Arguments.of("see https://example.com/a?b=c#d.", List.of("https://example.com/a?b=c#d")),
        Arguments.of("http://www.bostoninteractive.com/, idg.com", List.of(
            "http://www.bostoninteractive.com/", "idg.com")),
        Arguments.of(
            "Max | linkedin.com/in/maxmustermann | github.com/maxm | max@gmail.com",
            List.of("linkedin.com/in/maxmustermann", "github.com/maxm")),
        Arguments.of("www.max-mustermann.de; jane-doe.dev", List.of(
            "www.max-mustermann.de", "jane-doe.dev")),
        Arguments.of("(https://en.wikipedia.org/wiki/Foo_(bar))", List.of(
            "https://en.wikipedia.org/wiki/Foo_(bar)")),
        Arguments.of("(see www.example.com)", List.of("www.example.com")),
        Arguments.of("LinkedIn.com/in/Jane and GitHub.com/Jane", List.of(
            "LinkedIn.com/in/Jane", "GitHub.com/Jane")),
        Arguments.of("duplicate github.com/x and github.com/x", List.of("github.com/x")),
        Arguments.of("Skills: ASP.NET, Node.js, Vue.js, C#, e.g. Java, z.B. Go", List.of()),
        Arguments.of("jane.doe@example.com and jane(at)example.de", List.of()),
        Arguments.of("Version 1.2.3, 3.5 years, U.S.A.", List.of()),
        Arguments.of("", List.of()));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("urlTexts")
  void urls(String text, List<String> expected) {
    assertThat(ContactPatterns.urls(text)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      textBlock =
          """
          linkedin.com/in/maxmustermann        ; LinkedIn       ; maxmustermann  ; https://linkedin.com/in/maxmustermann
          https://www.linkedin.com/in/jane-doe/; LinkedIn       ; jane-doe       ; https://www.linkedin.com/in/jane-doe
          http://de.linkedin.com/in/max-m?x=1  ; LinkedIn       ; max-m          ; https://de.linkedin.com/in/max-m
          LinkedIn.com/in/Jane                 ; LinkedIn       ; Jane           ; https://linkedin.com/in/Jane
          github.com/maxm                      ; GitHub         ; maxm           ; https://github.com/maxm
          https://github.com/maxm/repo         ; GitHub         ; maxm           ; https://github.com/maxm/repo
          gitlab.com/jdoe                      ; GitLab         ; jdoe           ; https://gitlab.com/jdoe
          www.xing.com/profile/Max_Mustermann  ; XING           ; Max_Mustermann ; https://www.xing.com/profile/Max_Mustermann
          twitter.com/jdoe                     ; Twitter        ; jdoe           ; https://twitter.com/jdoe
          https://x.com/jdoe                   ; X              ; jdoe           ; https://x.com/jdoe
          stackoverflow.com/users/12345/jane-doe ; StackOverflow ; jane-doe      ; https://stackoverflow.com/users/12345/jane-doe
          stackoverflow.com/users/12345        ; StackOverflow  ; 12345          ; https://stackoverflow.com/users/12345
          behance.net/janedoe                  ; Behance        ; janedoe        ; https://behance.net/janedoe
          dribbble.com/janedoe                 ; Dribbble       ; janedoe        ; https://dribbble.com/janedoe
          medium.com/@jdoe                     ; Medium         ; jdoe           ; https://medium.com/@jdoe
          jdoe.medium.com                      ; Medium         ; jdoe           ; https://jdoe.medium.com
          https://www.youtube.com/@jdoe        ; YouTube        ; jdoe           ; https://www.youtube.com/@jdoe
          kaggle.com/jdoe                      ; Kaggle         ; jdoe           ; https://kaggle.com/jdoe
          orcid.org/0000-0002-1825-0097        ; ORCID          ; 0000-0002-1825-0097 ; https://orcid.org/0000-0002-1825-0097
          https://scholar.google.com/citations?user=AbC123 ; Google Scholar ; AbC123 ; https://scholar.google.com/citations?user=AbC123
          npmjs.com/~jdoe                      ; npm            ; jdoe           ; https://npmjs.com/~jdoe
          """)
  void profile(String url, String network, String username, String normalised) {
    assertThat(ContactPatterns.profile(url)).contains(new Profile(network, username, normalised));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "https://example.com/jdoe", "linkedin.com", "https://github.com/", "www.max-mustermann.de",
        "https://linkedin.example.com/alexberger", "not a url at all", "mailto:x@y.de"
      })
  void noProfile(String url) {
    assertThat(ContactPatterns.profile(url)).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      textBlock =
          """
          linkedin.com/in/x                  ; https://linkedin.com/in/x
          www.example.com                    ; https://www.example.com
          https://example.com/a              ; https://example.com/a
          HTTP://Example.COM/Path            ; http://example.com/Path
          http://example.com                 ; http://example.com
          //cdn.example.com/x                ; https://cdn.example.com/x
          "  github.com/x  "                 ; https://github.com/x
          example.com/a b                    ; https://example.com/a%20b
          example.com/100%                   ; https://example.com/100%25
          example.com/a%20b                  ; https://example.com/a%20b
          example.com/{x}|y<z>               ; https://example.com/%7Bx%7D%7Cy%3Cz%3E
          münchen.de/über                    ; https://xn--mnchen-3ya.de/über
          example.com:8080/x                 ; https://example.com:8080/x
          mailto:x@y.de                      ; mailto:x@y.de
          """)
  void normaliseUrl(String url, String expected) {
    String normalised = ContactPatterns.normaliseUrl(url);
    assertThat(normalised).isEqualTo(expected);
    assertThatCode(() -> URI.create(normalised)).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "example.com/ a ^ b ` c \\ d", "x.y/%zz%", "www.ex ample.com", "example.com/\u0001",
        "https://user@example.com/x", "a.b/\u00a0c"
      })
  void normalisedUrlIsAlwaysAValidUri(String url) {
    String normalised = ContactPatterns.normaliseUrl(url);
    assertThatCode(() -> URI.create(normalised)).doesNotThrowAnyException();
    assertThat(URI.create(normalised).getScheme()).isEqualTo("https");
  }

  @Test
  void nullInputs() {
    assertThat(ContactPatterns.email(null)).isEmpty();
    assertThat(ContactPatterns.phone(null)).isEmpty();
    assertThat(ContactPatterns.urls(null)).isEmpty();
    assertThat(ContactPatterns.normaliseUrl(null)).isNull();
  }

  @Test
  void cvHeader() {
    String header =
        """
        Jana Novak
        Senior Software Engineer
        Bahnhofstrasse 1, 8001 Zürich · Tel.: +41 79 555 01 10 · jana.novak@example.ch
        linkedin.com/in/jana-novak · https://github.com/jnovak · www.jana-novak.ch
        """;
    assertThat(ContactPatterns.phone(header)).hasValue("+41 79 555 01 10");
    assertThat(ContactPatterns.email(header)).hasValue("jana.novak@example.ch");
    assertThat(ContactPatterns.urls(header))
        .containsExactly(
            "linkedin.com/in/jana-novak", "https://github.com/jnovak", "www.jana-novak.ch");
    assertThat(ContactPatterns.urls(header).stream().map(ContactPatterns::profile))
        .extracting(p -> p.map(Profile::network).orElse(null))
        .containsExactly("LinkedIn", "GitHub", null);
  }
}
