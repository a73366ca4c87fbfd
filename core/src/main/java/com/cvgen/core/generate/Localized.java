package com.cvgen.core.generate;

/**
 * One text in the three output languages. The label enums of the Word CV, the offer and the
 * dashboard hold their texts as these.
 */
record Localized(String en, String de, String fr) {

  /** The same text with French typography: a no-break space before a colon or semicolon. */
  static Localized frenchSpacing(String en, String de, String fr) {
    return new Localized(en, de, fr.replace(" :", "\u00A0:").replace(" ;", "\u00A0;"));
  }

  String in(OutputLanguage language) {
    return switch (language) {
      case EN -> en;
      case DE -> de;
      case FR -> fr;
    };
  }
}
