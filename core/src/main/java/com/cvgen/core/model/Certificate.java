package com.cvgen.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Certificate(String name, String date, String url, String issuer) {}
