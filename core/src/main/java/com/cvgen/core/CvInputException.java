package com.cvgen.core;

/**
 * Input the product cannot process (not a PDF, encrypted, no text layer, too large, ...). Carries a
 * stable machine-readable {@link #code()} and a message meant for the person who uploaded the file.
 * Never wraps a bug: programming errors stay ordinary exceptions.
 */
public final class CvInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Stable error codes, used in API error bodies and failed job reasons. */
  public enum Code {
    EMPTY_FILE, NOT_PDF, CORRUPT_PDF, ENCRYPTED_PDF, NO_TEXT_LAYER, FILE_TOO_LARGE, TOO_MANY_PAGES,
    TOO_COMPLEX, UNSUPPORTED_LANGUAGE, INVALID_JOB_PROFILE;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Code code;

  public CvInputException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public CvInputException(Code code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
