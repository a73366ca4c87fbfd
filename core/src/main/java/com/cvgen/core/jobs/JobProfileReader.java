package com.cvgen.core.jobs;

import com.cvgen.core.CvInputException;
import com.cvgen.core.CvInputException.Code;
import com.cvgen.core.extract.CvExtractor;
import com.cvgen.core.extract.TextDocument;
import com.cvgen.core.extract.TextLine;
import com.cvgen.core.jobs.RequirementsReader.KeywordGroup;
import com.cvgen.core.jobs.RequirementsReader.LanguageEntry;
import com.cvgen.core.jobs.Statement.Context;
import com.cvgen.core.json.Json;
import com.cvgen.core.json.SchemaValidator;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.JobProfile.Requirements;
import com.cvgen.core.model.Skill;
import com.cvgen.core.skills.SkillVocabulary;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a job profile from an uploaded file into the JSON Resume job schema, with the normalised
 * {@link Requirements} in {@code meta.cvgen}.
 *
 * <p>The kind of input is told by content, not by name: a PDF ({@code %PDF-}) is read with its
 * layout by {@link CvExtractor#readText(byte[])} and structured offline; a JSON object is a job in
 * the JSON Resume job schema, validated against the bundled schema (extra fields are tolerated, and a
 * {@code languages} array of {@code {language, fluency}} is read); anything else is read as text
 * (UTF-8, or Windows-1252 when it is not UTF-8). Postings in English, German and French are
 * structured: title, company, location, type, remote policy, salary, description, responsibilities,
 * qualifications (requirements, nice-to-have and language sections) and skills (the vocabulary's
 * terms, grouped by category and marked "Required" or "Nice to have").
 *
 * <p>Requirements are always derived, for JSON input too (see {@link RequirementsReader}); every
 * result validates against the job schema. Input that yields no usable job fails with
 * {@link CvInputException} ({@link Code#INVALID_JOB_PROFILE}, {@link Code#FILE_TOO_LARGE}, or the
 * PDF codes of the extractor) and a message for the person who uploaded it. Instances are
 * stateless and thread-safe.
 */
public final class JobProfileReader {
  /** The official JSON Resume job schema (bundled). */
  public static final SchemaValidator JOB_SCHEMA = SchemaValidator.load("/schema/job-schema.json");

  /** The largest JSON or text job profile read; PDFs have the extractor's limits. */
  public static final int MAX_TEXT_BYTES = 1024 * 1024;

  /** Fewer letters than this in a text posting: not a job posting. */
  static final int MIN_LETTERS = 20;

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  private static final Map<String, String> CATEGORY_LABELS = Map.ofEntries(
      Map.entry("languages", "Programming languages"), Map.entry("frameworks", "Frameworks"),
      Map.entry("cloud", "Cloud"), Map.entry("data", "Data"), Map.entry("devops", "DevOps"),
      Map.entry("tools", "Tools"), Map.entry("methods", "Methods"), Map.entry("testing", "Testing"),
      Map.entry("security", "Security"), Map.entry("mobile", "Mobile"), Map.entry("design", "Design"),
      Map.entry("ai", "AI and machine learning"), Map.entry("engineering", "Engineering"),
      Map.entry("business", "Business"), Map.entry("soft-skills", "Soft skills"));

  /** The {@code level} of a derived skills group the job requires. */
  public static final String REQUIRED = "Required";
  /** The {@code level} of a derived skills group the job would like. */
  public static final String NICE_TO_HAVE = "Nice to have";

  private final SkillVocabulary vocabulary;
  private final CvExtractor extractor;
  private final JobTerms terms = JobTerms.INSTANCE;
  private final JobTextStructurer structurer = new JobTextStructurer(terms);
  private final RequirementsReader requirements;
  private final Cues cues = new Cues(terms);

  /** A reader that names skills by {@code vocabulary} and reads PDFs with {@code extractor}. */
  public JobProfileReader(SkillVocabulary vocabulary, CvExtractor extractor) {
    this.vocabulary = vocabulary;
    this.extractor = extractor;
    this.requirements = new RequirementsReader(vocabulary, terms);
  }

  /** A reader with the bundled vocabulary and the default PDF limits. */
  public JobProfileReader() {
    this(SkillVocabulary.defaults(), new CvExtractor());
  }

  /**
   * Reads an uploaded job profile: a PDF, a JSON job or a text posting, told by content.
   *
   * @param fileName the uploaded file's name, for messages and as a hint ({@code .json}, {@code .pdf})
   * @throws CvInputException when the file is empty, too large, broken or holds no job posting
   */
  public JobProfile read(byte[] content, String fileName) {
    return readPosting(content, fileName).profile();
  }

  /**
   * A job profile read from an upload, and the posting's text for a language model: a PDF's lines in
   * reading order (a blank line between blocks), a text file as decoded; empty for a JSON job, which
   * is structured already.
   */
  public record Posting(JobProfile profile, java.util.Optional<String> text) {}

  /** As {@link #read}, with the posting's text (the PDF is read once for both). */
  public Posting readPosting(byte[] content, String fileName) {
    String name = fileName == null || fileName.isBlank() ? "the job profile" : "the job profile " + fileName;
    String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (content == null || content.length == 0) {
      throw new CvInputException(Code.INVALID_JOB_PROFILE, name + " is empty: upload a PDF, a JSON job or a text file");
    }
    if (isPdf(content)) {
      TextDocument doc = extractor.readText(content);
      return new Posting(fromPdf(doc), java.util.Optional.of(plainText(doc)));
    }
    if (lower.endsWith(".pdf")) {
      throw new CvInputException(Code.NOT_PDF, name + " is named .pdf but is not a PDF file");
    }
    if (content.length > MAX_TEXT_BYTES) {
      throw new CvInputException(Code.FILE_TOO_LARGE, name + " is larger than " + MAX_TEXT_BYTES / 1024
          + " KB; a job posting as JSON or text is far smaller");
    }
    if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
      throw new CvInputException(Code.INVALID_JOB_PROFILE, name
          + " is an archive or an office document (Word?): save the job posting as PDF, JSON or plain text");
    }
    String text = decode(content, name);
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) return new Posting(fromJson(text), java.util.Optional.empty());
    if (lower.endsWith(".json")) {
      throw new CvInputException(Code.INVALID_JOB_PROFILE, name + " is not JSON: a JSON job profile is an object {...}");
    }
    return new Posting(fromText(text), java.util.Optional.of(text.strip()));
  }

  private static String plainText(TextDocument doc) {
    StringBuilder sb = new StringBuilder();
    int page = -1;
    int column = -1;
    for (TextLine l : doc.lines()) {
      if (sb.length() > 0 && (l.page() != page || l.column() != column)) sb.append('\n');
      sb.append(l.text()).append('\n');
      page = l.page();
      column = l.column();
    }
    return sb.toString().strip();
  }

  /** Reads a job posting in a PDF (with a text layer). */
  public JobProfile fromPdf(byte[] pdf) {
    return fromPdf(extractor.readText(pdf));
  }

  private JobProfile fromPdf(TextDocument doc) {
    List<TextLine> lines = doc.lines();
    float[] gaps = new float[lines.size()];
    int n = 0;
    for (TextLine l : lines) if (l.gapAbove() > 0) gaps[n++] = l.gapAbove();
    Arrays.sort(gaps, 0, n);
    float typical = n == 0 ? 0 : gaps[n / 2];
    List<JobTextStructurer.Line> out = new ArrayList<>();
    int page = -1;
    int column = -1;
    for (TextLine l : lines) {
      boolean newBlock = l.page() != page || l.column() != column;
      boolean gap = typical > 0 && l.gapAbove() > typical * 1.45f;
      out.add(new JobTextStructurer.Line(l.text(), l.fontSize(), l.bold(), newBlock || gap));
      page = l.page();
      column = l.column();
    }
    return structured(structurer.structure(out), "the PDF");
  }

  /** Reads a job posting in plain text (Markdown headings and bold are understood). */
  public JobProfile fromText(String text) {
    if (text == null || text.isBlank()) {
      throw new CvInputException(Code.INVALID_JOB_PROFILE, "the job profile is empty: it holds no text");
    }
    long letters = text.codePoints().filter(Character::isLetter).count();
    if (letters < MIN_LETTERS) {
      throw new CvInputException(Code.INVALID_JOB_PROFILE, "the job profile is too short to be a job posting ("
          + letters + " letters): give at least a title and what the job asks for");
    }
    List<JobTextStructurer.Line> lines = new ArrayList<>();
    for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      lines.add(new JobTextStructurer.Line(line, 0, false, false));
    }
    return structured(structurer.structure(lines), "the text");
  }

  /**
   * Reads a job in the JSON Resume job schema. Fields outside the schema are tolerated; a
   * {@code languages} array ({@code [{"language": "English", "fluency": "Fluent"}]} or names) is read
   * into the requirements; {@code meta.cvgen} is derived anew.
   */
  public JobProfile fromJson(String json) {
    JsonNode node;
    try {
      node = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      throw new CvInputException(Code.INVALID_JOB_PROFILE,
          "the job profile is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }
    if (node == null || node.isMissingNode() || !node.isObject()) {
      String found = node == null || node.isMissingNode() ? "nothing" : switch (node.getNodeType()) {
        case ARRAY -> "an array [...]";
        case STRING -> "a string";
        case NUMBER -> "a number";
        case BOOLEAN -> "true or false";
        case NULL -> "null";
        default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
      };
      throw new CvInputException(Code.INVALID_JOB_PROFILE,
          "a JSON job profile must be an object {...} in the JSON Resume job schema, but the file holds " + found);
    }
    List<String> violations = JOB_SCHEMA.validate(node);
    if (!violations.isEmpty()) {
      throw new CvInputException(Code.INVALID_JOB_PROFILE, "the job profile does not follow the JSON Resume job schema: "
          + String.join("; ", violations.subList(0, Math.min(5, violations.size())))
          + (violations.size() > 5 ? "; and " + (violations.size() - 5) + " more" : ""));
    }
    ObjectNode copy = ((ObjectNode) node).deepCopy();
    if (copy.get("meta") instanceof ObjectNode meta) meta.remove("cvgen");
    JobProfile job;
    try {
      job = Json.mapper().treeToValue(copy, JobProfile.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CvInputException(Code.INVALID_JOB_PROFILE, "the job profile cannot be read: " + e.getMessage(), e);
    }
    job = new JobProfile(blankToNull(job.title()), blankToNull(job.company()), blankToNull(job.type()), job.date(),
        blankToNull(job.description()), job.location(), job.remote(), blankToNull(job.salary()),
        blankToNull(job.experience()), job.responsibilities(), job.qualifications(), job.skills(), job.meta());

    List<Statement> statements = new ArrayList<>();
    if (job.title() != null) statements.add(new Statement(job.title(), Context.TITLE));
    job.qualifications().forEach(q -> statements.add(new Statement(q, Context.REQUIRED)));
    job.responsibilities().forEach(r -> statements.add(new Statement(r, Context.ROLE)));
    // the description mostly presents the company: its skills count only when nothing else names any
    if (job.description() != null) statements.add(new Statement(job.description(), Context.COMPANY));
    List<KeywordGroup> groups = new ArrayList<>();
    for (Skill s : job.skills()) {
      List<String> keywords = s.keywords().isEmpty() && s.name() != null ? List.of(s.name()) : s.keywords();
      groups.add(new KeywordGroup(keywords, niceToHave(s.name()) || niceToHave(s.level())));
    }
    List<LanguageEntry> languages = new ArrayList<>();
    for (JsonNode l : node.path("languages")) {
      if (l.isTextual()) languages.add(new LanguageEntry(l.asText(), null));
      else if (l.isObject()) languages.add(new LanguageEntry(l.path("language").asText(null), l.path("fluency").asText(null)));
    }
    if (job.title() == null && job.description() == null && job.responsibilities().isEmpty()
        && job.qualifications().isEmpty() && groups.isEmpty()) {
      throw new CvInputException(Code.INVALID_JOB_PROFILE,
          "the job profile has no title, description, responsibilities, qualifications or skills");
    }
    Requirements r = requirements.read(statements, groups, languages, job.experience());
    return checked(job.withRequirements(r));
  }

  /** The schema violations of a job profile, each as a message; empty when it is valid. */
  public static List<String> validate(JobProfile job) {
    return JOB_SCHEMA.validate(job);
  }

  // ---- helpers ----

  private JobProfile structured(JobTextStructurer.Result result, String what) {
    JobProfile p = result.profile();
    if (p.title() == null && p.responsibilities().isEmpty() && p.qualifications().isEmpty()) {
      throw new CvInputException(Code.INVALID_JOB_PROFILE, "no job posting could be read from " + what
          + ": it has no job title, responsibilities or requirements");
    }
    Requirements r = requirements.read(result.statements(), List.of(), List.of(), null);
    JobProfile withSkills = new JobProfile(p.title(), p.company(), p.type(), p.date(), p.description(), p.location(),
        p.remote(), p.salary(), p.experience(), p.responsibilities(), p.qualifications(), skillGroups(r), null);
    return checked(withSkills.withRequirements(r));
  }

  /** The derived skills as groups by category, required ones first, then the nice-to-have ones. */
  private List<Skill> skillGroups(Requirements r) {
    List<Skill> out = new ArrayList<>();
    for (var entry : List.of(Map.entry(REQUIRED, r.requiredSkills()), Map.entry(NICE_TO_HAVE, r.preferredSkills()))) {
      Map<String, List<String>> byCategory = new LinkedHashMap<>();
      for (String skill : entry.getValue()) {
        String category = vocabulary.canonical(skill).map(SkillVocabulary.SkillTerm::category).orElse("other");
        byCategory.computeIfAbsent(category, k -> new ArrayList<>()).add(skill);
      }
      byCategory.forEach((category, skills) ->
          out.add(new Skill(CATEGORY_LABELS.getOrDefault(category, "Other"), entry.getKey(), skills)));
    }
    return out;
  }

  private boolean niceToHave(String text) {
    if (text == null || text.isBlank()) return false;
    return cues.preferred(text) || terms.heading(text).filter(k -> k == JobTerms.SectionKind.NICE_TO_HAVE).isPresent();
  }

  private static JobProfile checked(JobProfile job) {
    List<String> violations = validate(job);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("job profile reader produced a job outside the job schema: " + violations);
    }
    return job;
  }

  /** A PDF header within the first KB (some tools write a little junk before it, as readers accept). */
  private static boolean isPdf(byte[] content) {
    int last = Math.min(content.length - PDF_MAGIC.length, 1024);
    for (int i = 0; i <= last; i++) {
      if (Arrays.equals(content, i, i + PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) return true;
    }
    return false;
  }

  /** The text of a file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; never binary. */
  private static String decode(byte[] content, String name) {
    String text;
    if (content.length >= 2 && (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF
        || content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)) {
      text = new String(content, StandardCharsets.UTF_16);
    } else {
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
      } catch (CharacterCodingException e) {
        text = new String(content, Charset.forName("windows-1252"));
      }
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
    int control = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) control += 100;
      else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') control++;
    }
    if (control * 100 > text.length()) {
      throw new CvInputException(Code.INVALID_JOB_PROFILE,
          name + " is not a PDF, a JSON job or a text file (it holds binary data)");
    }
    return text;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
