package com.cvgen.core.llm;

/** What {@link LlmCvStructurer} does when the model is unavailable or answers badly. */
public enum FallbackPolicy {
  /** Structure the CV offline and record in its extraction metadata that, and why, it fell back. */
  FALLBACK,
  /** Throw the {@link LlmException}. */
  FAIL
}
