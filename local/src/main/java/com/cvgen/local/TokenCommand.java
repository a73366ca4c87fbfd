package com.cvgen.local;

import com.cvgen.functions.auth.LocalTokens;
import com.cvgen.functions.wiring.Settings;
import com.cvgen.local.serve.LocalSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "token", mixinStandardHelpOptions = true,
    description = {"Mints a bearer token for the embedded host's API (HS256, signed with the local secret of"
        + " the data directory, or CVGEN_AUTH_SECRET when set). Prints the token on stdout.",
        "Example: curl -H \"Authorization: Bearer $(./cvgen token --user alice)\" localhost:7071/api/v1/cv/jobs"})
final class TokenCommand implements Callable<Integer> {
  @Option(names = "--user", required = true, paramLabel = "NAME",
      description = "the user the token is for (1-64 of A-Z a-z 0-9 . _ @ -)")
  String user;

  @Option(names = "--ttl", paramLabel = "DURATION", description = "lifetime, ISO-8601 (default: PT8H)")
  Duration ttl = Duration.ofHours(8);

  @Option(names = "--data", paramLabel = "DIR", description = "the host's data directory (default: .cvgen/data)")
  Path data = ServeCommand.defaultDataDir();

  @Option(names = "--settings", paramLabel = "FILE",
      description = "a local.settings.json to read (default: local.settings.json in the project, if present)")
  Path settingsFile = ServeCommand.defaultSettingsFile();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Settings settings = LocalSettings.load(settingsFile, data, System.getenv(), Map.of());
    String mode = settings.get(Settings.AUTH_MODE, "local");
    if (!mode.equals("local")) {
      spec.commandLine().getErr().println("cvgen: error: " + Settings.AUTH_MODE + " is '" + mode
          + "': tokens then come from Entra ID, not from cvgen");
      return Main.EXIT_BAD_INPUT;
    }
    LocalTokens tokens = new LocalTokens(settings.require(Settings.AUTH_SECRET).getBytes(StandardCharsets.UTF_8),
        Clock.systemUTC());
    try {
      spec.commandLine().getOut().println(tokens.mint(user, ttl));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("cvgen: error: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
