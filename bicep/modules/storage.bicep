// Two storage accounts, both reached by identity only (shared keys off, no public blob access):
// - the app's: containers cv-uploads and cv-outputs with lifecycle rules;
// - the Functions host's: AzureWebJobsStorage (Durable Functions task hub: queues, tables, blobs)
//   and the container Flex Consumption deploys the app package from.

@description('Region of the resources.')
param location string

@description('Name of the app storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param appStorageName string

@description('Name of the Functions host storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param hostStorageName string

@description('Container of the host storage account that Flex Consumption deploys the app package from.')
param deploymentContainerName string = 'app-package'

param tags object = {}

@description('Origins whose pages read outputs by their SAS links (the web app reads feedback.json): https://...')
param blobReadOrigins array = []

// Standard_LRS: the archive tier (outputs after 90 days) is not offered on ZRS accounts.
resource appStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: appStorageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource appBlobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: appStorage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    // the web app fetches feedback.json by its read-only SAS link; nothing else is allowed cross-origin
    cors: {
      corsRules: empty(blobReadOrigins) ? [] : [
        {
          allowedOrigins: blobReadOrigins
          allowedMethods: [
            'GET'
            'HEAD'
          ]
          allowedHeaders: [
            '*'
          ]
          exposedHeaders: [
            'Content-Type'
            'Content-Length'
          ]
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}

resource uploadsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: appBlobs
  name: 'cv-uploads'
  properties: {
    publicAccess: 'None'
  }
}

resource outputsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: appBlobs
  name: 'cv-outputs'
  properties: {
    publicAccess: 'None'
  }
}

// Uploads (the CV PDF and the job profile) are deleted after 7 days; outputs go to the cool tier
// after 30 days, to archive after 90 and are deleted after 365 (a job's document lives 30 days).
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: appStorage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-uploads'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'cv-uploads/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: 7
                }
              }
            }
          }
        }
        {
          name: 'age-outputs'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'cv-outputs/'
              ]
            }
            actions: {
              baseBlob: {
                tierToCool: {
                  daysAfterModificationGreaterThan: 30
                }
                tierToArchive: {
                  daysAfterModificationGreaterThan: 90
                }
                delete: {
                  daysAfterModificationGreaterThan: 365
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    uploadsContainer
    outputsContainer
  ]
}

resource hostStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: hostStorageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource hostBlobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: hostStorage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: hostBlobs
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

output appStorageName string = appStorage.name
output appBlobEndpoint string = appStorage.properties.primaryEndpoints.blob
output hostStorageName string = hostStorage.name
output deploymentContainerUrl string = '${hostStorage.properties.primaryEndpoints.blob}${deploymentContainer.name}'
