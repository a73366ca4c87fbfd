// Key Vault in RBAC mode with purge protection. It holds the secrets the app reads:
// - cvgen-auth-secret: the HS256 secret of CVGEN_AUTH_SECRET (a Key Vault reference), made only when
//   a secret is given (needed when the app runs with CVGEN_AUTH_MODE=local; Entra ID needs none);
// - cvgen-openai-api-key: read by the app itself through CVGEN_KEY_VAULT_URL when present. Not made
//   here: the Azure OpenAI account has local auth off and is reached by identity.

@description('Region of the vault.')
param location string

@description('Name of the vault (3-24 letters, digits, hyphens).')
param vaultName string

@description('The HS256 secret for CVGEN_AUTH_MODE=local (at least 32 characters), or empty.')
@secure()
param authSecret string = ''

param tags object = {}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enablePurgeProtection: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

resource authSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(authSecret)) {
  parent: vault
  name: 'cvgen-auth-secret'
  properties: {
    value: authSecret
    contentType: 'text/plain'
  }
}

output vaultName string = vault.name
output vaultUri string = vault.properties.vaultUri
