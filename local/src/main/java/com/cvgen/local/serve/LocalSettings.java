package com.cvgen.local.serve;

import com.cvgen.functions.wiring.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The embedded host's settings, like Core Tools reads them: the {@code Values} of a {@code
 * local.settings.json} (when present), overridden by environment variables. Secrets that are not
 * set ({@link Settings#AUTH_SECRET}, {@link Settings#LINK_SECRET}) are generated once per data
 * directory and kept in {@code secrets.json} there (owner-only), so tokens minted by {@code cvgen
 * token} stay valid across restarts of {@code cvgen serve} on the same data.
 */
public final class LocalSettings {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalSettings() {}

  /**
   * @param settingsFile a local.settings.json, or null to use none
   * @param dataDir the data directory (its secrets.json holds generated secrets)
   * @param env the environment (System.getenv() in production)
   * @param overrides values that win over everything (command line options)
   */
  public static Settings load(Path settingsFile, Path dataDir, Map<String, String> env, Map<String, String> overrides)
      throws IOException {
    Map<String, String> values = new HashMap<>();
    if (settingsFile != null && Files.isRegularFile(settingsFile)) {
      JsonNode root = JSON.readTree(settingsFile.toFile());
      JsonNode v = root.get("Values");
      if (v != null && v.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
          Map.Entry<String, JsonNode> e = it.next();
          values.put(e.getKey(), e.getValue().asText());
        }
      }
    }
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getValue() != null && !e.getValue().isBlank()) values.put(e.getKey(), e.getValue());
    }
    values.putAll(overrides);
    values.put(Settings.DATA_DIR, dataDir.toString());
    Map<String, String> secrets = secrets(dataDir);
    for (String name : new String[] {Settings.AUTH_SECRET, Settings.LINK_SECRET}) {
      String v = values.get(name);
      if (v == null || v.isBlank()) values.put(name, secrets.get(name));
    }
    return new Settings(values);
  }

  /** The generated secrets of a data directory, created on first use. */
  static synchronized Map<String, String> secrets(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve("secrets.json");
    ObjectNode node = Files.isRegularFile(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
    boolean changed = false;
    SecureRandom random = new SecureRandom();
    for (String name : new String[] {Settings.AUTH_SECRET, Settings.LINK_SECRET}) {
      if (!node.hasNonNull(name)) {
        byte[] b = new byte[48];
        random.nextBytes(b);
        node.put(name, Base64.getUrlEncoder().withoutPadding().encodeToString(b));
        changed = true;
      }
    }
    if (changed) {
      Path tmp = Files.createTempFile(dataDir, ".secrets", ".json");
      try {
        restrict(tmp);
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), node);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    Map<String, String> out = new HashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static void restrict(Path p) {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: the file keeps the default permissions
    }
  }
}
