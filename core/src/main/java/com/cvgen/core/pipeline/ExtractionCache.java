package com.cvgen.core.pipeline;

import com.cvgen.core.model.Resume;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Structured CVs by content: the same PDF structured by the same structurer (name and version) for
 * the same language is not structured twice. Cosmos DB container {@code extractionCache} in Azure
 * (30-day TTL), the embedded database on one machine.
 */
public interface ExtractionCache {
  Optional<Resume> get(String key);

  void put(String key, Resume resume);

  /** SHA-256 of the PDF bytes, then the structurer's id and the language ({@code auto} for none). */
  static String key(byte[] pdf, String structurerId, String language) {
    try {
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
      return hash + ":" + structurerId + ":" + (language == null ? "auto" : language);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
