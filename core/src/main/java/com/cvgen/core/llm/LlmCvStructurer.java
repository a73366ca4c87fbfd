package com.cvgen.core.llm;

import com.cvgen.core.extract.CvStructurer;
import com.cvgen.core.extract.OfflineCvStructurer;
import com.cvgen.core.extract.TextDocument;
import com.cvgen.core.json.Json;
import com.cvgen.core.json.SchemaValidator;
import com.cvgen.core.model.Basics;
import com.cvgen.core.model.Basics.Profile;
import com.cvgen.core.model.Extraction;
import com.cvgen.core.model.Extraction.FieldSource;
import com.cvgen.core.model.Meta;
import com.cvgen.core.model.Resume;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Structures a CV with a chat model behind {@link LlmClient}, checked and merged with the offline
 * structurer's result.
 *
 * <ol>
 *   <li>The offline structurer runs first (no network; its contact data and section headings are
 *       needed either way).
 *   <li>The model gets {@link CvPrompt}: the CV text as delimited data, layout hints, the strict
 *       JSON Resume subset as schema, temperature 0.
 *   <li>The answer is parsed, nulls and blank strings removed, and checked against the full JSON
 *       Resume schema ({@link SchemaValidator#RESUME}). An empty CV for a CV with content counts as
 *       a bad answer too (a prompt injection that worked looks like that).
 *   <li>Merge: contact data read from the PDF text (e-mail, phone, website, profiles by network) wins
 *       over the model; a contact value the model gives that the PDF text does not contain is
 *       dropped. The offline provenance of a field is kept where the model agrees with it.
 *   <li>{@code meta.cvgen}: the structurer is {@link #id()}, the detected language and page count
 *       as offline, the token usage as a {@link LlmNotes} warning.
 * </ol>
 *
 * <p>When the model is unavailable or answers badly: with {@link FallbackPolicy#FALLBACK} the
 * offline result is returned, its structurer "offline-v1" and a {@code llm-fallback:} warning saying
 * why ({@link LlmNotes#fallbackReason(Resume)}); with {@link FallbackPolicy#FAIL} the
 * {@link LlmException} is thrown. Instances are thread-safe when the client is.
 */
public final class LlmCvStructurer implements CvStructurer {
  private static final Logger LOG = LoggerFactory.getLogger(LlmCvStructurer.class);
  private static final String VERSION = "v1";

  private final LlmClient client;
  private final Options options;
  private final CvStructurer offline;
  private final String id;

  /**
   * @param model the model or Azure deployment name, for {@link #id()} (e.g. "gpt-4o")
   * @param policy what to do when the model fails
   * @param outputLanguage ISO 639-1 language for free text, or null to keep the CV's language
   */
  public record Options(String model, FallbackPolicy policy, String outputLanguage) {
    public Options {
      Objects.requireNonNull(model, "model");
      if (model.isBlank()) throw new IllegalArgumentException("model name is blank");
      Objects.requireNonNull(policy, "policy");
      if (outputLanguage != null && outputLanguage.isBlank()) outputLanguage = null;
    }

    public static Options of(String model) {
      return new Options(model, FallbackPolicy.FALLBACK, null);
    }
  }

  public LlmCvStructurer(LlmClient client, Options options) {
    this(client, options, new OfflineCvStructurer());
  }

  public LlmCvStructurer(LlmClient client, Options options, CvStructurer offline) {
    this.client = Objects.requireNonNull(client, "client");
    this.options = Objects.requireNonNull(options, "options");
    this.offline = Objects.requireNonNull(offline, "offline");
    this.id = Answers.id(options.model(), "-" + VERSION);
  }

  /** "llm-" + the model or deployment name + "-v1", e.g. "llm-gpt-4o-v1". */
  @Override
  public String id() {
    return id;
  }

  /** The prompt this structurer sends for a document. */
  public Prompt prompt(TextDocument document) {
    return new Prompt(CvPrompt.system(options.outputLanguage()), CvPrompt.user(document), CvPrompt.SCHEMA_NAME,
        CvPrompt.schema(), 0.0, options.outputLanguage());
  }

  @Override
  public boolean remote() {
    return true;
  }

  @Override
  public Resume structure(TextDocument document) {
    Resume fromText = offline.structure(document);
    try {
      Completion completion = client.complete(prompt(document));
      Resume answer = parse(completion.json());
      if (isEmpty(answer) && !isEmpty(fromText)) {
        throw new LlmAnswerException("the model returned an empty CV for a CV with content");
      }
      Resume merged = merge(answer, fromText, document, completion);
      List<String> violations = SchemaValidator.RESUME.validate(merged);
      if (!violations.isEmpty()) throw new LlmAnswerException("merged CV outside JSON Resume: " + violations);
      return merged;
    } catch (LlmException e) {
      if (options.policy() == FallbackPolicy.FAIL) throw e;
      LOG.warn("{}: falling back to {}: {}", id, offline.id(), e.getMessage());
      return withNote(fromText, LlmNotes.fallback(id, e));
    }
  }

  // ---------- the answer ----------

  /**
   * Parses the model's JSON: one object, nothing after it; nulls and blank strings removed; must be
   * valid JSON Resume. A {@code meta} the model may add is dropped.
   */
  static Resume parse(String json) {
    ObjectNode clean = Answers.object(json);
    List<String> violations = SchemaValidator.RESUME.validate(clean);
    if (!violations.isEmpty()) {
      throw new LlmAnswerException("the answer is outside JSON Resume: "
          + String.join("; ", violations.subList(0, Math.min(5, violations.size()))));
    }
    try {
      return Json.mapper().treeToValue(clean, Resume.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new LlmAnswerException("the answer does not map to a CV: " + e.getMessage(), e);
    }
  }

  private static boolean isEmpty(Resume r) {
    return r.basics().name() == null && r.work().isEmpty() && r.education().isEmpty() && r.skills().isEmpty()
        && r.projects().isEmpty() && r.volunteer().isEmpty();
  }

  // ---------- merge ----------

  private Resume merge(Resume model, Resume fromText, TextDocument document, Completion completion) {
    String text = document.text();
    List<String> notes = new ArrayList<>();
    notes.add(LlmNotes.usage(completion));
    Basics m = model.basics();
    Basics t = fromText.basics();
    String email = contact("/basics/email", t.email(), m.email(), text, LlmCvStructurer::emailKey, notes);
    String phone = contact("/basics/phone", t.phone(), m.phone(), text, LlmCvStructurer::digits, notes);
    String url = contact("/basics/url", t.url(), m.url(), text, LlmCvStructurer::urlKey, notes);
    List<Profile> profiles = new ArrayList<>(t.profiles());
    for (Profile p : m.profiles()) {
      boolean known = profiles.stream().anyMatch(q -> q.network() != null && p.network() != null
          && q.network().equalsIgnoreCase(p.network()));
      if (known) continue;
      if (p.url() != null && !urlKey(text).contains(urlKey(p.url()))) {
        notes.add("llm-merge: a " + (p.network() == null ? "profile" : p.network() + " profile")
            + " of the model's answer is not in the PDF text, dropped");
        continue;
      }
      profiles.add(p);
    }
    Basics basics = new Basics(m.name(), m.label(), null, email, phone, url, m.summary(), m.location(), profiles);
    Resume merged = new Resume(basics, model.work(), model.volunteer(), model.education(), model.awards(),
        model.certificates(), model.publications(), model.skills(), model.languages(), model.interests(),
        model.references(), model.projects(), null);

    Extraction before = fromText.meta() == null ? null : fromText.meta().extraction();
    JsonNode mergedTree = Json.mapper().valueToTree(merged);
    JsonNode textTree = Json.mapper().valueToTree(fromText.withMeta(null));
    Map<String, FieldSource> fields = new LinkedHashMap<>();
    if (before != null) {
      before.fields().forEach((pointer, source) -> {
        JsonNode a = mergedTree.at(pointer);
        if (!a.isMissingNode() && a.equals(textTree.at(pointer))) fields.put(pointer, source);
      });
    }
    Extraction extraction = new Extraction(before == null ? null : before.language(), id,
        before == null ? document.pages().size() : before.pages(), fields, notes);
    return merged.withMeta(new Meta(null, "v1.0.0", null, extraction));
  }

  /** The PDF text's value wins; the model's is kept only where the text has none and contains it. */
  private static String contact(String pointer, String fromText, String fromModel, String text,
      Function<String, String> key, List<String> notes) {
    if (fromText != null) {
      if (fromModel != null && !key.apply(fromText).equals(key.apply(fromModel))) {
        notes.add("llm-merge: " + pointer + " taken from the PDF text, the model's differed");
      }
      return fromText;
    }
    if (fromModel == null) return null;
    String k = key.apply(fromModel);
    if (k.isEmpty() || !key.apply(text).contains(k)) {
      notes.add("llm-merge: " + pointer + " of the model's answer is not in the PDF text, dropped");
      return null;
    }
    return fromModel;
  }

  private static String emailKey(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }

  private static String digits(String s) {
    return s.replaceAll("\\D", "");
  }

  /** Lower case, without scheme, "www.", white space and trailing slashes. */
  private static String urlKey(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("https?://", "").replace("www.", "").replaceAll("\\s+", "")
        .replaceAll("/+$", "");
  }

  private static Resume withNote(Resume r, String note) {
    Extraction x = r.meta() == null ? null : r.meta().extraction();
    List<String> warnings = new ArrayList<>(x == null ? List.of() : x.warnings());
    warnings.add(note);
    Extraction updated = x == null ? new Extraction(null, null, 0, Map.of(), warnings)
        : new Extraction(x.language(), x.structurer(), x.pages(), x.fields(), warnings);
    Meta meta = r.meta() == null ? new Meta(null, "v1.0.0", null, updated)
        : new Meta(r.meta().canonical(), r.meta().version(), r.meta().lastModified(), updated);
    return r.withMeta(meta);
  }
}
