package com.cvgen.functions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.functions.wiring.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets on a hand-moved clock (the limiter's time source is injected for that). */
class RateLimiterTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  private RateLimiter limiter(int perMinute, int maxKeys) {
    return new RateLimiter(perMinute, nanos::get, maxKeys, Runnable::run);
  }

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void tenPerMinuteThenTheEleventhWaitsForTheNextMinute() {
    RateLimiter uploads = limiter(10, 100);
    for (int i = 1; i <= 10; i++) {
      RateLimiter.Decision d = uploads.tryAcquire("203.0.113.7");
      assertThat(d.allowed()).as("request %d", i).isTrue();
      assertThat(d.remaining()).isEqualTo(10 - i);
      advance(Duration.ofSeconds(5)); // spaced out: still ten in the minute
    }
    RateLimiter.Decision eleventh = uploads.tryAcquire("203.0.113.7");
    assertThat(eleventh.allowed()).isFalse();
    // the minute began with the first request, 50 s ago
    assertThat(eleventh.retryAfterSeconds()).isEqualTo(10);
    advance(Duration.ofMillis(9_500));
    RateLimiter.Decision later = uploads.tryAcquire("203.0.113.7");
    assertThat(later.allowed()).isFalse();
    assertThat(later.retryAfterSeconds()).as("rounded up").isEqualTo(1);
    advance(Duration.ofMillis(500));
    for (int i = 1; i <= 10; i++) assertThat(uploads.tryAcquire("203.0.113.7").allowed()).as("next minute %d", i).isTrue();
    assertThat(uploads.tryAcquire("203.0.113.7").retryAfterSeconds()).isEqualTo(60);
  }

  @Test
  void keysAreIndependent() {
    RateLimiter users = limiter(2, 100);
    assertThat(users.tryAcquire("alice").allowed()).isTrue();
    assertThat(users.tryAcquire("alice").allowed()).isTrue();
    assertThat(users.tryAcquire("alice").allowed()).isFalse();
    assertThat(users.tryAcquire("bob").allowed()).isTrue();
  }

  @Test
  void aFullMinuteRefillsTheWholeBucketAndNoMore() {
    RateLimiter l = limiter(3, 100);
    for (int i = 0; i < 3; i++) l.tryAcquire("k");
    advance(Duration.ofMinutes(5));
    for (int i = 0; i < 3; i++) assertThat(l.tryAcquire("k").allowed()).isTrue();
    assertThat(l.tryAcquire("k").allowed()).isFalse();
  }

  @Test
  void zeroMeansNoLimit() {
    RateLimiter off = limiter(0, 1);
    for (int i = 0; i < 1000; i++) assertThat(off.tryAcquire("k" + (i % 3)).allowed()).isTrue();
    assertThat(off.keys()).isZero();
    assertThat(off.enabled()).isFalse();
  }

  @Test
  void memoryIsBoundedAndIdleKeysAreForgotten() {
    RateLimiter l = limiter(5, 50);
    for (int i = 0; i < 1000; i++) l.tryAcquire("10.0." + (i / 256) + "." + (i % 256));
    assertThat(l.keys()).isLessThanOrEqualTo(50);
    advance(RateLimiter.IDLE.plusSeconds(1));
    assertThat(l.keys()).isZero();
    // a key forgotten after being idle starts full, as it would have refilled anyway
    RateLimiter m = limiter(1, 10);
    assertThat(m.tryAcquire("k").allowed()).isTrue();
    assertThat(m.tryAcquire("k").allowed()).isFalse();
    advance(RateLimiter.IDLE.plusSeconds(1));
    assertThat(m.tryAcquire("k").allowed()).isTrue();
  }

  @Test
  void settingsChooseTheLimitsAndRefuseNonsense() {
    assertThat(RateLimits.fromSettings(new Settings(Map.of()))).isNotNull();
    assertThatThrownBy(() -> RateLimits.fromSettings(new Settings(Map.of(Settings.RATE_LIMIT_UPLOADS_PER_MINUTE, "-1"))))
        .hasMessageContaining(Settings.RATE_LIMIT_UPLOADS_PER_MINUTE);
    assertThatThrownBy(() -> RateLimits.fromSettings(new Settings(Map.of(Settings.RATE_LIMIT_REQUESTS_PER_MINUTE, "many"))))
        .hasMessageContaining(Settings.RATE_LIMIT_REQUESTS_PER_MINUTE);
    assertThatThrownBy(() -> limiter(-1, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}
