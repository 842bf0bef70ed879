// The year's distribution chart (views/rekap/rekap.ejs): per unit, the number of employees of each
// predikat as stacked horizontal bars, drawn with Chart.js from the JSON in the canvas's data-rekap
// attribute. The table beside the chart holds the same numbers, for screen readers and for
// browsers without scripts; a unit's name there opens its sub-units.
document.addEventListener('DOMContentLoaded', () => {
  const Chart = window.Chart;
  if (!Chart) return;
  const COLORS = { SANGAT_BAIK: '#15803d', BAIK: '#4ade80', BUTUH_PERBAIKAN: '#facc15', KURANG: '#f97316', SANGAT_KURANG: '#dc2626' };
  for (const canvas of document.querySelectorAll('canvas[data-rekap]')) {
    let data;
    try {
      data = JSON.parse(canvas.dataset.rekap);
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
