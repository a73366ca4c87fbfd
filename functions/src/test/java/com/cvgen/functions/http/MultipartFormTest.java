package com.cvgen.functions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartFormTest {
  private static final String TYPE = "multipart/form-data; boundary=XyZ";

  private static byte[] form(String... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String p : parts) out.writeBytes(("--XyZ\r\n" + p + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes("--XyZ--\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  @Test
  void filesAndFieldsAreRead() throws Exception {
    byte[] body = form(
        "Content-Disposition: form-data; name=\"cv\"; filename=\"../../etc/Lebenslauf M\u00fcller.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n%PDF-1.7 binary \u00ff\u0000",
        "Content-Disposition: form-data; name=\"language\"\r\n\r\n de ");
    MultipartForm f = MultipartForm.parse(body, TYPE, 1024);
    assertThat(f.part("cv")).hasValueSatisfying(p -> {
      assertThat(p.fileName()).endsWith(".pdf");
      assertThat(p.content()).startsWith("%PDF-1.7".getBytes(StandardCharsets.ISO_8859_1));
      assertThat(p.content()[p.content().length - 1]).isZero();
    });
    assertThat(f.field("language")).hasValue("de");
    assertThat(f.field("jobProfileId")).isEmpty();
  }

  @Test
  void oversizedPartsAndBrokenBodiesAreClearErrors() {
    byte[] big = form("Content-Disposition: form-data; name=\"cv\"; filename=\"a.pdf\"\r\n\r\n" + "x".repeat(5000));
    assertThatThrownBy(() -> MultipartForm.parse(big, TYPE, 1024))
        .isInstanceOfSatisfying(MultipartForm.FormException.class, e -> assertThat(e.tooLarge()).isTrue());
    // a body without the boundary holds no parts (the API then answers missing_cv)
    try {
      assertThat(MultipartForm.parse("not a form".getBytes(StandardCharsets.UTF_8), TYPE, 1024).names()).isEmpty();
    } catch (MultipartForm.FormException e) {
      assertThat(e.tooLarge()).isFalse();
    }
    assertThatThrownBy(() -> MultipartForm.parse(new byte[0], "application/json", 1024))
        .hasMessageContaining("multipart/form-data");
  }
}
