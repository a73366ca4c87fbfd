/**
 * Cosmos DB adapters of the core ports: {@link com.cvgen.functions.azure.cosmos.CosmosJobStore},
 * {@link com.cvgen.functions.azure.cosmos.CosmosJobProfileStore} and {@link
 * com.cvgen.functions.azure.cosmos.CosmosExtractionCache}, made together by {@link
 * com.cvgen.functions.azure.cosmos.CosmosStores}.
 */
package com.cvgen.functions.azure.cosmos;
