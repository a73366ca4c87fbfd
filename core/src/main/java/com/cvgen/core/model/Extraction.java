package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a CV was extracted: detected language, the structurer used, and per-field confidence and
 * provenance keyed by JSON pointer into the resume (e.g. {@code /work/0/position}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Extraction(
    String language,
    String structurer,
    int pages,
    Map<String, FieldSource> fields,
    List<String> warnings) {

  public Extraction {
    fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** Where a field's value was read and how sure the structurer is of it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FieldSource(double confidence, Integer page, String text) {}
}
