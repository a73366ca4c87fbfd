package com.cvgen.functions.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void localSettingsExampleListsEverySettingTheCodeReads() throws Exception {
    Path root = Path.of(System.getProperty("project.root", ".."));
    JsonNode example = new ObjectMapper().readTree(root.resolve("local.settings.json.example").toFile());
    Set<String> names = new HashSet<>();
    example.get("Values").fieldNames().forEachRemaining(names::add);
    assertThat(names).containsAll(Settings.NAMES).contains("FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage",
        "ServiceBusConnection__fullyQualifiedNamespace");
  }

  @Test
  void valuesAreParsedAndCheckedWithClearMessages() {
    Settings s = new Settings(Map.of("N", "5", "BAD", "five", "D", "PT30M", "M", "15", "BLANK", "  "));
    assertThat(s.getInt("N", 1, 1, 10)).isEqualTo(5);
    assertThat(s.getInt("MISSING", 7, 1, 10)).isEqualTo(7);
    assertThat(s.get("BLANK")).isEmpty();
    assertThatThrownBy(() -> s.getInt("BAD", 1, 1, 10)).hasMessageContaining("BAD must be a whole number");
    assertThatThrownBy(() -> s.getInt("N", 1, 6, 10)).hasMessageContaining("between 6 and 10");
    assertThat(s.getDuration("D", Duration.ZERO)).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.getDuration("M", Duration.ZERO)).isEqualTo(Duration.ofMinutes(15));
    assertThatThrownBy(() -> s.getDuration("BAD", Duration.ZERO)).hasMessageContaining("duration");
    assertThatThrownBy(() -> s.require("MISSING")).hasMessageContaining("MISSING is missing");
    Settings b = new Settings(Map.of("T", "TRUE", "F", "false", "X", "yes"));
    assertThat(b.getBoolean("T", false)).isTrue();
    assertThat(b.getBoolean("F", true)).isFalse();
    assertThat(b.getBoolean("MISSING", true)).isTrue();
    assertThatThrownBy(() -> b.getBoolean("X", false)).hasMessageContaining("X must be true or false");
  }

  @Test
  void aMalformedProtectionSettingStopsTheAppFromStarting() {
    Settings bad = new Settings(Map.of(Settings.AUTH_MODE, "local", Settings.AUTH_SECRET, "x".repeat(40),
        Settings.AUTH_TRUST_STATIC_WEB_APP, "maybe"));
    assertThatThrownBy(() -> new Composition(bad, java.time.Clock.systemUTC(), null,
        token -> { throw new AssertionError(); }))
        .hasMessageContaining(Settings.AUTH_TRUST_STATIC_WEB_APP);
  }

  @Test
  void authModeIsChecked() {
    Settings bad = new Settings(Map.of(Settings.AUTH_MODE, "none"));
    assertThatThrownBy(() -> Composition.tokenVerifier(bad, java.time.Clock.systemUTC()))
        .hasMessageContaining("'local' or 'entra'");
    Settings noSecret = new Settings(Map.of(Settings.AUTH_MODE, "local"));
    assertThatThrownBy(() -> Composition.tokenVerifier(noSecret, java.time.Clock.systemUTC()))
        .hasMessageContaining(Settings.AUTH_SECRET);
  }
}
