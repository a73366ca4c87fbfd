package com.cvgen.core.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Real document conversion for tests, with the tools {@code ./cvgen test} installs: LibreOffice
 * ({@code soffice}) turns office documents into PDF, poppler ({@code pdftotext}, {@code pdftoppm},
 * {@code pdfinfo}) reads the PDF back as text, page images and page metadata. Nothing is mocked; a
 * missing tool fails with a message saying what to install, never a silent skip.
 *
 * <p>Each conversion starts LibreOffice with its own fresh user profile, so parallel test runs do
 * not share (and lock) one profile.
 */
public final class OfficeConversion {

  /** How long one LibreOffice run may take before it is killed and the conversion fails. */
  public static final Duration SOFFICE_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration POPPLER_TIMEOUT = Duration.ofSeconds(60);

  private OfficeConversion() {}

  /** Converts one document to PDF in {@code outDir}; returns the PDF's path. */
  public static Path toPdf(Path document, Path outDir) throws IOException {
    return toPdf(List.of(document), outDir).getFirst();
  }

  /**
   * Converts documents (.docx, .odt, ...) to PDF in {@code outDir} with one LibreOffice run; returns
   * the PDFs in the order of {@code documents}. Fails if LibreOffice is missing, exits with an error,
   * times out or does not produce a PDF for every document.
   */
  public static List<Path> toPdf(List<Path> documents, Path outDir) throws IOException {
    if (documents.isEmpty()) throw new IllegalArgumentException("no documents to convert");
    String soffice = requireTool("soffice", "LibreOffice (apt-get install libreoffice-writer)");
    Files.createDirectories(outDir);
    List<Path> pdfs = new ArrayList<>();
    for (Path doc : documents) {
      if (!Files.isRegularFile(doc)) throw new IOException("no such document: " + doc);
      Path pdf = outDir.resolve(baseName(doc) + ".pdf");
      Files.deleteIfExists(pdf);
      pdfs.add(pdf);
    }
    Path log = outDir.resolve("soffice-" + baseName(documents.getFirst()) + ".log");
    Path profile = Files.createTempDirectory("cvgen-lo-profile-");
    try {
      List<String> command = new ArrayList<>(List.of(soffice,
          "-env:UserInstallation=" + profile.toUri(),
          "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
          "--convert-to", "pdf", "--outdir", outDir.toAbsolutePath().toString()));
      documents.forEach(d -> command.add(d.toAbsolutePath().toString()));
      run(command, SOFFICE_TIMEOUT, log);
    } finally {
      deleteTree(profile);
    }
    for (Path pdf : pdfs) {
      if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
        throw new IOException("LibreOffice wrote no PDF " + pdf + "; see " + log);
      }
    }
    return pdfs;
  }

  /** The PDF's text as {@code pdftotext -layout} lays it out (UTF-8, pages separated by form feeds). */
  public static String pdfToText(Path pdf) throws IOException {
    String pdftotext = requireTool("pdftotext", "poppler-utils (apt-get install poppler-utils)");
    Path txt = pdf.resolveSibling(baseName(pdf) + ".txt");
    run(List.of(pdftotext, "-layout", "-enc", "UTF-8", pdf.toString(), txt.toString()), POPPLER_TIMEOUT, null);
    return Files.readString(txt, StandardCharsets.UTF_8);
  }

  /**
   * Renders pages {@code first..last} (1-based) of the PDF as PNG at {@code dpi} beside it, named
   * {@code <pdf name>-<page>.png}; returns the images in page order.
   */
  public static List<Path> pdfToPng(Path pdf, int dpi, int first, int last) throws IOException {
    String pdftoppm = requireTool("pdftoppm", "poppler-utils (apt-get install poppler-utils)");
    Path dir = pdf.toAbsolutePath().getParent();
    Pattern pageImage = Pattern.compile(Pattern.quote(baseName(pdf)) + "-(\\d+)\\.png");
    try (Stream<Path> old = Files.list(dir)) {
      for (Path f : old.filter(f -> pageImage.matcher(f.getFileName().toString()).matches()).toList()) {
        Files.delete(f);
      }
    }
    run(List.of(pdftoppm, "-png", "-r", Integer.toString(dpi), "-f", Integer.toString(first),
        "-l", Integer.toString(last), pdf.toString(), dir.resolve(baseName(pdf)).toString()),
        POPPLER_TIMEOUT, null);
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> Map.entry(f, pageImage.matcher(f.getFileName().toString())))
          .filter(e -> e.getValue().matches())
          .sorted(Comparator.comparingInt(e -> Integer.parseInt(e.getValue().group(1))))
          .map(Map.Entry::getKey)
          .toList();
    }
  }

  /** {@code pdfinfo}'s fields, e.g. "Pages" -> "2", "Page size" -> "595.276 x 841.89 pts (A4)". */
  public static Map<String, String> pdfInfo(Path pdf) throws IOException {
    String pdfinfo = requireTool("pdfinfo", "poppler-utils (apt-get install poppler-utils)");
    Path out = Files.createTempFile("cvgen-pdfinfo-", ".txt");
    try {
      run(List.of(pdfinfo, pdf.toString()), POPPLER_TIMEOUT, out);
      Map<String, String> info = new LinkedHashMap<>();
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        int colon = line.indexOf(':');
        if (colon > 0) info.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
      return info;
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** The executable's path on PATH; fails with what to install when it is not there. */
  public static String requireTool(String name, String installHint) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) continue;
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate.toString();
      }
    }
    throw new IllegalStateException("'" + name + "' is not on PATH; this test needs " + installHint
        + " (./cvgen test installs it)");
  }

  private static void run(List<String> command, Duration timeout, Path log) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Path output = log != null ? log : Files.createTempFile("cvgen-tool-", ".log");
    pb.redirectOutput(output.toFile());
    Process process = pb.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IOException(command.getFirst() + " timed out after " + timeout.toSeconds() + " s: "
            + String.join(" ", command));
      }
      if (process.exitValue() != 0) {
        throw new IOException(command.getFirst() + " exited with " + process.exitValue() + ": "
            + String.join(" ", command) + "\n" + Files.readString(output, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.getFirst(), e);
    } finally {
      if (log == null) Files.deleteIfExists(output);
    }
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
