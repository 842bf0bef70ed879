// The chart of Monitoring Pengisian (views/monitoring/monitoring.ejs): per unit, the reports of the
// period by state (not started, draft, submitted, rated) as stacked horizontal bars, drawn with
// Chart.js from the JSON in the canvas's data-monitoring attribute. The table beside the chart
// holds the same numbers, for screen readers and for browsers without scripts.
document.addEventListener('DOMContentLoaded', () => {
  const Chart = window.Chart;
  if (!Chart) return;
  const COLORS = { belum: '#9ca3af', draft: '#f59e0b', diajukan: '#3b82f6', dinilai: '#16a34a' };
  for (const canvas of document.querySelectorAll('canvas[data-monitoring]')) {
    let data;
    try {
      data = JSON.parse(canvas.dataset.monitoring);
    } catch {
      continue;
    }
    const wrap = canvas.parentElement;
    if (wrap) wrap.classList.add(`rows-${Math.min(20, Math.max(1, data.labels.length))}`);
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.datasets.map((s) => ({ label: s.label, data: s.data, backgroundColor: COLORS[s.key] ?? '#6b7280' })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, beginAtZero: true, title: { display: true, text: canvas.dataset.xLabel }, ticks: { precision: 0, callback: (v) => Number(v).toLocaleString('id-ID') } },
          y: { stacked: true },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    canvas.dataset.drawn = '1';
  }
});
