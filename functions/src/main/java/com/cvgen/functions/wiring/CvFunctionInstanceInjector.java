package com.cvgen.functions.wiring;

import com.microsoft.azure.functions.spi.inject.FunctionInstanceInjector;
import java.lang.reflect.Constructor;

/**
 * Makes function instances for the Functions worker (and the embedded host): a class with a
 * constructor taking the {@link Composition} gets the current one, others their no-argument
 * constructor. Registered in {@code META-INF/services}.
 */
public final class CvFunctionInstanceInjector implements FunctionInstanceInjector {
  @Override
  public <T> T getInstance(Class<T> functionClass) throws Exception {
    for (Constructor<?> c : functionClass.getConstructors()) {
      if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Composition.class) {
        return functionClass.cast(c.newInstance(Composition.current()));
      }
    }
    return functionClass.getConstructor().newInstance();
  }
}
