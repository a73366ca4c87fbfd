package com.cvgen.local;

import com.cvgen.core.CvInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cvgen} command line. Bad input exits 2 with one message on stderr. */
@Command(
    name = "cvgen",
    mixinStandardHelpOptions = true,
    version = "CV Generator 0.1.0",
    description = "Turns a CV (PDF) into JSON Resume data and documents, on one machine with no cloud:"
        + " in-process (extract, process) or through the Functions app on the embedded host (serve, demo).",
    subcommands = {ExtractCommand.class, ProcessCommand.class, DemoCommand.class, ServeCommand.class,
        DevServersCommand.class,
        TokenCommand.class, BenchCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Launcher commands (the ./cvgen script): ./cvgen test (installs test tools, runs every test),",
        "./cvgen build (forces a build)."})
public final class Main implements Runnable {
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code (used by tests without exiting the JVM). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof CvInputException bad) {
        commandLine.getErr().println("cvgen: error: " + bad.getMessage() + " [" + bad.code().id() + "]");
        return EXIT_BAD_INPUT;
      }
      if (ex instanceof java.nio.file.NoSuchFileException missing) {
        commandLine.getErr().println("cvgen: error: file not found: " + missing.getFile());
        return EXIT_BAD_INPUT;
      }
      if (ex instanceof com.cvgen.local.serve.ApiClient.HostException host) {
        commandLine.getErr().println("cvgen: error: " + host.getMessage());
        return 1;
      }
      commandLine.getErr().println("cvgen: internal error: " + ex);
      return 1;
    });
    return cli.execute(args);
  }
}
