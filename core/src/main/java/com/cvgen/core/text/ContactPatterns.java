package com.cvgen.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TEMPORARY minimal version, replaced by the full parser. */
public final class ContactPatterns {
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
  private static final Pattern PHONE = Pattern.compile("(\\+\\d{1,3}[\\s.]?)?(\\(0\\)\\s?)?(\\(\\d{2,4}\\)\\s?)?\\d{2,4}([\\s.\\-–/]\\d{2,4}){1,4}");
  private static final Pattern URL = Pattern.compile("(?i)\\b((https?://)?(www\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(com|de|ch|fr|io|net|org|dev|me)(/[^\\s)]*)?)");

  private ContactPatterns() {}

  public static Optional<String> email(String text) {
    Matcher m = EMAIL.matcher(text);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  public static Optional<String> phone(String text) {
    Matcher m = PHONE.matcher(text);
    while (m.find()) {
      String d = m.group().replaceAll("\\D", "");
      if (d.length() >= 7 && d.length() <= 15 && !m.group().matches("(19|20)\\d\\d\\s*[-–]\\s*(19|20)\\d\\d")) return Optional.of(m.group().strip());
    }
    return Optional.empty();
  }

  public static List<String> urls(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = URL.matcher(text);
    while (m.find()) {
      int at = m.start() > 0 ? text.charAt(m.start() - 1) : ' ';
      if (at != '@' && !text.substring(m.end()).startsWith("@")) out.add(m.group(1));
    }
    return out;
  }

  public static Optional<Profile> profile(String url) {
    String u = normaliseUrl(url);
    for (String n : new String[] {"linkedin", "github", "gitlab", "xing", "twitter"}) {
      if (u.toLowerCase().contains(n + ".")) {
        String[] parts = u.replaceAll("/+$", "").split("/");
        return Optional.of(new Profile(n.substring(0, 1).toUpperCase() + n.substring(1), parts[parts.length - 1], u));
      }
    }
    return Optional.empty();
  }

  public static String normaliseUrl(String url) {
    return url.matches("(?i)https?://.*") ? url : "https://" + url;
  }
}
