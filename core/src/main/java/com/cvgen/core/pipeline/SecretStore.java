package com.cvgen.core.pipeline;

import java.util.Optional;

/** Named secrets: Key Vault in Azure, settings on one machine. */
public interface SecretStore {
  Optional<String> secret(String name);
}
