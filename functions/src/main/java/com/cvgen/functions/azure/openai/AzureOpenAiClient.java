package com.cvgen.functions.azure.openai;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.cvgen.core.llm.Answers;
import com.cvgen.core.llm.Completion;
import com.cvgen.core.llm.LlmAnswerException;
import com.cvgen.core.llm.LlmClient;
import com.cvgen.core.llm.LlmUnavailableException;
import com.cvgen.core.llm.Prompt;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.RequestOptions;
import com.openai.credential.BearerTokenCredential;
import com.openai.credential.Credential;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LlmClient} for an Azure OpenAI chat deployment, on openai-java.
 *
 * <ul>
 *   <li>POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=..., with
 *       {@code response_format} json_schema, {@code strict: true}, the prompt's temperature (0 for
 *       CVs), the system and user messages.
 *   <li>Auth: an Entra ID token for {@value #SCOPE} from a {@link TokenCredential} (cached until five
 *       minutes before it expires), or an API key (header {@code api-key}).
 *   <li>One retry policy (the SDK's own retries are off): on 429, 408, 409, 5xx, network errors and
 *       timeouts, up to {@link Options#maxAttempts()} attempts, waiting what {@code retry-after-ms} or
 *       {@code retry-after} says (at most {@link Options#maxRetryAfter()}), else exponential backoff
 *       from {@link Options#initialBackoff()} up to {@link Options#maxBackoff()} with ±
 *       {@link Options#jitter()} random jitter. Each attempt is limited to {@link Options#timeout()}.
 *       A caller that waits (an HTTP request) gives a budget for the whole call instead:
 *       {@link #complete(Prompt, Duration)}.
 *   <li>A circuit breaker around each attempt: when at least {@link Options#failureRateThreshold()}
 *       percent of the last {@link Options#circuitWindow()} attempts failed (service or network
 *       failures; bad answers do not count), it opens for {@link Options#circuitOpenFor()} and every
 *       call fails at once with {@link LlmUnavailableException}, sending nothing.
 *   <li>The answer's content must be a JSON object valid against the prompt's schema, else
 *       {@link LlmAnswerException}; so are refusals, content-filter stops and answers cut off at the
 *       token limit.
 * </ul>
 *
 * Thread-safe; create one per deployment and share it.
 */
public final class AzureOpenAiClient implements LlmClient, AutoCloseable {
  /** The Entra ID scope of Azure OpenAI (Cognitive Services). */
  public static final String SCOPE = "https://cognitiveservices.azure.com/.default";
  private static final Logger LOG = LoggerFactory.getLogger(AzureOpenAiClient.class);
  private static final Set<Integer> TRANSIENT = Set.of(408, 409, 429);

  /**
   * @param timeout the limit of one attempt (connect, send, wait, read)
   * @param maxAttempts attempts per call, the first included (1 = no retries)
   * @param initialBackoff the wait before the second attempt when the service says nothing
   * @param maxBackoff the longest computed wait
   * @param jitter the random share of a computed wait, 0 to 1 (0.2: ±20 %)
   * @param maxRetryAfter the longest wait a retry-after header is honoured with (longer: capped)
   * @param circuitWindow attempts the circuit breaker looks back on (and needs before it can open)
   * @param failureRateThreshold the failing share of the window, in percent, that opens the circuit
   * @param circuitOpenFor how long the circuit stays open before it lets one trial call through
   */
  public record Options(Duration timeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
      double jitter, Duration maxRetryAfter, int circuitWindow, float failureRateThreshold, Duration circuitOpenFor) {

    public Options {
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(initialBackoff, "initialBackoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
      Objects.requireNonNull(circuitOpenFor, "circuitOpenFor");
      if (timeout.isZero() || timeout.isNegative()) throw new IllegalArgumentException("timeout must be positive");
      if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
      if (jitter < 0 || jitter > 1) throw new IllegalArgumentException("jitter must be within [0, 1]");
      if (circuitWindow < 1) throw new IllegalArgumentException("circuitWindow must be at least 1");
      if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
        throw new IllegalArgumentException("failureRateThreshold must be within (0, 100]");
      }
    }

    /**
     * 90 s per attempt, 4 attempts, backoff 2 s doubling up to 30 s with ±20 % jitter, retry-after
     * honoured up to 60 s; the circuit opens when half of the last 10 attempts failed, for 60 s.
     */
    public static Options defaults() {
      return new Options(Duration.ofSeconds(90), 4, Duration.ofSeconds(2), Duration.ofSeconds(30), 0.2,
          Duration.ofSeconds(60), 10, 50f, Duration.ofSeconds(60));
    }

    public Options withTimeout(Duration t) {
      return new Options(t, maxAttempts, initialBackoff, maxBackoff, jitter, maxRetryAfter, circuitWindow,
          failureRateThreshold, circuitOpenFor);
    }

    public Options withRetries(int attempts, Duration initial, Duration max) {
      return new Options(timeout, attempts, initial, max, jitter, maxRetryAfter, circuitWindow, failureRateThreshold,
          circuitOpenFor);
    }

    public Options withCircuit(int window, float threshold, Duration openFor) {
      return new Options(timeout, maxAttempts, initialBackoff, maxBackoff, jitter, maxRetryAfter, window, threshold,
          openFor);
    }
  }

  private final OpenAIClient client;
  private final String deployment;
  private final Options options;
  private final Retry retry;
  private final CircuitBreaker circuit;
  private final Clock clock;
  private final Map<JsonNode, JsonSchema> schemas = new ConcurrentHashMap<>();

  /**
   * Authenticates with Entra ID (managed identity, workload identity, developer login: e.g.
   * {@code new DefaultAzureCredentialBuilder().build()}).
   *
   * @param endpoint the resource endpoint, e.g. https://my-resource.openai.azure.com
   * @param deployment the chat deployment's name
   * @param apiVersion the Azure OpenAI API version, e.g. "2024-10-21" (json_schema needs 2024-08-01-preview or later)
   */
  public static AzureOpenAiClient withEntraId(String endpoint, String deployment, String apiVersion,
      TokenCredential credential, Options options) {
    Objects.requireNonNull(credential, "credential");
    EntraTokens tokens = new EntraTokens(credential);
    return new AzureOpenAiClient(endpoint, deployment, apiVersion, BearerTokenCredential.create(tokens::token),
        options);
  }

  /** Authenticates with the resource's API key (header {@code api-key}). */
  public static AzureOpenAiClient withApiKey(String endpoint, String deployment, String apiVersion, String apiKey,
      Options options) {
    if (apiKey == null || apiKey.isBlank()) throw new IllegalArgumentException("Azure OpenAI API key is blank");
    return new AzureOpenAiClient(endpoint, deployment, apiVersion, AzureApiKeyCredential.create(apiKey), options);
  }

  private AzureOpenAiClient(String endpoint, String deployment, String apiVersion, Credential credential,
      Options options) {
    Objects.requireNonNull(endpoint, "endpoint");
    this.deployment = requireText(deployment, "deployment");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Clock.systemUTC();
    this.client = OpenAIOkHttpClient.builder()
        .baseUrl(endpoint.strip().replaceAll("/+$", ""))
        // the path mode is chosen by host name otherwise: any other host (a gateway, a private
        // endpoint alias, the test stub) would get OpenAI's paths, no deployment and no api-version
        .azureUrlPathMode(AzureUrlPathMode.LEGACY)
        .azureServiceVersion(AzureOpenAIServiceVersion.fromString(requireText(apiVersion, "apiVersion")))
        .credential(credential)
        .maxRetries(0) // the retry policy is this class's
        .timeout(options.timeout())
        .build();
    this.circuit = CircuitBreaker.of("azure-openai-" + deployment, CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(options.circuitWindow())
        .minimumNumberOfCalls(options.circuitWindow())
        .failureRateThreshold(options.failureRateThreshold())
        .waitDurationInOpenState(options.circuitOpenFor())
        .permittedNumberOfCallsInHalfOpenState(1)
        .recordException(e -> !(e instanceof LlmAnswerException))
        .build());
    this.retry = Retry.of("azure-openai-" + deployment, retryConfig(Long.MAX_VALUE));
  }

  /** The deployment this client calls. */
  public String deployment() {
    return deployment;
  }

  /** The circuit breaker's state, e.g. for a health endpoint: CLOSED, OPEN, HALF_OPEN. */
  public String circuitState() {
    return circuit.getState().name();
  }

  /**
   * Retries transient failures; with a deadline ({@link System#nanoTime()}; {@link Long#MAX_VALUE}
   * for none) only while {@link #MIN_ATTEMPT} is left after the wait, and the wait is cut to leave it.
   */
  private RetryConfig retryConfig(long deadline) {
    return RetryConfig.<Completion>custom()
        .maxAttempts(options.maxAttempts())
        .retryOnException(e -> e instanceof TransientFailure && left(deadline) > MIN_ATTEMPT.toNanos())
        .intervalBiFunction((attempt, outcome) -> {
          long wait = wait(attempt, outcome.isLeft() && outcome.getLeft() instanceof TransientFailure t
              ? t.retryAfter : Optional.empty()).toMillis();
          return Math.max(0, Math.min(wait, (left(deadline) - MIN_ATTEMPT.toNanos()) / 1_000_000));
        })
        .build();
  }

  /** The shortest attempt worth making within a budget. */
  static final Duration MIN_ATTEMPT = Duration.ofSeconds(1);

  private static long left(long deadline) {
    return deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
  }

  @Override
  public Completion complete(Prompt prompt) {
    return call(prompt, retry, Long.MAX_VALUE);
  }

  /**
   * Within {@code budget} in all: each attempt is limited to what is left of it (and to {@link
   * Options#timeout()}), waits between attempts are cut, and no attempt starts with less than {@link
   * #MIN_ATTEMPT} left.
   */
  @Override
  public Completion complete(Prompt prompt, Duration budget) {
    if (budget.compareTo(MIN_ATTEMPT) < 0) throw new IllegalArgumentException("a budget must be at least " + MIN_ATTEMPT);
    long deadline = System.nanoTime() + budget.toNanos();
    return call(prompt, Retry.of(retry.getName(), retryConfig(deadline)), deadline);
  }

  private Completion call(Prompt prompt, Retry retry, long deadline) {
    ChatCompletionCreateParams params = params(prompt);
    AtomicInteger attempts = new AtomicInteger();
    Supplier<Completion> attempt = CircuitBreaker.decorateSupplier(circuit, () -> {
      attempts.incrementAndGet();
      long left = left(deadline); // at least about MIN_ATTEMPT when cut: retryConfig leaves it
      return attempt(params, prompt, left >= options.timeout().toNanos() ? options.timeout()
          : Duration.ofMillis(Math.max(100, left / 1_000_000)));
    });
    try {
      return Retry.decorateSupplier(retry, attempt).get();
    } catch (CallNotPermittedException e) {
      throw new LlmUnavailableException("Azure OpenAI deployment " + deployment + ": circuit open after repeated "
          + "failures, not calling it for now", e);
    } catch (TransientFailure e) {
      int n = attempts.get();
      throw new LlmUnavailableException("Azure OpenAI deployment " + deployment + " unavailable after " + n
          + (n == 1 ? " attempt" : " attempts") + (n < options.maxAttempts() ? " (the call's time was up)" : "")
          + ": " + e.getMessage(), e.getCause());
    }
  }

  private ChatCompletionCreateParams params(Prompt prompt) {
    Map<String, JsonValue> schema = new LinkedHashMap<>();
    prompt.schema().fields().forEachRemaining(f -> schema.put(f.getKey(), JsonValue.fromJsonNode(f.getValue())));
    return ChatCompletionCreateParams.builder()
        .model(deployment)
        .addSystemMessage(prompt.system())
        .addUserMessage(prompt.user())
        .temperature(prompt.temperature())
        .responseFormat(ResponseFormatJsonSchema.builder()
            .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                .name(prompt.schemaName())
                .strict(true)
                .schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder().additionalProperties(schema).build())
                .build())
            .build())
        .build();
  }

  private Completion attempt(ChatCompletionCreateParams params, Prompt prompt, Duration timeout) {
    ChatCompletion response;
    try {
      response = client.chat().completions().create(params, RequestOptions.builder().timeout(timeout).build());
    } catch (OpenAIServiceException e) {
      int status = e.statusCode();
      String what = "HTTP " + status + e.code().map(c -> " " + c).orElse("");
      if (TRANSIENT.contains(status) || status >= 500) {
        throw new TransientFailure(what, RetryAfter.of(e.headers(), clock.instant()), e);
      }
      if (status == 400 && e.code().filter("content_filter"::equals).isPresent()) {
        throw new LlmAnswerException("Azure OpenAI refused the prompt (content filter)", e);
      }
      // 400, 401, 403, 404: a configuration error (key, role, deployment, api-version, schema)
      throw new LlmUnavailableException("Azure OpenAI deployment " + deployment + " refused the call: " + what
          + " " + firstLine(e.getMessage()), e);
    } catch (OpenAIIoException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new TransientFailure("no answer within " + timeout.toMillis() + " ms or network error ("
          + cause.getClass().getSimpleName() + ")", Optional.empty(), e);
    }
    return completion(response, prompt);
  }

  private Completion completion(ChatCompletion response, Prompt prompt) {
    if (response.choices().isEmpty()) throw new LlmAnswerException("the answer has no choices");
    ChatCompletion.Choice choice = response.choices().getFirst();
    ChatCompletionMessage message = choice.message();
    Optional<String> refusal = message.refusal();
    if (refusal.isPresent() && !refusal.get().isBlank()) {
      throw new LlmAnswerException("the model refused: " + firstLine(refusal.get()));
    }
    String finish = choice.finishReason().asString();
    if ("length".equals(finish)) throw new LlmAnswerException("the answer was cut off at the token limit");
    if ("content_filter".equals(finish)) throw new LlmAnswerException("the answer was stopped by the content filter");
    String content = message.content().orElse("");
    if (content.isBlank()) throw new LlmAnswerException("the answer is empty");
    JsonNode json = Answers.parseObject(content);
    JsonSchema schema = schemas.computeIfAbsent(prompt.schema(),
        s -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(s));
    Set<ValidationMessage> violations = schema.validate(json);
    if (!violations.isEmpty()) {
      List<String> first = violations.stream().map(ValidationMessage::getMessage).sorted().limit(5).toList();
      throw new LlmAnswerException("the answer does not follow the schema " + prompt.schemaName() + ": " + first);
    }
    long promptTokens = response.usage().map(u -> u.promptTokens()).orElse(0L);
    long completionTokens = response.usage().map(u -> u.completionTokens()).orElse(0L);
    return new Completion(content, (int) promptTokens, (int) completionTokens, response.model());
  }

  /** The wait before attempt {@code attempt + 1}: the service's word, else exponential backoff with jitter. */
  Duration wait(int attempt, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent()) {
      Duration d = retryAfter.get();
      return d.compareTo(options.maxRetryAfter()) > 0 ? options.maxRetryAfter() : d;
    }
    double base = options.initialBackoff().toMillis() * Math.pow(2, Math.max(0, attempt - 1));
    base = Math.min(base, options.maxBackoff().toMillis());
    double spread = options.jitter() * base;
    double millis = base - spread + ThreadLocalRandom.current().nextDouble() * 2 * spread;
    return Duration.ofMillis(Math.max(0, Math.round(millis)));
  }

  @Override
  public void close() {
    client.close();
  }

  private static String requireText(String s, String name) {
    if (s == null || s.isBlank()) throw new IllegalArgumentException(name + " is blank");
    return s.strip();
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    String line = s.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  /** A failure worth another attempt; carries the service's retry-after, if any. */
  private static final class TransientFailure extends RuntimeException {
    final Optional<Duration> retryAfter;

    TransientFailure(String message, Optional<Duration> retryAfter, Throwable cause) {
      super(message, cause);
      this.retryAfter = retryAfter;
    }
  }

  /** Entra ID tokens, fetched when missing or within five minutes of expiry. */
  private static final class EntraTokens {
    private final TokenCredential credential;
    private final TokenRequestContext context = new TokenRequestContext().addScopes(SCOPE);
    private AccessToken token;

    EntraTokens(TokenCredential credential) {
      this.credential = credential;
    }

    synchronized String token() {
      if (token == null || token.getExpiresAt().isBefore(OffsetDateTime.now().plusMinutes(5))) {
        try {
          token = credential.getTokenSync(context);
        } catch (RuntimeException e) {
          throw new LlmUnavailableException("no Entra ID token for Azure OpenAI: " + e.getMessage(), e);
        }
        if (token == null) throw new LlmUnavailableException("no Entra ID token for Azure OpenAI");
        LOG.debug("Entra ID token for Azure OpenAI, valid until {}", token.getExpiresAt());
      }
      return token.getToken();
    }
  }
}
