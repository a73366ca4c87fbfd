package com.cvgen.local;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "process", mixinStandardHelpOptions = true, description = "(being built)")
final class ProcessCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("cvgen: process is not built yet");
    return 1;
  }
}
