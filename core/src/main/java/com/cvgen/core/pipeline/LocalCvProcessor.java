package com.cvgen.core.pipeline;

import com.cvgen.core.analyze.FeedbackAnalyzer;
import com.cvgen.core.analyze.JobMatcher;
import com.cvgen.core.extract.CvExtractor;
import com.cvgen.core.generate.DashboardWriter;
import com.cvgen.core.generate.DocxCvWriter;
import com.cvgen.core.generate.DocxOfferWriter;
import com.cvgen.core.generate.OutputLanguage;
import com.cvgen.core.json.Json;
import com.cvgen.core.model.Feedback;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.MatchResult;
import com.cvgen.core.model.Resume;
import com.cvgen.core.skills.SkillVocabulary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Processes one CV, and optionally a job profile, into an output folder on this machine: the CV
 * data, the Word CV, the quality feedback and the dashboard; with a job also the normalised job
 * profile, the match result and the Word offer. Each file is written to a temporary name first and
 * moved into place, so a folder never holds half a file.
 */
public final class LocalCvProcessor {
  private final CvExtractor extractor;
  private final Clock clock;
  private final DocxCvWriter cvDocx = new DocxCvWriter();
  private final DocxOfferWriter offerDocx;
  private final FeedbackAnalyzer feedback;
  private final JobMatcher matcher;
  private final DashboardWriter dashboard;

  public LocalCvProcessor(CvExtractor extractor, SkillVocabulary vocabulary, Clock clock) {
    this.extractor = extractor;
    this.clock = clock;
    this.offerDocx = new DocxOfferWriter(vocabulary);
    this.feedback = new FeedbackAnalyzer(clock, vocabulary);
    this.matcher = new JobMatcher(vocabulary, clock);
    this.dashboard = new DashboardWriter(clock, vocabulary);
  }

  public LocalCvProcessor() {
    this(new CvExtractor(), SkillVocabulary.defaults(), Clock.systemDefaultZone());
  }

  /** What one run produced; {@code job} and {@code match} are null without a job profile. */
  public record Result(Resume resume, OutputLanguage language, Feedback feedback, JobProfile job, MatchResult match,
      List<Path> files) {}

  /**
   * @param job the job profile, already read (see {@code JobProfileReader}), or null
   * @param language the documents' language, or null for the CV's own language when it is de, en
   *     or fr (English otherwise)
   */
  public Result process(byte[] pdf, JobProfile job, OutputLanguage language, Path outDir) throws IOException {
    Resume resume = extractor.extract(pdf);
    OutputLanguage lang = language != null ? language : languageOf(resume);
    Feedback review = feedback.analyze(resume, lang);
    MatchResult match = job == null ? null : matcher.match(resume, job, lang);

    Files.createDirectories(outDir);
    List<Path> files = new ArrayList<>();
    files.add(write(outDir.resolve(OutputNames.CV_DATA), out -> Json.mapper().writeValue(out, resume)));
    files.add(write(outDir.resolve(OutputNames.CV_DOCX), out -> cvDocx.write(resume, lang, out)));
    files.add(write(outDir.resolve(OutputNames.FEEDBACK), out -> Json.mapper().writeValue(out, review)));
    if (job != null) {
      files.add(write(outDir.resolve(OutputNames.JOB_PROFILE), out -> Json.mapper().writeValue(out, job)));
      files.add(write(outDir.resolve(OutputNames.MATCH_RESULT), out -> Json.mapper().writeValue(out, match)));
      files.add(write(outDir.resolve(OutputNames.OFFER_DOCX),
          out -> offerDocx.write(resume, job, match, lang, LocalDate.now(clock), out)));
    }
    Map<String, String> links = links(lang, job != null);
    files.add(write(outDir.resolve(OutputNames.DASHBOARD),
        out -> dashboard.write(resume, job, match, review, lang, links, out)));
    return new Result(resume, lang, review, job, match, files);
  }

  /** The other outputs the dashboard links to, with their names in the output language. */
  private static Map<String, String> links(OutputLanguage lang, boolean withJob) {
    ResourceBundle names = ResourceBundle.getBundle("cvgen.outputs", lang.locale());
    Map<String, String> links = new LinkedHashMap<>();
    for (String file : List.of(OutputNames.CV_DOCX, OutputNames.OFFER_DOCX, OutputNames.CV_DATA,
        OutputNames.MATCH_RESULT, OutputNames.FEEDBACK)) {
      boolean jobOnly = file.equals(OutputNames.OFFER_DOCX) || file.equals(OutputNames.MATCH_RESULT);
      if (withJob || !jobOnly) links.put(file, names.getString(file));
    }
    return links;
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
