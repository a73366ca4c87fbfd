package com.cvgen.core.pipeline;

import com.cvgen.core.extract.CvExtractor;
import com.cvgen.core.generate.DocxCvWriter;
import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.json.Json;
import com.cvgen.core.model.Resume;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Processes one CV into an output folder on this machine: CV data and the Word CV. Each file is
 * written to a temporary name first and moved into place, so a folder never holds half a file.
 */
public final class LocalCvProcessor {
  private final CvExtractor extractor;
  private final DocxCvWriter docx = new DocxCvWriter();

  public LocalCvProcessor(CvExtractor extractor) {
    this.extractor = extractor;
  }

  public LocalCvProcessor() {
    this(new CvExtractor());
  }

  /** What one run produced. */
  public record Result(Resume resume, OutputLanguage language, List<Path> files) {}

  /**
   * @param language the documents' language, or null for the CV's own language when it is de, en
   *     or fr (English otherwise)
   */
  public Result process(byte[] pdf, OutputLanguage language, Path outDir) throws IOException {
    Resume resume = extractor.extract(pdf);
    OutputLanguage lang = language != null ? language : languageOf(resume);
    Files.createDirectories(outDir);
    List<Path> files = new ArrayList<>();
    files.add(write(outDir.resolve(OutputNames.CV_DATA), out -> Json.mapper().writeValue(out, resume)));
    files.add(write(outDir.resolve(OutputNames.CV_DOCX), out -> docx.write(resume, lang, out)));
    return new Result(resume, lang, files);
  }

  /** The CV's detected language when documents can be written in it, else English. */
  public static OutputLanguage languageOf(Resume resume) {
    String detected = resume.meta() == null || resume.meta().extraction() == null ? null
        : resume.meta().extraction().language();
    for (OutputLanguage l : OutputLanguage.values()) {
      if (l.code().equals(detected == null ? null : detected.toLowerCase(Locale.ROOT))) return l;
    }
    return OutputLanguage.EN;
  }

  @FunctionalInterface
  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static Path write(Path target, Writer writer) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
