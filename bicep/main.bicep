// CV Generator: every Azure resource of one environment, deployed into one resource group.
//   az deployment group create -g RG -f bicep/main.bicep -p environmentName=dev alertEmail=ops@example.com ...
// See bicep/README.md: deployment, code and front-end publishing, and the cost estimate.
// No keys anywhere: every service is reached with the Function App's managed identity.

targetScope = 'resourceGroup'

metadata description = 'CV Generator on Azure Functions (Flex Consumption), Cosmos DB, Service Bus, Blob Storage, Key Vault, Azure OpenAI and Static Web Apps'

@description('Short environment name: 2-8 lowercase letters and digits (dev, test, prod). Part of every resource name.')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Region of the resources (one that offers Flex Consumption and the OpenAI model).')
param location string = resourceGroup().location

@description('Region of the Static Web App (offered in a few regions only).')
@allowed([
  'westus2'
  'centralus'
  'eastus2'
  'westeurope'
  'eastasia'
])
param staticWebAppLocation string = 'westeurope'

@description('Azure OpenAI model that structures the CVs.')
param openAiModelName string = 'gpt-4o'

@description('Version of the model.')
param openAiModelVersion string = '2024-08-06'

@description('Deployment SKU of the model (GlobalStandard, DataZoneStandard, Standard).')
param openAiDeploymentSku string = 'GlobalStandard'

@description('Capacity of the model deployment in thousands of tokens per minute (one CV takes about 4.6 thousand, a job posting 2.2 thousand more: estimates, see README).')
@minValue(1)
param openAiCapacity int = 50

@description('Origins allowed to call the API from a browser besides the Static Web App (https://...).')
param allowedCorsOrigins array = []

@description('E-mail address for the alerts and the budget notices.')
param alertEmail string

@description('Monthly budget of the resource group, in the billing currency.')
@minValue(1)
param monthlyBudget int = 100

@description('First day of the budget period (yyyy-MM-01); the current month by default.')
param budgetStartDate string = utcNow('yyyy-MM-01')

@description('How API callers are authenticated: entra (Entra ID access tokens) or local (HS256 tokens signed with authSecret).')
@allowed([
  'entra'
  'local'
])
param authMode string = 'entra'

@description('Entra ID tenant that issues the access tokens.')
param entraTenantId string = tenant().tenantId

@description('The API\'s application id URI or client id that access tokens must be issued for (entra mode).')
param entraAudience string = ''

@description('Client id of the Entra ID app registration for the web app\'s sign-in (Static Web Apps auth); empty to set it later.')
param webSignInClientId string = ''

@description('Client secret of that app registration; kept in the Static Web App\'s settings, never an output.')
@secure()
param webSignInClientSecret string = ''

@description('HS256 secret for authMode=local (at least 32 characters); kept in Key Vault. Empty in entra mode.')
@secure()
param authSecret string = ''

param tags object = {
  application: 'cv-generator'
  environment: environmentName
}

// host.json functionTimeout (00:10:00); the near-timeout alert fires at 80 % of it
var functionTimeoutSeconds = 600

var env = toLower(environmentName)
var suffix = uniqueString(subscription().id, resourceGroup().id, env)
var names = {
  appStorage: take('stcvgen${env}${suffix}', 24)
  hostStorage: take('stfunc${env}${suffix}', 24)
  logAnalytics: 'log-cvgen-${env}'
  appInsights: 'appi-cvgen-${env}'
  cosmos: 'cosmos-cvgen-${env}-${suffix}'
  serviceBus: 'sb-cvgen-${env}-${suffix}'
  keyVault: take('kv-cvgen-${env}-${suffix}', 24)
  openAi: 'oai-cvgen-${env}-${suffix}'
  plan: 'plan-cvgen-${env}'
  functionApp: 'func-cvgen-${env}-${suffix}'
  staticWebApp: 'swa-cvgen-${env}-${suffix}'
}
var openAiDeploymentName = 'cv-structurer'
var cosmosDatabaseName = 'cvgen'
var queueName = 'cv-processing'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    appStorageName: names.appStorage
    hostStorageName: names.hostStorage
    blobReadOrigins: concat([staticWebApp.outputs.url], allowedCorsOrigins)
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: names.cosmos
    databaseName: cosmosDatabaseName
    tags: tags
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    location: location
    namespaceName: names.serviceBus
    queueName: queueName
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    vaultName: names.keyVault
    authSecret: authSecret
    tags: tags
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  params: {
    location: location
    accountName: names.openAi
    deploymentName: openAiDeploymentName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentSku: openAiDeploymentSku
    capacity: openAiCapacity
    tags: tags
  }
}

module staticWebApp 'modules/staticwebapp.bicep' = {
  name: 'staticwebapp'
  params: {
    location: staticWebAppLocation
    name: names.staticWebApp
    entraClientId: webSignInClientId
    entraClientSecret: webSignInClientSecret
    tags: tags
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    name: names.functionApp
    planName: names.plan
    hostStorageName: storage.outputs.hostStorageName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsName: monitoring.outputs.appInsightsName
    corsOrigins: union([
      staticWebApp.outputs.url
    ], allowedCorsOrigins)
    authMode: authMode
    entraTenantId: entraTenantId
    entraAudience: entraAudience
    authSecretReference: empty(authSecret) ? '' : '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/cvgen-auth-secret/)'
    publicUrl: staticWebApp.outputs.url
    taskHub: 'cvgen${env}'
    appBlobEndpoint: storage.outputs.appBlobEndpoint
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: cosmos.outputs.databaseName
    serviceBusNamespace: serviceBus.outputs.fullyQualifiedNamespace
    keyVaultUri: keyVault.outputs.vaultUri
    openAiEndpoint: openAi.outputs.endpoint
    openAiDeployment: openAi.outputs.deploymentName
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: functionApp.outputs.principalId
    appStorageName: storage.outputs.appStorageName
    hostStorageName: storage.outputs.hostStorageName
    serviceBusNamespaceName: serviceBus.outputs.namespaceName
    queueName: serviceBus.outputs.queueName
    keyVaultName: keyVault.outputs.vaultName
    openAiAccountName: openAi.outputs.accountName
    cosmosAccountName: cosmos.outputs.accountName
    cosmosDatabaseName: cosmos.outputs.databaseName
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

module staticWebAppLink 'modules/staticwebapp-link.bicep' = {
  name: 'staticwebapp-link'
  params: {
    staticWebAppName: staticWebApp.outputs.name
    functionAppName: functionApp.outputs.name
    functionAppLocation: location
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    environmentName: env
    alertEmail: alertEmail
    appInsightsName: monitoring.outputs.appInsightsName
    serviceBusNamespaceName: serviceBus.outputs.namespaceName
    queueName: serviceBus.outputs.queueName
    functionTimeoutSeconds: functionTimeoutSeconds
    monthlyBudget: monthlyBudget
    budgetStartDate: budgetStartDate
    tags: tags
  }
}

output functionAppUrl string = functionApp.outputs.url
output staticWebAppUrl string = staticWebApp.outputs.url
output functionAppName string = functionApp.outputs.name
output staticWebAppName string = staticWebApp.outputs.name
output appStorageAccountName string = storage.outputs.appStorageName
output hostStorageAccountName string = storage.outputs.hostStorageName
output cosmosAccountName string = cosmos.outputs.accountName
output serviceBusNamespaceName string = serviceBus.outputs.namespaceName
output keyVaultName string = keyVault.outputs.vaultName
output openAiAccountName string = openAi.outputs.accountName
output openAiDeploymentName string = openAi.outputs.deploymentName
output appInsightsName string = monitoring.outputs.appInsightsName
