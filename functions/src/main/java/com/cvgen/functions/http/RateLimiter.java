package com.cvgen.functions.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * At most {@code perMinute} requests per key (a client address, a user) and minute: a Bucket4j
 * token bucket per key that holds {@code perMinute} tokens and gets them all back once a minute,
 * counted from the key's first request. So the {@code perMinute + 1}st request within a minute is
 * refused however the requests are spaced, and told how long until the minute is over.
 *
 * <p>Memory is bounded: the buckets live in a Caffeine cache of at most {@code maxKeys} keys, and
 * a bucket untouched for {@link #IDLE} is dropped; it would be full again by then, so dropping it
 * changes nothing. The limits hold per process: each Functions instance counts on its own.
 */
final class RateLimiter {
  /** After this long without a request a key's bucket is full again, and is forgotten. */
  static final Duration IDLE = Duration.ofMinutes(2);
  static final int DEFAULT_MAX_KEYS = 100_000;

  /** The verdict on one request. */
  record Decision(boolean allowed, long retryAfterSeconds, long remaining) {
    static final Decision UNLIMITED = new Decision(true, 0, Long.MAX_VALUE);
  }

  private final int perMinute;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets;

  /** @param perMinute requests per key and minute; 0: no limit */
  static RateLimiter perMinute(int perMinute) {
    return new RateLimiter(perMinute, System::nanoTime, DEFAULT_MAX_KEYS, null);
  }

  /**
   * @param nanos a monotonic time in nanoseconds (the buckets' and the cache's clock)
   * @param executor where the cache evicts; null: the common pool (tests pass a direct executor)
   */
  RateLimiter(int perMinute, LongSupplier nanos, int maxKeys, Executor executor) {
    if (perMinute < 0) throw new IllegalArgumentException("negative limit");
    if (maxKeys < 1) throw new IllegalArgumentException("maxKeys must be positive");
    Objects.requireNonNull(nanos, "nanos");
    this.perMinute = perMinute;
    this.time = new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return nanos.getAsLong();
      }

      @Override
      public boolean isWallClockBased() {
        return false;
      }
    };
    Caffeine<Object, Object> cache = Caffeine.newBuilder()
        .maximumSize(maxKeys)
        .expireAfterAccess(IDLE)
        .ticker((Ticker) nanos::getAsLong);
    if (executor != null) cache.executor(executor);
    this.buckets = cache.build();
  }

  boolean enabled() {
    return perMinute > 0;
  }

  int perMinute() {
    return perMinute;
  }

  /** Takes a token from {@code key}'s bucket: allowed, or refused with the seconds until one is back. */
  Decision tryAcquire(String key) {
    if (perMinute == 0) return Decision.UNLIMITED;
    Objects.requireNonNull(key, "key");
    Bucket bucket = buckets.get(key, k -> Bucket.builder()
        .addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
        .withCustomTimePrecision(time)
        .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) return new Decision(true, 0, probe.getRemainingTokens());
    long nanosToWait = probe.getNanosToWaitForRefill();
    long seconds = Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
    return new Decision(false, seconds, 0);
  }

  /** How many keys have a bucket now (after pending evictions). */
  long keys() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }
}
