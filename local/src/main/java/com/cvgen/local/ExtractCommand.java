package com.cvgen.local;

import com.cvgen.core.extract.CvExtractor;
import com.cvgen.core.extract.DebugDump;
import com.cvgen.core.extract.TextDocument;
import com.cvgen.core.extract.TextLine;
import com.cvgen.core.extract.TextSpan;
import com.cvgen.core.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "extract", mixinStandardHelpOptions = true,
    description = {"Reads a CV PDF and prints its CV data (JSON Resume) on stdout.",
        "Exit 0 with the JSON; exit 2 with one message on stderr when the file cannot be processed",
        "(not a PDF, empty, corrupt, password-protected, no text layer, over 10 MB or 20 pages, too complex)."})
final class ExtractCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE.pdf", description = "the CV to read")
  Path file;

  @Option(names = "--layout", description = "print the laid-out text lines (page, column, font, gap) instead of JSON")
  boolean layout;

  @Option(names = "--explain", description = "print the sections and entries the structurer found instead of JSON")
  boolean explain;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    byte[] bytes = Inputs.readPdf(file);
    CvExtractor extractor = new CvExtractor();
    PrintWriter out = spec.commandLine().getOut();
    if (explain) {
      out.print(DebugDump.explain(extractor.readText(bytes)));
    } else if (layout) {
      TextDocument doc = extractor.readText(bytes);
      for (TextLine l : doc.lines()) {
        out.printf(Locale.ROOT, "p%d c%d gap%5.1f x%5.1f %4.1f%s | %s%n", l.page(), l.column(), l.gapAbove(), l.x(),
            l.fontSize(), l.bold() ? "B" : " ", String.join(" ¦ ", l.spans().stream().map(TextSpan::text).toList()));
      }
    } else {
      out.println(Json.mapper().writeValueAsString(extractor.extract(bytes)));
    }
    out.flush();
    return 0;
  }
}
