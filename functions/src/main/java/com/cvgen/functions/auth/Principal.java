package com.cvgen.functions.auth;

import java.util.Objects;

/**
 * The authenticated caller.
 *
 * @param subject stable user id that jobs belong to ({@code sub}; Entra's {@code oid} when present)
 * @param name for display ({@code name}, else {@code preferred_username}, else the subject)
 */
public record Principal(String subject, String name) {
  public Principal {
    Objects.requireNonNull(subject, "subject");
    if (subject.isBlank()) throw new IllegalArgumentException("the subject is blank");
    if (name == null || name.isBlank()) name = subject;
  }
}
