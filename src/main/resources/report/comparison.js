// Draws the comparison page's charts with uPlot from the JSON embedded in the page.
// Each chart container gets data-points: the number of values it drew (checked by the browser test).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("chart-data").textContent);
  // Same colours as the PNG (MainChartPng): the churn scenarios and their idle-connection counterparts.
  var palette = {
    "pooled": "#2b8a3e", "client-per-request": "#c92a2a", "raw-socket": "#1864ab",
    "keep-alive-idle-timeout": "#2b8a3e", "leaked-client": "#c92a2a", "keep-alive": "#1864ab"
  };
  var dashes = [[], [6, 4], [2, 3]];

  function colour(scenario) {
    return palette[scenario] || "#495057";
  }

  function countPoints(columns) {
    var n = 0;
    columns.forEach(function (values) {
      values.forEach(function (v) { if (v !== null) { n++; } });
    });
    return n;
  }

  function draw(id, title, yLabel, lines, extra) {
    var el = document.getElementById(id);
    var series = [{ label: "s" }];
    var columns = [data.seconds];
    lines.forEach(function (line, i) {
      series.push({
        label: line.label,
        stroke: colour(line.scenario),
        dash: dashes[i % dashes.length],
        width: 1.5,
        spanGaps: true,
        points: { show: false }
      });
      columns.push(line.values);
    });
    (extra || []).forEach(function (e) {
      series.push(e.series);
      columns.push(e.values);
    });
    var opts = {
      title: title,
      width: Math.min(1200, el.clientWidth || 1000),
      height: 360,
      scales: { x: { time: false } },
      axes: [{ label: "seconds since the run started" }, { label: yLabel }],
      series: series
    };
    new uPlot(opts, columns, el);
    el.setAttribute("data-points", String(countPoints(columns.slice(1))));
  }

  var main = data.main;
  var onsetMarkers = main.onsets.map(function (onset) {
    return {
      series: {
        label: onset.label,
        stroke: colour(onset.scenario),
        fill: colour(onset.scenario),
        paths: function () { return null; },
        points: { show: true, size: 12 }
      },
      values: onset.values
    };
  });
  var limit = {
    series: { label: main.limitLabel, stroke: "#868e96", dash: [10, 5], width: 1, points: { show: false } },
    values: data.seconds.map(function () { return main.limit; })
  };

  draw(main.id, main.title, main.yLabel, main.lines, [limit].concat(onsetMarkers));
  draw("chart-rates", "Requests started, OK and KO per second", "requests per second", data.rates);
  draw("chart-latency", "OK latency percentiles per second", "milliseconds", data.latencies);
})();
