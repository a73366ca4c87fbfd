package com.cvgen.local;

import com.cvgen.core.testing.BadInputPdfs;
import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.local.CliTestFiles.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  private static final Pattern TIMES = Pattern.compile(
      "median +([0-9.]+) ms/file +p95 +([0-9.]+) ms/file +max +([0-9.]+) ms +total +([0-9.]+) s/pass +\\((\\d+) files\\)");

  @TempDir Path dir;

  @BeforeEach
  void folderWithCvsAndOneBadFile() throws IOException {
    Files.createDirectories(dir.resolve("a/b"));
    Files.write(dir.resolve("a/one.pdf"), BadInputPdfs.textCv(1));
    Files.write(dir.resolve("a/b/two.PDF"), BadInputPdfs.textCv(2));
    Files.writeString(dir.resolve("notes.pdf"), "not a PDF at all\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("readme.txt"), "ignored: not named *.pdf\n", StandardCharsets.UTF_8);
  }

  @Test
  void timesEveryPdfUnderTheFolderAndListsTheRejectedOnes() {
    Run run = CliTestFiles.cli("bench", "extract", dir.toString(), "--warmup", "1", "--runs", "2", "--no-pdftotext");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("bench extract: 3 PDFs under " + dir)
        .contains("1 warm-up pass, 2 timed runs per file; structurer offline-v1")
        .contains("rejected    1 of 3 files (bad input, not timed):")
        .contains("  notes.pdf  [not_pdf] the file is not a PDF but looks like plain text")
        .containsPattern("heap +peak \\d+ MB used")
        .containsPattern("slowest +a/")
        .doesNotContain("pdftotext");
    Matcher ours = TIMES.matcher(run.out().lines().filter(l -> l.startsWith("ours")).findFirst().orElseThrow());
    assertThat(ours.find()).isTrue();
    double median = Double.parseDouble(ours.group(1));
    double p95 = Double.parseDouble(ours.group(2));
    double max = Double.parseDouble(ours.group(3));
    assertThat(median).isPositive().isLessThanOrEqualTo(p95);
    assertThat(p95).isLessThanOrEqualTo(max);
    assertThat(ours.group(5)).as("timed files").isEqualTo("2");
  }

  @Test
  void comparesWithPdftotextWhenItIsOnThePath() {
    Run run = CliTestFiles.cli("bench", "extract", dir.toString(), "--warmup", "0", "--runs", "1");
    assertThat(run.exit()).as(run.err()).isZero();
    if (BenchCommand.onPath("pdftotext").isPresent()) {
      assertThat(run.out()).containsPattern("pdftotext +median +[0-9.]+ ms/file .*\\(2 files\\)")
          .containsPattern("ratio +[0-9.]+ +\\(ours / pdftotext");
    } else {
      assertThat(run.out()).contains("pdftotext   not on the PATH");
    }
  }

  @Test
  void aFolderWithoutPdfsIsAUsageError() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Run run = CliTestFiles.cli("bench", "extract", empty.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no *.pdf files under " + empty);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void zeroRunsIsAUsageError() {
    Run run = CliTestFiles.cli("bench", "extract", dir.toString(), "--runs", "0");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--runs must be 1 or more");
  }

  @Test
  void benchWithoutAStepShowsItsSubcommands() {
    Run run = CliTestFiles.cli("bench");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Usage: cvgen bench").contains("extract");
    Run help = CliTestFiles.cli("bench", "extract", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--warmup=N").contains("--runs=N").contains("--no-pdftotext").contains("DIR");
  }
}
