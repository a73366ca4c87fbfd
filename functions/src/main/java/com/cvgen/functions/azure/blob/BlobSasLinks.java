package com.cvgen.functions.azure.blob;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.sas.SasProtocol;
import com.cvgen.core.pipeline.DownloadLinks;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Download links as Blob Storage SAS URLs: read permission on one blob, expiring {@code ttl} from
 * now, answered with {@code Content-Disposition: attachment; filename="<last segment>"} so browsers
 * save the file; HTML files (the dashboard) {@code inline}, so the web app can show them in a
 * sandboxed iframe (on the storage account's origin, never the app's). The content type served is the one stored with the blob at write time.
 *
 * <p>Two ways to sign: with the account key ({@link #sharedKey}: Azurite, connection strings with
 * an account key), or with a user-delegation key ({@link #userDelegation}: managed identity, no key
 * in the app; the identity needs a role with {@code generateUserDelegationKey}, such as Storage
 * Blob Data Contributor). Links to {@code https} endpoints are HTTPS-only.
 */
public final class BlobSasLinks implements DownloadLinks {
  private final BlobServiceClient service;
  private final Clock clock;
  private final DelegationKeys keys; // null: sign with the client's shared key

  private BlobSasLinks(BlobServiceClient service, Clock clock, DelegationKeys keys) {
    this.service = Objects.requireNonNull(service, "service");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.keys = keys;
  }

  /** Signs with the account key the client was built with (a connection string with AccountKey). */
  public static BlobSasLinks sharedKey(BlobServiceClient service, Clock clock) {
    return new BlobSasLinks(service, clock, null);
  }

  /** Signs with user-delegation keys fetched with the client's token credential, one a day. */
  public static BlobSasLinks userDelegation(BlobServiceClient service, Clock clock) {
    return userDelegation(service, new DelegationKeys(service::getUserDelegationKey, clock), clock);
  }

  /** As {@link #userDelegation(BlobServiceClient, Clock)} with a given key cache. */
  public static BlobSasLinks userDelegation(BlobServiceClient service, DelegationKeys keys, Clock clock) {
    return new BlobSasLinks(service, clock, Objects.requireNonNull(keys, "keys"));
  }

  @Override
  public Link link(String container, String name, Duration ttl) {
    BlobNames.container(container);
    BlobNames.blob(name);
    if (ttl == null || ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("ttl must be positive");
    Instant expires = clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
    BlobContainerClient c = service.getBlobContainerClient(container);
    BlobClient blob = c.getBlobClient(name);
    // the SDK's blob URL encodes '/' as %2F; valid names need no encoding, so keep the path readable
    String url = c.getBlobContainerUrl() + "/" + name;
    BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(expires.atOffset(ZoneOffset.UTC),
        new BlobSasPermission().setReadPermission(true))
        .setProtocol(url.startsWith("https:") ? SasProtocol.HTTPS_ONLY : SasProtocol.HTTPS_HTTP)
        .setContentDisposition(contentDisposition(BlobNames.fileName(name)));
    String sas = keys == null
        ? blob.generateSas(values)
        : blob.generateUserDelegationSas(values, keys.key(ttl));
    return new Link(URI.create(url + "?" + sas), expires);
  }

  /** {@code attachment}, except HTML (the dashboard), which the web app shows in an iframe. */
  static String contentDisposition(String fileName) {
    boolean html = fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".html");
    return (html ? "inline" : "attachment") + "; filename=\"" + fileName + "\"";
  }
}
