package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A skill group ({@code name}) with its keywords, or a single skill without keywords. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Skill(String name, String level, List<String> keywords) {
  public Skill {
    keywords = Lists.copy(keywords);
  }
}
