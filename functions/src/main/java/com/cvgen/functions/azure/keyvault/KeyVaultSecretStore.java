package com.cvgen.functions.azure.keyvault;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.cvgen.core.pipeline.SecretStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Named secrets from Azure Key Vault, read with the app's identity and cached: a value is fetched
 * again after {@code refresh} (so a rotated secret is picked up), and when Key Vault cannot be
 * reached the last value read stays in use (logged). A secret that does not exist is empty.
 * (Settings may also use Key Vault references, which the Functions platform resolves itself.)
 */
public final class KeyVaultSecretStore implements SecretStore {
  private static final Logger LOG = Logger.getLogger(KeyVaultSecretStore.class.getName());

  private record Entry(Optional<String> value, Instant fetched) {}

  private final Function<String, Optional<String>> fetch;
  private final Clock clock;
  private final Duration refresh;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  KeyVaultSecretStore(Function<String, Optional<String>> fetch, Clock clock, Duration refresh) {
    this.fetch = fetch;
    this.clock = clock;
    this.refresh = refresh;
  }

  /** @param vaultUrl e.g. https://cvgen-prod.vault.azure.net/ */
  public static KeyVaultSecretStore connect(String vaultUrl, TokenCredential credential, Duration refresh) {
    return over(new SecretClientBuilder().vaultUrl(vaultUrl).credential(credential).buildClient(), refresh);
  }

  static KeyVaultSecretStore over(SecretClient client, Duration refresh) {
    return new KeyVaultSecretStore(name -> {
      try {
        return Optional.ofNullable(client.getSecret(name).getValue());
      } catch (ResourceNotFoundException e) {
        return Optional.empty();
      }
    }, Clock.systemUTC(), refresh);
  }

  @Override
  public Optional<String> secret(String name) {
    Instant now = clock.instant();
    Entry cached = cache.get(name);
    if (cached != null && cached.fetched().plus(refresh).isAfter(now)) return cached.value();
    try {
      Optional<String> value = fetch.apply(name);
      cache.put(name, new Entry(value, now));
      return value;
    } catch (RuntimeException e) {
      if (cached == null) throw new IllegalStateException("the secret " + name + " cannot be read from Key Vault: "
          + e.getMessage(), e);
      LOG.log(Level.WARNING, "Key Vault unreachable; the secret " + name + " read at " + cached.fetched()
          + " stays in use", e);
      return cached.value();
    }
  }
}
