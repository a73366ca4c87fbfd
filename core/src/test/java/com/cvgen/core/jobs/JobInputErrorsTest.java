package com.cvgen.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.core.CvInputException;
import com.cvgen.core.CvInputException.Code;
import com.cvgen.core.testing.PdfBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unusable job input ends with a CvInputException, a stable code and a message for the uploader. */
class JobInputErrorsTest {
  private static final JobProfileReader READER = new JobProfileReader();

  private static AbstractThrowableAssert<?, ? extends Throwable> reading(byte[] content, String name) {
    return assertThatThrownBy(() -> READER.read(content, name)).isInstanceOf(CvInputException.class);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> reading(String content, String name) {
    return reading(content.getBytes(StandardCharsets.UTF_8), name);
  }

  private static Code code(Throwable t) {
    return ((CvInputException) t).code();
  }

  @Test
  void emptyFile() {
    reading(new byte[0], "job.txt").satisfies(t -> assertThat(code(t)).isEqualTo(Code.INVALID_JOB_PROFILE))
        .hasMessageContaining("job.txt").hasMessageContaining("empty");
    reading("  \n\t\n ", "job.txt").satisfies(t -> assertThat(code(t)).isEqualTo(Code.INVALID_JOB_PROFILE))
        .hasMessageContaining("empty");
    reading(new byte[0], null).hasMessageStartingWith("the job profile is empty");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      {"title": 5}                                    => title
      {"title": "Dev", "remote": "Sometimes"}         => remote
      {"title": "Dev", "skills": "Java"}              => skills
      {"title": "Dev", "date": "last week"}           => date
      {"title": "Dev", "location": "Berlin"}          => location
      """)
  void jsonOutsideTheJobSchema(String json, String field) {
    reading(json, "job.json").satisfies(t -> assertThat(code(t)).isEqualTo(Code.INVALID_JOB_PROFILE))
        .hasMessageContaining("JSON Resume job schema").hasMessageContaining(field);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiterString = "=>", textBlock = """
      [1, 2, 3]                   => an object
      ["title", "Dev"]            => array
      {"title": "Dev",            => not valid JSON
      {"title": "Dev"} trailing   => not valid JSON
      {}                          => no title
      {"meta": {"version": "1"}}  => no title
      """)
  void unusableJson(String json, String message) {
    reading(json, "job.json").satisfies(t -> assertThat(code(t)).isEqualTo(Code.INVALID_JOB_PROFILE))
        .hasMessageContaining(message);
  }

  @Test
  void fromJsonRejectsWhatIsNotAnObject() {
    assertThatThrownBy(() -> READER.fromJson("\"Senior Developer\""))
        .isInstanceOf(CvInputException.class).hasMessageContaining("must be an object").hasMessageContaining("string");
    assertThatThrownBy(() -> READER.fromJson(""))
        .isInstanceOf(CvInputException.class).hasMessageContaining("nothing");
  }

  @Test
  void aJsonFileThatIsNotJson() {
    reading("Senior Developer\nRequirements\n- Java", "job.json")
        .satisfies(t -> assertThat(code(t)).isEqualTo(Code.INVALID_JOB_PROFILE)).hasMessageContaining("is not JSON");
  }

  @Test
  void aPdfNameOnSomethingElse() {
    reading("Senior Developer\nRequirements\n- Java and Kotlin", "job.pdf")
        .satisfies(t -> assertThat(code(t)).isEqualTo(Code.NOT_PDF)).hasMessageContaining("not a PDF");
  }

  @Test
  void aBrokenPdf() {
    reading("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "job.pdf")
        .satisfies(t -> assertThat(code(t)).isIn(Code.CORRUPT_PDF, Code.NOT_PDF));
  }

  @Test
  void aPdfWithoutText() {
    reading(new PdfBuilder().build(), "scan.pdf").satisfies(t -> assertThat(code(t)).isEqualTo(Code.NO_TEXT_LAYER));
  }

  @Test
  void binaryAndOfficeFiles() {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    noise[0] = 'x';
    reading(noise, "job.bin").satisfies(t -> assertThat(code(t)).isEqualTo(Code.INVALID_JOB_PROFILE))
        .hasMessageContaining("binary");
    byte[] docx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0};
    reading(docx, "job.docx").satisfies(t -> assertThat(code(t)).isEqualTo(Code.INVALID_JOB_PROFILE))
        .hasMessageContaining("Word");
  }

  @Test
  void tooLargeText() {
    byte[] big = "Senior Developer with Java. ".repeat(40_000).getBytes(StandardCharsets.UTF_8);
    reading(big, "job.txt").satisfies(t -> assertThat(code(t)).isEqualTo(Code.FILE_TOO_LARGE));
  }

  @Test
  void textThatIsNoPosting() {
    reading("Hello there", "job.txt").satisfies(t -> assertThat(code(t)).isEqualTo(Code.INVALID_JOB_PROFILE))
        .hasMessageContaining("too short");
    reading("This is a note about the weather in Hamburg, which was rainy all week long and cold too.", "job.txt")
        .satisfies(t -> assertThat(code(t)).isEqualTo(Code.INVALID_JOB_PROFILE))
        .hasMessageContaining("no job posting");
  }

  @Test
  void windows1252TextIsReadToo() {
    byte[] latin = "Entwickler (m/w/d)\nAnforderungen\n- Erfahrung mit Java und Führung von Teams"
        .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    var job = READER.read(latin, "stelle.txt");
    assertThat(job.title()).isEqualTo("Entwickler");
    assertThat(job.requirements().requiredSkills()).containsExactly("Java", "leadership");
  }
}
