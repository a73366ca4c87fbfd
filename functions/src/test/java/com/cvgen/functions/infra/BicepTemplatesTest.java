package com.cvgen.functions.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cvgen.core.pipeline.BlobStore;
import com.cvgen.core.pipeline.JobQueue;
import com.cvgen.functions.azure.cosmos.CosmosStores;
import com.cvgen.functions.pipeline.StartCvPipeline;
import com.cvgen.functions.wiring.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Azure resources in {@code bicep/}, checked from their syntax trees (the Bicep compiler cannot
 * be installed on the build machines): {@code tools/bicep-check} parses every {@code .bicep} file
 * with tree-sitter-bicep, reports parse errors and generic rule violations (keys, local auth, role
 * scopes, secret outputs), and the facts the tests here hold the templates to: the Function App's
 * settings against {@link Settings#NAMES} and {@code local.settings.json.example}, the resources the
 * code expects (containers, queue, Cosmos DB containers) with the code's own names, lifecycle days,
 * roles, alerts. The last tests feed the checker broken and insecure snippets and expect each caught.
 */
class BicepTemplatesTest {
  /** App settings that the Functions platform reads, not the app. */
  private static final Set<String> PLATFORM_SETTINGS = Set.of("AzureWebJobsStorage__accountName",
      "AzureWebJobsStorage__credential", "APPLICATIONINSIGHTS_CONNECTION_STRING",
      "APPLICATIONINSIGHTS_AUTHENTICATION_STRING");

  /** App settings Flex Consumption rejects or ignores (its functionAppConfig holds runtime and scale). */
  private static final Set<String> NOT_ON_FLEX = Set.of("FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION",
      "FUNCTIONS_WORKER_RUNTIME_VERSION", "FUNCTIONS_MAX_HTTP_CONCURRENCY", "FUNCTIONS_WORKER_PROCESS_COUNT",
      "FUNCTIONS_WORKER_DYNAMIC_CONCURRENCY_ENABLED", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE",
      "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTOVERVNET", "WEBSITE_NODE_DEFAULT_VERSION",
      "WEBSITE_SKIP_CONTENTSHARE_VALIDATION", "WEBSITE_VNET_ROUTE_ALL", "SCM_DO_BUILD_DURING_DEPLOYMENT",
      "ENABLE_ORYX_BUILD", "AzureWebJobsStorage");

  /** Azure built-in role definition ids and their names. */
  private static final Map<String, String> BUILT_IN_ROLES = Map.ofEntries(
      Map.entry("ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Storage Blob Data Contributor"),
      Map.entry("db58b8e5-c6ad-4a2a-8342-4190687cbf4a", "Storage Blob Delegator"),
      Map.entry("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner"),
      Map.entry("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor"),
      Map.entry("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor"),
      Map.entry("69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", "Azure Service Bus Data Sender"),
      Map.entry("4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", "Azure Service Bus Data Receiver"),
      Map.entry("4633458b-17de-408a-b874-0445c86b69e6", "Key Vault Secrets User"),
      Map.entry("5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", "Cognitive Services OpenAI User"),
      Map.entry("3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher"),
      Map.entry("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Owner"),
      Map.entry("b24988ac-6180-42a0-ab88-20f7382dd24c", "Contributor"));

  private static final Pattern ROLE_DEFINITION =
      Pattern.compile("roleDefinitions'\\s*,\\s*'([0-9a-f-]{36})'\\s*\\)");

  private static Path root;
  private static BicepCheck.Result result;
  private static Templates templates;

  @BeforeAll
  static void parseTemplates() throws Exception {
    root = BicepCheck.projectRoot();
    result = BicepCheck.run(BicepCheck.toolDir(), root, root.resolve("bicep"));
    templates = new Templates(result.files());
  }

  @Test
  void everyTemplateParsesAndKeepsTheRules() throws IOException {
    assertThat(result.violations()).as("bicep-check found:\n%s", result.describeViolations()).isEmpty();
    assertThat(result.exitCode()).isZero();
    // every .bicep file under bicep/ was parsed, and main.bicep is deployed at resource group scope
    Set<String> onDisk = new TreeSet<>();
    try (var files = Files.walk(root.resolve("bicep"))) {
      files.filter(p -> p.toString().endsWith(".bicep")).forEach(p -> onDisk.add(root.relativize(p).toString()));
    }
    Set<String> parsed = new TreeSet<>();
    result.files().forEach(f -> parsed.add(f.path("file").asText()));
    assertThat(parsed).isEqualTo(onDisk).contains("bicep/main.bicep");
    assertThat(templates.file("bicep/main.bicep").path("targetScope").asText()).isEqualTo("resourceGroup");
  }

  @Test
  void modulesAreCalledWithTheParametersTheyDeclare() {
    // what the compiler would check: each module file exists, gets its required parameters, and no unknown one
    for (JsonNode caller : templates.files) {
      for (JsonNode module : caller.path("modules")) {
        String where = caller.path("file").asText() + ":" + module.path("line").asInt() + " module "
            + module.path("symbol").asText();
        JsonNode target = templates.moduleFile(caller, module.path("path").asText());
        assertThat(target).as("%s: the file %s", where, module.path("path").asText()).isNotNull();
        Set<String> declared = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        for (JsonNode p : target.path("params")) {
          declared.add(p.path("name").asText());
          if (!p.has("default") || p.get("default").isNull()) required.add(p.path("name").asText());
        }
        Set<String> given = new TreeSet<>();
        module.path("body").path("params").fieldNames().forEachRemaining(given::add);
        assertThat(given).as("%s passes parameters %s does not declare", where, target.path("file").asText())
            .isSubsetOf(declared);
        assertThat(given).as("%s leaves out required parameters of %s", where, target.path("file").asText())
            .containsAll(required);
      }
    }
  }

  @Test
  void theFunctionAppSetsExactlyTheSettingsTheCodeReads() {
    Templates.Located settings = templates.appSettings();
    Set<String> names = new TreeSet<>();
    settings.node().fieldNames().forEachRemaining(names::add);
    Set<String> app = new TreeSet<>(names);
    app.removeAll(PLATFORM_SETTINGS);
    Set<String> missing = new TreeSet<>(Settings.NAMES);
    missing.removeAll(app);
    Set<String> extra = new TreeSet<>(app);
    extra.removeAll(Settings.NAMES);
    assertThat(missing).as("%s: settings in Settings.NAMES that the Function App does not set", settings.where())
        .isEmpty();
    assertThat(extra).as("%s: app settings that are not in Settings.NAMES (nor the platform's %s)",
        settings.where(), PLATFORM_SETTINGS).isEmpty();
    assertThat(names).as("%s: the platform's settings", settings.where()).containsAll(PLATFORM_SETTINGS);
  }

  @Test
  void localSettingsExampleAndBicepNameTheSameSettings() throws IOException {
    JsonNode example = new ObjectMapper().readTree(root.resolve("local.settings.json.example").toFile());
    Set<String> local = new TreeSet<>();
    example.path("Values").fieldNames().forEachRemaining(local::add);
    Templates.Located settings = templates.appSettings();
    Set<String> azure = new TreeSet<>();
    settings.node().fieldNames().forEachRemaining(azure::add);

    Set<String> onlyLocal = new TreeSet<>(local);
    onlyLocal.removeAll(azure);
    Set<String> onlyAzure = new TreeSet<>(azure);
    onlyAzure.removeAll(local);
    // the two sides differ only where Azure says the same thing another way:
    // FUNCTIONS_WORKER_RUNTIME is functionAppConfig.runtime on Flex Consumption, the host storage's
    // connection string is an identity-based connection, and there is no Application Insights locally
    assertThat(onlyLocal).as("settings in local.settings.json.example that %s does not set", settings.where())
        .isEqualTo(Set.of("FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage"));
    assertThat(onlyAzure).as("%s: app settings that local.settings.json.example does not list", settings.where())
        .isEqualTo(PLATFORM_SETTINGS);
    JsonNode runtime = templates.functionApp().node().path("properties").path("functionAppConfig").path("runtime");
    assertThat(runtime.path("name").asText()).isEqualTo(example.path("Values").path("FUNCTIONS_WORKER_RUNTIME").asText());
  }

  @Test
  void theFunctionAppRunsJava21OnFlexConsumptionWithItsIdentity() throws IOException {
    Templates.Located site = templates.functionApp();
    JsonNode props = site.node().path("properties");
    assertThat(site.node().path("identity").path("type").asText()).as(site.where()).isEqualTo("SystemAssigned");
    assertThat(props.path("httpsOnly").asBoolean()).as(site.where()).isTrue();
    JsonNode config = props.path("functionAppConfig");
    assertThat(config.path("runtime").path("name").asText()).as(site.where()).isEqualTo("java");
    assertThat(config.path("runtime").path("version").asText()).as(site.where()).isEqualTo("21");
    JsonNode storage = config.path("deployment").path("storage");
    assertThat(storage.path("type").asText()).isEqualTo("blobContainer");
    assertThat(storage.path("authentication").path("type").asText()).as(site.where())
        .isEqualTo("SystemAssignedIdentity");
    assertThat(props.path("siteConfig").has("appSettings")).as("%s: app settings belong in sites/config appsettings",
        site.where()).isFalse();
    assertThat(props.path("siteConfig").path("cors").path("allowedOrigins").path("$expr").asText())
        .isEqualTo("corsOrigins");

    Templates.Located plan = templates.only("Microsoft.Web/serverfarms");
    assertThat(plan.node().path("sku").path("name").asText()).as(plan.where()).isEqualTo("FC1");
    assertThat(plan.node().path("sku").path("tier").asText()).as(plan.where()).isEqualTo("FlexConsumption");

    Templates.Located settings = templates.appSettings();
    Set<String> names = new TreeSet<>();
    settings.node().fieldNames().forEachRemaining(names::add);
    assertThat(names).as("%s: settings Flex Consumption does not take", settings.where()).doesNotContainAnyElementsOf(NOT_ON_FLEX);
    assertThat(settings.node().path("AzureWebJobsStorage__credential").asText()).isEqualTo("managedidentity");
    assertThat(settings.node().path("APPLICATIONINSIGHTS_AUTHENTICATION_STRING").asText()).isEqualTo("Authorization=AAD");

    // host.json's %NAME% references and the triggers' connections are set
    String hostJson = Files.readString(root.resolve("host.json"));
    Matcher m = Pattern.compile("%([A-Za-z0-9_]+)%").matcher(hostJson);
    List<String> referenced = new ArrayList<>();
    while (m.find()) referenced.add(m.group(1));
    assertThat(referenced).isNotEmpty();
    assertThat(names).as("%s: settings host.json reads", settings.where()).containsAll(referenced);
    assertThat(names).contains(StartCvPipeline.CONNECTION + "__fullyQualifiedNamespace");
  }

  @Test
  void secretsAreKeyVaultReferencesAndServicesAreReachedByIdentity() {
    Templates.Located settings = templates.appSettings();
    JsonNode file = settings.file();
    // no key or connection string: identity instead
    for (String name : List.of(Settings.STORAGE_CONNECTION_STRING, Settings.COSMOS_KEY, Settings.OPENAI_API_KEY,
        Settings.LINK_SECRET)) {
      assertThat(settings.node().path(name).asText("not a literal")).as("%s: %s", settings.where(), name).isEmpty();
    }
    // the auth secret: empty or a Key Vault reference, never a value
    String authSecret = templates.resolve(file, settings.node().path(Settings.AUTH_SECRET)).path("$expr").asText();
    assertThat(authSecret).as("%s: %s", settings.where(), Settings.AUTH_SECRET)
        .contains("'@Microsoft.KeyVault(SecretUri=${keyVault.outputs.vaultUri}secrets/cvgen-auth-secret/)'")
        .contains("? ''");
    Templates.Located secret = templates.only("Microsoft.KeyVault/vaults/secrets");
    assertThat(secret.node().path("name").asText()).isEqualTo("cvgen-auth-secret");
    Templates.Located vault = templates.only("Microsoft.KeyVault/vaults");
    assertThat(vault.node().path("properties").path("enableRbacAuthorization").asBoolean()).as(vault.where()).isTrue();
    assertThat(vault.node().path("properties").path("enablePurgeProtection").asBoolean()).as(vault.where()).isTrue();

    // the endpoints the identity connects to come from the resources
    Map<String, String> from = Map.of(
        Settings.STORAGE_ACCOUNT_URL, "storage.outputs.appBlobEndpoint",
        Settings.COSMOS_ENDPOINT, "cosmos.outputs.endpoint",
        Settings.COSMOS_DATABASE, "cosmos.outputs.databaseName",
        Settings.SERVICE_BUS_NAMESPACE, "serviceBus.outputs.fullyQualifiedNamespace",
        Settings.KEY_VAULT_URL, "keyVault.outputs.vaultUri",
        Settings.OPENAI_ENDPOINT, "openAi.outputs.endpoint",
        Settings.OPENAI_DEPLOYMENT, "openAi.outputs.deploymentName");
    from.forEach((name, expr) -> assertThat(templates.resolve(file, settings.node().path(name)).path("$expr").asText())
        .as("%s: %s", settings.where(), name).isEqualTo(expr));
    assertThat(templates.resolve(file, settings.node().path(Settings.AUTH_MODE)).asText()).isEqualTo("entra");
  }

  @Test
  void appStorageHasTheCodesContainersAndLifecycleRules() {
    Set<String> containers = new TreeSet<>();
    for (Templates.Located c : templates.resources("Microsoft.Storage/storageAccounts/blobServices/containers")) {
      assertThat(c.node().path("properties").path("publicAccess").asText()).as(c.where()).isEqualTo("None");
      containers.add(templates.resolve(c.file(), c.node().path("name")).asText());
    }
    assertThat(containers).contains(BlobStore.UPLOADS, BlobStore.OUTPUTS);

    Templates.Located policy = templates.only("Microsoft.Storage/storageAccounts/managementPolicies");
    Map<String, JsonNode> byPrefix = new HashMap<>();
    for (JsonNode rule : policy.node().path("properties").path("policy").path("rules")) {
      assertThat(rule.path("enabled").asBoolean()).as(policy.where()).isTrue();
      JsonNode definition = rule.path("definition");
      for (JsonNode prefix : definition.path("filters").path("prefixMatch")) {
        byPrefix.put(prefix.asText(), definition.path("actions").path("baseBlob"));
      }
    }
    assertThat(byPrefix).as(policy.where()).containsOnlyKeys(BlobStore.UPLOADS + "/", BlobStore.OUTPUTS + "/");
    JsonNode uploads = byPrefix.get(BlobStore.UPLOADS + "/");
    assertThat(days(uploads, "delete")).as("%s: uploads deleted after", policy.where()).isEqualTo(7);
    assertThat(uploads.has("tierToCool") || uploads.has("tierToArchive")).isFalse();
    JsonNode outputs = byPrefix.get(BlobStore.OUTPUTS + "/");
    assertThat(days(outputs, "tierToCool")).as("%s: outputs to cool after", policy.where()).isEqualTo(30);
    assertThat(days(outputs, "tierToArchive")).as("%s: outputs to archive after", policy.where()).isEqualTo(90);
    assertThat(days(outputs, "delete")).as("%s: outputs deleted after", policy.where()).isEqualTo(365);
  }

  private static int days(JsonNode actions, String action) {
    JsonNode d = actions.path(action).path("daysAfterModificationGreaterThan");
    assertThat(d.isInt()).as("%s.daysAfterModificationGreaterThan is a number: %s", action, d).isTrue();
    return d.asInt();
  }

  @Test
  void theQueueGivesUpAfterThreeDeliveriesIntoTheDeadLetterQueue() {
    Templates.Located queue = templates.only("Microsoft.ServiceBus/namespaces/queues");
    assertThat(templates.resolve(queue.file(), queue.node().path("name")).asText()).as(queue.where())
        .isEqualTo(JobQueue.NAME);
    JsonNode props = queue.node().path("properties");
    assertThat(props.path("maxDeliveryCount").asInt()).as("%s: maxDeliveryCount", queue.where()).isEqualTo(3);
    assertThat(props.path("deadLetteringOnMessageExpiration").asBoolean()).as(queue.where()).isTrue();
    assertThat(props.path("requiresDuplicateDetection").asBoolean()).as(queue.where()).isTrue();
    Templates.Located namespace = templates.only("Microsoft.ServiceBus/namespaces");
    // duplicate detection needs the Standard tier
    assertThat(namespace.node().path("sku").path("name").asText()).as(namespace.where()).isEqualTo("Standard");
    assertThat(namespace.node().path("properties").path("disableLocalAuth").asBoolean()).isTrue();
  }

  @Test
  void cosmosDbIsServerlessWithTheContainersTheCodeUses() {
    Templates.Located account = templates.only("Microsoft.DocumentDB/databaseAccounts");
    assertThat(account.node().path("properties").path("capabilities").findValuesAsText("name"))
        .as(account.where()).contains("EnableServerless");
    assertThat(account.node().path("properties").path("disableLocalAuth").asBoolean()).isTrue();
    Templates.Located db = templates.only("Microsoft.DocumentDB/databaseAccounts/sqlDatabases");
    assertThat(templates.resolve(db.file(), db.node().path("name")).asText()).isEqualTo(CosmosStores.DEFAULT_DATABASE);

    Map<String, String> partitionKeys = new HashMap<>();
    Map<String, Integer> ttls = new HashMap<>();
    for (Templates.Located c : templates.resources("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers")) {
      JsonNode resource = c.node().path("properties").path("resource");
      String id = resource.path("id").asText();
      assertThat(c.node().path("name").asText()).as(c.where()).isEqualTo(id);
      partitionKeys.put(id, resource.path("partitionKey").path("paths").path(0).asText());
      if (resource.has("defaultTtl")) ttls.put(id, templates.resolve(c.file(), resource.get("defaultTtl")).asInt());
    }
    assertThat(partitionKeys).isEqualTo(Map.of(CosmosStores.JOBS, "/userId", CosmosStores.JOB_PROFILES, "/userId",
        CosmosStores.EXTRACTION_CACHE, "/id"));
    assertThat(ttls).isEqualTo(Map.of(CosmosStores.JOBS, CosmosStores.THIRTY_DAYS,
        CosmosStores.EXTRACTION_CACHE, CosmosStores.THIRTY_DAYS));
  }

  @Test
  void roleAssignmentsAreTheNarrowestBuiltInRolesEachOnOneResource() {
    Set<String> granted = new TreeSet<>();
    for (Templates.Located r : templates.resources("Microsoft.Authorization/roleAssignments")) {
      String definition = r.node().path("properties").path("roleDefinitionId").path("$expr").asText();
      Matcher m = ROLE_DEFINITION.matcher(definition);
      assertThat(m.find()).as("%s: a built-in role by id, was %s", r.where(), definition).isTrue();
      String role = BUILT_IN_ROLES.get(m.group(1));
      assertThat(role).as("%s: role %s", r.where(), m.group(1)).isNotNull();
      String scope = r.node().path("scope").path("$expr").asText();
      JsonNode target = templates.resource(r.file(), scope);
      assertThat(target).as("%s: scope %s", r.where(), scope).isNotNull();
      assertThat(r.node().path("properties").path("principalType").asText()).isEqualTo("ServicePrincipal");
      assertThat(r.node().path("properties").path("principalId").path("$expr").asText()).isEqualTo("principalId");
      granted.add(role + " on " + target.path("type").asText() + " " + scope);
    }
    assertThat(granted).containsExactlyInAnyOrder(
        "Storage Blob Data Contributor on Microsoft.Storage/storageAccounts appStorage",
        "Storage Blob Delegator on Microsoft.Storage/storageAccounts appStorage",
        "Storage Blob Data Owner on Microsoft.Storage/storageAccounts hostStorage",
        "Storage Queue Data Contributor on Microsoft.Storage/storageAccounts hostStorage",
        "Storage Table Data Contributor on Microsoft.Storage/storageAccounts hostStorage",
        "Azure Service Bus Data Sender on Microsoft.ServiceBus/namespaces/queues queue",
        "Azure Service Bus Data Receiver on Microsoft.ServiceBus/namespaces/queues queue",
        "Key Vault Secrets User on Microsoft.KeyVault/vaults keyVault",
        "Cognitive Services OpenAI User on Microsoft.CognitiveServices/accounts openAi",
        "Monitoring Metrics Publisher on Microsoft.Insights/components appInsights");

    // the roles module's storage accounts are the app's and the host's, in that order of names
    JsonNode main = templates.file("bicep/main.bicep");
    JsonNode roles = templates.module(main, "roles").path("body").path("params");
    assertThat(roles.path("principalId").path("$expr").asText()).isEqualTo("functionApp.outputs.principalId");
    assertThat(roles.path("appStorageName").path("$expr").asText()).isEqualTo("storage.outputs.appStorageName");
    assertThat(roles.path("hostStorageName").path("$expr").asText()).isEqualTo("storage.outputs.hostStorageName");

    // Cosmos DB's data plane: the built-in data contributor on the app's database only
    Templates.Located cosmos = templates.only("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");
    JsonNode props = cosmos.node().path("properties");
    assertThat(props.path("roleDefinitionId").path("$expr").asText()).as(cosmos.where())
        .endsWith("/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'");
    assertThat(props.path("scope").path("$expr").asText()).as(cosmos.where())
        .isEqualTo("'${cosmos.id}/dbs/${cosmosDatabaseName}'");
  }

  @Test
  void alertsWatchErrorsDeadLettersServerErrorsAndTimeoutsAndABudgetCapsTheMonth() throws IOException {
    Map<String, JsonNode> logAlerts = new HashMap<>();
    for (Templates.Located r : templates.resources("Microsoft.Insights/scheduledQueryRules")) {
      logAlerts.put(r.node().path("name").path("$expr").asText(), r.node().path("properties"));
      assertThat(r.node().path("properties").path("actions").path("actionGroups").path(0).path("$expr").asText())
          .as(r.where()).isEqualTo("actionGroup.id");
    }
    JsonNode errorRate = logAlerts.get("'cvgen-${environmentName}-function-error-rate'");
    JsonNode errorCriterion = errorRate.path("criteria").path("allOf").path(0);
    assertThat(errorCriterion.path("metricMeasureColumn").asText()).isEqualTo("errorRate");
    assertThat(errorCriterion.path("operator").asText()).isEqualTo("GreaterThan");
    assertThat(errorCriterion.path("threshold").asInt()).isEqualTo(5);
    assertThat(errorRate.path("windowSize").asText()).isEqualTo("PT5M");

    JsonNode http5xx = logAlerts.get("'cvgen-${environmentName}-http-5xx'");
    assertThat(http5xx.path("criteria").path("allOf").path(0).path("threshold").asInt()).isEqualTo(10);
    assertThat(http5xx.path("windowSize").asText()).isEqualTo("PT1M");
    assertThat(http5xx.path("criteria").path("allOf").path(0).path("query").asText()).contains(">= 500");

    JsonNode deadLettered = logAlerts.get("'cvgen-${environmentName}-dead-lettered-jobs'");
    assertThat(deadLettered.path("criteria").path("allOf").path(0).path("query").asText())
        .contains("'CvPipelineDeadLetter'");

    // near the timeout: 80 % of host.json's functionTimeout
    JsonNode nearTimeout = logAlerts.get("'cvgen-${environmentName}-near-timeout'");
    assertThat(nearTimeout.path("criteria").path("allOf").path(0).path("query").path("$expr").asText())
        .contains("duration > ${durationThresholdMs}");
    JsonNode alerts = templates.file("bicep/modules/alerts.bicep");
    assertThat(templates.var(alerts, "durationThresholdMs").path("$expr").asText())
        .isEqualTo("functionTimeoutSeconds * 800");
    JsonNode main = templates.file("bicep/main.bicep");
    String timeout = new ObjectMapper().readTree(root.resolve("host.json").toFile()).path("functionTimeout").asText();
    long hostSeconds = Duration.ofNanos(LocalTime.parse(timeout).toNanoOfDay()).toSeconds();
    assertThat(templates.resolve(main, templates.module(main, "alerts").path("body").path("params")
        .path("functionTimeoutSeconds")).asLong()).as("functionTimeoutSeconds in main.bicep against host.json")
        .isEqualTo(hostSeconds);

    Templates.Located deadLetters = templates.only("Microsoft.Insights/metricAlerts");
    JsonNode criterion = deadLetters.node().path("properties").path("criteria").path("allOf").path(0);
    assertThat(criterion.path("metricName").asText()).isEqualTo("DeadletteredMessages");
    assertThat(criterion.path("operator").asText()).isEqualTo("GreaterThan");
    assertThat(criterion.path("threshold").asInt()).isZero();
    assertThat(criterion.path("dimensions").path(0).path("values").path(0).path("$expr").asText()).isEqualTo("queueName");

    Templates.Located budget = templates.only("Microsoft.Consumption/budgets");
    assertThat(budget.node().path("properties").path("timeGrain").asText()).isEqualTo("Monthly");
    assertThat(budget.node().path("properties").path("amount").path("$expr").asText()).isEqualTo("monthlyBudget");
    assertThat(templates.resolve(main, templates.module(main, "alerts").path("body").path("params")
        .path("alertEmail")).path("$expr").asText()).isEqualTo("alertEmail");
  }

  @Test
  void outputsNameTheUrlsAndResourcesAndNoSecret() {
    JsonNode main = templates.file("bicep/main.bicep");
    Set<String> outputs = new LinkedHashSet<>();
    for (JsonNode o : main.path("outputs")) {
      outputs.add(o.path("name").asText());
      assertThat(o.path("secure").asBoolean()).isFalse();
      assertThat(o.path("name").asText()).doesNotContainPattern("(?i)secret|password|connectionstring|apikey");
    }
    assertThat(outputs).contains("functionAppUrl", "staticWebAppUrl", "functionAppName", "staticWebAppName",
        "appStorageAccountName", "cosmosAccountName", "serviceBusNamespaceName", "keyVaultName", "openAiAccountName");
    Set<String> params = new TreeSet<>();
    main.path("params").forEach(p -> params.add(p.path("name").asText()));
    assertThat(params).contains("environmentName", "location", "openAiModelName", "openAiCapacity",
        "allowedCorsOrigins", "alertEmail", "monthlyBudget");
    // the Static Web App is linked to the Function App as its API backend
    Templates.Located link = templates.only("Microsoft.Web/staticSites/linkedBackends");
    assertThat(link.node().path("properties").path("backendResourceId").path("$expr").asText()).isEqualTo("functionApp.id");
    Templates.Located swa = templates.only("Microsoft.Web/staticSites");
    assertThat(swa.node().path("sku").path("name").asText()).as("linked backends need the Standard plan")
        .isEqualTo("Standard");
  }

  // --- the checker catches what it must (each snippet is checked on its own) ---

  @Test
  void aSyntaxErrorFailsWithItsFileAndLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("broken.bicep"), """
        param location string = resourceGroup().location

        resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = {
          name: 'stbroken'
          location: location
          properties: {
            allowSharedKeyAccess false
          }
        }
        """);
    BicepCheck.Result r = BicepCheck.run(BicepCheck.toolDir(), dir, dir.resolve("broken.bicep"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.violations()).anySatisfy(v -> {
      assertThat(v.path("rule").asText()).isEqualTo("syntax");
      assertThat(v.path("file").asText()).isEqualTo("broken.bicep");
      assertThat(v.path("line").asInt()).isBetween(3, 7);
    });
    assertThat(r.stderr()).contains("broken.bicep:").contains(": syntax:");

    Files.writeString(dir.resolve("unclosed.bicep"), "resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n"
        + "  name: 'x'\n");
    BicepCheck.Result unclosed = BicepCheck.run(BicepCheck.toolDir(), dir, dir.resolve("unclosed.bicep"));
    assertThat(unclosed.violations()).extracting(v -> v.path("rule").asText()).contains("syntax");
  }

  @Test
  void keysAndSharedKeyAccessAreCaught(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("keys.bicep"), """
        resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = {
          name: 'stkeys'
          properties: {
            allowSharedKeyAccess: true
            allowBlobPublicAccess: false
          }
        }

        resource sb 'Microsoft.ServiceBus/namespaces@2021-11-01' = {
          name: 'sb-keys'
          properties: {}
        }

        var keys = sa.listKeys()
        var conn = 'DefaultEndpointsProtocol=https;AccountName=${sa.name};AccountKey=${keys.keys[0].value}'
        var sbKeys = listKeys(resourceId('Microsoft.ServiceBus/namespaces/authorizationRules', 'sb-keys', 'x'), '2021-11-01')
        """);
    BicepCheck.Result r = BicepCheck.run(BicepCheck.toolDir(), dir, dir.resolve("keys.bicep"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.describeViolations()).contains(
        "keys.bicep:1:1: local-auth: Microsoft.Storage/storageAccounts 'sa' must set properties.allowSharedKeyAccess: false (found true)",
        "keys.bicep:9:1: local-auth: Microsoft.ServiceBus/namespaces 'sb' must set properties.disableLocalAuth: true (found nothing)",
        "keys.bicep:14:12: no-keys: listKeys()",
        "keys.bicep:15:", "no-keys: a connection string with a key (AccountKey=",
        "keys.bicep:16:14: no-keys: listKeys()");
  }

  @Test
  void roleAssignmentsOutsideAResourceAndSecretOutputsAreCaught(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("roles.bicep"), """
        param principalId string
        @secure()
        param password string

        resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
          name: 'stroles'
        }

        resource onSubscription 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(subscription().id, principalId)
          scope: subscription()
          properties: {
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
            principalId: principalId
          }
        }

        resource onGroup 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(resourceGroup().id, principalId)
          properties: {
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
            principalId: principalId
          }
        }

        resource onAccount 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(sa.id, principalId)
          scope: sa
          properties: {
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
            principalId: principalId
          }
        }

        output leaked string = 'the password is ${password}'
        """);
    BicepCheck.Result r = BicepCheck.run(BicepCheck.toolDir(), dir, dir.resolve("roles.bicep"));
    assertThat(r.describeViolations()).contains(
        "roles.bicep:9:1: role-scope: role assignment 'onSubscription' is scoped to subscription()",
        "roles.bicep:18:1: role-scope: role assignment 'onGroup' has no scope",
        "roles.bicep:35:1: secret-output: output 'leaked' reads the @secure() parameter password");
    // the one on the storage account is fine
    assertThat(r.describeViolations()).doesNotContain("onAccount");

    Files.writeString(dir.resolve("subscription.bicep"), """
        targetScope = 'subscription'
        param principalId string
        resource everywhere 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(principalId)
          properties: {
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')
            principalId: principalId
          }
        }
        """);
    BicepCheck.Result sub = BicepCheck.run(BicepCheck.toolDir(), dir, dir.resolve("subscription.bicep"));
    assertThat(sub.describeViolations()).contains(
        "subscription.bicep:3:1: role-scope: role assignment 'everywhere' in a file deployed at subscription scope");
  }

  @Test
  void aCleanSnippetPasses(@TempDir Path dir) throws Exception {
    // the control for the tests above: the same resources, written as the rules want
    Files.writeString(dir.resolve("clean.bicep"), """
        param principalId string
        resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = {
          name: 'stclean'
          properties: {
            allowSharedKeyAccess: false
            allowBlobPublicAccess: false
          }
        }
        resource reader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(sa.id, principalId)
          scope: sa
          properties: {
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
            principalId: principalId
          }
        }
        output blob string = sa.properties.primaryEndpoints.blob
        """);
    BicepCheck.Result r = BicepCheck.run(BicepCheck.toolDir(), dir, dir.resolve("clean.bicep"));
    assertThat(r.violations()).as(r.describeViolations()).isEmpty();
    assertThat(r.exitCode()).isZero();
    JsonNode sa = r.files().get(0).path("resources").path(0);
    assertThat(sa.path("type").asText()).isEqualTo("Microsoft.Storage/storageAccounts");
    assertThat(sa.path("apiVersion").asText()).isEqualTo("2023-05-01");
    assertThat(sa.path("body").path("properties").path("allowSharedKeyAccess").asBoolean(true)).isFalse();
  }

  @Test
  void withoutTheToolTheTestFailsAndSaysHowToInstallIt(@TempDir Path dir) {
    assertThatThrownBy(() -> BicepCheck.run(dir, dir, dir))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("run ./cvgen test");
  }

  /** The checker's facts of every file, with lookups and references followed to their values. */
  static final class Templates {
    final List<JsonNode> files;

    /** A resource's body in its file. */
    record Located(JsonNode file, JsonNode resource, JsonNode node) {
      String where() {
        return file.path("file").asText() + ":" + resource.path("line").asInt() + " (" + resource.path("symbol").asText()
            + ")";
      }
    }

    Templates(List<JsonNode> files) {
      this.files = files;
    }

    JsonNode file(String name) {
      return files.stream().filter(f -> f.path("file").asText().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no template " + name));
    }

    /** The resources of a type that this deployment creates (not existing ones), in every file. */
    List<Located> resources(String type) {
      List<Located> out = new ArrayList<>();
      for (JsonNode f : files) {
        for (JsonNode r : f.path("resources")) {
          if (r.path("type").asText().equals(type) && !r.path("existing").asBoolean()) {
            out.add(new Located(f, r, r.path("body")));
          }
        }
      }
      return out;
    }

    Located only(String type) {
      List<Located> all = resources(type);
      assertThat(all).as("resources of type %s", type).hasSize(1);
      return all.get(0);
    }

    Located functionApp() {
      return only("Microsoft.Web/sites");
    }

    /** The Function App's app settings (sites/config 'appsettings'): the properties object. */
    Located appSettings() {
      List<Located> all = resources("Microsoft.Web/sites/config").stream()
          .filter(r -> r.node().path("name").asText().equals("appsettings")).toList();
      assertThat(all).as("sites/config appsettings resources").hasSize(1);
      Located l = all.get(0);
      return new Located(l.file(), l.resource(), l.node().path("properties"));
    }

    /** The resource a symbol names in a file, or null. */
    JsonNode resource(JsonNode file, String symbol) {
      for (JsonNode r : file.path("resources")) {
        if (r.path("symbol").asText().equals(symbol)) return r;
      }
      return null;
    }

    JsonNode module(JsonNode file, String symbol) {
      for (JsonNode m : file.path("modules")) {
        if (m.path("symbol").asText().equals(symbol)) return m;
      }
      throw new AssertionError("no module " + symbol + " in " + file.path("file").asText());
    }

    JsonNode var(JsonNode file, String name) {
      for (JsonNode v : file.path("vars")) {
        if (v.path("name").asText().equals(name)) return v.path("value");
      }
      throw new AssertionError("no variable " + name + " in " + file.path("file").asText());
    }

    /** The file a module path of {@code caller} points at, or null. */
    JsonNode moduleFile(JsonNode caller, String path) {
      String target = Path.of(caller.path("file").asText()).resolveSibling(path).normalize().toString();
      return files.stream().filter(f -> f.path("file").asText().equals(target)).findFirst().orElse(null);
    }

    /**
     * A value with references followed: a variable to its value, a module parameter to what the
     * calling module passes (or its default). Anything else is returned as it is.
     */
    JsonNode resolve(JsonNode file, JsonNode value) {
      String expr = value.path("$expr").asText("");
      if (!expr.matches("[A-Za-z_][A-Za-z0-9_]*")) return value;
      for (JsonNode v : file.path("vars")) {
        if (v.path("name").asText().equals(expr)) return resolve(file, v.path("value"));
      }
      for (JsonNode p : file.path("params")) {
        if (!p.path("name").asText().equals(expr)) continue;
        for (JsonNode caller : files) {
          for (JsonNode m : caller.path("modules")) {
            JsonNode target = moduleFile(caller, m.path("path").asText());
            JsonNode arg = m.path("body").path("params").path(expr);
            if (target == file && !arg.isMissingNode()) return resolve(caller, arg);
          }
        }
        return p.path("default").isNull() ? value : resolve(file, p.path("default"));
      }
      return value;
    }
  }
}
