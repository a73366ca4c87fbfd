package com.cvgen.local.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An HTTP trigger's route template as Azure Functions writes them (ASP.NET Core route syntax,
 * the subset the host needs): literal segments (matched ignoring case), {@code {name}}, {@code
 * {name:constraint}} ({@code guid}, {@code int}, {@code long}, {@code bool} and {@code alpha} are
 * checked; other constraints are accepted and ignored), optional trailing {@code {name?}} and a
 * final catch-all {@code {*rest}}. The template is below the {@code api/} route prefix.
 */
final class RouteTemplate {
  enum Kind {
    LITERAL, PARAM, OPTIONAL, CATCH_ALL
  }

  record Segment(Kind kind, String text, List<String> constraints) {
    /** Lower is more specific: literal, constrained parameter, parameter, optional, catch-all. */
    int rank() {
      return switch (kind) {
        case LITERAL -> 0;
        case PARAM -> constraints.isEmpty() ? 2 : 1;
        case OPTIONAL -> 3;
        case CATCH_ALL -> 4;
      };
    }
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern INT = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern ALPHA = Pattern.compile("[A-Za-z]+");
  private static final Pattern GUID = Pattern.compile(
      "\\{?[0-9A-Fa-f]{8}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{12}\\}?");

  /** Precedence: segment by segment, the more specific template first. */
  static final Comparator<RouteTemplate> PRECEDENCE = (a, b) -> {
    int n = Math.min(a.segments.size(), b.segments.size());
    for (int i = 0; i < n; i++) {
      int c = Integer.compare(a.segments.get(i).rank(), b.segments.get(i).rank());
      if (c != 0) return c;
    }
    int c = Integer.compare(b.segments.size(), a.segments.size());
    return c != 0 ? c : a.template.compareToIgnoreCase(b.template);
  };

  private final String template;
  private final List<Segment> segments;

  private RouteTemplate(String template, List<Segment> segments) {
    this.template = template;
    this.segments = List.copyOf(segments);
  }

  /** The template as normalized (no leading or trailing slash). */
  String template() {
    return template;
  }

  List<Segment> segments() {
    return segments;
  }

  /** Parses a template; {@link IllegalArgumentException} with a readable reason when it is not supported. */
  static RouteTemplate parse(String raw) {
    String t = raw.strip();
    while (t.startsWith("/")) t = t.substring(1);
    while (t.endsWith("/")) t = t.substring(0, t.length() - 1);
    if (t.isEmpty()) throw new IllegalArgumentException("empty route");
    List<Segment> segments = new ArrayList<>();
    Set<String> names = new HashSet<>();
    String[] parts = t.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty()) throw new IllegalArgumentException("empty segment in route '" + raw + "'");
      boolean braced = p.startsWith("{") && p.endsWith("}") && p.indexOf('{', 1) < 0
          && p.indexOf('}') == p.length() - 1;
      if (!braced) {
        if (p.indexOf('{') >= 0 || p.indexOf('}') >= 0) {
          throw new IllegalArgumentException("segment '" + p + "' of route '" + raw
              + "' mixes text and parameters; the embedded host supports whole-segment parameters only");
        }
        segments.add(new Segment(Kind.LITERAL, p, List.of()));
        continue;
      }
      String inner = p.substring(1, p.length() - 1);
      Kind kind = Kind.PARAM;
      if (inner.startsWith("**")) {
        kind = Kind.CATCH_ALL;
        inner = inner.substring(2);
      } else if (inner.startsWith("*")) {
        kind = Kind.CATCH_ALL;
        inner = inner.substring(1);
      }
      if (inner.endsWith("?")) {
        if (kind == Kind.PARAM) kind = Kind.OPTIONAL;
        inner = inner.substring(0, inner.length() - 1);
      }
      int eq = inner.indexOf('=');
      if (eq >= 0) {
        // a default value makes the parameter optional; the value itself is not supplied
        if (kind == Kind.PARAM) kind = Kind.OPTIONAL;
        inner = inner.substring(0, eq);
      }
      String[] nameAndConstraints = inner.split(":");
      String name = nameAndConstraints[0];
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("invalid parameter name '" + name + "' in route '" + raw + "'");
      }
      if (!names.add(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("parameter '" + name + "' appears twice in route '" + raw + "'");
      }
      List<String> constraints = new ArrayList<>();
      for (int k = 1; k < nameAndConstraints.length; k++) {
        constraints.add(nameAndConstraints[k].strip().toLowerCase(Locale.ROOT));
      }
      if (kind == Kind.CATCH_ALL && i != parts.length - 1) {
        throw new IllegalArgumentException("catch-all parameter '" + name + "' must be last in route '" + raw + "'");
      }
      segments.add(new Segment(kind, name, List.copyOf(constraints)));
    }
    boolean optionalSeen = false;
    for (Segment s : segments) {
      if (s.kind() == Kind.OPTIONAL) {
        optionalSeen = true;
      } else if (optionalSeen && s.kind() != Kind.CATCH_ALL) {
        throw new IllegalArgumentException("optional parameters must be trailing in route '" + raw + "'");
      }
    }
    return new RouteTemplate(t, segments);
  }

  /**
   * Matches decoded path segments (below {@code api/}); returns the route parameters, or null when
   * the path does not match. A missing optional parameter or an empty catch-all is absent from the map.
   */
  Map<String, String> match(List<String> path) {
    Map<String, String> values = new LinkedHashMap<>();
    int i = 0;
    for (Segment s : segments) {
      switch (s.kind()) {
        case LITERAL -> {
          if (i >= path.size() || !path.get(i).equalsIgnoreCase(s.text())) return null;
          i++;
        }
        case PARAM, OPTIONAL -> {
          if (i >= path.size()) {
            if (s.kind() == Kind.OPTIONAL) continue;
            return null;
          }
          String v = path.get(i);
          if (v.isEmpty() || !satisfies(v, s.constraints())) return null;
          values.put(s.text(), v);
          i++;
        }
        case CATCH_ALL -> {
          if (i < path.size()) values.put(s.text(), String.join("/", path.subList(i, path.size())));
          i = path.size();
        }
      }
    }
    return i == path.size() ? values : null;
  }

  private static boolean satisfies(String value, List<String> constraints) {
    for (String c : constraints) {
      boolean ok = switch (c) {
        case "int" -> INT.matcher(value).matches() && fitsInt(value);
        case "long" -> INT.matcher(value).matches() && fitsLong(value);
        case "alpha" -> ALPHA.matcher(value).matches();
        case "guid" -> GUID.matcher(value).matches();
        case "bool" -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
        default -> true;
      };
      if (!ok) return false;
    }
    return true;
  }

  private static boolean fitsInt(String v) {
    try {
      Integer.parseInt(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean fitsLong(String v) {
    try {
      Long.parseLong(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return template;
  }
}
