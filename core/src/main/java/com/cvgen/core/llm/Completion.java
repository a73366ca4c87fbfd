package com.cvgen.core.llm;

import java.util.Objects;

/**
 * A model's answer.
 *
 * @param json the answer's content, JSON text as the model wrote it (not yet checked)
 * @param promptTokens tokens billed for the prompt (0 when the service did not say)
 * @param completionTokens tokens billed for the answer (0 when the service did not say)
 * @param model the model that answered, as the service names it (e.g. "gpt-4o-2024-08-06")
 */
public record Completion(String json, int promptTokens, int completionTokens, String model) {
  public Completion {
    Objects.requireNonNull(json, "json");
  }

  public int totalTokens() {
    return promptTokens + completionTokens;
  }
}
