package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * JSON Resume {@code meta}, plus this product's extension object {@code cvgen} (the schema allows
 * additional properties in meta) holding how the CV was extracted.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Meta(
    String canonical,
    String version,
    String lastModified,
    @JsonProperty("cvgen") Extraction extraction) {}
