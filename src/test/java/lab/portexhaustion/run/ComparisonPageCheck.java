package lab.portexhaustion.run;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.portexhaustion.TestFolders;
import lab.portexhaustion.process.TimedProcess;

/**
 * Opens a page in Debian's headless Chromium (installed by .ci/run): the DOM after its scripts
 * ran, every console message it logged, and a screenshot. Skips the calling test where there is
 * no Chromium.
 */
final class ComparisonPageCheck {

  record Result(Map<String, Integer> pointsPerChart, int canvases, List<String> consoleMessages) {}

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-logging=stderr", "--v=0",
      "--virtual-time-budget=10000", "--window-size=1300,2400");
  private static final Duration CHROMIUM_LIMIT = Duration.ofSeconds(60);
  private static final Pattern CHART = Pattern.compile("<div class=\"chart\" id=\"([\\w-]+)\"[^>]*data-points=\"(\\d+)\"");

  private ComparisonPageCheck() {}

  static Result open(Path page, Path screenshot) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (.ci/run installs Debian's chromium)");
    Path profile = Files.createTempDirectory("chromium-profile");
    String url = page.toAbsolutePath().toUri().toString();
    Run dom;
    try {
      dom = chromium(profile, "--dump-dom", url);
      Files.createDirectories(screenshot.toAbsolutePath().getParent());
      chromium(profile, "--screenshot=" + screenshot.toAbsolutePath(), url);
    } finally {
      TestFolders.deleteRecursively(profile);
    }

    Map<String, Integer> points = new LinkedHashMap<>();
    Matcher m = CHART.matcher(dom.stdout());
    while (m.find()) {
      points.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    int canvases = dom.stdout().split("<canvas", -1).length - 1;
    List<String> console = dom.stderr().lines().filter(line -> line.contains(":CONSOLE") || line.contains("Uncaught")).toList();
    return new Result(points, canvases, console);
  }

  private record Run(String stdout, String stderr) {}

  private static Run chromium(Path profile, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--user-data-dir=" + profile));
    command.addAll(FLAGS);
    command.addAll(List.of(args));
    try {
      TimedProcess.Result result = TimedProcess.run(new ProcessBuilder(command), CHROMIUM_LIMIT);
      return new Run(result.output(), result.errors());
    } catch (TimedProcess.TimeoutException e) {
      throw new AssertionError("chromium did not finish within " + CHROMIUM_LIMIT.toSeconds() + " s", e);
    }
  }
}
