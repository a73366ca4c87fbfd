package com.cvgen.core.model;

import java.util.List;
import java.util.Objects;

final class Lists {
  private Lists() {}

  /** An immutable copy without null elements; null becomes an empty list. */
  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
