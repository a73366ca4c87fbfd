// The Static Web App that serves the front end (static-web/). Standard plan: linking a Function App
// as the API backend needs it (staticwebapp-link.bicep links it once the Function App exists).

@description('Region of the Static Web App (offered in a few regions only).')
param location string

@description('Name of the Static Web App.')
param name string

param tags object = {}

resource site 'Microsoft.Web/staticSites@2023-12-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Enabled'
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostname}'
