// The Static Web App that serves the front end (static-web/). Standard plan: linking a Function App
// as the API backend needs it (staticwebapp-link.bicep links it once the Function App exists).

@description('Region of the Static Web App (offered in a few regions only).')
param location string

@description('Name of the Static Web App.')
param name string

param tags object = {}

@description('Client id of the Entra ID app registration users sign in with (staticwebapp.config.json reads it as AZURE_CLIENT_ID); empty to set it later.')
param entraClientId string = ''

@description('Client secret of that app registration (AZURE_CLIENT_SECRET); never an output.')
@secure()
param entraClientSecret string = ''

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

// the sign-in settings staticwebapp.config.json names (clientIdSettingName, clientSecretSettingName)
resource appSettings 'Microsoft.Web/staticSites/config@2023-12-01' = if (!empty(entraClientId)) {
  parent: site
  name: 'appsettings'
  properties: {
    AZURE_CLIENT_ID: entraClientId
    AZURE_CLIENT_SECRET: entraClientSecret
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostname}'
