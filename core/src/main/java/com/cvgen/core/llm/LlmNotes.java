package com.cvgen.core.llm;

import com.cvgen.core.model.Extraction;
import com.cvgen.core.model.Resume;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notes {@link LlmCvStructurer} leaves in {@code meta.cvgen.warnings} (the extraction metadata
 * has no dedicated fields for them yet), and their readers:
 *
 * <ul>
 *   <li>{@code llm-usage: model=<model> promptTokens=<n> completionTokens=<n>} when the model answered
 *   <li>{@code llm-fallback: <structurer id> <unavailable|bad answer>: <reason>} when the offline
 *       structurer was used instead
 * </ul>
 */
public final class LlmNotes {
  public static final String USAGE_PREFIX = "llm-usage: ";
  public static final String FALLBACK_PREFIX = "llm-fallback: ";
  private static final Pattern USAGE = Pattern.compile(
      "^llm-usage: model=(\\S+) promptTokens=(\\d+) completionTokens=(\\d+)$");

  private LlmNotes() {}

  /** The model's token usage for one call. */
  public record Usage(String model, int promptTokens, int completionTokens) {}

  static String usage(Completion c) {
    String model = c.model() == null || c.model().isBlank() ? "unknown" : c.model().strip().replaceAll("\\s+", "_");
    return USAGE_PREFIX + "model=" + model + " promptTokens=" + c.promptTokens() + " completionTokens="
        + c.completionTokens();
  }

  static String fallback(String structurerId, LlmException e) {
    return FALLBACK_PREFIX + structurerId + " " + reason(e);
  }

  /** "unavailable: ..." or "bad answer: ...", on one line, at most about 300 characters of reason. */
  static String reason(LlmException e) {
    String kind = e instanceof LlmUnavailableException ? "unavailable" : "bad answer";
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (why.length() > 300) why = why.substring(0, 300) + "…";
    return kind + ": " + why.replaceAll("\\s+", " ");
  }

  /** The token usage recorded in the CV's extraction metadata, if the model answered. */
  public static Optional<Usage> usage(Resume cv) {
    Extraction x = extraction(cv);
    if (x == null) return Optional.empty();
    for (String w : x.warnings()) {
      Matcher m = USAGE.matcher(w);
      if (m.matches()) return Optional.of(new Usage(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }
    return Optional.empty();
  }

  /**
   * Why the model's structuring was not used, e.g. "llm-gpt-4o-v1 unavailable: circuit open", when
   * the CV was structured offline as a fallback; a pipeline can show it in the extract step.
   */
  public static Optional<String> fallbackReason(Resume cv) {
    Extraction x = extraction(cv);
    if (x == null) return Optional.empty();
    return x.warnings().stream().filter(w -> w.startsWith(FALLBACK_PREFIX))
        .map(w -> w.substring(FALLBACK_PREFIX.length())).findFirst();
  }

  private static Extraction extraction(Resume cv) {
    return cv == null || cv.meta() == null ? null : cv.meta().extraction();
  }
}
