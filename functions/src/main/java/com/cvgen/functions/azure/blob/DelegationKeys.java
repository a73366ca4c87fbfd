package com.cvgen.functions.azure.blob;

import com.azure.storage.blob.models.UserDelegationKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The user-delegation key that signs SAS links when the app has no account key (managed identity).
 * A key is requested for {@link #DEFAULT_VALIDITY} and reused until less than the wanted link
 * lifetime (plus a margin) is left on it: a SAS signed with a key is refused once the key has
 * expired, so every link handed out must expire before its key. Thread-safe.
 */
public final class DelegationKeys {
  /** Blob Storage issues keys for at most seven days. */
  public static final Duration MAX_VALIDITY = Duration.ofDays(7);
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(1);
  /** The key's start lies this far in the past, for clocks that differ a little from Azure's. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  /** Refresh this long before strictly needed. */
  static final Duration MARGIN = Duration.ofMinutes(5);

  /** What fetches a key: {@code BlobServiceClient::getUserDelegationKey} in production. */
  @FunctionalInterface
  public interface Source {
    UserDelegationKey fetch(OffsetDateTime start, OffsetDateTime expiry);
  }

  private final Source source;
  private final Clock clock;
  private final Duration validity;
  private UserDelegationKey key;
  private Instant keyExpiry;

  public DelegationKeys(Source source, Clock clock) {
    this(source, clock, DEFAULT_VALIDITY);
  }

  public DelegationKeys(Source source, Clock clock, Duration validity) {
    this.source = Objects.requireNonNull(source, "source");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (validity.compareTo(MARGIN.multipliedBy(2)) <= 0 || validity.compareTo(MAX_VALIDITY) > 0) {
      throw new IllegalArgumentException("a user delegation key is valid for more than 10 minutes and at most 7 days");
    }
    this.validity = validity;
  }

  /** A key that stays valid for at least {@code ttl} from now. */
  public synchronized UserDelegationKey key(Duration ttl) {
    Instant now = clock.instant();
    if (ttl.isNegative() || ttl.plus(MARGIN).compareTo(validity) > 0) {
      throw new IllegalArgumentException("a link may live at most " + validity.minus(MARGIN) + ", asked for " + ttl);
    }
    if (key == null || keyExpiry.isBefore(now.plus(ttl).plus(MARGIN))) {
      OffsetDateTime start = now.minus(CLOCK_SKEW).atOffset(ZoneOffset.UTC);
      OffsetDateTime expiry = now.plus(validity).atOffset(ZoneOffset.UTC);
      UserDelegationKey fresh = Objects.requireNonNull(source.fetch(start, expiry), "no user delegation key");
      key = fresh;
      keyExpiry = fresh.getSignedExpiry() != null ? fresh.getSignedExpiry().toInstant() : expiry.toInstant();
    }
    return key;
  }
}
