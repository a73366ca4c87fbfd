package com.cvgen.core.analyze;

import static com.cvgen.core.analyze.FeedbackCvs.ANALYZER;
import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.extract.CvExtractor;
import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.json.Json;
import com.cvgen.core.json.SchemaValidator;
import com.cvgen.core.model.Feedback;
import com.cvgen.core.model.Resume;
import com.cvgen.core.testing.Corpus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code feedback-schema.json}: every feedback the analyzer writes is valid (hand-built CVs, the
 * bundled samples, every dev-corpus CV as the extractor reads it, in each language), and the schema
 * rejects what a feedback must never be.
 */
class FeedbackSchemaTest {

  private static final SchemaValidator SCHEMA = SchemaValidator.load("/schema/feedback-schema.json");

  static Stream<Path> samples() throws IOException {
    String root = System.getProperty("project.root");
    Path dir = Path.of(root != null ? root : "..", "local", "src", "main", "resources", "samples");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  static Stream<Path> devPdfs() {
    return Corpus.devPdfs().stream();
  }

  @Test
  void handBuiltCvsGiveValidFeedback() {
    for (Resume cv : List.of(FeedbackCvs.strong().build(), FeedbackCvs.flawed().build(),
        FeedbackCvs.manyOngoing().build())) {
      for (OutputLanguage language : OutputLanguage.values()) {
        assertValid(ANALYZER.analyze(cv, language));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void bundledSamplesGiveValidFeedbackAndScoreAsStrongCvs(Path sample) throws IOException {
    Resume cv = Json.mapper().readValue(sample.toFile(), Resume.class);
    for (OutputLanguage language : OutputLanguage.values()) {
      Feedback feedback = ANALYZER.analyze(cv, language);
      assertValid(feedback);
      assertThat(feedback.score()).as(sample.getFileName().toString()).isBetween(85, 100);
      assertThat(feedback.findings()).noneMatch(f -> f.severity() == Feedback.Severity.ERROR);
    }
  }

  @ParameterizedTest
  @MethodSource("devPdfs")
  void everyDevCorpusCvGivesValidFeedback(Path pdf) throws IOException {
    Resume cv = new CvExtractor().extract(Files.readAllBytes(pdf));
    for (OutputLanguage language : OutputLanguage.values()) {
      Feedback feedback = ANALYZER.analyze(cv, language);
      assertValid(feedback);
      assertThat(feedback.score()).isBetween(0, 100);
    }
  }

  @Test
  void theSchemaRejectsMalformedFeedback() {
    ObjectNode valid = Json.mapper().valueToTree(ANALYZER.analyze(FeedbackCvs.flawed().build(), OutputLanguage.EN));
    assertThat(SCHEMA.validate(valid)).isEmpty();
    assertInvalid(valid, f -> f.put("score", 101));
    assertInvalid(valid, f -> f.put("score", -1));
    assertInvalid(valid, f -> f.put("score", 50.5));
    assertInvalid(valid, f -> f.put("language", "es"));
    assertInvalid(valid, f -> f.put("extra", true));
    assertInvalid(valid, f -> f.remove("findings"));
    assertInvalid(valid, f -> finding(f).put("severity", "fatal"));
    assertInvalid(valid, f -> finding(f).put("category", "misc"));
    assertInvalid(valid, f -> finding(f).put("location", "work/0/startDate"));
    assertInvalid(valid, f -> finding(f).put("location", "/work/~2"));
    assertInvalid(valid, f -> finding(f).put("rule", "Missing Email"));
    assertInvalid(valid, f -> finding(f).put("message", ""));
    assertInvalid(valid, f -> finding(f).remove("suggestion"));
    assertInvalid(valid, f -> finding(f).put("confidence", 0.5));
  }

  private static ObjectNode finding(ObjectNode feedback) {
    return (ObjectNode) ((ArrayNode) feedback.get("findings")).get(0);
  }

  private static void assertInvalid(ObjectNode valid, Consumer<ObjectNode> change) {
    ObjectNode copy = valid.deepCopy();
    change.accept(copy);
    assertThat(SCHEMA.validate((JsonNode) copy)).as(copy.toString()).isNotEmpty();
  }

  private static void assertValid(Feedback feedback) {
    assertThat(SCHEMA.validate(feedback)).as(() -> feedback.toString()).isEmpty();
  }
}
