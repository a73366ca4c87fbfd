package com.cvgen.functions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.functions.wiring.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsOriginsTest {
  @Test
  void exactOriginsNormalisedAsBrowsersSendThem() {
    assertThat(CorsOrigins.parse(" https://CV.Example.com , http://localhost:5173,https://cv.example.com:443,"))
        .containsExactly("https://cv.example.com", "http://localhost:5173");
    assertThat(CorsOrigins.parse("http://127.0.0.1:80")).containsExactly("http://127.0.0.1");
  }

  @Test
  void emptyMeansNoCrossOriginAccess() {
    assertThat(CorsOrigins.parse("")).isEmpty();
    assertThat(CorsOrigins.parse(" , ")).isEmpty();
    assertThat(CorsOrigins.fromSettings(new Settings(Map.of()))).isEmpty();
    assertThat(CorsOrigins.fromSettings(new Settings(Map.of(Settings.CORS_ORIGINS, "https://a.example"))))
        .containsExactly("https://a.example");
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "https://*.example.com", "https://cv.example.com/", "https://cv.example.com/app",
      "cv.example.com", "ftp://cv.example.com", "https://user@cv.example.com", "https://cv.example.com?x=1",
      "null", "https://cv example.com"})
  void anythingButAnExactOriginIsAConfigurationError(String origin) {
    assertThatThrownBy(() -> CorsOrigins.parse("https://ok.example, " + origin))
        .isInstanceOf(Settings.ConfigurationException.class)
        .hasMessageContaining(Settings.CORS_ORIGINS);
  }
}
