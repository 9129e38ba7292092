// The cooperative's sales chart (chart.js, served by the site). Its data is in <script type="application/json" id="sales-data">,
// written by the page: labels, values (MAD), the series' label, the page's locale and direction. No data, no chart: the
// table beside it still shows the figures.
(function () {
  "use strict";
  var canvas = document.getElementById("sales-chart");
  var source = document.getElementById("sales-data");
  if (!canvas || !source || typeof Chart === "undefined") return;
  var data;
  try { data = JSON.parse(source.textContent || "{}"); } catch (e) { return; }
  if (!data.labels || !data.values) return;
  var money = new Intl.NumberFormat(data.locale || undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [{ label: data.label, data: data.values, backgroundColor: "#7a4a12", borderRadius: 3 }]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: data.locale,
      scales: {
        x: { reverse: !!data.rtl, ticks: { autoSkip: true, maxRotation: 0 } },
        y: { beginAtZero: true, position: data.rtl ? "right" : "left", ticks: { callback: function (v) { return money.format(v); } } }
      },
      plugins: {
        legend: { display: true, rtl: !!data.rtl },
        tooltip: { rtl: !!data.rtl, callbacks: { label: function (c) { return data.label + ": " + money.format(c.parsed.y); } } }
      }
    }
  });
})();
