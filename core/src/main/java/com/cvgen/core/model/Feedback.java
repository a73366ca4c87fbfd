package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * Quality feedback on a CV ({@code feedback.json}, schema {@code schema/feedback-schema.json}): an
 * overall score 0-100 and findings, each localised, with the CV location it refers to (a JSON
 * pointer into the CV data) and a concrete suggestion.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Feedback(int score, String language, List<Finding> findings) {

  public Feedback {
    findings = Lists.copy(findings);
  }

  public enum Severity {
    INFO, WARNING, ERROR;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One finding; {@code rule} is a stable id such as "missing-summary", {@code category} groups rules. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Finding(String rule, Severity severity, String category, String location, String message,
      String suggestion) {}
}
