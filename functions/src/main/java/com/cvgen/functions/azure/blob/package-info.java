/**
 * Azure Blob Storage behind the core ports: {@link com.cvgen.functions.azure.blob.AzureBlobStore}
 * ({@link com.cvgen.core.pipeline.BlobStore}) and {@link com.cvgen.functions.azure.blob.BlobSasLinks}
 * ({@link com.cvgen.core.pipeline.DownloadLinks}), built together by {@link
 * com.cvgen.functions.azure.blob.AzureBlobs} from a connection string (Azurite, account key) or an
 * account URL and a token credential (managed identity, user-delegation SAS).
 */
package com.cvgen.functions.azure.blob;
