package com.cvgen.core.generate;

/**
 * Escaping for text put into an HTML document.
 *
 * <ul>
 *   <li>{@link #escape} makes any string safe as element text and as a quoted attribute value:
 *       {@code & < > " '} become character references, and characters HTML does not allow (C0/C1
 *       controls other than tab, line feed and carriage return, unpaired surrogates, U+FFFE/U+FFFF)
 *       are dropped.
 *   <li>{@link #jsonForScript} makes JSON text safe inside a {@code <script>} element: {@code < > &}
 *       and the JavaScript line terminators U+2028/U+2029 become {@code \}{@code uXXXX} escapes, so
 *       neither {@code </script>} nor {@code <!--} can appear, while the JSON value stays the same.
 * </ul>
 */
final class Html {

  private Html() {}

  /** {@code text} escaped for element content and quoted attribute values; null gives "". */
  static String escape(String text) {
    if (text == null || text.isEmpty()) return "";
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            sb.append(c).append(text.charAt(++i));
          } else if (allowed(c)) {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static boolean allowed(char c) {
    if (c == '\t' || c == '\n' || c == '\r') return true;
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return false;
    if (Character.isSurrogate(c)) return false; // an unpaired one: a pair is handled by the caller
    return c != '\uFFFE' && c != '\uFFFF';
  }

  /**
   * JSON text made safe to embed in a {@code <script type="application/json">} element. The
   * characters escaped can only occur inside JSON strings, where the {@code \}{@code uXXXX} escape
   * denotes the same character, so {@code JSON.parse} gives the same value.
   */
  static String jsonForScript(String json) {
    StringBuilder sb = new StringBuilder(json.length() + 32);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> sb.append("\\u003c");
        case '>' -> sb.append("\\u003e");
        case '&' -> sb.append("\\u0026");
        case '\u2028' -> sb.append("\\u2028");
        case '\u2029' -> sb.append("\\u2029");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
