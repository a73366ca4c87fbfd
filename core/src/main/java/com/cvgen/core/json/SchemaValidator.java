package com.cvgen.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** Validates documents against a JSON Schema bundled in core resources (format assertions on). */
public final class SchemaValidator {
  /** The official JSON Resume schema, v1.3.1 (MIT, see schema/JSON-RESUME-LICENSE.md). */
  public static final SchemaValidator RESUME = load("/schema/resume-schema.json");

  private final JsonSchema schema;

  private SchemaValidator(JsonSchema schema) {
    this.schema = schema;
  }

  public static SchemaValidator load(String resource) {
    try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("schema resource missing: " + resource);
      JsonNode node = Json.mapper().readTree(in);
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return new SchemaValidator(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node, config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The violations, each as "path: message"; empty when the document is valid. */
  public List<String> validate(JsonNode document) {
    Set<ValidationMessage> messages = schema.validate(document);
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  public List<String> validate(Object value) {
    return validate(Json.mapper().valueToTree(value));
  }
}
