// The Function App on the Flex Consumption plan: Java 21, system-assigned identity, the package
// deployed from a blob container by identity, host storage by identity, and the app settings the
// code reads (functions/.../wiring/Settings.java: Settings.NAMES; BicepTemplatesTest checks that
// the names here are exactly those, plus the platform's own below).
//
// Flex Consumption takes the runtime and scale from functionAppConfig: FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE, WEBSITE_CONTENT* and the like are not
// allowed as app settings there.

@description('Region of the plan and the app.')
param location string

@description('Name of the Function App (part of its host name, globally unique).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the Functions host storage account (AzureWebJobsStorage, by identity).')
param hostStorageName string

@description('URL of the blob container the app package is deployed from.')
param deploymentContainerUrl string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Origins allowed to call the API from a browser (https://...).')
param corsOrigins array

// values of the app's settings (see Settings.java and README.md)
@allowed([
  'entra'
  'local'
])
param authMode string
param entraTenantId string
param entraAudience string
@description('A Key Vault reference for CVGEN_AUTH_SECRET (@Microsoft.KeyVault(SecretUri=...)), or empty.')
param authSecretReference string
param publicUrl string
param taskHub string
param appBlobEndpoint string
param cosmosEndpoint string
param cosmosDatabase string
param serviceBusNamespace string
param keyVaultUri string
param openAiEndpoint string
param openAiDeployment string
param openAiApiVersion string = '2024-10-21'
param maxUploadMb int = 10
param maxPages int = 20
param uploadsPerMinute int = 10
param requestsPerMinute int = 120

param tags object = {}

resource hostStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: hostStorageName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: corsOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'java'
        version: '21'
      }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    // the platform's: host storage and telemetry by the app's identity
    AzureWebJobsStorage__accountName: hostStorage.name
    AzureWebJobsStorage__credential: 'managedidentity'
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'

    // the app's (Settings.NAMES)
    CVGEN_AUTH_MODE: authMode
    CVGEN_AUTH_SECRET: authSecretReference
    CVGEN_ENTRA_TENANT_ID: entraTenantId
    CVGEN_ENTRA_AUDIENCE: entraAudience
    // requests proxied by the linked Static Web App carry its x-ms-client-principal header
    CVGEN_AUTH_TRUST_STATIC_WEB_APP: 'true'
    // signs the embedded host's download links; in Azure links are user-delegation SAS
    CVGEN_LINK_SECRET: ''
    CVGEN_LINK_TTL: 'PT1H'
    CVGEN_PUBLIC_URL: publicUrl
    CVGEN_CORS_ORIGINS: join(corsOrigins, ',')
    CVGEN_RATE_LIMIT_UPLOADS_PER_MINUTE: string(uploadsPerMinute)
    CVGEN_RATE_LIMIT_REQUESTS_PER_MINUTE: string(requestsPerMinute)
    CVGEN_MAX_UPLOAD_MB: string(maxUploadMb)
    CVGEN_MAX_PAGES: string(maxPages)
    // the embedded host's: its data directory and activity concurrency (host.json sets the latter here)
    CVGEN_DATA_DIR: ''
    CVGEN_ACTIVITY_CONCURRENCY: ''
    CVGEN_TASK_HUB: taskHub
    CVGEN_STORAGE_ACCOUNT_URL: appBlobEndpoint
    // by identity: no connection string, no key
    CVGEN_STORAGE_CONNECTION_STRING: ''
    CVGEN_COSMOS_ENDPOINT: cosmosEndpoint
    CVGEN_COSMOS_KEY: ''
    CVGEN_COSMOS_DATABASE: cosmosDatabase
    ServiceBusConnection__fullyQualifiedNamespace: serviceBusNamespace
    CVGEN_KEY_VAULT_URL: keyVaultUri
    CVGEN_OPENAI_ENDPOINT: openAiEndpoint
    CVGEN_OPENAI_DEPLOYMENT: openAiDeployment
    CVGEN_OPENAI_API_VERSION: openAiApiVersion
    // by identity (the account has local auth off)
    CVGEN_OPENAI_API_KEY: ''
    CVGEN_LLM_FALLBACK: 'fallback'
  }
}

output name string = functionApp.name
output id string = functionApp.id
output principalId string = functionApp.identity.principalId
output url string = 'https://${functionApp.properties.defaultHostName}'
