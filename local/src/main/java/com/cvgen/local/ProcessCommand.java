package com.cvgen.local;

import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.pipeline.LocalCvProcessor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "process", mixinStandardHelpOptions = true,
    description = {"Processes a CV PDF on this machine and writes its outputs to a folder:",
        "cv_data.json (JSON Resume) and cv.docx (the Word CV).",
        "Exit 2 with one message on stderr when the file cannot be processed."})
final class ProcessCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE.pdf", description = "the CV to process")
  Path file;

  @Option(names = "--lang", paramLabel = "de|en|fr",
      description = "language of the documents (default: the CV's own language if de, en or fr, else en)")
  String lang;

  @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/<file name>)")
  Path out;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    OutputLanguage language = lang == null ? null : OutputLanguage.parse(lang);
    byte[] bytes = Inputs.readPdf(file);
    Path dir = out != null ? out : Path.of("out", baseName(file));
    LocalCvProcessor.Result result = new LocalCvProcessor().process(bytes, language, dir);
    PrintWriter w = spec.commandLine().getOut();
    w.printf("%s: %s (%s), documents in %s%n", file.getFileName(), nameOf(result), result.language().code(), dir);
    for (Path p : result.files()) w.println("  " + p);
    w.flush();
    return 0;
  }

  static String nameOf(LocalCvProcessor.Result result) {
    String name = result.resume().basics().name();
    return name == null ? "no name found" : name;
  }

  static String baseName(Path file) {
    String n = file.getFileName().toString();
    return n.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? n.substring(0, n.length() - 4) : n;
  }
}
