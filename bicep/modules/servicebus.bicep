// Service Bus namespace and the job queue, reached by identity only (local auth off). Standard
// tier: duplicate detection needs it. The upload sends one message per job (message id = job id);
// the queue trigger gets it up to 3 times, then it is dead-lettered and the dead-letter trigger
// marks the job failed.

@description('Region of the namespace.')
param location string

@description('Name of the namespace (6-50 letters, digits, hyphens).')
param namespaceName string

@description('Name of the queue (JobQueue.NAME in the code).')
param queueName string = 'cv-processing'

param tags object = {}

resource namespace 'Microsoft.ServiceBus/namespaces@2021-11-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource queue 'Microsoft.ServiceBus/namespaces/queues@2021-11-01' = {
  parent: namespace
  name: queueName
  properties: {
    maxDeliveryCount: 3
    deadLetteringOnMessageExpiration: true
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT10M'
    // host.json renews a lock for up to 5 minutes (maxAutoRenewDuration)
    lockDuration: 'PT5M'
    defaultMessageTimeToLive: 'P1D'
    maxSizeInMegabytes: 1024
    enablePartitioning: false
  }
}

output namespaceName string = namespace.name
// the host name of the namespace, without scheme and port (ServiceBusConnection__fullyQualifiedNamespace)
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
output queueName string = queue.name
