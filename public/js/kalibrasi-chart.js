// The calibration chart (views/evaluasi/kalibrasi/unit.ejs): per employee predikat, the count in
// the unit's check as a bar beside the band its organisation predikat allows (the fewest and most
// people, drawn as a floating bar from min to max), with Chart.js from the JSON in the canvas's
// data-kalibrasi attribute. The table beside the chart holds the same numbers, for screen readers
// and for browsers without scripts.
document.addEventListener('DOMContentLoaded', () => {
  const Chart = window.Chart;
  if (!Chart) return;
  for (const canvas of document.querySelectorAll('canvas[data-kalibrasi]')) {
    let data;
    try {
      data = JSON.parse(canvas.dataset.kalibrasi);
    } catch {
      continue;
    }
    const outside = data.jumlah.map((j, i) => j < data.min[i] || j > data.max[i]);
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [
          { label: data.labelRentang, data: data.min.map((m, i) => [m, data.max[i]]), backgroundColor: 'rgba(22, 163, 74, 0.25)', borderColor: '#16a34a', borderWidth: 1 },
          { label: data.labelJumlah, data: data.jumlah, backgroundColor: outside.map((o) => (o ? '#dc2626' : '#2563eb')) },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: canvas.dataset.yLabel }, ticks: { precision: 0, callback: (v) => Number(v).toLocaleString('id-ID') } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    canvas.dataset.drawn = '1';
  }
});
