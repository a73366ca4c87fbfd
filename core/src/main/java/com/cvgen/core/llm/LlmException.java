package com.cvgen.core.llm;

/** A model call that gave no usable answer; see the two subclasses. */
public abstract sealed class LlmException extends RuntimeException
    permits LlmUnavailableException, LlmAnswerException {
  protected LlmException(String message, Throwable cause) {
    super(message, cause);
  }
}
