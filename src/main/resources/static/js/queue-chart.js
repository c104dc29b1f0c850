// The waiting-room console's chart: the line's length and the admissions per minute over the last
// hour, drawn with uPlot (served from the app as a webjar) from the console's JSON series, and
// read again every five seconds. A file of its own: the Content-Security-Policy forbids inline
// scripts.
(function () {
  "use strict";

  var REFRESH_MILLIS = 5000;

  function colour(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function start(box) {
    var plot = null;
    var empty = box.querySelector("[data-chart-empty]");

    function width() {
      return Math.max(280, box.clientWidth);
    }

    function options() {
      var text = colour("--muted", "#585872");
      var grid = colour("--border", "#dcdce8");
      var axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
      return {
        width: width(),
        height: 260,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, fans: { range: function (u, min, max) { return [0, Math.max(10, max)]; } },
                  rate: { range: function (u, min, max) { return [0, Math.max(10, max)]; } } },
        axes: [
          Object.assign({}, axis),
          Object.assign({}, axis, { scale: "fans" }),
          Object.assign({}, axis, { scale: "rate", side: 1, grid: { show: false } })
        ],
        series: [
          {},
          { label: box.dataset.inLine, scale: "fans", stroke: colour("--primary", "#4f46e5"), width: 2 },
          { label: box.dataset.perMinute, scale: "rate", stroke: colour("--success", "#047857"), width: 2 }
        ]
      };
    }

    function draw(series) {
      var data = [series.at, series.inLine, series.admittedPerMinute];
      if (!series.at.length) {
        if (empty) empty.hidden = false;
        return;
      }
      if (empty) empty.hidden = true;
      if (plot) {
        plot.setData(data);
      } else {
        plot = new uPlot(options(), data, box);
      }
    }

    function load() {
      fetch(box.dataset.seriesUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (answer) { return answer.ok ? answer.json() : null; })
        .then(function (series) { if (series) draw(series); })
        .catch(function () { /* the next refresh tries again; the figures above stay live */ });
    }

    load();
    setInterval(function () { if (!document.hidden) load(); }, REFRESH_MILLIS);
    window.addEventListener("resize", function () {
      if (plot) plot.setSize({ width: width(), height: 260 });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (typeof uPlot === "undefined") return;
    document.querySelectorAll("#line-chart[data-series-url]").forEach(start);
  });
})();
