package com.cvgen.core.llm;

import com.cvgen.core.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** Reading a model's JSON answer, the same for CVs and job postings and for every client. */
public final class Answers {
  private Answers() {}

  /**
   * The answer as one JSON object, nothing after it, with nulls and blank strings removed
   * (recursively; objects left empty go too) and without a {@code meta} the model may add.
   *
   * @throws LlmAnswerException when it is not one JSON object
   */
  static ObjectNode object(String json) {
    ObjectNode clean = (ObjectNode) prune(parseObject(json));
    clean.remove("meta");
    return clean;
  }

  /**
   * The answer as one JSON object with nothing after it, as written (nulls kept).
   *
   * @throws LlmAnswerException when it is not one JSON object
   */
  public static ObjectNode parseObject(String json) {
    JsonNode node;
    try {
      node = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json);
    } catch (JsonProcessingException e) {
      throw new LlmAnswerException("the answer is not JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) throw new LlmAnswerException("the answer is not a JSON object");
    return (ObjectNode) node;
  }

  /** A structurer's id: "llm-" + the model or deployment name made safe + the suffix. */
  static String id(String model, String suffix) {
    return "llm-" + model.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-") + suffix;
  }

  private static JsonNode prune(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = prune(e.getValue());
        if (v == null) it.remove();
        else e.setValue(v);
      }
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = a.size() - 1; i >= 0; i--) {
        JsonNode v = prune(a.get(i));
        if (v == null || (v.isObject() && v.isEmpty())) a.remove(i);
        else a.set(i, v);
      }
      return a;
    }
    if (node.isNull() || (node.isTextual() && node.asText().isBlank())) return null;
    return node;
  }
}
