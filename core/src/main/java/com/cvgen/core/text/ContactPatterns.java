package com.cvgen.core.text;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds contact details in CV text: e-mail addresses, phone numbers, web addresses, and the social
 * or professional network profile an address points to.
 *
 * <p>Phone numbers are accepted in international form ({@code +41 44 123 45 67}, {@code +49 (0)30
 * 1234567}, {@code 0049 30 1234567}), national form starting with a trunk zero ({@code 06 12 34 56
 * 78}, {@code 0171 1234567}, {@code 030/1234567}, {@code (030) 1234567}) and North American form
 * ({@code (503) 555-0148}, {@code 503-555-0148}, {@code 1-800-555-0199}); they have 7 to 15 digits
 * in groups joined by single spaces, hyphens, en dashes, dots, slashes or parentheses. Dates and
 * date ranges ({@code 2018 - 2021}, {@code 03/2021 - 06/2022}), years, postal codes, amounts and
 * digit runs inside web or e-mail addresses are never phone numbers.
 *
 * <p>All methods are thread-safe and accept any text, including null.
 */
public final class ContactPatterns {

  /**
   * A profile on a known network.
   *
   * @param network the network's usual name ("LinkedIn", "GitHub", "XING", "Twitter"...)
   * @param username the account name read from the address
   * @param url the address, normalised to {@code https://host/path} without query or trailing
   *     slash (a Google Scholar address keeps its {@code ?user=} query)
   */
  public record Profile(String network, String username, String url) {}

  private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\p{L}\\d._%+'-])(?:mailto:)?"
              + "([\\p{L}\\d_%+'-]{1,64}(?:\\.[\\p{L}\\d_%+'-]{1,64}){0,8})"
              + "(?:@|\\h*[\\[({]at[\\])}]\\h*)"
              + "((?:[\\p{L}\\d](?:[\\p{L}\\d-]{0,61}[\\p{L}\\d])?\\.){1,8}\\p{L}{2,24})"
              + "(?![\\p{L}\\d-])",
          CI);

  private static final String SP = "[ \u00a0\u202f]";
  private static final String JOIN = "[-\u2013./]";
  /** Between two digit groups: ") ", " - ", "/", " (", ")"... never empty. */
  private static final String GROUP_SEP =
      "(?:\\)"
          + SP
          + "?"
          + JOIN
          + "?"
          + SP
          + "?\\(?|"
          + SP
          + JOIN
          + "?"
          + SP
          + "?\\(?|"
          + JOIN
          + SP
          + "?\\(?|\\()";
  private static final Pattern PHONE_RUN =
      Pattern.compile(
          "(?<![\\d@+])(?<!\\d[.,/\u2013-])(?:\\+"
              + SP
              + "?|\\(\\+?|(?<![\\p{L}_]))\\d++(?:"
              + GROUP_SEP
              + "\\d++){0,20}+");
  private static final Pattern DIGITS = Pattern.compile("\\d++");
  private static final Pattern NANP =
      Pattern.compile(
          "(?:\\+?1[ .\u2013-]?)?(?:\\(\\d{3}\\) ?|\\d{3}[ .\u2013-])\\d{3}[ .\u2013-]\\d{4}");

  private static final String TLD =
      "(?:com|org|net|edu|gov|io|dev|app|ai|co|me|info|biz|tech|xyz|site|online|page|blog|cloud"
          + "|design|studio|pro|email|de|ch|at|li|fr|be|nl|lu|it|es|pt|eu|uk|ie|us|ca|au|nz|in"
          + "|jp|cn|ru|pl|cz|sk|se|no|dk|fi|gr|hu|ro|tr|il|br|mx|ar|za|sg|hk|gg|ly|tv|cc|sh|to"
          + "|berlin|wien|swiss|paris)";
  private static final String URL_CHARS = "[^\\s<>\"'`|\\[\\]{}\u201c\u201d\u2018\u2019]";
  private static final Pattern URL =
      Pattern.compile(
          "(?<![\\p{L}\\d@.])(?:https?://"
              + URL_CHARS
              + "+|www\\."
              + URL_CHARS
              + "+|(?<host>(?:[a-z\\d](?:[a-z\\d-]{0,61}[a-z\\d])?\\.){1,8}"
              + TLD
              + ")(?![\\p{L}\\d-])(?::\\d{1,5})?(?<path>/"
              + URL_CHARS
              + "*)?)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z\\d+.-]*://", CI);
  private static final Pattern AUTHORITY =
      Pattern.compile("^([a-z][a-z\\d+.-]*://)([^/?#]*)(.*)$", CI | Pattern.DOTALL);

  /** Known networks: host (without www.) to network name. */
  private static final Map<String, String> NETWORKS =
      Map.ofEntries(
          Map.entry("linkedin.com", "LinkedIn"),
          Map.entry("github.com", "GitHub"),
          Map.entry("gitlab.com", "GitLab"),
          Map.entry("bitbucket.org", "Bitbucket"),
          Map.entry("xing.com", "XING"),
          Map.entry("twitter.com", "Twitter"),
          Map.entry("x.com", "X"),
          Map.entry("stackoverflow.com", "StackOverflow"),
          Map.entry("behance.net", "Behance"),
          Map.entry("dribbble.com", "Dribbble"),
          Map.entry("medium.com", "Medium"),
          Map.entry("instagram.com", "Instagram"),
          Map.entry("facebook.com", "Facebook"),
          Map.entry("youtube.com", "YouTube"),
          Map.entry("kaggle.com", "Kaggle"),
          Map.entry("researchgate.net", "ResearchGate"),
          Map.entry("orcid.org", "ORCID"),
          Map.entry("scholar.google.com", "Google Scholar"),
          Map.entry("codepen.io", "CodePen"),
          Map.entry("dev.to", "DEV"),
          Map.entry("hackerrank.com", "HackerRank"),
          Map.entry("leetcode.com", "LeetCode"),
          Map.entry("huggingface.co", "Hugging Face"),
          Map.entry("npmjs.com", "npm"),
          Map.entry("about.me", "about.me"),
          Map.entry("mastodon.social", "Mastodon"));

  /** Path segments that name a kind of page rather than an account. */
  private static final Set<String> SECTION_SEGMENTS =
      Set.of("in", "pub", "profile", "profiles", "u", "user", "users", "people", "c", "orgs",
          "company", "companies", "channel", "citations");

  private ContactPatterns() {}

  /**
   * The first e-mail address in {@code text}, without any {@code mailto:}; the local part is kept
   * as written, the domain is lower-cased. {@code name(at)example.com} and {@code name [at]
   * example.com} are read too.
   */
  public static Optional<String> email(String text) {
    if (text == null) return Optional.empty();
    Matcher m = EMAIL.matcher(text);
    if (!m.find()) return Optional.empty();
    return Optional.of(m.group(1) + "@" + m.group(2).toLowerCase(Locale.ROOT));
  }

  /** The first phone number in {@code text}, as written (trimmed). */
  public static Optional<String> phone(String text) {
    if (text == null) return Optional.empty();
    List<int[]> masked = new ArrayList<>(emailSpans(text));
    Matcher u = URL.matcher(text);
    while (u.find()) masked.add(new int[] {u.start(), u.end()});
    Matcher m = PHONE_RUN.matcher(text);
    while (m.find()) {
      if (overlaps(masked, m.start(), m.end()) || amountFollows(text, m.end())) continue;
      Optional<String> found = bestPhone(m.group());
      if (found.isPresent()) return found;
    }
    return Optional.empty();
  }

  /**
   * The web addresses in {@code text}, in order, without duplicates, as written but without
   * trailing punctuation: {@code http(s)://} addresses, {@code www.} addresses and bare addresses
   * such as {@code linkedin.com/in/x}, {@code github.com/x} or {@code max-muster.de} (a bare host
   * without a path must be lower case, so "ASP.NET" is not an address). Addresses inside e-mail
   * addresses are not reported.
   */
  public static List<String> urls(String text) {
    if (text == null) return List.of();
    Set<String> found = new LinkedHashSet<>();
    List<int[]> emails = emailSpans(text);
    Matcher m = URL.matcher(text);
    while (m.find()) {
      if (m.end() < text.length() && text.charAt(m.end()) == '@') continue;
      if (overlaps(emails, m.start(), m.end())) continue;
      String host = m.group("host");
      if (host != null
          && m.group("path") == null
          && !host.equals(host.toLowerCase(Locale.ROOT))) {
        continue;
      }
      String url = trimTrailing(m.group());
      if (url.contains(".")) found.add(url);
    }
    return List.copyOf(found);
  }

  /**
   * The network profile {@code url} points to, when its host is a known network (LinkedIn, GitHub,
   * GitLab, Bitbucket, XING, Twitter, X, StackOverflow, Behance, Dribbble, Medium, Instagram,
   * Facebook, YouTube, Kaggle, ResearchGate, ORCID, Google Scholar, CodePen, DEV, HackerRank,
   * LeetCode, Hugging Face, npm, about.me, Mastodon) and an account name can be read from it.
   */
  public static Optional<Profile> profile(String url) {
    if (url == null || url.isBlank()) return Optional.empty();
    URI uri;
    try {
      uri = new URI(normaliseUrl(trimTrailing(url.strip())));
    } catch (URISyntaxException ex) {
      return Optional.empty();
    }
    String host = uri.getHost();
    if (host == null) return Optional.empty();
    host = host.toLowerCase(Locale.ROOT);
    String base = host.startsWith("www.") ? host.substring(4) : host;
    String network = NETWORKS.get(base);
    String mediumSub = null;
    if (network == null) {
      // country and mobile sub-domains (de.linkedin.com, m.facebook.com), name.medium.com
      int dot = base.indexOf('.');
      if (dot > 0 && NETWORKS.containsKey(base.substring(dot + 1))) {
        String sub = base.substring(0, dot);
        base = base.substring(dot + 1);
        network = NETWORKS.get(base);
        if (base.equals("medium.com") && !sub.equals("m")) mediumSub = sub;
      }
    }
    if (network == null) return Optional.empty();
    String path = stripSlashes(uri.getRawPath());
    String decoded = stripSlashes(uri.getPath());
    List<String> segments =
        decoded.isEmpty() ? List.of() : List.of(decoded.substring(1).split("/+"));
    String username = username(base, segments, uri.getRawQuery());
    if (mediumSub != null) username = mediumSub;
    if (username == null || username.isBlank()) return Optional.empty();
    String query =
        base.equals("scholar.google.com") && uri.getRawQuery() != null
            ? "?" + uri.getRawQuery()
            : "";
    String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
    return Optional.of(new Profile(network, username, "https://" + host + port + path + query));
  }

  /**
   * {@code url} as an absolute address: adds {@code https://} when it has no scheme, lower-cases
   * scheme and host, converts an international host name to ASCII and percent-encodes characters
   * a URI may not hold (spaces, quotes, braces, a stray {@code %}), so that {@link URI#create}
   * accepts the result. Null gives null.
   */
  public static String normaliseUrl(String url) {
    if (url == null) return null;
    String u = url.strip();
    if (u.regionMatches(true, 0, "mailto:", 0, 7)) return encode(u);
    if (u.startsWith("//")) u = "https:" + u;
    else if (!SCHEME.matcher(u).find()) u = "https://" + u;
    Matcher a = AUTHORITY.matcher(u);
    if (a.matches()) {
      String authority = a.group(2);
      int at = authority.lastIndexOf('@');
      String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
      String hostPort = authority.substring(at + 1);
      String host = hostPort;
      String port = "";
      int colon = hostPort.lastIndexOf(':');
      if (colon >= 0 && hostPort.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
        host = hostPort.substring(0, colon);
        port = hostPort.substring(colon);
      }
      host = host.toLowerCase(Locale.ROOT);
      if (!host.chars().allMatch(c -> c < 0x80)) {
        try {
          host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (RuntimeException ex) {
          // not a valid international name: keep it; encode() below still gives a valid URI
        }
      }
      u = a.group(1).toLowerCase(Locale.ROOT) + userInfo + host + port + a.group(3);
    }
    return encode(u);
  }

  private static String stripSlashes(String path) {
    String p = path == null ? "" : path;
    while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    return p;
  }

  private static String username(String base, List<String> segments, String query) {
    if (base.equals("scholar.google.com")) {
      if (query == null) return null;
      for (String param : query.split("&")) {
        if (param.startsWith("user=")) return param.substring(5);
      }
      return null;
    }
    if (base.equals("stackoverflow.com")) {
      // /users/{id}/{name}
      if (segments.size() >= 2 && segments.getFirst().equals("users")) {
        return segments.size() >= 3 ? segments.get(2) : segments.get(1);
      }
      return null;
    }
    for (String segment : segments) {
      String s = segment;
      if (s.startsWith("@")) s = s.substring(1);
      if (s.startsWith("~")) s = s.substring(1);
      if (s.isEmpty() || SECTION_SEGMENTS.contains(s.toLowerCase(Locale.ROOT))) continue;
      return s;
    }
    return null;
  }

  /**
   * The longest valid phone number in a digit run, preferring the leftmost; it must not share a
   * digit with a date found in the run, and it starts at the start of the run, at a "(", or right
   * after a date ("2019 - 2021 030 1234567").
   */
  private static Optional<String> bestPhone(String run) {
    List<int[]> groups = new ArrayList<>();
    Matcher d = DIGITS.matcher(run);
    while (d.find()) groups.add(new int[] {d.start(), d.end()});
    List<int[]> dates =
        DateRanges.findAll(run).stream().map(dm -> new int[] {dm.from(), dm.to()}).toList();
    for (int i = 0; i < groups.size(); i++) {
      int from = groups.get(i)[0];
      if (i > 0) {
        // a number inside a run starts at "(" or with a trunk 0 right after a date
        int[] previous = groups.get(i - 1);
        if (run.charAt(from - 1) == '(') from--;
        else if (run.charAt(from) != '0' || !overlaps(dates, previous[0], previous[1])) continue;
      } else {
        from = 0;
      }
      for (int j = groups.size() - 1; j >= i; j--) {
        int to = groups.get(j)[1];
        if (overlaps(dates, from, to)) continue;
        String candidate = run.substring(from, to).strip();
        if (isPhone(candidate)) return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean isPhone(String c) {
    int digits = 0;
    for (int i = 0; i < c.length(); i++) {
      if (Character.isDigit(c.charAt(i))) digits++;
    }
    if (digits < 7 || digits > 15) return false;
    if (!balanced(c)) return false;
    if (c.startsWith("+")) return true;
    if (NANP.matcher(c).matches()) return true;
    String national = c.startsWith("(") ? c.substring(1) : c;
    return national.startsWith("0") && !national.startsWith("000");
  }

  private static boolean balanced(String c) {
    int depth = 0;
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (ch == '(' && ++depth > 1) return false;
      if (ch == ')' && --depth < 0) return false;
    }
    return depth == 0;
  }

  /** A digit run followed by a letter, "%" or a decimal part is an amount or an identifier. */
  private static boolean amountFollows(String text, int end) {
    if (end >= text.length()) return false;
    char next = text.charAt(end);
    if (Character.isLetter(next) || next == '%' || next == '@') return true;
    return (next == ',' || next == '.')
        && end + 1 < text.length()
        && Character.isDigit(text.charAt(end + 1));
  }

  private static List<int[]> emailSpans(String text) {
    List<int[]> spans = new ArrayList<>();
    Matcher e = EMAIL.matcher(text);
    while (e.find()) spans.add(new int[] {e.start(), e.end()});
    return spans;
  }

  private static boolean overlaps(List<int[]> spans, int from, int to) {
    for (int[] s : spans) {
      if (from < s[1] && s[0] < to) return true;
    }
    return false;
  }

  /** Drops trailing punctuation, and a ")" unless it closes a "(" inside the address. */
  private static String trimTrailing(String url) {
    int end = url.length();
    while (end > 0) {
      char c = url.charAt(end - 1);
      if (".,;:!?'\"\u00bb]".indexOf(c) >= 0) {
        end--;
      } else if (c == ')' && count(url, '(', end) < count(url, ')', end)) {
        end--;
      } else {
        break;
      }
    }
    return url.substring(0, end);
  }

  private static int count(String s, char c, int end) {
    int n = 0;
    for (int i = 0; i < end; i++) {
      if (s.charAt(i) == c) n++;
    }
    return n;
  }

  /** Percent-encodes what {@link URI} rejects: controls, spaces, quotes, braces, stray '%'. */
  private static String encode(String u) {
    StringBuilder out = new StringBuilder(u.length() + 8);
    for (int i = 0; i < u.length(); i++) {
      char ch = u.charAt(i);
      boolean escapeOk =
          ch == '%'
              && i + 2 < u.length()
              && isHex(u.charAt(i + 1))
              && isHex(u.charAt(i + 2));
      if (ch == '%' && !escapeOk
          || ch <= ' '
          || ch == 0x7f
          || Character.isSpaceChar(ch)
          || Character.isISOControl(ch)
          || "\"<>\\^`{|}".indexOf(ch) >= 0) {
        for (byte b : String.valueOf(ch).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
        }
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
