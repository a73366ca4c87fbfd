package com.cvgen.core.llm;

/**
 * The model could not be reached or did not answer: retries exhausted (429, 5xx, network errors),
 * the call timed out, the circuit breaker is open, or the service refused the credentials. Trying
 * again later may help; the CV itself is not at fault.
 */
public final class LlmUnavailableException extends LlmException {
  public LlmUnavailableException(String message) {
    super(message, null);
  }

  public LlmUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
