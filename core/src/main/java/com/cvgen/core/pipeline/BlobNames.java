package com.cvgen.core.pipeline;

import java.util.regex.Pattern;

/**
 * The blob names every {@link BlobStore} accepts, checked before any file or request: segments of
 * {@code [A-Za-z0-9][A-Za-z0-9._-]*} (at most 128 characters) joined by {@code /}, at most 1024
 * characters in all: no {@code ..}, no leading {@code /}, no empty segment, no backslash. The
 * product makes every name itself; a user's file name never becomes one.
 */
public final class BlobNames {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final int MAX_NAME = 1024;

  private BlobNames() {}

  /** {@code name} when it is a valid blob name, else {@link IllegalArgumentException}. */
  public static String check(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException("invalid blob name: " + name);
    }
    for (String s : name.split("/", -1)) {
      if (!isSegment(s)) throw new IllegalArgumentException("invalid blob name: " + name);
    }
    return name;
  }

  /** One path segment of a name (a folder or file name). */
  public static boolean isSegment(String s) {
    return s != null && SEGMENT.matcher(s).matches() && !s.equals("..");
  }
}
