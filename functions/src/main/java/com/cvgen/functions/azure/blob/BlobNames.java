package com.cvgen.functions.azure.blob;

import java.util.regex.Pattern;

/**
 * The names this package accepts, checked before any request: container names as Blob Storage
 * allows them (3 to 63 lower-case letters, digits and single hyphens) and blob names by the rule all
 * stores share ({@link com.cvgen.core.pipeline.BlobNames}).
 */
final class BlobNames {
  private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");

  private BlobNames() {}

  static String container(String container) {
    if (container == null || !CONTAINER.matcher(container).matches()) {
      throw new IllegalArgumentException("invalid container name: " + container);
    }
    return container;
  }

  static String blob(String name) {
    return com.cvgen.core.pipeline.BlobNames.check(name);
  }


  /** A list prefix: empty, or the start of a valid name (it may end in {@code /}). */
  static String prefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) return "";
    String body = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    blob(body);
    return prefix;
  }

  /** The last segment of a valid blob name. */
  static String fileName(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
