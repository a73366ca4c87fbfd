package com.cvgen.core.llm;

import com.cvgen.core.CvInputException;
import com.cvgen.core.jobs.JobProfileReader;
import com.cvgen.core.jobs.JobProfileStructurer;
import com.cvgen.core.model.Job;
import com.cvgen.core.model.JobProfile;
import com.cvgen.core.model.JobProfile.Requirements;
import com.cvgen.core.skills.SkillVocabulary;
import com.cvgen.core.text.Fold;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Structures a job posting (PDF or text) with a chat model, checked and merged with the offline
 * reader's result, as {@link LlmCvStructurer} does for CVs.
 *
 * <ol>
 *   <li>The offline reader runs first: it checks the input (bad input fails with {@link
 *       CvInputException} before any model call) and its reading is needed for the merge anyway. A
 *       JSON job is structured already: no model call.
 *   <li>The model gets {@link JobPrompt}: the posting as delimited data, the strict job schema,
 *       temperature 0.
 *   <li>The answer is pruned of nulls and blanks; a skill keyword the posting text does not contain
 *       is dropped (a model must not add requirements); the rest is read like an uploaded JSON job
 *       ({@link JobProfileReader#fromJson}: validated against the JSON Resume job schema, requirements
 *       derived by the same rules). An empty job for a posting with content is a bad answer.
 *   <li>Merge: the model's fields, the offline reading's where the model has none; required skills
 *       are the model's plus the offline ones the model did not call preferred; a skill in neither the
 *       posting's vocabulary terms nor its text is dropped.
 * </ol>
 *
 * <p>When the model is unavailable or answers badly: with {@link FallbackPolicy#FALLBACK} the offline
 * reading is returned with a note saying why; with {@link FallbackPolicy#FAIL} the {@link
 * LlmException} is thrown. Thread-safe when the client is.
 */
public final class LlmJobStructurer implements JobProfileStructurer {
  private static final Logger LOG = LoggerFactory.getLogger(LlmJobStructurer.class);
  private static final String VERSION = "v1";

  private final LlmClient client;
  private final String model;
  private final FallbackPolicy policy;
  private final JobProfileReader reader;
  private final SkillVocabulary vocabulary;
  private final String id;

  /**
   * @param model the model or Azure deployment name, for {@link #id()}
   * @param reader the offline reader (input checks, the offline reading, reading the answer)
   */
  public LlmJobStructurer(LlmClient client, String model, FallbackPolicy policy, JobProfileReader reader,
      SkillVocabulary vocabulary) {
    this.client = Objects.requireNonNull(client, "client");
    this.model = Objects.requireNonNull(model, "model");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.id = Answers.id(model, "-job-" + VERSION);
  }

  /** "llm-" + the model or deployment name + "-job-v1". */
  public String id() {
    return id;
  }

  /** The prompt sent for a posting's text. */
  public Prompt prompt(String postingText) {
    return new Prompt(JobPrompt.system(), JobPrompt.user(postingText), JobPrompt.SCHEMA_NAME, JobPrompt.schema(),
        0.0, null);
  }

  @Override
  public Reading read(byte[] content, String fileName) {
    return read(content, fileName, null);
  }

  /** @param budget the model call's time in all, retries included; null for the client's own limits */
  @Override
  public Reading read(byte[] content, String fileName, java.time.Duration budget) {
    JobProfileReader.Posting posting = reader.readPosting(content, fileName);
    JobProfile offline = posting.profile();
    Optional<String> text = posting.text();
    if (text.isEmpty()) return Reading.offline(offline); // a JSON job
    try {
      Completion completion = budget == null ? client.complete(prompt(text.get()))
          : client.complete(prompt(text.get()), budget);
      List<String> dropped = new ArrayList<>();
      ObjectNode answer = evidenced(Answers.object(completion.json()), text.get(), dropped);
      if (!answer.has("title") && !answer.has("responsibilities") && !answer.has("qualifications")
          && !answer.has("skills")) {
        throw new LlmAnswerException("the model returned an empty job for a posting with content");
      }
      JobProfile fromModel;
      try {
        fromModel = reader.fromJson(answer.toString());
      } catch (CvInputException e) {
        throw new LlmAnswerException("the answer is not a usable job profile: " + e.getMessage(), e);
      }
      JobProfile merged = merge(fromModel, offline, text.get());
      List<String> violations = JobProfileReader.validate(merged);
      if (!violations.isEmpty()) throw new LlmAnswerException("merged job outside the job schema: " + violations);
      String note = "job profile structured by the language model"
          + (dropped.isEmpty() ? "" : "; skills not in the posting dropped: " + String.join(", ", dropped));
      return new Reading(merged, id, Optional.of(new Job.TokenUsage(completion.model() == null ? model
          : completion.model(), completion.promptTokens(), completion.completionTokens())), note);
    } catch (LlmException e) {
      if (policy == FallbackPolicy.FAIL) throw e;
      LOG.warn("{}: falling back to the offline job reader: {}", id, e.getMessage());
      return new Reading(offline, OFFLINE, Optional.empty(),
          "the language model was not used for the job profile (" + LlmNotes.reason(e) + "), the offline reader was");
    }
  }

  /** Drops skill keywords the posting does not contain (named in {@code dropped}); empty groups go. */
  private ObjectNode evidenced(ObjectNode answer, String text, List<String> dropped) {
    if (!(answer.get("skills") instanceof ArrayNode groups)) return answer;
    String folded = Fold.fold(text);
    Set<String> inText = canonicalIn(text);
    for (int g = groups.size() - 1; g >= 0; g--) {
      if (!(groups.get(g) instanceof ObjectNode group)) continue;
      if (group.get("keywords") instanceof ArrayNode keywords) {
        for (int k = keywords.size() - 1; k >= 0; k--) {
          String keyword = keywords.get(k).asText("");
          if (!evidenced(keyword, folded, inText)) {
            dropped.add(keyword);
            keywords.remove(k);
          }
        }
        if (keywords.isEmpty()) groups.remove(g);
      }
    }
    if (groups.isEmpty()) answer.remove("skills");
    return answer;
  }

  private boolean evidenced(String skill, String foldedText, Set<String> inText) {
    String s = skill.strip();
    if (s.isEmpty()) return false;
    return foldedText.contains(Fold.fold(s)) || inText.contains(vocabulary.canonicalName(s));
  }

  private Set<String> canonicalIn(String text) {
    return vocabulary.termsIn(text).stream().map(SkillVocabulary.SkillTerm::name).collect(Collectors.toSet());
  }

  private JobProfile merge(JobProfile m, JobProfile o, String text) {
    Requirements mr = m.requirements();
    Requirements or = o.requirements();
    String folded = Fold.fold(text);
    Set<String> inText = canonicalIn(text);
    Set<String> required = new LinkedHashSet<>(mr.requiredSkills());
    for (String s : or.requiredSkills()) if (!mr.preferredSkills().contains(s)) required.add(s);
    Set<String> preferred = new LinkedHashSet<>(mr.preferredSkills());
    preferred.addAll(or.preferredSkills());
    preferred.removeAll(required);
    required.removeIf(s -> !evidenced(s, folded, inText));
    preferred.removeIf(s -> !evidenced(s, folded, inText));
    Requirements r = new Requirements(List.copyOf(required), List.copyOf(preferred),
        mr.minYearsExperience() != null ? mr.minYearsExperience() : or.minYearsExperience(),
        mr.educationLevel() != null ? mr.educationLevel() : or.educationLevel(),
        mr.languages().isEmpty() ? or.languages() : mr.languages(),
        or.language() != null ? or.language() : mr.language());
    JobProfile fields = new JobProfile(first(m.title(), o.title()), first(m.company(), o.company()),
        first(m.type(), o.type()), first(m.date(), o.date()), first(m.description(), o.description()),
        m.location() != null ? m.location() : o.location(), first(m.remote(), o.remote()),
        first(m.salary(), o.salary()), first(m.experience(), o.experience()),
        m.responsibilities().isEmpty() ? o.responsibilities() : m.responsibilities(),
        m.qualifications().isEmpty() ? o.qualifications() : m.qualifications(),
        m.skills().isEmpty() ? o.skills() : m.skills(), null);
    return fields.withRequirements(r);
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
