package com.cvgen.functions.http;

import com.cvgen.functions.auth.Principal;
import com.cvgen.functions.wiring.Settings;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import java.util.Optional;

/**
 * The API's rate limits, per process (each Functions instance counts on its own; limits across
 * instances belong in front of the app: API Management or Front Door):
 *
 * <ul>
 *   <li>uploads per client address ({@link ClientAddress}) and minute, {@link
 *       Settings#RATE_LIMIT_UPLOADS_PER_MINUTE} (default {@value #DEFAULT_UPLOADS_PER_MINUTE}),
 *       checked before the token, so requests without one count too;
 *   <li>requests per user and minute on every authenticated route, {@link
 *       Settings#RATE_LIMIT_REQUESTS_PER_MINUTE} (default {@value #DEFAULT_REQUESTS_PER_MINUTE}).
 * </ul>
 *
 * Over a limit: 429 {@code rate_limited} with {@code Retry-After}. 0 turns a limit off.
 */
public final class RateLimits {
  public static final int DEFAULT_UPLOADS_PER_MINUTE = 10;
  public static final int DEFAULT_REQUESTS_PER_MINUTE = 120;

  private final RateLimiter uploads;
  private final RateLimiter requests;

  RateLimits(RateLimiter uploads, RateLimiter requests) {
    this.uploads = uploads;
    this.requests = requests;
  }

  /** From the settings; a malformed value fails here, when the app starts. */
  public static RateLimits fromSettings(Settings settings) {
    int uploads = settings.getInt(Settings.RATE_LIMIT_UPLOADS_PER_MINUTE, DEFAULT_UPLOADS_PER_MINUTE, 0, 100_000);
    int requests = settings.getInt(Settings.RATE_LIMIT_REQUESTS_PER_MINUTE, DEFAULT_REQUESTS_PER_MINUTE, 0, 1_000_000);
    return new RateLimits(RateLimiter.perMinute(uploads), RateLimiter.perMinute(requests));
  }

  /** A 429 when the request's client address has started too many uploads this minute. */
  Optional<HttpResponseMessage> upload(HttpRequestMessage<?> request) {
    RateLimiter.Decision d = uploads.tryAcquire(ClientAddress.of(request.getHeaders()));
    if (d.allowed()) return Optional.empty();
    return Optional.of(ApiResponses.tooManyRequests(request, d.retryAfterSeconds(),
        "too many uploads from your address (at most " + uploads.perMinute() + " a minute); try again in "
            + d.retryAfterSeconds() + " s"));
  }

  /** A 429 when {@code user} has made too many requests this minute. */
  Optional<HttpResponseMessage> request(HttpRequestMessage<?> request, Principal user) {
    RateLimiter.Decision d = requests.tryAcquire(user.subject());
    if (d.allowed()) return Optional.empty();
    return Optional.of(ApiResponses.tooManyRequests(request, d.retryAfterSeconds(),
        "too many requests (at most " + requests.perMinute() + " a minute per user); try again in "
            + d.retryAfterSeconds() + " s"));
  }
}
