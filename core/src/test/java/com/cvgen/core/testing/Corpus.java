package com.cvgen.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared, read-only CV corpus beside the checkout ({@code ../shared/corpus}, passed by Maven as
 * the system property {@code corpus.dir}). Tests read it in place and never copy it. When it is
 * missing the test fails with a clear message (in CI and locally alike): corpus tests never skip.
 */
public final class Corpus {
  private Corpus() {}

  public static Path dir() {
    String configured = System.getProperty("corpus.dir");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "corpus");
    if (!Files.isDirectory(dir.resolve("dev"))) {
      throw new IllegalStateException("the CV corpus is missing at " + dir.toAbsolutePath().normalize()
          + ": check out the project with ../shared beside it (set -Dcorpus.dir=... to point elsewhere)");
    }
    return dir;
  }

  /** Every PDF under corpus/dev that has a truth file beside it, sorted. */
  public static List<Path> devPdfs() {
    return pdfs(dir().resolve("dev"), true);
  }

  /** Every PDF under corpus/robustness, sorted. */
  public static List<Path> robustnessPdfs() {
    return pdfs(dir().resolve("robustness"), false);
  }

  private static List<Path> pdfs(Path root, boolean withTruth) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".pdf"))
          .filter(p -> !withTruth || Files.exists(truthOf(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path truthOf(Path pdf) {
    String name = pdf.getFileName().toString();
    return pdf.resolveSibling(name.substring(0, name.length() - 4) + ".truth.json");
  }

  /** The scorer shipped with the corpus. */
  public static Path scorer() {
    return dir().resolve("score.py");
  }
}
