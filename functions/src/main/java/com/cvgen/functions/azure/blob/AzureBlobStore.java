package com.cvgen.functions.azure.blob;

import com.azure.core.exception.AzureException;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import com.cvgen.core.pipeline.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link BlobStore} on Azure Blob Storage (or Azurite). Each container is created when this store
 * first touches it, once per process. A write streams the writer's bytes in blocks of {@link
 * #DEFAULT_BLOCK_SIZE} (one block in memory at a time) and makes the blob visible only when the
 * writer has finished ({@link BlockUpload}); the content type is stored with the blob and served
 * with it. Missing blobs and containers are {@link NoSuchFileException}s; other storage failures
 * are {@link IOException}s that keep the SDK's exception as their cause.
 */
public final class AzureBlobStore implements BlobStore {
  /** 4 MiB: a CV's PDF or DOCX is usually one block, i.e. a single Put Blob. */
  public static final int DEFAULT_BLOCK_SIZE = 4 * 1024 * 1024;
  private static final String DEFAULT_TYPE = "application/octet-stream";

  private final BlobServiceClient service;
  private final int blockSize;
  private final Set<String> ensured = ConcurrentHashMap.newKeySet();

  public AzureBlobStore(BlobServiceClient service) {
    this(service, DEFAULT_BLOCK_SIZE);
  }

  /** @param blockSize bytes per staged block, at most 4000 MiB; also the single-upload limit */
  public AzureBlobStore(BlobServiceClient service, int blockSize) {
    this.service = Objects.requireNonNull(service, "service");
    if (blockSize < 1) throw new IllegalArgumentException("block size must be positive");
    this.blockSize = blockSize;
  }

  /** Creates {@link #UPLOADS} and {@link #OUTPUTS} if they are missing. */
  public void createContainers() throws IOException {
    container(UPLOADS);
    container(OUTPUTS);
  }

  @Override
  public void write(String container, String name, String contentType, BodyWriter body) throws IOException {
    BlobNames.blob(name);
    Objects.requireNonNull(body, "body");
    BlobContainerClient c = container(container);
    BlobHttpHeaders headers = new BlobHttpHeaders()
        .setContentType(contentType == null || contentType.isBlank() ? DEFAULT_TYPE : contentType);
    try {
      BlockBlobClient blob = c.getBlobClient(name).getBlockBlobClient();
      BlockUpload upload = new BlockUpload(blob, headers, blockSize);
      body.writeTo(upload); // if it throws, nothing is committed
      upload.commit();
    } catch (RuntimeException e) {
      throw failure("write", container, name, e);
    }
  }

  @Override
  public InputStream open(String container, String name) throws IOException {
    BlobNames.blob(name);
    BlobContainerClient c = container(container);
    try {
      // locks on the blob's ETag: an overwrite while reading fails the read instead of mixing bodies
      return c.getBlobClient(name).openInputStream();
    } catch (RuntimeException e) {
      throw failure("open", container, name, e);
    }
  }

  @Override
  public boolean exists(String container, String name) throws IOException {
    BlobNames.blob(name);
    BlobContainerClient c = container(container);
    try {
      return Boolean.TRUE.equals(c.getBlobClient(name).exists());
    } catch (RuntimeException e) {
      throw failure("check", container, name, e);
    }
  }

  /** The stored content type; {@link NoSuchFileException} when the blob does not exist. */
  @Override
  public String contentType(String container, String name) throws IOException {
    BlobNames.blob(name);
    BlobContainerClient c = container(container);
    try {
      String type = c.getBlobClient(name).getProperties().getContentType();
      return type == null || type.isBlank() ? DEFAULT_TYPE : type;
    } catch (RuntimeException e) {
      throw failure("read the properties of", container, name, e);
    }
  }

  @Override
  public List<String> list(String container, String prefix) throws IOException {
    String p = BlobNames.prefix(prefix);
    BlobContainerClient c = container(container);
    List<String> names = new ArrayList<>();
    try {
      ListBlobsOptions options = new ListBlobsOptions();
      if (!p.isEmpty()) options.setPrefix(p);
      for (BlobItem item : c.listBlobs(options, null)) {
        if (!Boolean.TRUE.equals(item.isPrefix()) && !Boolean.TRUE.equals(item.isDeleted())) names.add(item.getName());
      }
    } catch (RuntimeException e) {
      if (notFound(e)) return names;
      throw failure("list", container, p + "*", e);
    }
    names.sort(null);
    return names;
  }

  @Override
  public void delete(String container, String name) throws IOException {
    BlobNames.blob(name);
    BlobContainerClient c = container(container);
    try {
      c.getBlobClient(name).deleteIfExists();
    } catch (RuntimeException e) {
      if (notFound(e)) return;
      throw failure("delete", container, name, e);
    }
  }

  /** The client of a container, created in storage the first time this store uses it. */
  private BlobContainerClient container(String container) throws IOException {
    BlobNames.container(container);
    BlobContainerClient c = service.getBlobContainerClient(container);
    if (!ensured.contains(container)) {
      try {
        c.createIfNotExists();
      } catch (RuntimeException e) {
        throw failure("create the container", container, null, e);
      }
      ensured.add(container);
    }
    return c;
  }

  static boolean notFound(Throwable e) {
    return e instanceof BlobStorageException b && b.getStatusCode() == 404;
  }

  /** An SDK failure as an IOException: NoSuchFileException for 404s, the storage error code in the message. */
  private IOException failure(String what, String container, String name, RuntimeException e) {
    String path = name == null ? container : container + "/" + name;
    if (e instanceof BlobStorageException b) {
      if (b.getStatusCode() == 404) {
        if (BlobErrorCode.CONTAINER_NOT_FOUND.equals(b.getErrorCode())) ensured.remove(container);
        NoSuchFileException missing = new NoSuchFileException(path, null, String.valueOf(b.getErrorCode()));
        missing.initCause(e);
        return missing;
      }
      return new IOException("Blob Storage could not " + what + " " + path + ": HTTP " + b.getStatusCode() + " "
          + b.getErrorCode(), e);
    }
    if (e instanceof UncheckedIOException u) {
      return new IOException("Blob Storage could not " + what + " " + path + ": " + u.getCause().getMessage(), e);
    }
    if (e instanceof AzureException || e.getCause() instanceof IOException
        || e.getCause() instanceof java.util.concurrent.TimeoutException || e.getClass().getName().startsWith("reactor.")) {
      return new IOException("Blob Storage could not " + what + " " + path + ": " + e.getMessage(), e);
    }
    throw e; // a programming error, not a storage failure
  }
}
