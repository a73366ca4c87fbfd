package com.cvgen.functions.azure.keyvault;

import com.cvgen.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Key Vault has no local server here. The caching rules are tested with a fetch function; what the
 * SDK sends is checked with a stand-in HTTP transport (azure-core's HttpClient) that answers like
 * Key Vault: the authentication challenge first, then the secret.
 */
class KeyVaultSecretStoreTest {
  @Test
  void valuesAreCachedRefreshedAndKeptWhenTheVaultIsDown() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    AtomicInteger calls = new AtomicInteger();
    AtomicReference<String> value = new AtomicReference<>("v1");
    AtomicReference<RuntimeException> down = new AtomicReference<>();
    KeyVaultSecretStore store = new KeyVaultSecretStore(name -> {
      calls.incrementAndGet();
      if (down.get() != null) throw down.get();
      return name.equals("missing") ? Optional.empty() : Optional.of(value.get());
    }, clock, Duration.ofMinutes(5));

    assertThat(store.secret("auth")).hasValue("v1");
    value.set("v2");
    assertThat(store.secret("auth")).hasValue("v1"); // cached
    assertThat(calls.get()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(6));
    assertThat(store.secret("auth")).hasValue("v2"); // refreshed after rotation
    clock.advance(Duration.ofMinutes(6));
    down.set(new IllegalStateException("vault unreachable"));
    assertThat(store.secret("auth")).hasValue("v2"); // last value stays in use
    assertThatThrownBy(() -> store.secret("never-read")).hasMessageContaining("never-read");
    down.set(null);
    assertThat(store.secret("missing")).isEmpty();
  }

  @Test
  void theSdkAsksTheVaultForTheNamedSecretWithABearerToken() {
    List<HttpRequest> requests = new ArrayList<>();
    HttpClient vault = request -> {
      requests.add(request);
      if (request.getHeaders().getValue(HttpHeaderName.AUTHORIZATION) == null) {
        return Mono.just(response(request, 401, new HttpHeaders().set(HttpHeaderName.WWW_AUTHENTICATE,
            "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001\", "
                + "resource=\"https://vault.azure.net\""), ""));
      }
      return Mono.just(response(request, 200, new HttpHeaders().set(HttpHeaderName.CONTENT_TYPE, "application/json"),
          "{\"value\":\"s3cret\",\"id\":\"https://cvgen-test.vault.azure.net/secrets/cvgen-auth/abc\"}"));
    };
    List<String> scopes = new ArrayList<>();
    TokenCredential credential = ctx -> {
      scopes.addAll(ctx.getScopes());
      return Mono.just(new AccessToken("token-1", OffsetDateTime.now().plusHours(1)));
    };
    KeyVaultSecretStore store = KeyVaultSecretStore.over(new SecretClientBuilder()
        .vaultUrl("https://cvgen-test.vault.azure.net").credential(credential).httpClient(vault).buildClient(),
        Duration.ofMinutes(5));

    assertThat(store.secret("cvgen-auth")).hasValue("s3cret");
    HttpRequest last = requests.get(requests.size() - 1);
    assertThat(last.getUrl().toString()).startsWith("https://cvgen-test.vault.azure.net/secrets/cvgen-auth")
        .contains("api-version=");
    assertThat(last.getHeaders().getValue(HttpHeaderName.AUTHORIZATION)).isEqualTo("Bearer token-1");
    assertThat(scopes).contains("https://vault.azure.net/.default");
  }

  private static HttpResponse response(HttpRequest request, int status, HttpHeaders headers, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new HttpResponse(request) {
      @Override
      public int getStatusCode() {
        return status;
      }

      @Override
      @Deprecated
      public String getHeaderValue(String name) {
        return headers.getValue(HttpHeaderName.fromString(name));
      }

      @Override
      public HttpHeaders getHeaders() {
        return headers;
      }

      @Override
      public Flux<ByteBuffer> getBody() {
        return Flux.just(ByteBuffer.wrap(bytes));
      }

      @Override
      public Mono<byte[]> getBodyAsByteArray() {
        return Mono.just(bytes);
      }

      @Override
      public Mono<String> getBodyAsString() {
        return Mono.just(body);
      }

      @Override
      public Mono<String> getBodyAsString(Charset charset) {
        return Mono.just(new String(bytes, charset));
      }
    };
  }
}
