package com.cvgen.functions.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * A {@code multipart/form-data} body parsed with Apache Commons FileUpload (streaming, in memory:
 * the Functions runtime hands the whole body over anyway). Parts over their limit, too many parts
 * and malformed bodies become {@link FormException}s with a message for the caller.
 */
public final class MultipartForm {
  /** One part: a field's name, the file name if it is a file, its content type and bytes. */
  public record Part(String name, String fileName, String contentType, byte[] content) {
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  /** A body that is not a usable form. {@code tooLarge} distinguishes 413 from 400. */
  public static final class FormException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean tooLarge;

    FormException(String message, boolean tooLarge) {
      super(message);
      this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
      return tooLarge;
    }
  }

  private static final int MAX_PARTS = 10;

  private final Map<String, Part> parts;

  private MultipartForm(Map<String, Part> parts) {
    this.parts = parts;
  }

  public static boolean isMultipart(String contentType) {
    return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
  }

  /**
   * @param maxPartBytes the largest a single part may be
   */
  public static MultipartForm parse(byte[] body, String contentType, long maxPartBytes) throws FormException {
    if (!isMultipart(contentType)) {
      throw new FormException("the request must be multipart/form-data", false);
    }
    Upload upload = new Upload();
    upload.setFileSizeMax(maxPartBytes);
    upload.setFileCountMax(MAX_PARTS);
    Map<String, Part> parts = new LinkedHashMap<>();
    try {
      FileItemInputIterator it = upload.getItemIterator(new Context(body, contentType));
      while (it.hasNext()) {
        FileItemInput item = it.next();
        if (parts.size() >= MAX_PARTS) throw new FormException("the form has more than " + MAX_PARTS + " parts", false);
        byte[] content;
        try (InputStream in = item.getInputStream()) {
          content = in.readAllBytes();
        }
        String name = item.getFieldName();
        if (name == null) continue;
        // the first part of a name wins; browsers send one
        parts.putIfAbsent(name, new Part(name, item.isFormField() ? null : item.getName(), item.getContentType(),
            content));
      }
    } catch (FileUploadSizeException e) {
      throw new FormException("a part of the form is larger than " + maxPartBytes / (1024 * 1024) + " MB", true);
    } catch (FileUploadException e) {
      throw new FormException("the form cannot be read: " + e.getMessage(), false);
    } catch (IOException e) {
      if (e.getCause() instanceof FileUploadSizeException) {
        throw new FormException("a part of the form is larger than " + maxPartBytes / (1024 * 1024) + " MB", true);
      }
      throw new FormException("the form is malformed: " + e.getMessage(), false);
    }
    return new MultipartForm(parts);
  }

  public Optional<Part> part(String name) {
    return Optional.ofNullable(parts.get(name));
  }

  /** A text field's value, trimmed; empty when absent or blank. */
  public Optional<String> field(String name) {
    return part(name).map(Part::text).map(String::strip).filter(s -> !s.isEmpty());
  }

  public List<String> names() {
    return List.copyOf(parts.keySet());
  }

  private static final class Upload extends AbstractFileUpload<RequestContext, DiskFileItem, DiskFileItemFactory> {
    @Override
    public FileItemInputIterator getItemIterator(RequestContext request) throws FileUploadException, IOException {
      return super.getItemIterator(request);
    }

    @Override
    public Map<String, List<DiskFileItem>> parseParameterMap(RequestContext request) throws FileUploadException {
      return super.parseParameterMap(request);
    }

    @Override
    public List<DiskFileItem> parseRequest(RequestContext request) throws FileUploadException {
      return super.parseRequest(request);
    }
  }

  private record Context(byte[] body, String contentType) implements RequestContext {
    @Override
    public String getCharacterEncoding() {
      return StandardCharsets.UTF_8.name();
    }

    @Override
    public long getContentLength() {
      return body.length;
    }

    @Override
    public String getContentType() {
      return contentType;
    }

    @Override
    public InputStream getInputStream() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public boolean isMultipartRelated() {
      return false;
    }
  }
}
