package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How well a CV matches a job profile ({@code match_result.json}, schema
 * {@code schema/match-result-schema.json}): a score 0-100 made of weighted components, each with
 * its sub-score, what matched, what is missing and a sentence of reasoning in the output language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchResult(int score, String language, String summary, List<Component> components) {

  public MatchResult {
    components = Lists.copy(components);
  }

  /**
   * One part of the score. {@code weight} is the share of the total (weights of the components
   * that apply add up to 1); {@code score} is 0..1.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Component(String id, String label, double weight, double score, List<String> matched,
      List<String> missing, String reasoning) {
    public Component {
      matched = Lists.copy(matched);
      missing = Lists.copy(missing);
    }
  }
}
