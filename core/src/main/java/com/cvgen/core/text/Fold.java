package com.cvgen.core.text;

import java.text.Normalizer;

/**
 * Folds text for comparing spellings: lower case, accents removed ("é" is "e"), typographic and
 * grave/acute apostrophes as "'", a no-break space as a space. Character by character, so offsets in folded text are the
 * offsets in the original. Shared by the skills vocabulary and the job profile reader.
 */
public final class Fold {
  private static final char[] TABLE = table();

  private Fold() {}

  public static char fold(char c) {
    if (c < TABLE.length) return TABLE[c];
    if (c == '\u2019' || c == '\u2018') return '\'';
    return Character.toLowerCase(c);
  }

  public static String fold(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) out[i] = fold(text.charAt(i));
    return new String(out);
  }

  private static char[] table() {
    char[] t = new char[0x250];
    for (char c = 0; c < t.length; c++) {
      char lower = Character.toLowerCase(c);
      String d = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
      t[c] = d.length() > 1 && d.charAt(0) < 0x250 ? d.charAt(0) : lower;
    }
    t['`'] = '\'';
    t['\u00b4'] = '\'';
    t['\u00a0'] = ' ';
    return t;
  }
}
