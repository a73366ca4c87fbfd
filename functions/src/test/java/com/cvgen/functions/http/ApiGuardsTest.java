package com.cvgen.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.cvgen.core.json.Json;
import com.cvgen.functions.auth.AuthException;
import com.cvgen.functions.auth.Principal;
import com.cvgen.functions.wiring.Composition;
import com.cvgen.functions.wiring.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpResponseMessage;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The guards that run before a function touches storage, as the Functions host in Azure calls the
 * functions: the client's address from the front end's {@code X-Forwarded-For}, the body already
 * read, the URL https. No storage is needed (nor given: the composition has no adapters), because
 * every request here is answered before one would be used.
 */
class ApiGuardsTest {
  private static final String AZURE = "https://cvgen-func.azurewebsites.net/api/";

  private static Composition app(Map<String, String> values) {
    // tokens are never valid here: the guards answer before or instead of the handler
    return new Composition(new Settings(values), Clock.systemUTC(), null, token -> {
      throw new AuthException(AuthException.INVALID_TOKEN, "not a token of this test");
    });
  }

  private static FakeRequest upload(String forwardedFor) {
    return new FakeRequest(HttpMethod.POST, AZURE + "v1/cv/upload", new byte[] {1, 2, 3})
        .header("Content-Type", "multipart/form-data; boundary=x")
        .header("X-Forwarded-For", forwardedFor);
  }

  private static JsonNode error(HttpResponseMessage r) throws Exception {
    return Json.mapper().readTree((String) r.getBody()).get("error");
  }

  @Test
  void uploadsAreLimitedPerForwardedAddressBeforeTheToken() throws Exception {
    CvApi api = new CvApi(app(Map.of()));
    for (int i = 0; i < 10; i++) {
      // counted even though the token is refused
      assertThat(api.upload(upload("203.0.113.7:50123"), null).getStatusCode()).isEqualTo(401);
    }
    HttpResponseMessage limited = api.upload(upload("203.0.113.7:50999, 10.0.0.4"), null);
    assertThat(limited.getStatusCode()).isEqualTo(429);
    assertThat(error(limited).get("code").asText()).isEqualTo("rate_limited");
    assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isBetween(1L, 60L);
    assertThat(limited.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    assertThat(limited.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    // another address is counted apart
    assertThat(api.upload(upload("198.51.100.1"), null).getStatusCode()).isEqualTo(401);
  }

  @Test
  void theLimitIsASetting() {
    CvApi api = new CvApi(app(Map.of(Settings.RATE_LIMIT_UPLOADS_PER_MINUTE, "2")));
    assertThat(api.upload(upload("203.0.113.7"), null).getStatusCode()).isEqualTo(401);
    assertThat(api.upload(upload("203.0.113.7"), null).getStatusCode()).isEqualTo(401);
    assertThat(api.upload(upload("203.0.113.7"), null).getStatusCode()).isEqualTo(429);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsParsed() throws Exception {
    CvApi api = new CvApi(app(Map.of(Settings.MAX_UPLOAD_MB, "1")));
    HttpResponseMessage r = api.upload(upload("203.0.113.8").header("Content-Length", "50000000"), null);
    assertThat(r.getStatusCode()).isEqualTo(413);
    assertThat(error(r).get("code").asText()).isEqualTo("file_too_large");
    assertThat(error(r).get("message").asText()).contains("3 MB");
    assertThat(r.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
  }

  @Test
  void eachUserHasARequestLimit() throws Exception {
    Composition app = new Composition(new Settings(Map.of(Settings.RATE_LIMIT_REQUESTS_PER_MINUTE, "3")),
        Clock.systemUTC(), null, token -> new Principal(token, null));
    FakeRequest ann = new FakeRequest(HttpMethod.GET, AZURE + "v1/cv/jobs", null).header("Authorization", "Bearer ann");
    for (int i = 0; i < 3; i++) {
      assertThat(Authenticated.run(app, ann, user -> ApiResponses.json(ann, com.microsoft.azure.functions.HttpStatus.OK,
          Map.of("user", user.subject()))).getStatusCode()).isEqualTo(200);
    }
    HttpResponseMessage limited = Authenticated.run(app, ann, user -> {
      throw new AssertionError("the handler ran over the limit");
    });
    assertThat(limited.getStatusCode()).isEqualTo(429);
    assertThat(error(limited).get("message").asText()).contains("at most 3 a minute per user");
    FakeRequest ben = new FakeRequest(HttpMethod.GET, AZURE + "v1/cv/jobs", null).header("Authorization", "Bearer ben");
    assertThat(Authenticated.run(app, ben, user -> ApiResponses.json(ben, com.microsoft.azure.functions.HttpStatus.OK,
        Map.of())).getStatusCode()).isEqualTo(200);
  }
}
