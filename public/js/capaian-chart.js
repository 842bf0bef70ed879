// The capaian chart of the timeline page (views/linimasa/linimasa.ejs): each indicator's capaian
// over the periods, drawn with Chart.js from the JSON in the canvas's data-capaian attribute. A
// period without a number is a gap in its line (never 0). The table beside the chart holds the
// same numbers for screen readers and for browsers without scripts.
document.addEventListener('DOMContentLoaded', () => {
  const Chart = window.Chart;
  if (!Chart) return;
  const persen = (v) => `${v.toLocaleString('id-ID', { maximumFractionDigits: 2 })} %`;
  for (const canvas of document.querySelectorAll('canvas[data-capaian]')) {
    let data;
    try {
      data = JSON.parse(canvas.dataset.capaian);
    } catch {
      continue;
    }
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: data.datasets.map((s) => ({ label: s.label, data: s.data, spanGaps: false, tension: 0, pointRadius: 4 })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: { min: 0, suggestedMax: data.max, title: { display: true, text: canvas.dataset.yLabel }, ticks: { callback: (v) => persen(v) } },
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.parsed.y === null ? canvas.dataset.gap : persen(c.parsed.y)}` } },
        },
      },
    });
  }
});
