package com.cvgen.core.extract;

import java.util.List;

/** A run of rows under one heading (or before the first heading: {@link SectionType#HEADER}). */
record Section(SectionType type, Row heading, List<Row> rows) {
  String title() {
    return heading == null ? "" : heading.cells.getFirst();
  }
}
