// Alerts to one action group (e-mail): function error rate, dead-lettered jobs, HTTP 5xx, runs
// close to the function timeout; and a monthly cost budget for the resource group.
//
// Function invocations (HTTP, queue, orchestrator, activities) are App Insights requests; host.json
// keeps requests out of sampling, so counts over them are exact.

@description('Region of the log alert rules (that of Application Insights).')
param location string

@description('Environment name, part of the alert names.')
param environmentName string

@description('E-mail address that gets the alerts and the budget notices.')
param alertEmail string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Name of the Service Bus namespace.')
param serviceBusNamespaceName string

@description('Name of the job queue.')
param queueName string

@description('host.json functionTimeout in seconds: runs longer than 80 % of it raise an alert.')
param functionTimeoutSeconds int

@description('Monthly budget of the resource group, in the billing currency.')
@minValue(1)
param monthlyBudget int

@description('First day of the budget (yyyy-MM-01).')
param budgetStartDate string

param tags object = {}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2021-11-01' existing = {
  name: serviceBusNamespaceName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-cvgen-${environmentName}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('cvgen${environmentName}', 12)
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// More than 5 % of the function invocations failed in 5 minutes
resource errorRate 'Microsoft.Insights/scheduledQueryRules@2022-06-15' = {
  name: 'cvgen-${environmentName}-function-error-rate'
  location: location
  tags: tags
  properties: {
    displayName: 'CV Generator ${environmentName}: function error rate above 5 %'
    severity: 2
    enabled: true
    scopes: [
      appInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: 'requests | summarize total = count(), failed = countif(success == false) | extend errorRate = iff(total == 0, 0.0, 100.0 * failed / total)'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'errorRate'
          operator: 'GreaterThan'
          threshold: 5
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// Any message in the job queue's dead-letter queue (a job that failed 3 deliveries or expired)
resource deadLetters 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'cvgen-${environmentName}-dead-letters'
  location: 'global'
  tags: tags
  properties: {
    description: 'Messages in the dead-letter queue of ${queueName}'
    severity: 1
    enabled: true
    scopes: [
      serviceBus.id
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'DeadletteredMessages'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          dimensions: [
            {
              name: 'EntityName'
              operator: 'Include'
              values: [
                queueName
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    autoMitigate: true
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

// The dead-letter trigger takes such messages off at once (it marks the job failed), so the
// metric above may stay 0: each of its runs is a dead-lettered job too.
resource deadLetterRuns 'Microsoft.Insights/scheduledQueryRules@2022-06-15' = {
  name: 'cvgen-${environmentName}-dead-lettered-jobs'
  location: location
  tags: tags
  properties: {
    displayName: 'CV Generator ${environmentName}: dead-lettered jobs'
    severity: 1
    enabled: true
    scopes: [
      appInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: 'requests | where operation_Name == \'CvPipelineDeadLetter\''
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// More than 10 HTTP responses with a 5xx status in one minute
resource http5xx 'Microsoft.Insights/scheduledQueryRules@2022-06-15' = {
  name: 'cvgen-${environmentName}-http-5xx'
  location: location
  tags: tags
  properties: {
    displayName: 'CV Generator ${environmentName}: more than 10 HTTP 5xx per minute'
    severity: 2
    enabled: true
    scopes: [
      appInsights.id
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT1M'
    criteria: {
      allOf: [
        {
          query: 'requests | where isnotempty(url) and toint(resultCode) >= 500'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 10
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// Any invocation that ran longer than 80 % of the function timeout
var durationThresholdMs = functionTimeoutSeconds * 800

resource nearTimeout 'Microsoft.Insights/scheduledQueryRules@2022-06-15' = {
  name: 'cvgen-${environmentName}-near-timeout'
  location: location
  tags: tags
  properties: {
    displayName: 'CV Generator ${environmentName}: function runs close to the timeout'
    severity: 3
    enabled: true
    scopes: [
      appInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: 'requests | where duration > ${durationThresholdMs}'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// Notices at 80 % of the monthly budget spent and at 100 % forecast
resource budget 'Microsoft.Consumption/budgets@2021-10-01' = {
  name: 'budget-cvgen-${environmentName}'
  properties: {
    category: 'Cost'
    amount: monthlyBudget
    timeGrain: 'Monthly'
    timePeriod: {
      startDate: budgetStartDate
    }
    notifications: {
      actual80: {
        enabled: true
        operator: 'GreaterThan'
        threshold: 80
        thresholdType: 'Actual'
        contactEmails: [
          alertEmail
        ]
        contactGroups: [
          actionGroup.id
        ]
      }
      forecast100: {
        enabled: true
        operator: 'GreaterThan'
        threshold: 100
        thresholdType: 'Forecasted'
        contactEmails: [
          alertEmail
        ]
        contactGroups: [
          actionGroup.id
        ]
      }
    }
  }
}

output actionGroupId string = actionGroup.id
