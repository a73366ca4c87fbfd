package com.cvgen.local.host;

import com.cvgen.core.pipeline.BlobStore;
import com.cvgen.core.pipeline.SignedLinks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /files/{container}/{name...}?exp=&sig=}: the embedded host's stand-in for Blob Storage
 * SAS downloads. The link is checked with {@link SignedLinks#verify}; a valid one streams the blob
 * as an attachment, except HTML (the dashboard), which is served inline for the web app's iframe,
 * sandboxed by its {@code Content-Security-Policy} ({@link #HTML_POLICY}). No {@code
 * X-Frame-Options} and none of the web app's global headers: those would block the dashboard's
 * inline scripts and its framing.
 */
final class SignedFileHandler extends Handler.Abstract {
  static final String PREFIX = "/" + SignedLinks.PATH_PREFIX;

  private static final Logger LOG = LoggerFactory.getLogger(SignedFileHandler.class);

  private final BlobStore blobs;
  private final SignedLinks links;

  SignedFileHandler(BlobStore blobs, SignedLinks links) {
    this.blobs = blobs;
    this.links = links;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String rawPath = request.getHttpURI().getPath();
    if (rawPath == null || !rawPath.startsWith(PREFIX)) return false;
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      JsonErrors.write(request, response, callback, 405, "method_not_allowed", "Method " + method + " is not allowed here");
      return true;
    }
    List<String> segments;
    try {
      segments = PathCodec.segments(rawPath.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      JsonErrors.write(request, response, callback, 400, "bad_request", "The request path is not valid");
      return true;
    }
    if (segments.size() < 2 || segments.stream().anyMatch(String::isEmpty)) {
      JsonErrors.write(request, response, callback, 404, "not_found", "No such file");
      return true;
    }
    String container = segments.get(0);
    String name = String.join("/", segments.subList(1, segments.size()));
    Fields query;
    try {
      query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      JsonErrors.write(request, response, callback, 403, "invalid_link", "The download link is not valid");
      return true;
    }
    switch (links.verify(container, name, query.getValue("exp"), query.getValue("sig"))) {
      case INVALID -> {
        JsonErrors.write(request, response, callback, 403, "invalid_link", "The download link is not valid");
        return true;
      }
      case EXPIRED -> {
        JsonErrors.write(request, response, callback, 403, "link_expired", "The download link has expired");
        return true;
      }
      case VALID -> serve(request, container, name, segments.get(segments.size() - 1), response, callback);
    }
    return true;
  }

  private void serve(Request request, String container, String name, String fileName, Response response,
      Callback callback) {
    boolean head = request.getMethod().equals("HEAD");
    InputStream in;
    String contentType;
    try {
      contentType = blobs.contentType(container, name);
      in = blobs.open(container, name);
    } catch (NoSuchFileException | IllegalArgumentException e) {
      JsonErrors.write(request, response, callback, 404, "not_found", "The file does not exist (any more)");
      return;
    } catch (IOException e) {
      LOG.error("Cannot read blob {}/{}", container, name, e);
      JsonErrors.write(request, response, callback, 500, "internal_error", "The file could not be read");
      return;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    if (isHtml(contentType)) {
      // the dashboard: shown in the web app's sandboxed iframe, so inline; the CSP sandbox gives it
      // an opaque origin even when opened on its own, so it can never act as the app's origin
      response.getHeaders().put("Content-Disposition", "inline" + contentDisposition(fileName).substring(
          "attachment".length()));
      response.getHeaders().put("Content-Security-Policy", HTML_POLICY);
    } else {
      response.getHeaders().put("Content-Disposition", contentDisposition(fileName));
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "private, max-age=0");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    try (in; OutputStream out = Content.Sink.asOutputStream(response)) {
      if (!head) in.transferTo(out);
    } catch (IOException e) {
      LOG.debug("Download of {}/{} interrupted", container, name, e);
      callback.failed(e);
      return;
    }
    callback.succeeded();
  }

  /**
   * The header policy of HTML files: sandboxed (scripts allowed, no same origin, no forms, popups or
   * top navigation), framable by the web app on this host only. The dashboard's own meta policy
   * still limits its scripts to its inline ones (by hash).
   */
  static final String HTML_POLICY = "sandbox allow-scripts; frame-ancestors 'self'";

  static boolean isHtml(String contentType) {
    return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/html");
  }

  /** {@code attachment; filename="..."}, with an RFC 5987 form when the name is not plain ASCII. */
  static String contentDisposition(String fileName) {
    StringBuilder ascii = new StringBuilder();
    boolean plain = true;
    for (int i = 0; i < fileName.length(); i++) {
      char c = fileName.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        ascii.append(c);
      } else {
        ascii.append('_');
        plain = false;
      }
    }
    String header = "attachment; filename=\"" + ascii + "\"";
    return plain ? header : header + "; filename*=UTF-8''" + PathCodec.encodeRfc5987(fileName);
  }
}
