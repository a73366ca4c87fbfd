package com.cvgen.core.model;

/** Language levels of the Common European Framework, in ascending order; NATIVE above C2. */
public enum CefrLevel {
  A1, A2, B1, B2, C1, C2, NATIVE;

  public boolean meets(CefrLevel required) {
    return required == null || compareTo(required) >= 0;
  }
}
