package lab.portexhaustion.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The comparison's main chart as a static PNG (for Markdown): ports in use toward the target (or
 * open connections and descriptors) over time, the limit, the onsets. Colour tells the runs
 * apart, line style the measures (solid, then dashed; the limit dotted); the legend stands to the
 * right of the plot, where it hides no data.
 */
final class MainChartPng {

  private static final int WIDTH = 1200;
  private static final int HEIGHT = 480;
  /** One per measure, in the order the lines name them: solid, dashed, dash-dotted. */
  private static final List<BasicStroke> MEASURE_STYLES = List.of(SeriesLines.SOLID, dashes(12, 6), dashes(12, 5, 2, 5));
  /** The limit: round dots, unlike any measure. */
  private static final BasicStroke DOTTED = new BasicStroke(2, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {0.5f, 5}, 0);

  private MainChartPng() {}

  static void write(ChartSeries data, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    ChartSeries.MainChart main = data.main();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(main.title()).xAxisTitle("seconds since the run started").yAxisTitle(main.yLabel()).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setMarkerSize(10);
    List<Double> xs = data.seconds().stream().map(Integer::doubleValue).toList();
    List<String> measures = new ArrayList<>();
    for (ChartSeries.Series line : main.lines()) {
      if (!line.label().endsWith("TIME_WAIT")) { // the page has it; the picture stays readable without
        String measure = measure(line);
        if (!measures.contains(measure)) {
          measures.add(measure);
        }
        BasicStroke style = MEASURE_STYLES.get(measures.indexOf(measure) % MEASURE_STYLES.size());
        add(chart, line, xs, SeriesMarkers.NONE, XYSeries.XYSeriesRenderStyle.Line).ifPresent(s -> s.setLineStyle(style));
      }
    }
    for (ChartSeries.Series onset : main.onsets()) {
      add(chart, onset, xs, SeriesMarkers.DIAMOND, XYSeries.XYSeriesRenderStyle.Scatter);
    }
    XYSeries limit = chart.addSeries(main.limitLabel(), List.of(xs.get(0), xs.get(xs.size() - 1)),
        List.of((double) main.limit(), (double) main.limit()));
    limit.setMarker(SeriesMarkers.NONE);
    limit.setLineColor(Color.GRAY);
    limit.setLineStyle(DOTTED);
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static BasicStroke dashes(float... pattern) {
    return new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, pattern, 0);
  }

  /** What a line measures: its label without the run's name, e.g. "descriptors open". */
  private static String measure(ChartSeries.Series line) {
    String prefix = line.run() + ": ";
    return line.label().startsWith(prefix) ? line.label().substring(prefix.length()) : line.label();
  }

  /** XChart takes no gaps: only the seconds that have a value. Nothing when the line has none. */
  private static Optional<XYSeries> add(XYChart chart, ChartSeries.Series line, List<Double> xs, Marker marker, XYSeries.XYSeriesRenderStyle style) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < line.values().size(); i++) {
      if (line.values().get(i) != null) {
        x.add(xs.get(i));
        y.add(line.values().get(i));
      }
    }
    if (x.isEmpty()) {
      return Optional.empty();
    }
    XYSeries series = chart.addSeries(line.label(), x, y);
    series.setMarker(marker);
    series.setXYSeriesRenderStyle(style);
    series.setLineColor(colour(line.scenario()));
    series.setMarkerColor(colour(line.scenario()));
    return Optional.of(series);
  }

  /** The same colour per scenario as the HTML page (assets/comparison.js). */
  private static Color colour(String scenario) {
    return switch (scenario) {
      case "pooled", "keep-alive-idle-timeout" -> new Color(0x2b8a3e);
      case "client-per-request", "leaked-client" -> new Color(0xc92a2a);
      case "raw-socket", "keep-alive" -> new Color(0x1864ab);
      default -> Color.DARK_GRAY;
    };
  }
}
