package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Project(
    String name,
    String description,
    List<String> highlights,
    List<String> keywords,
    String startDate,
    String endDate,
    String url,
    List<String> roles,
    String entity,
    String type) {
  public Project {
    highlights = Lists.copy(highlights);
    keywords = Lists.copy(keywords);
    roles = Lists.copy(roles);
  }
}
