package com.cvgen.local.host;

import java.util.List;

/** The function classes cannot be hosted: each problem names the class, method and parameter. */
public final class FunctionDefinitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public FunctionDefinitionException(List<String> problems) {
    super("The embedded host cannot load the functions:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
