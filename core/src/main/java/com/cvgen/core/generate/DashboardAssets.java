package com.cvgen.core.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The static parts of the dashboard, read once from the class path: Chart.js from its WebJar
 * ({@code org.webjars.npm:chart.js}) with its license, and the dashboard's own style sheet and
 * script ({@code cvgen/dashboard/}). Each inline script comes with the SHA-256 source hash the
 * page's Content Security Policy allows it by.
 *
 * @param chartJsVersion the Chart.js version found on the class path, e.g. "4.5.1"
 * @param chartJs the Chart.js UMD bundle, made safe to inline (no {@code </script})
 * @param chartJsLicense the text of Chart.js's LICENSE.md (MIT)
 * @param css the dashboard's style sheet
 * @param script the dashboard's script that draws the charts from the inlined data
 */
record DashboardAssets(String chartJsVersion, String chartJs, String chartJsLicense, String css, String script) {

  private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
  private static final String WEBJAR_ROOT = "META-INF/resources/webjars/chart.js/";
  private static final Pattern SCRIPT_END = Pattern.compile("(?i)</(script)");

  /** The assets, loaded on first use. */
  static DashboardAssets get() {
    return Holder.ASSETS;
  }

  /** The CSP source expression ({@code 'sha256-...'}) that allows an inline script with this exact text. */
  static String cspHash(String scriptText) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(scriptText.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e); // every JDK has it
    }
  }

  private static final class Holder {
    static final DashboardAssets ASSETS = load();
  }

  private static DashboardAssets load() {
    Properties pom = new Properties();
    try (InputStream in = open(WEBJAR_POM)) {
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + WEBJAR_POM, e);
    }
    String version = pom.getProperty("version");
    if (version == null || version.isBlank()) {
      throw new IllegalStateException(WEBJAR_POM + " names no version");
    }
    String dist = WEBJAR_ROOT + version + "/dist/";
    String bundle = resource(dist + "chart.umd.min.js", dist + "chart.umd.js");
    // "</script" would end the inline script early; "<\/script" means the same in JS strings and regexes
    bundle = SCRIPT_END.matcher(bundle).replaceAll("<\\\\/$1");
    String license = resource(WEBJAR_ROOT + version + "/LICENSE.md");
    if (license.contains("*/")) {
      throw new IllegalStateException("the Chart.js license text cannot be put in a script comment");
    }
    return new DashboardAssets(version, bundle, license.strip(),
        resource("cvgen/dashboard/dashboard.css"), resource("cvgen/dashboard/dashboard.js"));
  }

  /** The first of {@code names} that exists, as UTF-8 text. */
  private static String resource(String... names) {
    for (String name : names) {
      try (InputStream in = DashboardAssets.class.getClassLoader().getResourceAsStream(name)) {
        if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name, e);
      }
    }
    throw new IllegalStateException("missing on the class path: " + String.join(" or ", names)
        + " (the dashboard needs the Chart.js WebJar org.webjars.npm:chart.js)");
  }

  private static InputStream open(String name) {
    InputStream in = DashboardAssets.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing on the class path: " + name
          + " (the dashboard needs the Chart.js WebJar org.webjars.npm:chart.js)");
    }
    return in;
  }
}
