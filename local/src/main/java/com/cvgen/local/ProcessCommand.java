package com.cvgen.local;

import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.jobs.JobProfileReader;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.pipeline.LocalCvProcessor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "process", mixinStandardHelpOptions = true,
    description = {"Processes a CV PDF on this machine and writes its outputs to a folder:",
        "cv_data.json (JSON Resume), cv.docx (the Word CV), feedback.json (quality feedback) and",
        "dashboard.html; with --job also job_profile.json, match_result.json and offer.docx.",
        "Exit 2 with one message on stderr when a file cannot be processed."})
final class ProcessCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE.pdf", description = "the CV to process")
  Path file;

  @Option(names = "--job", paramLabel = "JOB", description = "a job profile: PDF, plain text, or JSON (JSON Resume job schema)")
  Path job;

  @Option(names = "--lang", paramLabel = "de|en|fr",
      description = "language of the documents (default: the CV's own language if de, en or fr, else en)")
  String lang;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/<file name>)")
  Path out;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    OutputLanguage language = lang == null ? null : OutputLanguage.parse(lang);
    JobProfile profile = job == null ? null : readJob(job);
    byte[] bytes = Inputs.readPdf(file);
    Path dir = out != null ? out : Path.of("out", baseName(file));
    LocalCvProcessor.Result result = new LocalCvProcessor().process(bytes, profile, language, dir);
    PrintWriter w = spec.commandLine().getOut();
    w.println(describe(file.getFileName().toString(), result) + ", documents in " + dir);
    for (Path p : result.files()) w.println("  " + p);
    w.flush();
    return 0;
  }

  static JobProfile readJob(Path job) throws IOException {
    return new JobProfileReader().read(Inputs.readJob(job), job.getFileName().toString());
  }

  /** "cv.pdf: Maya Example (en), match 82/100, feedback 91/100". */
  static String describe(String name, LocalCvProcessor.Result result) {
    String who = result.resume().basics().name() == null ? "no name found" : result.resume().basics().name();
    StringBuilder sb = new StringBuilder(name + ": " + who + " (" + result.language().code() + ")");
    if (result.match() != null) sb.append(", match ").append(result.match().score()).append("/100");
    sb.append(", feedback ").append(result.feedback().score()).append("/100");
    return sb.toString();
  }

  static String baseName(Path file) {
    String n = file.getFileName().toString();
    return n.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? n.substring(0, n.length() - 4) : n;
  }
}
