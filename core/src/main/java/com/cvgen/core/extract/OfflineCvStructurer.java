package com.cvgen.core.extract;

import com.cvgen.core.model.Basics;
import com.cvgen.core.model.Resume;

/** Offline heuristic structurer (work in progress). */
public final class OfflineCvStructurer implements CvStructurer {
  @Override
  public String id() {
    return "offline-v1";
  }

  @Override
  public Resume structure(TextDocument document) {
    String first = document.lines().isEmpty() ? null : document.lines().getFirst().plain();
    return new Resume(new Basics(first, null, null, null, null, null, null, null, null),
        null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
