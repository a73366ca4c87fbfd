package com.cvgen.core.llm;

/**
 * The model answered, but the answer cannot be used: not JSON, cut off, a refusal, or outside the
 * schema. Retrying the same prompt at temperature 0 will most likely give the same answer.
 */
public final class LlmAnswerException extends LlmException {
  public LlmAnswerException(String message) {
    super(message, null);
  }

  public LlmAnswerException(String message, Throwable cause) {
    super(message, cause);
  }
}
