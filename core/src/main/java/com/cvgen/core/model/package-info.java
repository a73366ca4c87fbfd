/**
 * The CV in the JSON Resume schema (https://jsonresume.org/schema, v1.3.1 bundled as
 * {@code schema/resume-schema.json}). Extraction metadata (language, per-field confidence and
 * provenance) lives in {@link com.cvgen.core.model.Meta#extraction()}, never inside standard fields.
 */
package com.cvgen.core.model;
