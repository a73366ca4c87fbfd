package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Volunteer(
    String organization,
    String position,
    String url,
    String startDate,
    String endDate,
    String summary,
    List<String> highlights) {
  public Volunteer {
    highlights = Lists.copy(highlights);
  }
}
