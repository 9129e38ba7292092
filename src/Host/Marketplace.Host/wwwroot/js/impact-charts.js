/* The impact page's charts (chart.js, served from /lib). The data comes from the page's
   <script type="application/json" id="impact-data"> block; each <canvas data-chart="KEY"> draws charts[KEY] as bars.
   The tables beside the charts hold the same figures for screen readers and for pages without script. */
(function () {
  "use strict";
  var block = document.getElementById("impact-data");
  if (!block || typeof Chart === "undefined") return;
  var data = JSON.parse(block.textContent);
  var colours = { month: "#7a4a12", province: "#2f6b3a", category: "#1a5fb4" };
  var money = new Intl.NumberFormat(data.locale, { style: "currency", currency: data.currency, maximumFractionDigits: 0 });

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var key = canvas.getAttribute("data-chart");
    var chart = data.charts[key];
    if (!chart || chart.data.length === 0) return;
    var across = key !== "month";
    var amounts = { beginAtZero: true, ticks: { callback: function (v) { return money.format(v); } } };
    new Chart(canvas, {
      type: "bar",
      data: { labels: chart.labels, datasets: [{ label: data.label, data: chart.data, backgroundColor: colours[key] }] },
      options: {
        indexAxis: across ? "y" : "x",
        locale: data.locale,
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: across
          ? { x: Object.assign({ reverse: data.rtl }, amounts), y: { position: data.rtl ? "right" : "left" } }
          : { x: { reverse: data.rtl }, y: Object.assign({ position: data.rtl ? "right" : "left" }, amounts) },
        plugins: {
          legend: { display: false },
          tooltip: {
            rtl: data.rtl, textDirection: data.rtl ? "rtl" : "ltr",
            callbacks: { label: function (c) { return money.format(across ? c.parsed.x : c.parsed.y); } }
          }
        }
      }
    });
    canvas.setAttribute("data-drawn", "true");
  });
})();
