package com.cvgen.core.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.cvgen.core.CvInputException;
import com.cvgen.core.json.Json;
import com.cvgen.core.json.SchemaValidator;
import com.cvgen.core.testing.Corpus;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every PDF of the robustness corpus (odd real CVs) goes the way of {@code cvgen extract}: bytes ->
 * {@link CvExtractor#extract} -> JSON. Each must give schema-valid JSON Resume or a
 * {@link CvInputException}, never another exception, and within 10 s.
 */
class RobustnessCorpusTest {
  private static final Duration PER_FILE = Duration.ofSeconds(10);
  private static final CvExtractor EXTRACTOR = new CvExtractor();

  @TestFactory
  Stream<DynamicTest> everyPdfGivesSchemaValidJsonOrABadInputError() throws IOException {
    Path dir = corpus().resolve("robustness");
    List<Path> pdfs;
    try (Stream<Path> files = Files.list(dir)) {
      pdfs = files.filter(p -> p.getFileName().toString().endsWith(".pdf")).sorted().toList();
    }
    assertThat(pdfs).as("PDFs in " + dir).isNotEmpty();
    return pdfs.stream().map(pdf -> dynamicTest(pdf.getFileName().toString(),
        () -> assertTimeoutPreemptively(PER_FILE, () -> extractLikeTheCli(pdf))));
  }

  private static void extractLikeTheCli(Path pdf) throws IOException {
    byte[] bytes = Files.readAllBytes(pdf);
    String json;
    try {
      json = Json.mapper().writeValueAsString(EXTRACTOR.extract(bytes));
    } catch (CvInputException e) {
      // a clear refusal is an allowed outcome; it has to say what is wrong
      assertThat(e.getMessage()).as("message of " + e.code()).isNotBlank();
      return;
    }
    JsonNode tree = Json.mapper().readTree(json);
    assertThat(SchemaValidator.RESUME.validate(tree)).as("schema violations").isEmpty();
  }

  /** The shared corpus; a missing corpus fails the test (see {@link Corpus}). */
  static Path corpus() {
    return Corpus.dir();
  }
}
