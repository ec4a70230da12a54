// Draw the dashboards' charts from the figure JSON the server put in each chart's data block.
// The table beside each chart holds the same numbers, so without JavaScript nothing is lost.
(function () {
  if (!window.Plotly) {
    return;
  }
  var charts = document.querySelectorAll("[data-chart]");
  Array.prototype.forEach.call(charts, function (element) {
    var source = document.getElementById(element.getAttribute("data-chart"));
    if (!source) {
      return;
    }
    var figure = JSON.parse(source.textContent);
    // Static: the chart repeats its table, so it has no hover labels or buttons to reach by keyboard.
    window.Plotly.newPlot(element, figure.data, figure.layout, {
      staticPlot: true,
      displayModeBar: false,
      responsive: true,
    });
    element.classList.add("app-chart--drawn");
  });
})();
