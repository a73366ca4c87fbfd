package com.cvgen.local;

import com.cvgen.core.pipeline.LocalCvProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Processes the bundled sample CVs (English, German, French; fictional people) on this",
        "machine, with no cloud and no key, and prints where their outputs are."})
final class DemoCommand implements Callable<Integer> {
  /** The bundled samples, in local/src/main/resources/samples (sources: samples/src). */
  static final List<String> SAMPLES = List.of("en-sidebar-cv", "de-lebenslauf", "fr-cv");

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/demo)")
  Path out = Path.of("out", "demo");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    LocalCvProcessor processor = new LocalCvProcessor();
    for (String sample : SAMPLES) {
      byte[] pdf = sample(sample + ".pdf");
      Path dir = out.resolve(sample);
      LocalCvProcessor.Result result = processor.process(pdf, null, dir);
      w.printf("%-14s %s (%s): %d work entries, %d education entries, %d skill groups%n", sample,
          ProcessCommand.nameOf(result), result.language().code(), result.resume().work().size(),
          result.resume().education().size(), result.resume().skills().size());
      for (Path p : result.files()) w.println("  " + p.toAbsolutePath().normalize());
    }
    w.println("Open the .docx files with Word or LibreOffice; cv_data.json is JSON Resume.");
    w.flush();
    return 0;
  }

  static byte[] sample(String name) throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream("/samples/" + name)) {
      if (in == null) throw new IOException("bundled sample missing: " + name);
      return in.readAllBytes();
    }
  }
}
