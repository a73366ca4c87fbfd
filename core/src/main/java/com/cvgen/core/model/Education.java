package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Education(
    String institution,
    String url,
    String area,
    String studyType,
    String startDate,
    String endDate,
    String score,
    List<String> courses) {
  public Education {
    courses = Lists.copy(courses);
  }
}
