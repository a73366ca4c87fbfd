package com.cvgen.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Where uploads and outputs live: Blob Storage in Azure, a folder on one machine. Names are the
 * storage layout of DESIGN.md ({@code {jobId}/input.pdf} in {@link #UPLOADS}, {@code
 * {jobId}/cv.docx} in {@link #OUTPUTS}); they are made by the product, never taken from a user's
 * file name. A write is all or nothing: a reader never sees half a blob.
 */
public interface BlobStore {
  String UPLOADS = "cv-uploads";
  String OUTPUTS = "cv-outputs";

  /** Writes the bytes the writer produces; replaces an existing blob. */
  void write(String container, String name, String contentType, BodyWriter body) throws IOException;

  default void put(String container, String name, String contentType, byte[] content) throws IOException {
    write(container, name, contentType, out -> out.write(content));
  }

  /** Opens a blob; {@link java.nio.file.NoSuchFileException} when it does not exist. */
  InputStream open(String container, String name) throws IOException;

  default byte[] read(String container, String name) throws IOException {
    try (InputStream in = open(container, name)) {
      return in.readAllBytes();
    }
  }

  boolean exists(String container, String name) throws IOException;

  /** The content type the blob was written with, or {@code application/octet-stream}. */
  String contentType(String container, String name) throws IOException;

  /** Names in a container that start with {@code prefix}, sorted. */
  List<String> list(String container, String prefix) throws IOException;

  /** Deletes a blob; no error when it does not exist. */
  void delete(String container, String name) throws IOException;

  /** Streams a body into a blob. */
  @FunctionalInterface
  interface BodyWriter {
    void writeTo(OutputStream out) throws IOException;
  }
}
