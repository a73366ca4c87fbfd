package com.cvgen.functions.azure.blob;

import com.azure.core.credential.TokenCredential;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.cvgen.core.pipeline.BlobStore;
import com.cvgen.core.pipeline.DownloadLinks;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * Blob Storage for a composition root: the {@link BlobStore}, the {@link DownloadLinks} that go
 * with it and a readiness check, from either a connection string or an account URL and a token
 * credential.
 *
 * <pre>{@code
 * AzureBlobs blobs = AzureBlobs.fromAccountUrl("https://cvgenstore.blob.core.windows.net",
 *     new DefaultAzureCredentialBuilder().build(), Clock.systemUTC());
 * readiness.put("storage", blobs::checkHealth);
 * }</pre>
 */
public final class AzureBlobs {
  private final BlobServiceClient client;
  private final AzureBlobStore store;
  private final BlobSasLinks links;

  public AzureBlobs(BlobServiceClient client, AzureBlobStore store, BlobSasLinks links) {
    this.client = Objects.requireNonNull(client, "client");
    this.store = Objects.requireNonNull(store, "store");
    this.links = Objects.requireNonNull(links, "links");
  }

  /**
   * From a connection string with an account key: {@code UseDevelopmentStorage=true} (Azurite on
   * 127.0.0.1:10000), or {@code DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...} with an
   * optional {@code BlobEndpoint=...}. Links are signed with the account key, so a connection string
   * with only a SharedAccessSignature is refused.
   */
  public static AzureBlobs fromConnectionString(String connectionString, Clock clock) {
    Objects.requireNonNull(connectionString, "connectionString");
    String lower = connectionString.toLowerCase(Locale.ROOT).replace(" ", "");
    if (!lower.contains("accountkey=") && !lower.contains("usedevelopmentstorage=true")) {
      throw new IllegalArgumentException("the storage connection string needs an AccountKey (or "
          + "UseDevelopmentStorage=true) to sign download links; in Azure use the account URL and a managed identity");
    }
    BlobServiceClient client = new BlobServiceClientBuilder().connectionString(connectionString).buildClient();
    return new AzureBlobs(client, new AzureBlobStore(client), BlobSasLinks.sharedKey(client, clock));
  }

  /**
   * From the account's Blob endpoint ({@code https://<account>.blob.core.windows.net}) and a token
   * credential (DefaultAzureCredential: the Function app's managed identity). Links are
   * user-delegation SAS.
   */
  public static AzureBlobs fromAccountUrl(String accountUrl, TokenCredential credential, Clock clock) {
    Objects.requireNonNull(accountUrl, "accountUrl");
    Objects.requireNonNull(credential, "credential");
    BlobServiceClient client = new BlobServiceClientBuilder().endpoint(accountUrl).credential(credential).buildClient();
    return new AzureBlobs(client, new AzureBlobStore(client), BlobSasLinks.userDelegation(client, clock));
  }

  public BlobServiceClient client() {
    return client;
  }

  public AzureBlobStore store() {
    return store;
  }

  public BlobSasLinks links() {
    return links;
  }

  /**
   * Readiness: the account answers and both containers exist (created if missing). Needs only data
   * plane rights (Storage Blob Data Contributor), not account-level reads.
   */
  public void checkHealth() throws IOException {
    store.createContainers();
    store.list(BlobStore.UPLOADS, "health-");
  }
}
