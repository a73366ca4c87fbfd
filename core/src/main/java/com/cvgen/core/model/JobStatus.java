package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a job stands. {@link #isFinal() Final} states never change again. */
public enum JobStatus {
  PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static JobStatus parse(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  public boolean isFinal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
