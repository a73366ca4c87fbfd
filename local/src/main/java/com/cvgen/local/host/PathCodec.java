package com.cvgen.local.host;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Path segments: percent-decoding (UTF-8, '+' stays '+') and splitting. */
final class PathCodec {
  private PathCodec() {}

  /** Decodes one raw path segment; {@link IllegalArgumentException} for a broken escape or bad UTF-8. */
  static String decode(String segment) {
    if (segment.indexOf('%') < 0) return segment;
    ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char ch = segment.charAt(i);
      if (ch == '%') {
        if (i + 2 >= segment.length()) throw new IllegalArgumentException("broken escape");
        int hi = Character.digit(segment.charAt(i + 1), 16);
        int lo = Character.digit(segment.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) throw new IllegalArgumentException("broken escape");
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        byte[] b = String.valueOf(ch).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8", e);
    }
  }

  /**
   * The decoded segments of a raw path below a prefix (the prefix's slash excluded); one trailing
   * slash is ignored. {@code ""} gives no segments.
   */
  static List<String> segments(String rawRest) {
    String r = rawRest;
    if (r.endsWith("/")) r = r.substring(0, r.length() - 1);
    List<String> out = new ArrayList<>();
    if (r.isEmpty()) return out;
    for (String s : r.split("/", -1)) out.add(decode(s));
    return out;
  }

  /** Percent-encodes a value for {@code filename*=UTF-8''...} (RFC 5987). */
  static String encodeRfc5987(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
