package com.cvgen.functions.azure.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.specialized.BlockBlobClient;
import com.cvgen.core.pipeline.BlobStore;
import com.cvgen.devservers.AzuriteServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every BlobStore operation against Azurite (in memory, one server for the class). */
class AzureBlobStoreTest {
  private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static AzuriteServer azurite;
  private static BlobServiceClient client;
  private static AzureBlobStore store;

  private String job;

  @BeforeAll
  static void start() {
    azurite = AzuriteServer.start();
    client = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient();
    // small blocks, so that a few hundred kilobytes already take the staged-blocks path
    store = new AzureBlobStore(client, 256 * 1024);
  }

  @AfterAll
  static void stop() {
    if (azurite != null) azurite.close();
  }

  @BeforeEach
  void newJob() {
    job = UUID.randomUUID().toString();
  }

  @Test
  void containersAreCreatedOnFirstUse() throws IOException {
    BlobServiceClient fresh = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
        .buildClient();
    String container = "first-use-" + Long.toHexString(System.nanoTime());
    AzureBlobStore s = new AzureBlobStore(fresh);
    assertThat(fresh.getBlobContainerClient(container).exists()).isFalse();
    assertThat(s.list(container, "")).isEmpty();
    assertThat(fresh.getBlobContainerClient(container).exists()).isTrue();

    AzureBlobs blobs = AzureBlobs.fromConnectionString(azurite.connectionString(), Clock.systemUTC());
    blobs.checkHealth();
    assertThat(fresh.getBlobContainerClient(BlobStore.UPLOADS).exists()).isTrue();
    assertThat(fresh.getBlobContainerClient(BlobStore.OUTPUTS).exists()).isTrue();
  }

  @Test
  void textRoundTripWithContentType() throws IOException {
    String name = job + "/cv-data.json";
    store.put(BlobStore.OUTPUTS, name, "application/json", "{\"name\":\"M\u00fcller\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(store.read(BlobStore.OUTPUTS, name), StandardCharsets.UTF_8)).isEqualTo(
        "{\"name\":\"M\u00fcller\"}");
    assertThat(store.contentType(BlobStore.OUTPUTS, name)).isEqualTo("application/json");
    assertThat(store.exists(BlobStore.OUTPUTS, name)).isTrue();
  }

  @Test
  void largeBinaryIsStreamedInBlocks() throws IOException {
    byte[] data = new byte[5 * 1024 * 1024 + 123];
    new Random(42).nextBytes(data);
    String name = job + "/input.pdf";
    store.write(BlobStore.UPLOADS, name, "application/pdf", out -> {
      for (int off = 0; off < data.length; off += 10_000) out.write(data, off, Math.min(10_000, data.length - off));
    });
    try (InputStream in = store.open(BlobStore.UPLOADS, name)) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
    assertThat(store.contentType(BlobStore.UPLOADS, name)).isEqualTo("application/pdf");
    BlockBlobClient blob = client.getBlobContainerClient(BlobStore.UPLOADS).getBlobClient(name).getBlockBlobClient();
    assertThat(blob.getProperties().getBlobSize()).isEqualTo(data.length);
    assertThat(blob.listBlocks(BlockListType.COMMITTED).getCommittedBlocks()).hasSize(21); // 20 full + 1 partial
  }

  @Test
  void defaultBlockSizeHandlesFiveMegabytesWithSingleByteWrites() throws IOException {
    AzureBlobStore s = new AzureBlobStore(client);
    byte[] data = new byte[5 * 1024 * 1024];
    new Random(7).nextBytes(data);
    String name = job + "/cv.docx";
    s.write(BlobStore.OUTPUTS, name, DOCX, out -> {
      out.write(data[0]);
      out.write(data, 1, data.length - 1);
    });
    assertThat(s.read(BlobStore.OUTPUTS, name)).isEqualTo(data);
    assertThat(s.contentType(BlobStore.OUTPUTS, name)).isEqualTo(DOCX);
  }

  @Test
  void aWriterThatClosesTheStreamStillCommits() throws IOException {
    String name = job + "/cv.docx";
    store.write(BlobStore.OUTPUTS, name, DOCX, out -> {
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry("word/document.xml"));
        zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
      }
    });
    assertThat(store.read(BlobStore.OUTPUTS, name)).startsWith('P', 'K');
  }

  @Test
  void overwriteReplacesBodyAndType() throws IOException {
    String name = job + "/dashboard.html";
    store.put(BlobStore.OUTPUTS, name, "text/plain; charset=utf-8", "old".getBytes(StandardCharsets.UTF_8));
    store.put(BlobStore.OUTPUTS, name, "text/html; charset=utf-8", "<p>new</p>".getBytes(StandardCharsets.UTF_8));
    assertThat(store.read(BlobStore.OUTPUTS, name)).asString(StandardCharsets.UTF_8).isEqualTo("<p>new</p>");
    assertThat(store.contentType(BlobStore.OUTPUTS, name)).isEqualTo("text/html; charset=utf-8");
    assertThat(store.list(BlobStore.OUTPUTS, job + "/")).containsExactly(name);
  }

  @Test
  void aFailedWriteLeavesNothingAndKeepsTheOldBlob() throws IOException {
    String fresh = job + "/never.bin";
    byte[] big = new byte[600 * 1024]; // more than two blocks get staged before the failure
    assertThatThrownBy(() -> store.write(BlobStore.OUTPUTS, fresh, "application/octet-stream", out -> {
      out.write(big);
      throw new IOException("the writer broke");
    })).hasMessage("the writer broke");
    assertThat(store.exists(BlobStore.OUTPUTS, fresh)).isFalse();

    String existing = job + "/kept.txt";
    store.put(BlobStore.OUTPUTS, existing, "text/plain", "kept".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> store.write(BlobStore.OUTPUTS, existing, "text/plain", out -> {
      out.write(big);
      throw new IllegalStateException("runtime failure in the writer");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store.read(BlobStore.OUTPUTS, existing)).asString(StandardCharsets.UTF_8).isEqualTo("kept");
  }

  @Test
  void emptyBlobAndDefaultContentType() throws IOException {
    String name = job + "/empty";
    store.write(BlobStore.OUTPUTS, name, null, out -> {});
    assertThat(store.read(BlobStore.OUTPUTS, name)).isEmpty();
    assertThat(store.contentType(BlobStore.OUTPUTS, name)).isEqualTo("application/octet-stream");
  }

  @Test
  void missingBlobsAreNoSuchFile() throws IOException {
    String name = job + "/missing.pdf";
    assertThatThrownBy(() -> store.open(BlobStore.UPLOADS, name)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(BlobStore.UPLOADS + "/" + name);
    assertThatThrownBy(() -> store.read(BlobStore.UPLOADS, name)).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> store.contentType(BlobStore.UPLOADS, name)).isInstanceOf(NoSuchFileException.class);
    assertThat(store.exists(BlobStore.UPLOADS, name)).isFalse();
  }

  @Test
  void listIsSortedAndFilteredByPrefix() throws IOException {
    for (String n : new String[] {"job-profile.json", "input.pdf", "b/nested.txt", "a.txt"}) {
      store.put(BlobStore.UPLOADS, job + "/" + n, "text/plain", n.getBytes(StandardCharsets.UTF_8));
    }
    store.put(BlobStore.UPLOADS, job + "x/other.txt", "text/plain", new byte[] {1});
    assertThat(store.list(BlobStore.UPLOADS, job + "/")).containsExactly(
        job + "/a.txt", job + "/b/nested.txt", job + "/input.pdf", job + "/job-profile.json");
    assertThat(store.list(BlobStore.UPLOADS, job + "/job-profile")).containsExactly(job + "/job-profile.json");
    assertThat(store.list(BlobStore.UPLOADS, job + "/nothing-")).isEmpty();
    assertThat(store.list(BlobStore.UPLOADS, "")).contains(job + "/a.txt", job + "x/other.txt");
  }

  @Test
  void deleteRemovesAndIgnoresMissing() throws IOException {
    String name = job + "/input.pdf";
    store.put(BlobStore.UPLOADS, name, "application/pdf", new byte[] {1, 2, 3});
    store.delete(BlobStore.UPLOADS, name);
    assertThat(store.exists(BlobStore.UPLOADS, name)).isFalse();
    store.delete(BlobStore.UPLOADS, name);
    store.delete("never-created-" + Long.toHexString(System.nanoTime()), "x/y.txt");
  }

  @Test
  void invalidNamesAreRejectedBeforeAnyRequest() {
    for (String bad : new String[] {"../etc/passwd", "/abs/path", "a//b", "a/../b", "a\\b", "", "a/", ".hidden",
        "a b", "x/\u00e9"}) {
      assertThatThrownBy(() -> store.put(BlobStore.UPLOADS, bad, "text/plain", new byte[0]))
          .as(bad).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.open(BlobStore.UPLOADS, bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.list(BlobStore.UPLOADS, "../")).isInstanceOf(IllegalArgumentException.class);
    for (String badContainer : new String[] {"Uploads", "a", "x/y", "..", "cv--uploads", null}) {
      assertThatThrownBy(() -> store.exists(badContainer, "a.txt")).as(String.valueOf(badContainer))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void writesAfterCloseFail() {
    String name = job + "/late.txt";
    assertThatThrownBy(() -> store.write(BlobStore.OUTPUTS, name, "text/plain", out -> {
      out.close();
      out.write(1);
    })).isInstanceOf(IOException.class).hasMessageContaining("closed");
  }
}
