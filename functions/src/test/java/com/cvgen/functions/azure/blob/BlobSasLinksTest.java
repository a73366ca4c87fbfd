package com.cvgen.functions.azure.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.core.pipeline.BlobStore;
import com.cvgen.core.pipeline.DownloadLinks;
import com.cvgen.devservers.AzuriteServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shared-key SAS links against Azurite, fetched over HTTP. User-delegation SAS cannot run here:
 * Azurite has no Entra ID to issue a delegation key to a token credential, so that mode is
 * covered by {@link DelegationKeysTest} (the key cache) and by signing with a hand-made key below
 * (the URL shape), not by a request Blob Storage accepts.
 */
class BlobSasLinksTest {
  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static AzuriteServer azurite;
  private static AzureBlobs blobs;
  private static final HttpClient http = HttpClient.newHttpClient();

  private String name;
  private final byte[] body = "PK fake docx \u00fc".getBytes(StandardCharsets.UTF_8);

  @BeforeAll
  static void start() {
    azurite = AzuriteServer.start();
    blobs = AzureBlobs.fromConnectionString(azurite.connectionString(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (azurite != null) azurite.close();
  }

  @BeforeEach
  void blob() throws IOException {
    name = UUID.randomUUID() + "/cv.docx";
    blobs.store().put(BlobStore.OUTPUTS, name, DOCX, body);
  }

  private static HttpResponse<byte[]> get(URI url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aLinkDownloadsTheBlobAsAnAttachment() throws Exception {
    Instant before = Instant.now();
    DownloadLinks.Link link = blobs.links().link(BlobStore.OUTPUTS, name, Duration.ofHours(1));
    assertThat(link.url().toString()).startsWith(azurite.blobEndpoint() + "/" + BlobStore.OUTPUTS + "/" + name + "?")
        .contains("sp=r").contains("sig=");
    assertThat(link.expiresAt()).isBetween(before.plus(Duration.ofMinutes(59)), before.plus(Duration.ofMinutes(61)));

    HttpResponse<byte[]> r = get(link.url());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(body);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(DOCX);
    assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"cv.docx\"");
  }

  @Test
  void htmlIsServedInlineForTheWebAppsIframe() throws Exception {
    String html = UUID.randomUUID() + "/dashboard.html";
    blobs.store().put(BlobStore.OUTPUTS, html, "text/html; charset=utf-8", "<!DOCTYPE html><title>d</title>"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpResponse<byte[]> r = get(blobs.links().link(BlobStore.OUTPUTS, html, Duration.ofHours(1)).url());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(r.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"dashboard.html\"");
  }

  @Test
  void aLinkIsReadOnly() throws Exception {
    DownloadLinks.Link link = blobs.links().link(BlobStore.OUTPUTS, name, Duration.ofHours(1));
    HttpResponse<String> put = http.send(HttpRequest.newBuilder(link.url())
        .header("x-ms-blob-type", "BlockBlob")
        .PUT(HttpRequest.BodyPublishers.ofString("overwritten")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(403);
    HttpResponse<String> delete = http.send(HttpRequest.newBuilder(link.url()).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(delete.statusCode()).isEqualTo(403);
    assertThat(blobs.store().read(BlobStore.OUTPUTS, name)).isEqualTo(body);
  }

  @Test
  void aLinkCoversOneBlobOnly() throws Exception {
    String other = name.replace("cv.docx", "offer.docx");
    blobs.store().put(BlobStore.OUTPUTS, other, DOCX, body);
    URI link = blobs.links().link(BlobStore.OUTPUTS, name, Duration.ofHours(1)).url();
    URI moved = URI.create(link.toString().replace("/cv.docx?", "/offer.docx?"));
    assertThat(get(moved).statusCode()).isEqualTo(403);
  }

  @Test
  void anExpiredLinkIsRefused() throws Exception {
    Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
    BlobSasLinks past = BlobSasLinks.sharedKey(blobs.client(), twoHoursAgo);
    DownloadLinks.Link link = past.link(BlobStore.OUTPUTS, name, Duration.ofHours(1));
    assertThat(link.expiresAt()).isBefore(Instant.now());
    assertThat(get(link.url()).statusCode()).isEqualTo(403);
  }

  @Test
  void aTamperedLinkIsRefused() throws Exception {
    String url = blobs.links().link(BlobStore.OUTPUTS, name, Duration.ofHours(1)).url().toString();
    int sig = url.indexOf("sig=") + 4;
    char c = url.charAt(sig);
    String tampered = url.substring(0, sig) + (c == 'A' ? 'B' : 'A') + url.substring(sig + 1);
    assertThat(get(URI.create(tampered)).statusCode()).isEqualTo(403);

    // widening the permission breaks the signature too
    String widened = url.replace("sp=r", "sp=rw");
    assertThat(get(URI.create(widened)).statusCode()).isEqualTo(403);
  }

  @Test
  void invalidNamesAndTtlsAreRejected() {
    assertThatThrownBy(() -> blobs.links().link(BlobStore.OUTPUTS, "../x", Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> blobs.links().link(BlobStore.OUTPUTS, name, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
