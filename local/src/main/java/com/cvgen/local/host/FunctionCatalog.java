package com.cvgen.local.host;

import com.cvgen.local.queue.MessageHandler;
import com.cvgen.local.queue.QueueMessage;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.ServiceBusQueueTrigger;
import com.microsoft.azure.functions.spi.inject.FunctionInstanceInjector;
import com.microsoft.durabletask.TaskOrchestrationContext;
import com.microsoft.durabletask.azurefunctions.DurableActivityTrigger;
import com.microsoft.durabletask.azurefunctions.DurableClientContext;
import com.microsoft.durabletask.azurefunctions.DurableClientInput;
import com.microsoft.durabletask.azurefunctions.DurableOrchestrationTrigger;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The functions of the app, found the way the Functions Java worker finds them ({@code public}
 * methods annotated {@link FunctionName}) by scanning packages, with everything the embedded host
 * needs to call them exactly as the worker does: parameters bound by annotation, instances made by
 * the app's {@link FunctionInstanceInjector} (or a public no-argument constructor), one per class.
 *
 * <p>Supported bindings: {@link HttpTrigger} ({@code HttpRequestMessage<Optional<String>>}, {@code
 * <Optional<byte[]>>}, {@code <String>}, {@code <byte[]>} or a JSON type, {@code dataType =
 * "binary"} for a raw or wildcard body type); {@link ServiceBusQueueTrigger} (String, byte[] or a
 * JSON type) with {@link BindingName} {@code MessageId}, {@code DeliveryCount}, {@code
 * ApplicationProperties}, {@code EnqueuedTimeUtc} and {@code SequenceNumber}; {@link
 * BindingName} of an HTTP route parameter (or else a query parameter); {@link
 * DurableOrchestrationTrigger} ({@code TaskOrchestrationContext}); {@link DurableActivityTrigger}
 * (any JSON type, {@link BindingName} {@code instanceId}); {@link DurableClientInput}; {@link
 * ExecutionContext}. Anything else fails {@link Builder#build()} with a {@link
 * FunctionDefinitionException} naming the method and parameter.
 */
public final class FunctionCatalog implements com.cvgen.local.durable.DurableFunctions {
  /** Where the app's functions live. */
  public static final String DEFAULT_PACKAGE = "com.cvgen.functions";

  private static final Logger LOG = LoggerFactory.getLogger(FunctionCatalog.class);
  private static final Set<String> QUEUE_BINDINGS = Set.of(
      "MessageId", "DeliveryCount", "ApplicationProperties", "UserProperties", "EnqueuedTimeUtc", "SequenceNumber");

  private final List<Fn> functions;
  private final Map<String, Fn> byName;
  private final List<Fn> http;
  private final Map<String, Fn> orchestrators;
  private final Map<String, Fn> activities;
  private final Map<String, Fn> queues;
  private final FunctionInstanceInjector injector;
  private final Supplier<String> rpcBaseUrl;
  private final Supplier<String> taskHubName;
  private final Gson gson = new Gson();
  private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();

  private FunctionCatalog(List<Fn> functions, FunctionInstanceInjector injector, Supplier<String> rpcBaseUrl,
      Supplier<String> taskHubName) {
    this.functions = List.copyOf(functions);
    this.injector = injector;
    this.rpcBaseUrl = rpcBaseUrl;
    this.taskHubName = taskHubName;
    Map<String, Fn> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, Fn> orch = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, Fn> act = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, Fn> q = new LinkedHashMap<>();
    List<Fn> h = new ArrayList<>();
    for (Fn f : functions) {
      names.put(f.info.name(), f);
      switch (f.info.trigger()) {
        case HTTP -> h.add(f);
        case SERVICE_BUS_QUEUE -> q.put(f.info.queueName(), f);
        case ORCHESTRATION -> orch.put(f.info.durableName(), f);
        case ACTIVITY -> act.put(f.info.durableName(), f);
      }
    }
    h.sort(Comparator.comparing((Fn f) -> f.route, RouteTemplate.PRECEDENCE));
    this.byName = Collections.unmodifiableMap(names);
    this.orchestrators = Collections.unmodifiableMap(orch);
    this.activities = Collections.unmodifiableMap(act);
    this.queues = Collections.unmodifiableMap(q);
    this.http = List.copyOf(h);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every function found, sorted by name. */
  public List<FunctionInfo> functions() {
    return functions.stream().map(f -> f.info).toList();
  }

  public Optional<FunctionInfo> function(String name) {
    return Optional.ofNullable(byName.get(name)).map(f -> f.info);
  }

  // ------------------------------------------------------------------------------ durable backend

  @Override
  public boolean hasOrchestrator(String name) {
    return name != null && orchestrators.containsKey(name);
  }

  /**
   * Runs the {@link DurableOrchestrationTrigger} method called {@code name} with {@code ctx}. A
   * runtime exception or error it throws comes out unchanged (the SDK's {@code
   * OrchestratorBlockedException} must pass through); a checked one is wrapped.
   */
  @Override
  public Object runOrchestrator(String name, TaskOrchestrationContext ctx) {
    Fn fn = orchestrators.get(name);
    if (fn == null) throw new IllegalArgumentException("no orchestrator function named " + name);
    Call call = new Call(fn);
    call.orchestration = ctx;
    try {
      return invoke(fn, call);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("orchestrator " + name + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasActivity(String name) {
    return name != null && activities.containsKey(name);
  }

  /**
   * Runs the {@link DurableActivityTrigger} method called {@code name}: the input JSON becomes the
   * parameter's type with Gson (a String parameter gets the decoded string when the JSON is a
   * string literal, else the raw JSON); the result becomes JSON with Gson (null stays null). The
   * activity's own exception comes out unwrapped.
   */
  @Override
  public String runActivity(String name, String inputJson, String instanceId) throws Exception {
    Fn fn = activities.get(name);
    if (fn == null) throw new IllegalArgumentException("no activity function named " + name);
    Call call = new Call(fn);
    call.activityInput = inputJson;
    call.instanceId = instanceId;
    Object result = invoke(fn, call);
    if (result == null || fn.method.getReturnType() == void.class) return null;
    return gson.toJson(result);
  }

  // -------------------------------------------------------------------------------------- queues

  /** Queue name to a handler that invokes its {@link ServiceBusQueueTrigger} function. */
  public Map<String, MessageHandler> queueHandlers() {
    Map<String, MessageHandler> out = new LinkedHashMap<>();
    queues.forEach((queue, fn) -> out.put(queue, message -> {
      Call call = new Call(fn);
      call.message = message;
      invoke(fn, call);
    }));
    return Collections.unmodifiableMap(out);
  }

  // ---------------------------------------------------------------------------------------- HTTP

  /** HTTP functions, the most specific route first. */
  List<Fn> httpFunctions() {
    return http;
  }

  /** A request as the server read it. */
  record HttpInput(URI uri, HttpMethod method, Map<String, String> headers, Map<String, String> query, byte[] body) {}

  /** Calls an HTTP function; its own exception comes out unwrapped, a bad body as {@link BindingException}. */
  Object invokeHttp(Fn fn, HttpInput input, Map<String, String> routeParams) throws Exception {
    Call call = new Call(fn);
    call.request = new HostHttpRequest<>(input.uri(), input.method(), input.headers(), input.query(),
        body(fn, input.body()));
    call.routeParams = routeParams;
    return invoke(fn, call);
  }

  private Object body(Fn fn, byte[] bytes) {
    boolean empty = bytes == null || bytes.length == 0;
    Object value = switch (fn.bodyKind) {
      case STRING -> empty ? (fn.bodyOptional ? null : "") : new String(bytes, StandardCharsets.UTF_8);
      case BYTES -> empty ? (fn.bodyOptional ? null : new byte[0]) : bytes;
      case JSON -> {
        if (empty) yield null;
        try {
          yield gson.fromJson(new String(bytes, StandardCharsets.UTF_8), fn.bodyType);
        } catch (JsonParseException e) {
          throw new BindingException("The request body is not valid JSON for this function");
        }
      }
    };
    return fn.bodyOptional ? Optional.ofNullable(value) : value;
  }

  /** A request value that cannot be bound to the function's parameter: the caller's fault. */
  static final class BindingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BindingException(String message) {
      super(message);
    }
  }

  // ---------------------------------------------------------------------------------- invocation

  private Object invoke(Fn fn, Call call) throws Exception {
    Object[] args = new Object[fn.binders.size()];
    for (int i = 0; i < args.length; i++) args[i] = fn.binders.get(i).bind(call);
    Object target = Modifier.isStatic(fn.method.getModifiers()) ? null : instance(fn.owner);
    try {
      return fn.method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) throw ex;
      if (cause instanceof Error err) throw err;
      throw e;
    }
  }

  /** The one instance of a function class, made on first use. */
  Object instance(Class<?> type) {
    Object existing = instances.get(type);
    if (existing != null) return existing;
    synchronized (instances) {
      existing = instances.get(type);
      if (existing != null) return existing;
      Object made;
      try {
        made = injector != null ? injector.getInstance(type) : type.getConstructor().newInstance();
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("cannot create " + type.getName() + ": " + e.getCause(), e.getCause());
      } catch (Exception e) {
        throw new IllegalStateException("cannot create " + type.getName() + ": " + e, e);
      }
      if (made == null) throw new IllegalStateException("the injector gave no instance of " + type.getName());
      instances.put(type, made);
      return made;
    }
  }

  private DurableClientContext durableClient() {
    String url = rpcBaseUrl == null ? null : rpcBaseUrl.get();
    if (url == null || url.isEmpty()) {
      throw new IllegalStateException("the durable task backend is not running (no RPC base URL)");
    }
    JsonObject o = new JsonObject();
    o.addProperty("rpcBaseUrl", url);
    o.addProperty("taskHubName", taskHubName == null ? null : taskHubName.get());
    o.addProperty("requiredQueryStringParameters", "");
    return gson.fromJson(o, DurableClientContext.class);
  }

  /** The inputs of one invocation. */
  private static final class Call {
    final String invocationId = UUID.randomUUID().toString();
    final ExecutionContext context;
    HostHttpRequest<?> request;
    Map<String, String> routeParams = Map.of();
    QueueMessage message;
    TaskOrchestrationContext orchestration;
    String activityInput;
    String instanceId;

    Call(Fn fn) {
      this.context = new InvocationContext(fn.info.name(), invocationId);
    }
  }

  @FunctionalInterface
  private interface Binder {
    Object bind(Call call);
  }

  enum BodyKind {
    STRING, BYTES, JSON
  }

  /** One function: its method, how each parameter is bound, and for HTTP its route and body. */
  static final class Fn {
    final FunctionInfo info;
    final Class<?> owner;
    final Method method;
    final List<Binder> binders;
    final RouteTemplate route;
    final BodyKind bodyKind;
    final Type bodyType;
    final boolean bodyOptional;

    Fn(FunctionInfo info, Class<?> owner, Method method, List<Binder> binders, RouteTemplate route,
        BodyKind bodyKind, Type bodyType, boolean bodyOptional) {
      this.info = info;
      this.owner = owner;
      this.method = method;
      this.binders = List.copyOf(binders);
      this.route = route;
      this.bodyKind = bodyKind;
      this.bodyType = bodyType;
      this.bodyOptional = bodyOptional;
    }

    /** Methods accepted; empty for all. */
    Set<HttpMethod> methods() {
      return info.methods();
    }
  }

  // ------------------------------------------------------------------------------------- builder

  /** Scans and checks the functions. */
  public static final class Builder {
    private final List<String> packages = new ArrayList<>();
    private final List<Class<?>> classes = new ArrayList<>();
    private FunctionInstanceInjector injector;
    private boolean constructorsOnly;
    private Supplier<String> rpcBaseUrl;
    private Supplier<String> taskHubName;
    private Function<String, String> settings = Builder::environmentSetting;

    private Builder() {}

    private static String environmentSetting(String name) {
      String v = System.getenv(name);
      return v != null ? v : System.getProperty(name);
    }

    /**
     * Where {@code %NAME%} in a queue name is looked up (default: environment variables, then
     * system properties), like the app settings of a function app.
     */
    public Builder settings(Function<String, String> lookup) {
      this.settings = Objects.requireNonNull(lookup);
      return this;
    }

    /** Packages to scan (with sub-packages); {@link #DEFAULT_PACKAGE} when no package or class is given. */
    public Builder packages(String... names) {
      packages.addAll(Arrays.asList(names));
      return this;
    }

    /** Function classes to take as they are, besides any scanned. */
    public Builder classes(Class<?>... types) {
      classes.addAll(Arrays.asList(types));
      return this;
    }

    /**
     * The injector that makes function instances. Without one, the first {@link
     * FunctionInstanceInjector} that {@link ServiceLoader} finds is used, else a public no-argument
     * constructor.
     */
    public Builder injector(FunctionInstanceInjector injector) {
      this.injector = injector;
      return this;
    }

    /** Makes instances with the public no-argument constructor, ignoring any installed injector. */
    public Builder constructorsOnly() {
      this.constructorsOnly = true;
      this.injector = null;
      return this;
    }

    /**
     * Where {@link DurableClientInput} parameters point: asked at each invocation, since the
     * durable backend may start after the catalog.
     */
    public Builder durableClient(Supplier<String> rpcBaseUrl, Supplier<String> taskHubName) {
      this.rpcBaseUrl = rpcBaseUrl;
      this.taskHubName = taskHubName;
      return this;
    }

    /** @throws FunctionDefinitionException listing every function that cannot be hosted */
    public FunctionCatalog build() {
      Set<Class<?>> types = new LinkedHashSet<>(classes);
      List<String> pkgs = packages.isEmpty() && classes.isEmpty() ? List.of(DEFAULT_PACKAGE) : packages;
      if (!pkgs.isEmpty()) types.addAll(scan(pkgs));
      FunctionInstanceInjector inj = injector != null ? injector : constructorsOnly ? null : loadInjector();
      List<String> problems = new ArrayList<>();
      List<Fn> fns = new ArrayList<>();
      CatalogRef ref = new CatalogRef();
      for (Class<?> type : types.stream().sorted(Comparator.comparing(Class::getName)).toList()) {
        fns.addAll(new Definer(ref, problems, inj == null, settings).define(type));
      }
      checkUnique(fns, problems);
      if (!problems.isEmpty()) throw new FunctionDefinitionException(problems);
      fns.sort(Comparator.comparing((Fn f) -> f.info.name(), String.CASE_INSENSITIVE_ORDER));
      FunctionCatalog catalog = new FunctionCatalog(fns, inj, rpcBaseUrl, taskHubName);
      ref.catalog = catalog;
      if (LOG.isInfoEnabled()) {
        LOG.info("Functions:{}", fns.stream().map(f -> "\n  " + f.info.describe()).collect(Collectors.joining()));
      }
      return catalog;
    }

    private static List<Class<?>> scan(List<String> pkgs) {
      try (ScanResult scan = new ClassGraph()
          .enableClassInfo().enableMethodInfo().enableAnnotationInfo()
          .ignoreClassVisibility()
          .acceptPackages(pkgs.toArray(String[]::new))
          // only the jars and folders that hold these packages: the host starts in far less time
          .acceptClasspathElementsContainingResourcePath(
              pkgs.stream().map(p -> p.replace('.', '/') + "/*").toArray(String[]::new))
          .disableNestedJarScanning()
          .disableModuleScanning()
          .scan()) {
        List<Class<?>> out = new ArrayList<>();
        for (ClassInfo ci : scan.getClassesWithMethodAnnotation(FunctionName.class.getName())) {
          out.add(ci.loadClass());
        }
        return out;
      }
    }

    private static FunctionInstanceInjector loadInjector() {
      return ServiceLoader.load(FunctionInstanceInjector.class).findFirst().orElse(null);
    }

    private static void checkUnique(List<Fn> fns, List<String> problems) {
      Map<String, Fn> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      Map<String, Fn> durable = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      Map<String, Fn> queues = new LinkedHashMap<>();
      List<Fn> http = new ArrayList<>();
      for (Fn f : fns) {
        FunctionInfo i = f.info;
        Fn other = names.putIfAbsent(i.name(), f);
        if (other != null) {
          problems.add("function name '" + i.name() + "' is used by " + other.info.target() + " and " + i.target());
        }
        if (i.trigger() == TriggerKind.ORCHESTRATION || i.trigger() == TriggerKind.ACTIVITY) {
          String key = i.trigger() + ":" + i.durableName();
          other = durable.putIfAbsent(key, f);
          if (other != null && !other.info.name().equalsIgnoreCase(i.name())) {
            problems.add(i.trigger().name().toLowerCase(Locale.ROOT) + " name '" + i.durableName()
                + "' is used by " + other.info.target() + " and " + i.target());
          }
        }
        if (i.trigger() == TriggerKind.SERVICE_BUS_QUEUE) {
          other = queues.putIfAbsent(i.queueName(), f);
          if (other != null) {
            problems.add("queue '" + i.queueName() + "' triggers both " + other.info.target() + " and " + i.target()
                + "; the embedded host delivers a queue to one function");
          }
        }
        if (i.trigger() == TriggerKind.HTTP) {
          for (Fn h : http) {
            if (shape(h.route).equals(shape(f.route)) && overlap(h.methods(), f.methods())) {
              problems.add("routes '" + h.route + "' of " + h.info.target() + " and '" + f.route + "' of "
                  + i.target() + " match the same requests");
            }
          }
          http.add(f);
        }
      }
    }

    private static String shape(RouteTemplate t) {
      return t.segments().stream()
          .map(s -> s.kind() == RouteTemplate.Kind.LITERAL
              ? s.text().toLowerCase(Locale.ROOT)
              : "{" + s.kind() + s.constraints() + "}")
          .collect(Collectors.joining("/"));
    }

    private static boolean overlap(Set<HttpMethod> a, Set<HttpMethod> b) {
      if (a.isEmpty() || b.isEmpty()) return true;
      return a.stream().anyMatch(b::contains);
    }
  }

  /** Lets binders built before the catalog reach it (for instances and the durable client). */
  private static final class CatalogRef {
    FunctionCatalog catalog;
  }

  /** Checks one class's functions and builds their binders. */
  private static final class Definer {
    private static final java.util.regex.Pattern SETTING = java.util.regex.Pattern.compile("%([^%]+)%");

    private final CatalogRef ref;
    private final List<String> problems;
    private final boolean needsConstructor;
    private final Function<String, String> settings;
    private final Gson gson = new Gson();

    Definer(CatalogRef ref, List<String> problems, boolean needsConstructor, Function<String, String> settings) {
      this.ref = ref;
      this.problems = problems;
      this.needsConstructor = needsConstructor;
      this.settings = settings;
    }

    /** Replaces {@code %NAME%} with the app setting, as the Functions host does in binding names. */
    private String resolve(String value, String where) {
      java.util.regex.Matcher m = SETTING.matcher(value);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String v = settings.apply(m.group(1));
        if (v == null) {
          problems.add(where + ": app setting '" + m.group(1) + "' (in '" + value + "') is not set");
          v = m.group();
        }
        m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(v));
      }
      m.appendTail(out);
      return out.toString();
    }

    List<Fn> define(Class<?> type) {
      List<Fn> out = new ArrayList<>();
      List<Method> methods = Arrays.stream(type.getDeclaredMethods())
          .filter(m -> m.isAnnotationPresent(FunctionName.class))
          .sorted(Comparator.comparing(Method::getName))
          .toList();
      if (methods.isEmpty()) return out;
      boolean classOk = true;
      if (!Modifier.isPublic(type.getModifiers())) {
        problems.add(type.getName() + ": a function class must be public");
        classOk = false;
      }
      boolean needsInstance = methods.stream().anyMatch(m -> !Modifier.isStatic(m.getModifiers()));
      if (needsInstance && (type.isInterface() || Modifier.isAbstract(type.getModifiers()))) {
        problems.add(type.getName() + ": a function class must be concrete");
        classOk = false;
      }
      if (needsInstance && type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
        problems.add(type.getName() + ": a nested function class must be static");
        classOk = false;
      }
      if (classOk && needsInstance && needsConstructor && !hasPublicNoArgConstructor(type)) {
        problems.add(type.getName() + ": no FunctionInstanceInjector is installed and the class has no public"
            + " no-argument constructor");
        classOk = false;
      }
      for (Method m : methods) {
        Fn fn = define(type, m);
        if (fn != null && classOk) out.add(fn);
      }
      return out;
    }

    private Fn define(Class<?> type, Method m) {
      String where = type.getName() + "#" + m.getName();
      int before = problems.size();
      String name = m.getAnnotation(FunctionName.class).value();
      if (name == null || name.isBlank()) problems.add(where + ": @FunctionName is empty");
      if (!Modifier.isPublic(m.getModifiers())) problems.add(where + ": a function method must be public");

      Parameter[] params = m.getParameters();
      int triggerIndex = -1;
      for (int i = 0; i < params.length; i++) {
        if (triggerOf(params[i]) != null) {
          if (triggerIndex >= 0) {
            problems.add(where + ": more than one trigger parameter");
          } else {
            triggerIndex = i;
          }
        }
      }
      if (triggerIndex < 0) {
        problems.add(where + ": no trigger parameter (@HttpTrigger, @ServiceBusQueueTrigger,"
            + " @DurableOrchestrationTrigger or @DurableActivityTrigger)");
        return null;
      }
      if (problems.size() > before) return null;

      Parameter trigger = params[triggerIndex];
      TriggerKind kind = triggerOf(trigger);
      RouteTemplate route = null;
      Set<HttpMethod> methods = Set.of();
      com.microsoft.azure.functions.annotation.AuthorizationLevel authLevel = null;
      String queueName = null;
      String durableName = null;
      BodyKind bodyKind = null;
      Type bodyType = null;
      boolean bodyOptional = false;

      switch (kind) {
        case HTTP -> {
          HttpTrigger ht = trigger.getAnnotation(HttpTrigger.class);
          String template = ht.route() == null || ht.route().isBlank() ? name : ht.route();
          try {
            route = RouteTemplate.parse(template);
          } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
          }
          methods = ht.methods().length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(ht.methods()));
          authLevel = ht.authLevel();
          if (trigger.getType() != HttpRequestMessage.class) {
            problems.add(where + ": the @HttpTrigger parameter must be an HttpRequestMessage, not "
                + trigger.getParameterizedType().getTypeName());
          } else {
            boolean binary = "binary".equalsIgnoreCase(ht.dataType());
            Type arg = trigger.getParameterizedType() instanceof ParameterizedType pt
                ? pt.getActualTypeArguments()[0] : null;
            if (arg == null || isUnknown(arg)) {
              bodyOptional = true;
              bodyKind = binary ? BodyKind.BYTES : BodyKind.STRING;
            } else {
              Type inner = arg;
              if (rawClass(arg) == Optional.class) {
                bodyOptional = true;
                inner = arg instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : null;
              }
              if (inner == null || isUnknown(inner)) {
                bodyKind = binary ? BodyKind.BYTES : BodyKind.STRING;
              } else if (inner == String.class) {
                bodyKind = BodyKind.STRING;
              } else if (inner == byte[].class) {
                bodyKind = BodyKind.BYTES;
              } else {
                bodyKind = BodyKind.JSON;
                bodyType = inner;
              }
            }
          }
        }
        case SERVICE_BUS_QUEUE -> {
          ServiceBusQueueTrigger sb = trigger.getAnnotation(ServiceBusQueueTrigger.class);
          queueName = sb.queueName();
          if (queueName == null || queueName.isBlank()) {
            problems.add(where + ": @ServiceBusQueueTrigger has no queueName");
          } else {
            queueName = resolve(queueName, where);
          }
          if (sb.isSessionsEnabled()) problems.add(where + ": sessions are not supported by the embedded queue");
          if (trigger.getType().isPrimitive()) {
            problems.add(where + ": the queue message parameter cannot be a primitive "
                + trigger.getType().getName());
          }
        }
        case ORCHESTRATION -> {
          DurableOrchestrationTrigger ot = trigger.getAnnotation(DurableOrchestrationTrigger.class);
          durableName = ot.orchestration() == null || ot.orchestration().isBlank() ? name : ot.orchestration();
          if (trigger.getType() != TaskOrchestrationContext.class) {
            problems.add(where + ": the @DurableOrchestrationTrigger parameter must be a TaskOrchestrationContext, not "
                + trigger.getParameterizedType().getTypeName());
          }
        }
        case ACTIVITY -> {
          DurableActivityTrigger at = trigger.getAnnotation(DurableActivityTrigger.class);
          durableName = at.activity() == null || at.activity().isBlank() ? name : at.activity();
        }
      }

      List<Binder> binders = new ArrayList<>();
      for (int i = 0; i < params.length; i++) {
        Parameter p = params[i];
        String pwhere = where + ": parameter " + (i + 1) + " (" + p.getParameterizedType().getTypeName() + ")";
        if (i == triggerIndex) {
          binders.add(triggerBinder(kind, p));
        } else {
          Binder b = otherBinder(kind, p, pwhere);
          if (b != null) binders.add(b);
        }
      }
      if (problems.size() > before) return null;
      FunctionInfo info = new FunctionInfo(name, kind, route == null ? null : route.template(), methods, authLevel,
          queueName, durableName, where);
      return new Fn(info, type, m, binders, route, bodyKind, bodyType, bodyOptional);
    }

    private static boolean hasPublicNoArgConstructor(Class<?> type) {
      try {
        type.getConstructor();
        return true;
      } catch (NoSuchMethodException e) {
        return false;
      }
    }

    private static TriggerKind triggerOf(Parameter p) {
      if (p.isAnnotationPresent(HttpTrigger.class)) return TriggerKind.HTTP;
      if (p.isAnnotationPresent(ServiceBusQueueTrigger.class)) return TriggerKind.SERVICE_BUS_QUEUE;
      if (p.isAnnotationPresent(DurableOrchestrationTrigger.class)) return TriggerKind.ORCHESTRATION;
      if (p.isAnnotationPresent(DurableActivityTrigger.class)) return TriggerKind.ACTIVITY;
      return null;
    }

    private Binder triggerBinder(TriggerKind kind, Parameter p) {
      Type type = p.getParameterizedType();
      Class<?> raw = p.getType();
      return switch (kind) {
        case HTTP -> call -> call.request;
        case ORCHESTRATION -> call -> call.orchestration;
        case SERVICE_BUS_QUEUE -> {
          if (raw == String.class) yield call -> call.message.body();
          if (raw == byte[].class) yield call -> call.message.body().getBytes(StandardCharsets.UTF_8);
          yield call -> gson.fromJson(call.message.body(), type);
        }
        case ACTIVITY -> {
          if (raw == String.class) yield call -> activityString(call.activityInput);
          yield call -> {
            Object v = call.activityInput == null ? null : gson.fromJson(call.activityInput, type);
            return v == null && raw.isPrimitive() ? primitiveDefault(raw) : v;
          };
        }
      };
    }

    private static String activityString(String json) {
      if (json == null) return null;
      try {
        JsonElement e = JsonParser.parseString(json);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) return e.getAsString();
      } catch (JsonParseException e) {
        // not JSON: give it as it is
      }
      return json;
    }

    private Binder otherBinder(TriggerKind kind, Parameter p, String pwhere) {
      Class<?> raw = p.getType();
      BindingName bn = p.getAnnotation(BindingName.class);
      if (p.isAnnotationPresent(DurableClientInput.class)) {
        if (raw != DurableClientContext.class) {
          problems.add(pwhere + ": @DurableClientInput needs a DurableClientContext");
          return null;
        }
        return call -> ref.catalog.durableClient();
      }
      if (bn != null) {
        String key = bn.value();
        switch (kind) {
          case HTTP -> {
            Converter conv = converter(raw);
            if (conv == null) {
              problems.add(pwhere + ": @BindingName(\"" + key + "\") cannot be converted to " + raw.getName());
              return null;
            }
            return call -> {
              String v = lookup(call.routeParams, key);
              if (v == null) v = lookup(call.request.getQueryParameters(), key);
              try {
                return conv.convert(v);
              } catch (RuntimeException e) {
                throw new BindingException("Invalid value for '" + key + "'");
              }
            };
          }
          case SERVICE_BUS_QUEUE -> {
            return queueBinding(key, p, pwhere);
          }
          case ACTIVITY -> {
            if (key.equalsIgnoreCase("instanceId") && raw == String.class) return call -> call.instanceId;
            problems.add(pwhere + ": @BindingName(\"" + key + "\") is not supported for activities"
                + " (only String instanceId)");
            return null;
          }
          default -> {
            problems.add(pwhere + ": @BindingName is not supported for orchestrators");
            return null;
          }
        }
      }
      if (raw == ExecutionContext.class) return call -> call.context;
      String annotations = Arrays.stream(p.getAnnotations())
          .map(a -> "@" + a.annotationType().getSimpleName())
          .collect(Collectors.joining(" "));
      problems.add(pwhere + ": " + (annotations.isEmpty() ? "no binding annotation" : annotations + " is not supported")
          + "; the embedded host binds triggers, @BindingName, @DurableClientInput and ExecutionContext");
      return null;
    }

    private Binder queueBinding(String key, Parameter p, String pwhere) {
      Class<?> raw = p.getType();
      String canonical = QUEUE_BINDINGS.stream().filter(k -> k.equalsIgnoreCase(key)).findFirst().orElse(null);
      if (canonical == null) {
        problems.add(pwhere + ": @BindingName(\"" + key + "\") is not supported for queue triggers; supported: "
            + String.join(", ", new java.util.TreeSet<>(QUEUE_BINDINGS)));
        return null;
      }
      Binder b = switch (canonical) {
        case "MessageId" -> raw == String.class ? call -> call.message.messageId() : null;
        case "DeliveryCount" -> {
          if (raw == int.class || raw == Integer.class) yield call -> call.message.deliveryCount();
          if (raw == long.class || raw == Long.class) yield call -> (long) call.message.deliveryCount();
          if (raw == String.class) yield call -> Integer.toString(call.message.deliveryCount());
          yield null;
        }
        case "SequenceNumber" -> {
          if (raw == long.class || raw == Long.class) yield call -> call.message.sequenceNumber();
          if (raw == String.class) yield call -> Long.toString(call.message.sequenceNumber());
          yield null;
        }
        case "EnqueuedTimeUtc" -> {
          if (raw == Instant.class) yield call -> call.message.enqueuedTime();
          if (raw == OffsetDateTime.class) yield call -> call.message.enqueuedTime().atOffset(ZoneOffset.UTC);
          if (raw == String.class) yield call -> call.message.enqueuedTime().toString();
          yield null;
        }
        default -> { // ApplicationProperties, UserProperties
          if (Map.class.isAssignableFrom(raw) && raw.isAssignableFrom(LinkedHashMap.class)) {
            yield call -> new LinkedHashMap<String, Object>(call.message.applicationProperties());
          }
          if (raw == String.class) yield call -> gson.toJson(call.message.applicationProperties());
          yield null;
        }
      };
      if (b == null) {
        problems.add(pwhere + ": @BindingName(\"" + key + "\") cannot be a " + p.getParameterizedType().getTypeName());
      }
      return b;
    }

    private static String lookup(Map<String, String> map, String key) {
      String v = map.get(key);
      if (v != null) return v;
      for (Map.Entry<String, String> e : map.entrySet()) {
        if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
      }
      return null;
    }

    @FunctionalInterface
    private interface Converter {
      Object convert(String value);
    }

    private static Converter converter(Class<?> t) {
      if (t == String.class || t == Object.class) return v -> v;
      if (t == int.class) return v -> v == null ? 0 : Integer.parseInt(v);
      if (t == Integer.class) return v -> v == null ? null : Integer.valueOf(v);
      if (t == long.class) return v -> v == null ? 0L : Long.parseLong(v);
      if (t == Long.class) return v -> v == null ? null : Long.valueOf(v);
      if (t == double.class) return v -> v == null ? 0d : Double.parseDouble(v);
      if (t == Double.class) return v -> v == null ? null : Double.valueOf(v);
      if (t == boolean.class) return v -> v != null && parseBoolean(v);
      if (t == Boolean.class) return v -> v == null ? null : parseBoolean(v);
      if (t == UUID.class) return v -> v == null ? null : UUID.fromString(v);
      return null;
    }

    private static boolean parseBoolean(String v) {
      if (v.equalsIgnoreCase("true")) return true;
      if (v.equalsIgnoreCase("false")) return false;
      throw new IllegalArgumentException(v);
    }

    private static Object primitiveDefault(Class<?> t) {
      if (t == boolean.class) return false;
      if (t == char.class) return '\0';
      if (t == long.class) return 0L;
      if (t == double.class) return 0d;
      if (t == float.class) return 0f;
      if (t == short.class) return (short) 0;
      if (t == byte.class) return (byte) 0;
      return 0;
    }

    private static boolean isUnknown(Type t) {
      return t == Object.class || t instanceof WildcardType || t instanceof TypeVariable<?>;
    }

    private static Class<?> rawClass(Type t) {
      if (t instanceof Class<?> c) return c;
      if (t instanceof ParameterizedType pt) return (Class<?>) pt.getRawType();
      if (t instanceof GenericArrayType) return Object[].class;
      return Object.class;
    }
  }

  @Override
  public String toString() {
    return functions.stream().map(f -> f.info.describe()).collect(Collectors.joining("\n"));
  }

  /** For tests: whether an instance exists (instances are made on first use). */
  boolean hasInstance(Class<?> type) {
    return instances.containsKey(Objects.requireNonNull(type));
  }
}
