/* The administration's sales charts (chart.js, served from /lib). The data comes from the page's
   <script type="application/json" id="admin-sales-data"> block; each <canvas data-chart="KEY"> draws charts[KEY]. */
(function () {
  "use strict";
  var block = document.getElementById("admin-sales-data");
  if (!block || typeof Chart === "undefined") return;
  var data = JSON.parse(block.textContent);
  var palette = ["#7a4a12", "#2f6b3a", "#1a5fb4", "#a1241b", "#8a6d00", "#5b3b8c", "#0f6e6e", "#6b6b6b"];
  var money = new Intl.NumberFormat(data.locale, { style: "currency", currency: data.currency, maximumFractionDigits: 0 });

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var series = data.charts[canvas.getAttribute("data-chart")] || [];
    if (series.length === 0) return;
    var stacked = canvas.getAttribute("data-chart") === "province";
    new Chart(canvas, {
      type: stacked ? "bar" : "line",
      data: {
        labels: data.labels,
        datasets: series.map(function (s, i) {
          var colour = palette[i % palette.length];
          return { label: s.label, data: s.data, backgroundColor: colour, borderColor: colour, tension: 0.2, fill: false };
        })
      },
      options: {
        locale: data.locale,
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        scales: {
          x: { stacked: stacked, reverse: data.rtl },
          y: { stacked: stacked, beginAtZero: true, position: data.rtl ? "right" : "left",
               ticks: { callback: function (v) { return money.format(v); } } }
        },
        plugins: {
          legend: { position: "bottom", rtl: data.rtl, textDirection: data.rtl ? "rtl" : "ltr" },
          tooltip: {
            rtl: data.rtl, textDirection: data.rtl ? "rtl" : "ltr",
            callbacks: { label: function (c) { return c.dataset.label + " : " + money.format(c.parsed.y); } }
          }
        }
      }
    });
    canvas.setAttribute("data-drawn", "true");
  });
})();
