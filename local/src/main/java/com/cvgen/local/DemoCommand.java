package com.cvgen.local;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "(being built)")
final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("cvgen: demo is not built yet");
    return 1;
  }
}
