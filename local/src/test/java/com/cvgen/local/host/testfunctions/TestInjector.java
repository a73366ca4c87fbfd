package com.cvgen.local.host.testfunctions;

import com.microsoft.azure.functions.spi.inject.FunctionInstanceInjector;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An injector for tests: hands out the instances it was given, else makes one with the public
 * no-argument constructor; counts the calls. Given to the catalog directly (no META-INF/services
 * file, which every other test would pick up).
 */
public final class TestInjector implements FunctionInstanceInjector {
  private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();
  public final AtomicInteger calls = new AtomicInteger();

  public TestInjector(Object... given) {
    for (Object o : given) instances.put(o.getClass(), o);
  }

  @Override
  public <T> T getInstance(Class<T> type) throws Exception {
    calls.incrementAndGet();
    Object o = instances.get(type);
    return o != null ? type.cast(o) : type.getConstructor().newInstance();
  }
}
