package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * One step of a job's pipeline as the user sees it: its state, how many attempts it took, when it
 * ran, and a message (the failure reason, or a note such as a cache hit).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobStep(String name, State state, int attempts, Instant startedAt, Instant finishedAt, String message) {

  public enum State {
    PENDING, RUNNING, COMPLETED, FAILED, SKIPPED;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static State parse(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }

    public boolean isDone() {
      return this == COMPLETED || this == SKIPPED;
    }
  }

  public static JobStep pending(String name) {
    return new JobStep(name, State.PENDING, 0, null, null, null);
  }

  public JobStep started(Instant at) {
    return new JobStep(name, State.RUNNING, attempts + 1, at, null, null);
  }

  public JobStep completed(Instant at, String note) {
    return new JobStep(name, State.COMPLETED, Math.max(attempts, 1), startedAt == null ? at : startedAt, at, note);
  }

  public JobStep failed(Instant at, String reason) {
    return new JobStep(name, State.FAILED, Math.max(attempts, 1), startedAt == null ? at : startedAt, at, reason);
  }

  public JobStep skipped(String reason) {
    return new JobStep(name, State.SKIPPED, attempts, startedAt, finishedAt, reason);
  }
}
