// Links the Function App to the Static Web App as its API backend: the Static Web App proxies
// /api/* to the Function App and passes the signed-in user in x-ms-client-principal (the app
// trusts it with CVGEN_AUTH_TRUST_STATIC_WEB_APP=true).

@description('Name of the Static Web App.')
param staticWebAppName string

@description('Name of the Function App.')
param functionAppName string

@description('Region of the Function App.')
param functionAppLocation string

resource site 'Microsoft.Web/staticSites@2023-12-01' existing = {
  name: staticWebAppName
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource backend 'Microsoft.Web/staticSites/linkedBackends@2023-12-01' = {
  parent: site
  name: 'api'
  properties: {
    backendResourceId: functionApp.id
    region: functionAppLocation
  }
}
