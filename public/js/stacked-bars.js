// Stacked horizontal bar charts (Monitoring Pengisian's reports by state per unit, the recaps'
// predikat per unit): drawn with Chart.js from the JSON in the canvas's data-stacked attribute
// ({labels, datasets: [{key, label, data}]}), each series coloured by its key from the JSON in
// data-colors. The table beside each chart holds the same numbers, for screen readers and for
// browsers without scripts. The chart's box grows with its rows (rows-N on its parent).
document.addEventListener('DOMContentLoaded', () => {
  const Chart = window.Chart;
  if (!Chart) return;
  for (const canvas of document.querySelectorAll('canvas[data-stacked]')) {
    let data;
    let colors;
    try {
      data = JSON.parse(canvas.dataset.stacked);
      colors = JSON.parse(canvas.dataset.colors || '{}');
    } catch {
      continue;
    }
    const wrap = canvas.parentElement;
    if (wrap) wrap.classList.add(`rows-${Math.min(20, Math.max(1, data.labels.length))}`);
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.datasets.map((s) => ({ label: s.label, data: s.data, backgroundColor: colors[s.key] ?? '#6b7280' })),
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
