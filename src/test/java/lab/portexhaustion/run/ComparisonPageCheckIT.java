package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser check itself must be able to fail: a page with a script error and an undrawn chart is caught. */
class ComparisonPageCheckIT {

  @TempDir
  Path dir;

  @Test
  void reportsConsoleErrorsAndChartsThatDrewNothing() throws Exception {
    Path page = Files.writeString(dir.resolve("broken.html"), "<!doctype html><html><body>"
        + "<div class=\"chart\" id=\"chart-ports\" data-points=\"0\"></div>"
        + "<script>console.error('drawing failed'); notDefined();</script></body></html>");

    ComparisonPageCheck.Result result = ComparisonPageCheck.open(page, dir.resolve("broken.png"));

    assertThat(result.consoleMessages()).anyMatch(line -> line.contains("drawing failed"))
        .anyMatch(line -> line.contains("Uncaught ReferenceError"));
    assertThat(result.pointsPerChart()).containsEntry("chart-ports", 0);
    assertThat(result.canvases()).isZero();
  }
}
