package com.cvgen.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {
  @Test
  void alwaysNoSniffNoReferrerNoFramingNoCaching() {
    assertThat(SecurityHeaders.forRequest(URI.create("http://127.0.0.1:7071/api/v1/cv/jobs"), null))
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("Referrer-Policy", "no-referrer")
        .containsEntry("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
        .containsEntry("Cache-Control", "no-store")
        .doesNotContainKey("Strict-Transport-Security");
  }

  @Test
  void hstsOnlyForHttps() {
    assertThat(SecurityHeaders.forRequest(URI.create("https://cvgen-func.azurewebsites.net/api/v1/cv/jobs"), null))
        .containsEntry("Strict-Transport-Security", "max-age=31536000");
    assertThat(SecurityHeaders.forRequest(URI.create("http://cvgen-func/api/x"), "https, http"))
        .containsKey("Strict-Transport-Security");
    assertThat(SecurityHeaders.forRequest(URI.create("http://cvgen-func/api/x"), "http"))
        .doesNotContainKey("Strict-Transport-Security");
    assertThat(SecurityHeaders.forRequest(null, null)).doesNotContainKey("Strict-Transport-Security");
  }
}
