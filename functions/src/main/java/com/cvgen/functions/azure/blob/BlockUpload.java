package com.cvgen.functions.azure.blob;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The stream a {@link com.cvgen.core.pipeline.BlobStore.BodyWriter} writes into: bytes are held in
 * one block buffer; each full buffer is staged as an uncommitted block. Nothing is visible until
 * {@link #commit()}: a body that fits one block goes up in a single Put Blob, a longer one is made
 * visible by Put Block List at the end. A writer that fails leaves only uncommitted blocks, which
 * readers never see and Blob Storage discards (after a week, or at the blob's next commit).
 *
 * <p>{@link #close()} does not commit: writers often close the stream they are given (a zip
 * stream closing its target), and the store decides whether the body was complete.
 */
final class BlockUpload extends OutputStream {
  private final BlockBlobClient blob;
  private final BlobHttpHeaders headers;
  private final byte[] buffer;
  private final String idPrefix = UUID.randomUUID().toString();
  private final List<String> blocks = new ArrayList<>();
  private int filled;
  private boolean closed;

  BlockUpload(BlockBlobClient blob, BlobHttpHeaders headers, int blockSize) {
    if (blockSize < 1) throw new IllegalArgumentException("block size must be positive");
    this.blob = blob;
    this.headers = headers;
    this.buffer = new byte[blockSize];
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    if (filled == buffer.length) stage();
    buffer[filled++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    Objects.checkFromIndexSize(off, len, b.length);
    while (len > 0) {
      if (filled == buffer.length) stage();
      int n = Math.min(len, buffer.length - filled);
      System.arraycopy(b, off, buffer, filled, n);
      filled += n;
      off += n;
      len -= n;
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Makes the whole body visible at once, replacing an existing blob. */
  void commit() throws IOException {
    closed = true;
    if (blocks.isEmpty()) {
      BinaryData data = BinaryData.fromByteBuffer(ByteBuffer.wrap(buffer, 0, filled));
      blob.uploadWithResponse(new BlockBlobSimpleUploadOptions(data).setHeaders(headers), null, null);
    } else {
      if (filled > 0) stage();
      blob.commitBlockListWithResponse(new BlockBlobCommitBlockListOptions(blocks).setHeaders(headers), null, null);
    }
  }

  private void stage() {
    // ids of one blob must all have the same length: a random prefix and a fixed-width counter
    String id = Base64.getEncoder().encodeToString(
        String.format("%s-%06d", idPrefix, blocks.size()).getBytes(StandardCharsets.US_ASCII));
    blob.stageBlock(id, BinaryData.fromByteBuffer(ByteBuffer.wrap(buffer, 0, filled)));
    blocks.add(id);
    filled = 0;
  }

  private void ensureOpen() throws IOException {
    if (closed) throw new IOException("the blob stream is closed");
  }
}
