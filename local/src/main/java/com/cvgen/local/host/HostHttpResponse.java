package com.cvgen.local.host;

import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The response a function builds with {@code request.createResponseBuilder(...)}. */
final class HostHttpResponse implements HttpResponseMessage {
  private final HttpStatusType status;
  /** Lower-cased name to (name as given, value); a header set twice keeps the last value. */
  private final Map<String, Map.Entry<String, String>> headers;
  private final Object body;

  private HostHttpResponse(HttpStatusType status, Map<String, Map.Entry<String, String>> headers, Object body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  @Override
  public HttpStatusType getStatus() {
    return status;
  }

  @Override
  public String getHeader(String key) {
    Map.Entry<String, String> e = headers.get(key.toLowerCase(Locale.ROOT));
    return e == null ? null : e.getValue();
  }

  /** Header names (as the function wrote them) to values. */
  Map<String, String> headers() {
    Map<String, String> out = new LinkedHashMap<>();
    headers.values().forEach(e -> out.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableMap(out);
  }

  @Override
  public Object getBody() {
    return body;
  }

  static final class Builder implements HttpResponseMessage.Builder {
    private HttpStatusType status;
    private final Map<String, Map.Entry<String, String>> headers = new LinkedHashMap<>();
    private Object body;

    Builder(HttpStatusType status) {
      this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public Builder status(HttpStatusType status) {
      this.status = Objects.requireNonNull(status, "status");
      return this;
    }

    @Override
    public Builder header(String key, String value) {
      Objects.requireNonNull(key, "header name");
      if (value == null) {
        headers.remove(key.toLowerCase(Locale.ROOT));
      } else {
        headers.put(key.toLowerCase(Locale.ROOT), Map.entry(key, value));
      }
      return this;
    }

    @Override
    public Builder body(Object body) {
      this.body = body;
      return this;
    }

    @Override
    public HttpResponseMessage build() {
      return new HostHttpResponse(status, new LinkedHashMap<>(headers), body);
    }
  }
}
