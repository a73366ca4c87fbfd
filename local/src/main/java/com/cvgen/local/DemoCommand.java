package com.cvgen.local;

import com.cvgen.core.jobs.JobProfileReader;
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
    description = {"Processes the bundled sample CVs (English, German, French; fictional people), each with a",
        "sample job profile, on this machine with no cloud and no key, and prints where the outputs are."})
final class DemoCommand implements Callable<Integer> {
  /** A bundled sample CV and the sample job it is matched against (local/src/main/resources/samples). */
  record Sample(String cv, String job) {}

  static final List<Sample> SAMPLES = List.of(
      new Sample("en-sidebar-cv", "jobs/en-senior-backend-engineer.json"),
      new Sample("de-lebenslauf", "jobs/de-stellenanzeige.txt"),
      new Sample("fr-cv", "jobs/fr-offre-emploi.txt"));

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/demo)")
  Path out = Path.of("out", "demo");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    LocalCvProcessor processor = new LocalCvProcessor();
    JobProfileReader jobs = new JobProfileReader();
    for (Sample sample : SAMPLES) {
      var job = jobs.read(sample(sample.job()), sample.job());
      Path dir = out.resolve(sample.cv());
      LocalCvProcessor.Result result = processor.process(sample(sample.cv() + ".pdf"), job, null, dir);
      w.println(ProcessCommand.describe(sample.cv() + ".pdf", result) + " against \"" + job.title() + "\"");
      for (Path p : result.files()) w.println("  " + p.toAbsolutePath().normalize());
    }
    w.println("Open dashboard.html in a browser, the .docx files with Word or LibreOffice; the .json files are data.");
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
