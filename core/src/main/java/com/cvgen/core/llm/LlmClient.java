package com.cvgen.core.llm;

/**
 * A chat model that answers a {@link Prompt} with JSON conforming to the prompt's schema.
 * Implementations retry transient failures themselves and must be safe to share between threads.
 */
@FunctionalInterface
public interface LlmClient {
  /**
   * @throws LlmUnavailableException the model could not be reached or did not answer in time
   *     (after the implementation's retries, or at once while its circuit breaker is open)
   * @throws LlmAnswerException the model answered, but not with usable JSON (malformed, refused,
   *     cut off, or outside the schema)
   */
  Completion complete(Prompt prompt);

  /**
   * As {@link #complete(Prompt)}, within {@code budget} in all, retries included: for a caller that
   * waits for the answer, such as an HTTP request. A client that cannot bound its calls answers as
   * {@link #complete(Prompt)} does (this default).
   *
   * @throws LlmUnavailableException also when the budget was spent without an answer
   */
  default Completion complete(Prompt prompt, java.time.Duration budget) {
    return complete(prompt);
  }
}
