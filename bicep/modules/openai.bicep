// Azure OpenAI account and one model deployment, reached by identity only (local auth off; the
// app holds the Cognitive Services OpenAI User role, see roles.bicep).

@description('Region of the account (one that offers the model and SKU).')
param location string

@description('Name of the account; also its custom subdomain (needed for Entra ID authentication).')
param accountName string

@description('Name of the model deployment (the setting CVGEN_OPENAI_DEPLOYMENT).')
param deploymentName string

@description('Model name, e.g. gpt-4o or gpt-4o-mini.')
param modelName string

@description('Model version, e.g. 2024-08-06 (gpt-4o) or 2024-07-18 (gpt-4o-mini).')
param modelVersion string

@description('Deployment SKU: GlobalStandard, Standard, DataZoneStandard.')
param deploymentSku string = 'GlobalStandard'

@description('Capacity in thousands of tokens per minute.')
@minValue(1)
param capacity int

param tags object = {}

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: accountName
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: deploymentSku
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
    versionUpgradeOption: 'NoAutoUpgrade'
  }
}

output accountName string = account.name
output endpoint string = account.properties.endpoint
output deploymentName string = deployment.name
