package com.cvgen.functions.azure.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The factory, without a server: endpoints and the choice of signing. */
class AzureBlobsTest {
  @Test
  void developmentStorageIsAzuriteOnPort10000() {
    AzureBlobs blobs = AzureBlobs.fromConnectionString("UseDevelopmentStorage=true", Clock.systemUTC());
    assertThat(blobs.client().getAccountUrl()).isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
    assertThat(blobs.client().getAccountName()).isEqualTo("devstoreaccount1");
  }

  @Test
  void connectionStringsWithoutAnAccountKeyAreRefused() {
    assertThatThrownBy(() -> AzureBlobs.fromConnectionString(
        "BlobEndpoint=https://x.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&sig=abc", Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AccountKey");
  }

  @Test
  void anAccountUrlWithATokenCredentialUsesIt() {
    TokenCredential credential = request -> Mono.just(new AccessToken("t", OffsetDateTime.now().plusHours(1)));
    AzureBlobs blobs = AzureBlobs.fromAccountUrl("https://cvgenstore.blob.core.windows.net", credential,
        Clock.systemUTC());
    assertThat(blobs.client().getAccountName()).isEqualTo("cvgenstore");
    assertThat(blobs.store()).isNotNull();
    assertThat(blobs.links()).isNotNull();
  }
}
