package com.cvgen.core.generate;

import com.cvgen.core.CvInputException;
import java.util.Locale;

/** The languages documents are written in. */
public enum OutputLanguage {
  DE(Locale.GERMAN), EN(Locale.ENGLISH), FR(Locale.FRENCH);

  private final Locale locale;

  OutputLanguage(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "de", "en" or "fr" (any case); anything else is a clear input error. */
  public static OutputLanguage parse(String code) {
    if (code != null) {
      for (OutputLanguage l : values()) {
        if (l.code().equalsIgnoreCase(code.strip())) return l;
      }
    }
    throw new CvInputException(CvInputException.Code.UNSUPPORTED_LANGUAGE,
        "unsupported output language '" + code + "': use de, en or fr");
  }
}
