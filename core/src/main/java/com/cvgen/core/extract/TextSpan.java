package com.cvgen.core.extract;

/**
 * A run of words on one baseline with ordinary word spacing. A wide gap (tab stop, right-aligned
 * date, second column) starts a new span.
 */
public record TextSpan(String text, float x, float right, float baseline, float fontSize, boolean bold,
    boolean italic, String font) {

  public float width() {
    return right - x;
  }
}
