package lab.portexhaustion.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The comparison's main chart as a static PNG (for Markdown): ports in use toward the target (or
 * open connections and descriptors) over time, the limit, the onsets.
 */
final class MainChartPng {

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 480;

  private MainChartPng() {}

  static void write(ChartSeries data, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    ChartSeries.MainChart main = data.main();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(main.title()).xAxisTitle("seconds since the run started").yAxisTitle(main.yLabel()).build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    chart.getStyler().setMarkerSize(10);
    List<Double> xs = data.seconds().stream().map(Integer::doubleValue).toList();
    for (ChartSeries.Series line : main.lines()) {
      if (!line.label().endsWith("TIME_WAIT")) { // the page has it; the picture stays readable without
        add(chart, line, xs, SeriesMarkers.NONE, XYSeries.XYSeriesRenderStyle.Line);
      }
    }
    for (ChartSeries.Series onset : main.onsets()) {
      add(chart, onset, xs, SeriesMarkers.DIAMOND, XYSeries.XYSeriesRenderStyle.Scatter);
    }
    XYSeries limit = chart.addSeries(main.limitLabel(), List.of(xs.get(0), xs.get(xs.size() - 1)),
        List.of((double) main.limit(), (double) main.limit()));
    limit.setMarker(SeriesMarkers.NONE);
    limit.setLineColor(Color.GRAY);
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /** XChart takes no gaps: only the seconds that have a value. */
  private static void add(XYChart chart, ChartSeries.Series line, List<Double> xs, Marker marker, XYSeries.XYSeriesRenderStyle style) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < line.values().size(); i++) {
      if (line.values().get(i) != null) {
        x.add(xs.get(i));
        y.add(line.values().get(i));
      }
    }
    if (!x.isEmpty()) {
      XYSeries series = chart.addSeries(line.label(), x, y);
      series.setMarker(marker);
      series.setXYSeriesRenderStyle(style);
      series.setLineColor(colour(line.scenario()));
      series.setMarkerColor(colour(line.scenario()));
    }
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
