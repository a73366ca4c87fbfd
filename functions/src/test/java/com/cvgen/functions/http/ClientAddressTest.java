package com.cvgen.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "203.0.113.7|203.0.113.7",
      "203.0.113.7:51234|203.0.113.7",
      "' 203.0.113.7 , 10.0.0.1, 10.0.0.2'|203.0.113.7",
      "2001:DB8::1|2001:db8::1",
      "[2001:db8::1]:443|2001:db8::1",
      "[2001:db8::1]|2001:db8::1",
      "::1|::1",
      "fe80::1%eth0|fe80::1%eth0",
      "''|unknown",
      "', 10.0.0.1'|unknown",
      "<script>|unknown",
      "[2001:db8::1|unknown",
      "'a b'|unknown",
  })
  void theFirstForwardedAddressWithoutItsPort(String forwarded, String expected) {
    assertThat(ClientAddress.of(Map.of("X-Forwarded-For", forwarded))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"x-forwarded-for", "X-FORWARDED-FOR"})
  void headerNameInAnyCase(String name) {
    assertThat(ClientAddress.of(Map.of(name, "198.51.100.2"))).isEqualTo("198.51.100.2");
  }

  @ParameterizedTest
  @CsvSource({"X-Real-IP", "Forwarded"})
  void noForwardedForIsUnknown(String other) {
    Map<String, String> headers = new HashMap<>();
    headers.put(other, "198.51.100.2");
    assertThat(ClientAddress.of(headers)).isEqualTo(ClientAddress.UNKNOWN);
    assertThat(ClientAddress.of(null)).isEqualTo(ClientAddress.UNKNOWN);
    assertThat(ClientAddress.of(Map.of("X-Forwarded-For", "x".repeat(100)))).isEqualTo(ClientAddress.UNKNOWN);
  }
}
