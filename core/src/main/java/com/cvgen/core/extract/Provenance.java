package com.cvgen.core.extract;

import com.cvgen.core.model.Extraction.FieldSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects, per JSON pointer, how sure the structurer is of a value and where it was read. */
final class Provenance {
  private final Map<String, FieldSource> fields = new LinkedHashMap<>();

  void put(String pointer, double confidence, Row row) {
    double c = Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100.0;
    fields.put(pointer, new FieldSource(c, row == null ? null : row.page(), row == null ? null : row.text()));
  }

  Map<String, FieldSource> fields() {
    return fields;
  }
}
