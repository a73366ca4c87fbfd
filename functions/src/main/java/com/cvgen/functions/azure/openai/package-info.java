/**
 * The Azure OpenAI adapter of core's {@link com.cvgen.core.llm.LlmClient} port, on the official
 * openai-java client: chat completions with a strict JSON schema, one retry policy (exponential
 * backoff with jitter, honouring retry-after), a circuit breaker, Entra ID or API key auth.
 */
package com.cvgen.functions.azure.openai;
