package com.cvgen.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One request to a chat model answering in JSON.
 *
 * @param system the system instructions
 * @param user the user message (for CVs: the delimited CV text and layout hints)
 * @param schemaName the name of the JSON schema (OpenAI: {@code ^[a-zA-Z0-9_-]{1,64}$})
 * @param schema the JSON schema the answer must follow, written for strict structured output
 * @param temperature the sampling temperature (0 for extraction)
 * @param outputLanguage the language free text should be written in (ISO 639-1), or null to keep
 *     the source's language
 */
public record Prompt(String system, String user, String schemaName, JsonNode schema, double temperature,
    String outputLanguage) {

  public Prompt {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(schemaName, "schemaName");
    Objects.requireNonNull(schema, "schema");
    if (!schemaName.matches("[a-zA-Z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("schema name must match [a-zA-Z0-9_-]{1,64}: " + schemaName);
    }
    if (temperature < 0 || temperature > 2) throw new IllegalArgumentException("temperature out of [0, 2]: " + temperature);
  }
}
