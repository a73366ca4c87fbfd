package com.cvgen.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest {
  @TempDir Path root;

  @Test
  void writesReadsListsAndDeletes() throws IOException {
    FileBlobStore store = new FileBlobStore(root);
    store.put(BlobStore.OUTPUTS, "job-1/cv_data.json", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    store.put(BlobStore.OUTPUTS, "job-1/cv.docx", "x", new byte[] {1, 2});
    store.put(BlobStore.OUTPUTS, "job-2/cv.docx", "x", new byte[] {3});
    assertThat(new String(store.read(BlobStore.OUTPUTS, "job-1/cv_data.json"), StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThat(store.list(BlobStore.OUTPUTS, "job-1/")).containsExactly("job-1/cv.docx", "job-1/cv_data.json");
    assertThat(store.contentType(BlobStore.OUTPUTS, "job-1/cv.docx")).contains("wordprocessingml");
    assertThat(store.exists(BlobStore.OUTPUTS, "job-2/cv.docx")).isTrue();
    store.delete(BlobStore.OUTPUTS, "job-2/cv.docx");
    store.delete(BlobStore.OUTPUTS, "job-2/cv.docx");
    assertThat(store.exists(BlobStore.OUTPUTS, "job-2/cv.docx")).isFalse();
    assertThatThrownBy(() -> store.open(BlobStore.OUTPUTS, "job-2/cv.docx")).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aFailedWriteLeavesNothingAndKeepsTheOldBlob() throws IOException {
    FileBlobStore store = new FileBlobStore(root);
    store.put(BlobStore.OUTPUTS, "j/a.json", "application/json", "old".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> store.write(BlobStore.OUTPUTS, "j/a.json", "application/json", out -> {
      out.write("half".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(store.read(BlobStore.OUTPUTS, "j/a.json")).isEqualTo("old".getBytes(StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(f -> f.toString().endsWith(".part"))).isEmpty();
    }
  }

  @Test
  void namesThatCouldEscapeTheFolderAreRefused() {
    FileBlobStore store = new FileBlobStore(root);
    for (String bad : new String[] {"../x", "/etc/passwd", "a/../../x", "a\\b", "", "a//b", ".hidden", "a/"}) {
      assertThatThrownBy(() -> store.put(BlobStore.UPLOADS, bad, "x", new byte[0])).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.read("../other", "a")).isInstanceOf(IllegalArgumentException.class);
  }
}
