package com.cvgen.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.CvInputException;
import com.cvgen.functions.auth.AuthException;
import com.cvgen.local.serve.ServeProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web app's texts: German, English and French have the same keys, none blank, and every error
 * code the API can answer with has a sentence in each (the page shows it instead of the API's
 * English message). The codes come from the API's sources (every {@code ApiResponses.error} call
 * and ApiResponses' own), the input checks' codes and the sign-in's.
 */
class StaticWebTextsTest {
  private static final Path ROOT = ServeProcess.root();
  /** {@code error(request, STATUS, "code", ...)} and {@code errorBody("code", ...)}. */
  private static final Pattern ERROR_CALL = Pattern.compile(
      "(?:error\\(\\s*request\\s*,[^;\"]*|errorBody\\(\\s*)\"([a-z_]+)\"", Pattern.DOTALL);

  private static JsonNode texts(String lang) throws IOException {
    return new ObjectMapper().readTree(ROOT.resolve("static-web/i18n/" + lang + ".json").toFile());
  }

  private static Set<String> keys(JsonNode texts) {
    Set<String> keys = new TreeSet<>();
    texts.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void theThreeLanguagesHaveTheSameKeysAndNoBlankText() throws IOException {
    Set<String> en = keys(texts("en"));
    assertThat(en).hasSizeGreaterThan(50);
    for (String lang : List.of("de", "fr")) {
      JsonNode t = texts(lang);
      assertThat(keys(t)).as(lang).isEqualTo(en);
      t.fields().forEachRemaining(e -> assertThat(e.getValue().asText()).as(lang + " " + e.getKey()).isNotBlank());
    }
  }

  @Test
  void everyErrorCodeOfTheApiHasASentenceInEachLanguage() throws IOException {
    Set<String> codes = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ROOT.resolve("functions/src/main/java/com/cvgen/functions/http"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = ERROR_CALL.matcher(Files.readString(f));
        while (m.find()) codes.add(m.group(1));
      }
    }
    assertThat(codes).as("codes found in the API's sources").contains("storage_unavailable", "rate_limited",
        "not_found", "model_unavailable");
    for (CvInputException.Code c : CvInputException.Code.values()) codes.add(c.id());
    codes.addAll(List.of(AuthException.MISSING_TOKEN, AuthException.INVALID_TOKEN, AuthException.TOKEN_EXPIRED));
    for (String lang : List.of("en", "de", "fr")) {
      Set<String> keys = keys(texts(lang));
      List<String> missing = new ArrayList<>();
      for (String code : codes) if (!keys.contains("errors." + code)) missing.add(code);
      assertThat(missing).as(lang + ": error codes without a sentence").isEmpty();
    }
  }
}
