package com.cvgen.local.host;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request an HTTP-triggered function receives: header names lower-cased (as the Functions
 * worker gives them), query parameters decoded, the body already converted to the type the
 * function declared.
 */
final class HostHttpRequest<T> implements HttpRequestMessage<T> {
  private final URI uri;
  private final HttpMethod method;
  private final Map<String, String> headers;
  private final Map<String, String> query;
  private final T body;

  HostHttpRequest(URI uri, HttpMethod method, Map<String, String> headers, Map<String, String> query, T body) {
    this.uri = uri;
    this.method = method;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    this.body = body;
  }

  @Override
  public URI getUri() {
    return uri;
  }

  @Override
  public HttpMethod getHttpMethod() {
    return method;
  }

  @Override
  public Map<String, String> getHeaders() {
    return headers;
  }

  @Override
  public Map<String, String> getQueryParameters() {
    return query;
  }

  @Override
  public T getBody() {
    return body;
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
    return new HostHttpResponse.Builder(status);
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
    return new HostHttpResponse.Builder(status);
  }

  @Override
  public String toString() {
    return method + " " + uri;
  }
}
