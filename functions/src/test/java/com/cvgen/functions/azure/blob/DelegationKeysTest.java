package com.cvgen.functions.azure.blob;

import com.cvgen.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.UserDelegationKey;
import com.cvgen.core.pipeline.DownloadLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The user-delegation key cache, with a fake clock and a fake key source. What cannot run here:
 * fetching a real key (Azurite has no Entra ID and answers Get User Delegation Key only to a bearer
 * token it cannot verify) and Blob Storage accepting a user-delegation SAS; those need a storage
 * account and an identity with Storage Blob Data Contributor.
 */
class DelegationKeysTest {
  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");



  private record Request(OffsetDateTime start, OffsetDateTime expiry) {}

  private final TestClock clock = new TestClock(T0);
  private final List<Request> requests = new ArrayList<>();

  private UserDelegationKey fetch(OffsetDateTime start, OffsetDateTime expiry) {
    requests.add(new Request(start, expiry));
    return new UserDelegationKey()
        .setSignedObjectId("00000000-0000-0000-0000-000000000001")
        .setSignedTenantId("00000000-0000-0000-0000-000000000002")
        .setSignedStart(start)
        .setSignedExpiry(expiry)
        .setSignedService("b")
        .setSignedVersion("2025-01-05")
        .setValue(Base64.getEncoder().encodeToString(("key-" + requests.size() + "-0123456789abcdef").getBytes()));
  }

  @Test
  void aKeyIsFetchedOnceAndReusedWhileItOutlivesTheLinks() {
    DelegationKeys keys = new DelegationKeys(this::fetch, clock);
    UserDelegationKey first = keys.key(Duration.ofHours(1));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).start().toInstant()).isEqualTo(T0.minus(Duration.ofMinutes(5)));
    assertThat(requests.get(0).expiry().toInstant()).isEqualTo(T0.plus(Duration.ofDays(1)));

    clock.set(T0.plus(Duration.ofHours(22)));
    assertThat(keys.key(Duration.ofHours(1))).isSameAs(first);
    assertThat(requests).hasSize(1);
  }

  @Test
  void aKeyIsRenewedWhenLessThanTheLinkLifetimeIsLeft() {
    DelegationKeys keys = new DelegationKeys(this::fetch, clock);
    UserDelegationKey first = keys.key(Duration.ofHours(1));

    // 23 h later, 1 h is left on the key: a one-hour link would outlive it
    clock.set(T0.plus(Duration.ofHours(23)));
    UserDelegationKey second = keys.key(Duration.ofHours(1));
    assertThat(second).isNotSameAs(first);
    assertThat(requests).hasSize(2);
    assertThat(second.getSignedExpiry().toInstant()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));

    // shorter links still fit on the new key
    clock.advance(Duration.ofHours(23));
    assertThat(keys.key(Duration.ofMinutes(10))).isSameAs(second);
    assertThat(requests).hasSize(2);
  }

  @Test
  void aKeyThatTheServiceCutShortIsRenewedBySignedExpiry() {
    DelegationKeys keys = new DelegationKeys((start, expiry) -> fetch(start, start.plusHours(2)), clock);
    UserDelegationKey first = keys.key(Duration.ofMinutes(30));
    clock.set(T0.plus(Duration.ofMinutes(80))); // 35 min left: enough for 30 min plus the margin
    assertThat(keys.key(Duration.ofMinutes(30))).isSameAs(first);
    clock.set(T0.plus(Duration.ofMinutes(90))); // 25 min left
    assertThat(keys.key(Duration.ofMinutes(30))).isNotSameAs(first);
  }

  @Test
  void linksLongerThanAKeyAndBadValiditiesAreRefused() {
    DelegationKeys keys = new DelegationKeys(this::fetch, clock);
    assertThatThrownBy(() -> keys.key(Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DelegationKeys(this::fetch, clock, Duration.ofDays(8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(requests).isEmpty();
  }

  @Test
  void userDelegationLinksAreSignedWithTheCachedKey() {
    TokenCredential noToken = request -> Mono.just(new AccessToken("unused", OffsetDateTime.now().plusHours(1)));
    BlobServiceClient client = new BlobServiceClientBuilder().endpoint("https://cvgenstore.blob.core.windows.net")
        .credential(noToken).buildClient();
    BlobSasLinks links = BlobSasLinks.userDelegation(client, new DelegationKeys(this::fetch, clock), clock);

    DownloadLinks.Link a = links.link("cv-outputs", "job-1/cv.docx", Duration.ofHours(1));
    DownloadLinks.Link b = links.link("cv-outputs", "job-2/offer.docx", Duration.ofHours(1));
    assertThat(requests).hasSize(1);
    assertThat(a.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    String url = a.url().toString();
    assertThat(url).startsWith("https://cvgenstore.blob.core.windows.net/cv-outputs/job-1/cv.docx?")
        .contains("skoid=00000000-0000-0000-0000-000000000001", "sktid=00000000-0000-0000-0000-000000000002",
            "sp=r", "sr=b", "spr=https&", "se=2025-03-01T09%3A00%3A00Z", "sig=",
            "rscd=attachment%3B%20filename%3D%22cv.docx%22");
    assertThat(b.url().toString()).contains("/job-2/offer.docx?");
  }
}
