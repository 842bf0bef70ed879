// The appraiser's annual form, progressive enhancement only: as a rating is chosen, the predikat
// it gives is read from the 6/2022 matrix the page shows (each cell carries its two ratings) and
// the cell is marked. Without this script the server shows the predikat of the ratings chosen
// when the page was made, and after saving.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('form-evaluasi');
  const out = document.querySelector('#predikat-pilihan output');
  if (!form || !out) return;
  const cells = [...document.querySelectorAll('#matriks-predikat td[data-hasil]')];
  const chosen = (name) => form.querySelector(`input[name="${name}"]:checked`)?.value ?? null;
  const show = () => {
    const hasil = chosen('ratingHasilKerja');
    const perilaku = chosen('ratingPerilaku');
    let hit = null;
    for (const c of cells) {
      const on = c.dataset.hasil === hasil && c.dataset.perilaku === perilaku;
      c.classList.toggle('terpilih', on);
      if (on) hit = c;
    }
    if (hit) out.textContent = hit.textContent;
  };
  form.addEventListener('change', (e) => {
    if (e.target.name === 'ratingHasilKerja' || e.target.name === 'ratingPerilaku') show();
  });
});
