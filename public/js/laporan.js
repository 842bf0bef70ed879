// The periodic report, progressive enhancement only: without this script the form still saves
// and the capaian shows after saving. As the employee types a realisasi, the row is posted to
// the server (with the form's CSRF token), which computes the capaian with the scoring module
// (docs/domain/scoring.md): the browser holds no copy of the rule.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('laporan-form');
  if (form && form.dataset.capaianUrl) {
    const token = form.querySelector('input[name="_csrf"]').value;
    const timers = new Map();
    let seq = 0;
    const latest = new Map();

    const show = (id, c) => {
      const box = document.querySelector(`[data-capaian-for="${id}"]`);
      if (!box) return;
      box.className = `capaian capaian-${c.kind}${c.kelas ? ` kelas-${c.kelas}` : ''}`;
      const meter = box.querySelector('.capaian-bar');
      meter.max = c.maks;
      meter.value = c.nilai === null ? 0 : c.nilai;
      meter.hidden = c.nilai === null;
      box.querySelector('.capaian-persen').textContent = c.persen !== null ? c.persen : c.kind === 'kualitatif' ? '' : '—';
      const kelas = box.querySelector('.capaian-kelas');
      kelas.textContent = c.kelasLabel || '';
      kelas.hidden = !c.kelasLabel;
      box.querySelector('.capaian-rule').textContent = c.rule;
      const batas = box.querySelector('.capaian-batas');
      if (batas) batas.textContent = c.batas || '';
    };

    const ask = async (id, field, value) => {
      const mine = ++seq;
      latest.set(id, mine);
      const body = new URLSearchParams({ _csrf: token, indikatorId: id, [field]: value });
      try {
        const res = await fetch(form.dataset.capaianUrl, { method: 'POST', headers: { 'x-csrf-token': token, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body, credentials: 'same-origin' });
        if (!res.ok || latest.get(id) !== mine) return; // a typo mid-number (422) keeps the last figure
        show(id, await res.json());
      } catch {
        // offline or the session ended: the figure updates after saving
      }
    };

    form.addEventListener('input', (e) => {
      const m = /^r([at])_(\d+)$/.exec(e.target.name || '');
      if (!m) return;
      const id = m[2];
      const field = m[1] === 'a' ? 'angka' : 'teks';
      clearTimeout(timers.get(id));
      timers.set(id, setTimeout(() => ask(id, field, e.target.value), 300));
    });
  }

  // Deleting evidence asks once (the text comes from the page, in the user's language).
  document.addEventListener('submit', (e) => {
    const f = e.target;
    if (f instanceof HTMLFormElement && f.dataset.confirm && !window.confirm(f.dataset.confirm)) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, true);
});
