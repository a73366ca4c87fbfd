package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Publication(String name, String publisher, String releaseDate, String url, String summary) {}
