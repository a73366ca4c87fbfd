package com.cvgen.core.extract;

import com.cvgen.core.model.Resume;

/**
 * Turns the laid-out text of a CV into JSON Resume. The offline heuristic structurer lives in core;
 * an LLM-backed one lives behind the {@code LlmClient} port in functions/.
 */
public interface CvStructurer {
  /** A short identifier recorded in the CV's extraction metadata, e.g. "offline-v1". */
  String id();

  Resume structure(TextDocument document);

  /**
   * Whether structuring calls a remote service (a language model): then it runs outside the PDF
   * parse budget, which is meant for runaway parsing on this machine, not for a model's latency.
   */
  default boolean remote() {
    return false;
  }
}
