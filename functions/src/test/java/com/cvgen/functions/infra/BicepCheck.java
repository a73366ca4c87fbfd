package com.cvgen.functions.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs {@code tools/bicep-check} (Node: tree-sitter-bicep's WebAssembly grammar under
 * web-tree-sitter) on Bicep files and reads its JSON report: what each file declares (parameters,
 * variables, resources with their bodies, modules, outputs) and the rules it breaks. The Bicep
 * compiler cannot be installed on the build machines, so the syntax tree is what the tests check.
 * Fails (never skips) when the tool is not installed: {@code ./cvgen test} installs it.
 */
final class BicepCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The report and how the checker ended (0: no violation, 1: violations, 2: usage error). */
  record Result(int exitCode, JsonNode report, String stderr) {
    List<JsonNode> violations() {
      List<JsonNode> out = new ArrayList<>();
      report.path("violations").forEach(out::add);
      return out;
    }

    /** One line per violation: {@code file:line:column: rule: message}. */
    String describeViolations() {
      return violations().stream()
          .map(v -> v.path("file").asText() + ":" + v.path("line").asInt() + ":" + v.path("column").asInt() + ": "
              + v.path("rule").asText() + ": " + v.path("message").asText())
          .collect(Collectors.joining("\n"));
    }

    List<JsonNode> files() {
      List<JsonNode> out = new ArrayList<>();
      report.path("files").forEach(out::add);
      return out;
    }
  }

  private BicepCheck() {}

  static Path projectRoot() {
    return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  }

  static Path toolDir() {
    return projectRoot().resolve("tools/bicep-check");
  }

  /** Checks {@code paths} (files or folders) with the tool in {@code toolDir}, from {@code workDir}. */
  static Result run(Path toolDir, Path workDir, Path... paths) throws IOException, InterruptedException {
    Path modules = toolDir.resolve("node_modules");
    if (!Files.isRegularFile(modules.resolve("tree-sitter-bicep/tree-sitter-bicep.wasm"))
        || !Files.isDirectory(modules.resolve("web-tree-sitter"))) {
      throw new AssertionError("the Bicep checker is not installed (no tree-sitter-bicep and web-tree-sitter in "
          + modules + "): run ./cvgen test, which runs npm ci in tools/bicep-check");
    }
    List<String> command = new ArrayList<>(List.of(node(), toolDir.resolve("bicep-check.mjs").toString()));
    for (Path p : paths) command.add(p.toString());
    Path errors = Files.createTempFile("bicep-check", ".err");
    try {
      Process process;
      try {
        process = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectError(errors.toFile()).start();
      } catch (IOException e) {
        throw new AssertionError("node could not be started (" + e.getMessage() + "): run ./cvgen test, which "
            + "installs Node.js and the Bicep checker", e);
      }
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the Bicep checker did not finish within 60 s");
      }
      String stderr = Files.readString(errors, StandardCharsets.UTF_8);
      int exit = process.exitValue();
      if (exit != 0 && exit != 1) {
        throw new AssertionError("the Bicep checker failed (exit " + exit + "): " + stderr);
      }
      return new Result(exit, JSON.readTree(out), stderr);
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  private static String node() {
    String explicit = System.getenv("NODE");
    return explicit != null && !explicit.isBlank() ? explicit : "node";
  }
}
