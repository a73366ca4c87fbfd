package com.cvgen.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.json.Json;
import com.cvgen.core.json.SchemaValidator;
import com.cvgen.core.model.Resume;
import com.cvgen.core.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Extraction quality on the shared dev corpus, measured by the corpus's own scorer: every PDF is
 * extracted in this JVM, written as JSON, and score.py reads those files (its --cmd cats them).
 * The bar is the acceptance bar, field-F1 0.90 with no errors; every CV must also be
 * schema-valid JSON Resume.
 */
class CorpusScoreTest {
  private static final Pattern OVERALL =
      Pattern.compile("overall field-F1 ([0-9.]+) \\(files (\\d+), errors (\\d+)");

  @Test
  void devCorpusScoresAtLeastPoint90() throws Exception {
    List<Path> pdfs = Corpus.devPdfs();
    assertThat(pdfs).hasSizeGreaterThanOrEqualTo(30);
    Path out = Path.of("target", "corpus-extract");
    Files.createDirectories(out);
    CvExtractor extractor = new CvExtractor();
    Set<String> names = new HashSet<>();
    for (Path pdf : pdfs) {
      String name = pdf.getFileName().toString().replaceFirst("\\.pdf$", "");
      assertThat(names.add(name)).as("unique file names in the corpus").isTrue();
      Resume resume = extractor.extract(Files.readAllBytes(pdf));
      assertThat(SchemaValidator.RESUME.validate(resume)).as(name).isEmpty();
      Json.mapper().writeValue(out.resolve(name + ".json").toFile(), resume);
    }
    Path report = out.resolve("score.txt");
    Process p = new ProcessBuilder("python3", Corpus.scorer().toString(), "--set", Corpus.dir().resolve("dev").toString(),
        "--cmd", "cat " + out.toAbsolutePath() + "/\"$(basename {pdf} .pdf)\".json", "--jobs", "2",
        "--out", out.resolve("score.json").toString())
        .redirectErrorStream(true).redirectOutput(report.toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("scorer finished").isTrue();
    String text = Files.readString(report, StandardCharsets.UTF_8);
    System.out.println(text);
    assertThat(p.exitValue()).as(text).isZero();
    Matcher m = OVERALL.matcher(text);
    assertThat(m.find()).as(text).isTrue();
    assertThat(Integer.parseInt(m.group(3))).as("scorer errors").isZero();
    assertThat(Integer.parseInt(m.group(2))).isEqualTo(pdfs.size());
    assertThat(Double.parseDouble(m.group(1))).as("overall field-F1 (report in %s)", report).isGreaterThanOrEqualTo(0.90);
  }
}
