package com.cvgen.core.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Blobs as files under a root folder ({@code root/container/name}), for the embedded host. Each
 * write goes to a temporary file that is moved into place, so a crash never leaves half a blob.
 * Names are checked by {@link BlobNames}: no {@code ..}, no absolute paths, no backslashes.
 * The content type follows from the name's extension (all names are the product's own).
 */
public final class FileBlobStore implements BlobStore {
  private static final Map<String, String> TYPES = Map.of(
      "json", "application/json",
      "pdf", "application/pdf",
      "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "html", "text/html; charset=utf-8",
      "txt", "text/plain; charset=utf-8");

  private final Path root;

  public FileBlobStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public void write(String container, String name, String contentType, BodyWriter body) throws IOException {
    Path target = path(container, name);
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        body.writeTo(out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public InputStream open(String container, String name) throws IOException {
    Path p = path(container, name);
    if (!Files.isRegularFile(p)) throw new NoSuchFileException(container + "/" + name);
    return Files.newInputStream(p);
  }

  @Override
  public boolean exists(String container, String name) throws IOException {
    return Files.isRegularFile(path(container, name));
  }

  @Override
  public String contentType(String container, String name) throws IOException {
    path(container, name);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  @Override
  public List<String> list(String container, String prefix) throws IOException {
    Path dir = path(container, null);
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(dir)) return names;
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .filter(n -> n.startsWith(prefix))
          .sorted()
          .forEach(names::add);
    }
    return names;
  }

  @Override
  public void delete(String container, String name) throws IOException {
    Files.deleteIfExists(path(container, name));
  }

  /** The file of a blob (or the container's folder for a null name), after checking the name. */
  private Path path(String container, String name) throws IOException {
    if (!BlobNames.isSegment(container)) {
      throw new IllegalArgumentException("invalid container name");
    }
    Path p = root.resolve(container);
    if (name == null) return p;
    for (String s : BlobNames.check(name).split("/")) p = p.resolve(s);
    if (!p.normalize().startsWith(root)) throw new IllegalArgumentException("invalid blob name: " + name);
    return p;
  }
}
