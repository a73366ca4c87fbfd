package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A position held. {@code endDate} absent with a {@code startDate} means ongoing. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Work(
    String name,
    String location,
    String description,
    String position,
    String url,
    String startDate,
    String endDate,
    String summary,
    List<String> highlights) {
  public Work {
    highlights = Lists.copy(highlights);
  }
}
