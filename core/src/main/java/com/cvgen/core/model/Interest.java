package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Interest(String name, List<String> keywords) {
  public Interest {
    keywords = Lists.copy(keywords);
  }
}
