package com.cvgen.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.json.Json;
import com.cvgen.core.json.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cvgen process` end to end on a bundled sample: every output written, every JSON output schema-valid. */
class ProcessCommandTest {
  @TempDir Path tmp;

  private Path resource(String name) throws Exception {
    Path file = tmp.resolve(Path.of(name).getFileName());
    Files.write(file, DemoCommand.sample(name));
    return file;
  }

  @Test
  void writesAllOutputsWithAJob() throws Exception {
    Path cv = resource("de-lebenslauf.pdf");
    Path job = resource("jobs/de-stellenanzeige.txt");
    Path out = tmp.resolve("out");
    assertThat(Main.execute("process", cv.toString(), "--job", job.toString(), "--lang", "en", "--out", out.toString()))
        .isZero();
    for (String f : new String[] {"cv_data.json", "cv.docx", "feedback.json", "dashboard.html", "job_profile.json",
        "match_result.json", "offer.docx"}) {
      assertThat(out.resolve(f)).as(f).isNotEmptyFile();
    }
    assertThat(SchemaValidator.RESUME.validate(read(out, "cv_data.json"))).isEmpty();
    assertThat(SchemaValidator.load("/schema/feedback-schema.json").validate(read(out, "feedback.json"))).isEmpty();
    assertThat(SchemaValidator.load("/schema/match-result-schema.json").validate(read(out, "match_result.json")))
        .isEmpty();
    assertThat(SchemaValidator.load("/schema/job-schema.json").validate(read(out, "job_profile.json"))).isEmpty();
    assertThat(read(out, "match_result.json").get("language").asText()).isEqualTo("en");
    assertThat(Files.readString(out.resolve("dashboard.html"))).contains("href=\"offer.docx\"").contains("Lena Krüger");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void withoutAJobThereIsNoMatchAndNoOffer() throws Exception {
    Path cv = resource("fr-cv.pdf");
    Path out = tmp.resolve("out");
    assertThat(Main.execute("process", cv.toString(), "--out", out.toString())).isZero();
    assertThat(out.resolve("dashboard.html")).isNotEmptyFile();
    assertThat(out.resolve("match_result.json")).doesNotExist();
    assertThat(out.resolve("offer.docx")).doesNotExist();
    assertThat(read(out, "feedback.json").get("language").asText()).isEqualTo("fr");
  }

  @Test
  void anUnusableJobProfileIsBadInput() throws Exception {
    Path cv = resource("en-sidebar-cv.pdf");
    Path job = Files.writeString(tmp.resolve("job.json"), "{\"title\": 5}");
    assertThat(Main.execute("process", cv.toString(), "--job", job.toString(), "--out", tmp.resolve("o").toString()))
        .isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  private static JsonNode read(Path dir, String name) throws Exception {
    return Json.mapper().readTree(dir.resolve(name).toFile());
  }
}
