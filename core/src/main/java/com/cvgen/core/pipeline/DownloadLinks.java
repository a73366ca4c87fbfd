package com.cvgen.core.pipeline;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Short-lived read-only links to one blob: a user-delegation SAS in Azure, a signed URL that the
 * embedded host serves itself on one machine.
 */
public interface DownloadLinks {
  Link link(String container, String name, Duration ttl);

  record Link(URI url, Instant expiresAt) {}
}
