package com.cvgen.local;

import com.cvgen.core.CvInputException;
import com.cvgen.core.extract.CvExtractor;
import com.cvgen.core.extract.CvStructurer;
import com.cvgen.core.extract.OfflineCvStructurer;
import com.cvgen.core.extract.PdfLimits;
import com.cvgen.core.json.Json;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cvgen bench}: times a pipeline step over a folder of PDFs in one JVM after a warm-up.
 * Each step is a subcommand ({@code extract} now); they share {@link BenchOptions} for the folder
 * and the passes, and {@link Runner} for timing, heap sampling and the report.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Times a step of the product over a folder of CV PDFs, in one JVM after a warm-up.",
        "%nEvery PDF under the folder (recursively) is processed in each pass. Prints the median and the 95th"
            + " percentile time per file, the slowest files and the peak heap. Files the product rejects as bad"
            + " input (not a PDF, no text layer, ...) are counted and listed, not timed."},
    subcommands = {BenchCommand.Extract.class, BenchCommand.ProcessCv.class, LoadBench.class,
        CommandLine.HelpCommand.class},
    footer = {"", "bench load times the whole service instead: uploads against a running host (see bench load --help).",
        "Example: ./cvgen bench extract ../shared/corpus/dev --warmup 1 --runs 3"})
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("cvgen: bench: name what to time, e.g. `cvgen bench extract DIR`");
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  /** The folder and the passes; every bench subcommand takes them. */
  static final class BenchOptions {
    @Parameters(index = "0", paramLabel = "DIR", description = "folder searched recursively for *.pdf files")
    Path dir;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
        description = "untimed passes over all files first, so that the JIT has compiled the hot code (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
        description = "timed runs per file; a file's time is the median of its runs (default: ${DEFAULT-VALUE})")
    int runs;

    List<Path> pdfs(CommandSpec spec) {
      if (warmup < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--warmup must be 0 or more");
      if (runs < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be 1 or more");
      if (!Files.isDirectory(dir)) throw new CommandLine.ParameterException(spec.commandLine(), dir + " is not a folder");
      List<Path> pdfs;
      try (Stream<Path> files = Files.walk(dir)) {
        pdfs = files.filter(Files::isRegularFile)
            .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
            .sorted().toList();
      } catch (IOException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "cannot list " + dir + ": " + e.getMessage());
      }
      if (pdfs.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(), "no *.pdf files under " + dir);
      return pdfs;
    }
  }

  @Command(name = "extract", mixinStandardHelpOptions = true,
      description = {"Times PDF -> CV data (JSON Resume), the way `cvgen extract` does it.",
          "%nPer file: read and check it, lay out its text, structure it, validate it, write the JSON."
              + " A file's time is the median of its runs.",
          "%nWhen pdftotext (poppler-utils) is on the PATH, `pdftotext -layout FILE -` is timed on the same"
              + " files as a reference, one process per file as a pipeline calling it would run it, and the"
              + " ratio of the medians (ours / pdftotext) is printed.",
          "%nExit 0 when every file was processed or rejected as bad input; 1 when one failed otherwise."},
      footer = {"", "Example: ./cvgen bench extract ../shared/corpus/dev --runs 5"})
  static final class Extract implements Callable<Integer> {
    @Mixin BenchOptions options;

    @Option(names = "--no-pdftotext", description = "do not time pdftotext for comparison")
    boolean noPdftotext;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      List<Path> pdfs = options.pdfs(spec);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      CvStructurer structurer = new OfflineCvStructurer();
      CvExtractor extractor = new CvExtractor(PdfLimits.DEFAULT, structurer);
      Runner runner = new Runner(options.warmup, options.runs, err);

      out.printf(Locale.ROOT, "bench extract: %d PDFs under %s%n", pdfs.size(), options.dir);
      out.printf(Locale.ROOT, "  %s, %s per file; structurer %s; Java %s, %d CPUs, max heap %s%n%n",
          plural(options.warmup, "warm-up pass"), plural(options.runs, "timed run"), structurer.id(),
          Runtime.version().feature(), Runtime.getRuntime().availableProcessors(),
          megabytes(Runtime.getRuntime().maxMemory()));

      Timing ours = runner.time("extract", pdfs, true,
          file -> Json.mapper().writeValueAsString(extractor.extract(Inputs.readPdf(file))));
      Report.line(out, "ours", ours);
      Optional<Path> pdftotext = noPdftotext ? Optional.empty() : onPath("pdftotext");
      if (pdftotext.isPresent() && !ours.millis().isEmpty()) {
        Timing reference = runner.time("pdftotext", ours.timedFiles(), false, file -> runProcess(
            List.of(pdftotext.get().toString(), "-layout", file.toString(), "-")));
        Report.line(out, "pdftotext", reference);
        List<Path> both = reference.timedFiles();
        if (!both.isEmpty()) {
          double oursOnBoth = Stats.percentile(both.stream().mapToDouble(ours.millis()::get).toArray(), 50);
          out.printf(Locale.ROOT, "%-11s %.2f  (ours / pdftotext, medians per file over the %s both read)%n",
              "ratio", oursOnBoth / reference.median(), plural(both.size(), "file"));
        }
        Report.problems(out, options.dir, "pdftotext failed", reference.errors());
      } else if (!noPdftotext && pdftotext.isEmpty()) {
        out.printf("%-11s not on the PATH: no comparison (install poppler-utils)%n", "pdftotext");
      }
      Report.heap(out, ours);
      Report.slowest(out, options.dir, ours, 5);
      Report.rejected(out, options.dir, ours);
      Report.problems(out, options.dir, "internal errors", ours.errors());
      out.flush();
      return ours.errors().isEmpty() ? 0 : 1;
    }
  }

  @Command(name = "process", mixinStandardHelpOptions = true,
      description = {"Times a whole local run per CV, the way `cvgen process` does it: extraction, Word CV,"
          + " feedback and dashboard, and with --job the match result and the Word offer.",
          "%nOutputs go to a temporary folder that is deleted afterwards. The job profile is read once, before"
              + " timing. A file's time is the median of its runs.",
          "%nExit 0 when every file was processed or rejected as bad input; 1 when one failed otherwise."},
      footer = {"", "Example: ./cvgen bench process ../shared/corpus/dev --job "
          + "local/src/main/resources/samples/jobs/en-senior-backend-engineer.json"})
  static final class ProcessCv implements Callable<Integer> {
    @Mixin BenchOptions options;

    @Option(names = "--job", paramLabel = "JOB", description = "a job profile (PDF, text or JSON) to match every CV against")
    Path job;

    @Option(names = "--lang", paramLabel = "de|en|fr", description = "language of the documents (default: each CV's own)")
    String lang;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      List<Path> pdfs = options.pdfs(spec);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      var language = lang == null ? null : com.cvgen.core.generate.OutputLanguage.parse(lang);
      var profile = job == null ? null : ProcessCommand.readJob(job);
      var processor = new com.cvgen.core.pipeline.LocalCvProcessor();
      Path scratch = Files.createTempDirectory("cvgen-bench-process-");
      Runner runner = new Runner(options.warmup, options.runs, err);
      out.printf(Locale.ROOT, "bench process: %d PDFs under %s%s%n", pdfs.size(), options.dir,
          profile == null ? " (no job profile: no match result, no offer)" : " against \"" + profile.title() + "\"");
      out.printf(Locale.ROOT, "  %s, %s per file; Java %s, %d CPUs, max heap %s%n%n",
          plural(options.warmup, "warm-up pass"), plural(options.runs, "timed run"), Runtime.version().feature(),
          Runtime.getRuntime().availableProcessors(), megabytes(Runtime.getRuntime().maxMemory()));
      Timing ours;
      try {
        ours = runner.time("process", pdfs, true, file -> processor.process(Inputs.readPdf(file), profile, language,
            scratch.resolve(String.valueOf(Math.abs(file.toString().hashCode())))));
      } finally {
        deleteTree(scratch);
      }
      Report.line(out, "all outputs", ours);
      Report.heap(out, ours);
      Report.slowest(out, options.dir, ours, 5);
      Report.rejected(out, options.dir, ours);
      Report.problems(out, options.dir, "internal errors", ours.errors());
      out.flush();
      return ours.errors().isEmpty() ? 0 : 1;
    }

    private static void deleteTree(Path dir) throws IOException {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  // ---------- timing ----------

  /** One step applied to one file. */
  @FunctionalInterface
  interface Workload {
    void run(Path file) throws Exception;
  }

  /**
   * The times of one workload over the files: per file the median of its runs (files rejected as
   * bad input or failing in any run are not timed), and the heap seen while it ran.
   */
  record Timing(Map<Path, Double> millis, Map<Path, CvInputException> rejected, Map<Path, Exception> errors,
      long baselineHeap, long peakHeap, long allocatedBytes, int runs) {
    List<Path> timedFiles() {
      return List.copyOf(millis.keySet());
    }

    double[] sorted() {
      return millis.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    double median() {
      return Stats.percentile(sorted(), 50);
    }
  }

  /** Runs a workload over files: warm-up passes, then timed passes, sampling the heap meanwhile. */
  static final class Runner {
    private static final long SAMPLE_MILLIS = 5;
    private final int warmup;
    private final int runs;
    private final PrintWriter progress;

    Runner(int warmup, int runs, PrintWriter progress) {
      this.warmup = warmup;
      this.runs = runs;
      this.progress = progress;
    }

    Timing time(String name, List<Path> files, boolean sampleHeap, Workload workload) {
      for (int pass = 1; pass <= warmup; pass++) {
        progress.printf("cvgen: bench %s: warm-up pass %d/%d over %d files%n", name, pass, warmup, files.size());
        progress.flush();
        for (Path file : files) attempt(workload, file);
      }
      Map<Path, double[]> samples = new LinkedHashMap<>();
      Map<Path, CvInputException> rejected = new LinkedHashMap<>();
      Map<Path, Exception> errors = new LinkedHashMap<>();
      for (Path file : files) samples.put(file, new double[runs]);
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      if (sampleHeap) memory.gc();
      long baseline = memory.getHeapMemoryUsage().getUsed();
      long allocatedBefore = allocatedBytes();
      HeapSampler sampler = sampleHeap ? HeapSampler.start(memory, SAMPLE_MILLIS) : null;
      try {
        // run-major: each timed run is a full pass, so slow phases of the machine spread over all files
        for (int run = 0; run < runs; run++) {
          progress.printf("cvgen: bench %s: timed run %d/%d%n", name, run + 1, runs);
          progress.flush();
          for (Path file : files) {
            long start = System.nanoTime();
            Exception failure = attempt(workload, file);
            samples.get(file)[run] = (System.nanoTime() - start) / 1e6;
            if (failure instanceof CvInputException bad) rejected.putIfAbsent(file, bad);
            else if (failure != null) errors.putIfAbsent(file, failure);
          }
        }
      } finally {
        if (sampler != null) sampler.stop();
      }
      long allocated = allocatedBefore < 0 ? -1 : allocatedBytes() - allocatedBefore;
      Map<Path, Double> millis = new LinkedHashMap<>();
      samples.forEach((file, times) -> {
        if (!rejected.containsKey(file) && !errors.containsKey(file)) {
          millis.put(file, Stats.percentile(times.clone(), 50));
        }
      });
      return new Timing(millis, rejected, errors, baseline, sampler == null ? -1 : sampler.peak(), allocated, runs);
    }

    private static Exception attempt(Workload workload, Path file) {
      try {
        workload.run(file);
        return null;
      } catch (Exception e) {
        return e;
      }
    }

    /** Bytes allocated by all threads so far (parsing runs on worker threads), or -1 if unknown. */
    private static long allocatedBytes() {
      if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
          && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
        return threads.getTotalThreadAllocatedBytes();
      }
      return -1;
    }
  }

  /** Samples the used heap on a daemon thread; the peak is the highest sample. */
  private static final class HeapSampler {
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    static HeapSampler start(MemoryMXBean memory, long everyMillis) {
      HeapSampler sampler = new HeapSampler();
      sampler.thread = Thread.ofPlatform().daemon().name("cvgen-bench-heap").start(() -> {
        while (sampler.running) {
          sampler.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            TimeUnit.MILLISECONDS.sleep(everyMillis);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      return sampler;
    }

    void stop() {
      running = false;
      thread.interrupt();
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    long peak() {
      return peak.get();
    }
  }

  // ---------- report ----------

  private static final class Report {
    private Report() {}

    static void line(PrintWriter out, String label, Timing t) {
      double[] ms = t.sorted();
      if (ms.length == 0) {
        out.printf("%-11s no file could be timed (all were rejected or failed)%n", label);
        return;
      }
      out.printf(Locale.ROOT, "%-11s median %8.1f ms/file   p95 %8.1f ms/file   max %8.1f ms   total %7.2f s/pass"
          + "   (%s)%n", label, Stats.percentile(ms, 50), Stats.percentile(ms, 95), ms[ms.length - 1],
          Arrays.stream(ms).sum() / 1000, plural(ms.length, "file"));
    }

    static void heap(PrintWriter out, Timing t) {
      out.printf(Locale.ROOT, "%-11s peak %s used, garbage not yet collected included (sampled every %d ms"
          + " during the timed runs; %s in use before them)%n",
          "heap", megabytes(t.peakHeap()), Runner.SAMPLE_MILLIS, megabytes(t.baselineHeap()));
      int calls = (t.millis().size() + t.rejected().size() + t.errors().size()) * t.runs();
      if (t.allocatedBytes() >= 0 && calls > 0) {
        out.printf(Locale.ROOT, "%-11s %s per file on average (all threads, garbage included)%n", "allocated",
            megabytes(t.allocatedBytes() / calls));
      }
    }

    static void slowest(PrintWriter out, Path dir, Timing t, int n) {
      List<Map.Entry<Path, Double>> slow = new ArrayList<>(t.millis().entrySet());
      slow.sort(Map.Entry.<Path, Double>comparingByValue(Comparator.reverseOrder()));
      if (slow.isEmpty()) return;
      out.printf("%-11s", "slowest");
      for (int i = 0; i < Math.min(n, slow.size()); i++) {
        out.printf(Locale.ROOT, "%s %s %.1f ms", i == 0 ? "" : ",", dir.relativize(slow.get(i).getKey()),
            slow.get(i).getValue());
      }
      out.println();
    }

    static void rejected(PrintWriter out, Path dir, Timing t) {
      int all = t.millis().size() + t.rejected().size() + t.errors().size();
      out.printf("%-11s %d of %s (bad input, not timed)%s%n", "rejected", t.rejected().size(), plural(all, "file"),
          t.rejected().isEmpty() ? "" : ":");
      t.rejected().forEach((file, e) ->
          out.printf("  %s  [%s] %s%n", dir.relativize(file), e.code().id(), e.getMessage()));
    }

    static void problems(PrintWriter out, Path dir, String label, Map<Path, Exception> errors) {
      if (errors.isEmpty()) return;
      out.printf("%s: %s%n", label, plural(errors.size(), "file"));
      errors.forEach((file, e) -> out.printf("  %s  %s%n", dir.relativize(file), e));
    }
  }

  private static final class Stats {
    private Stats() {}

    /** The nearest-rank percentile of {@code values} (sorted here), 0 < p <= 100. */
    static double percentile(double[] values, double p) {
      if (values.length == 0) return Double.NaN;
      Arrays.sort(values);
      int rank = (int) Math.ceil(p / 100 * values.length);
      return values[Math.max(0, rank - 1)];
    }
  }

  // ---------- helpers ----------

  static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) return Optional.empty();
    return Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isEmpty())
        .map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
  }

  private static void runProcess(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(command.getFirst() + " took longer than 60 s");
    }
    if (process.exitValue() != 0) throw new IOException(command.getFirst() + " exited with " + process.exitValue());
  }

  private static String plural(int n, String what) {
    return n + " " + what + (n == 1 ? "" : what.endsWith("s") ? "es" : "s");
  }

  private static String megabytes(long bytes) {
    return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
  }
}
