// Progressive enhancement only: every page works without this script.
document.addEventListener('DOMContentLoaded', () => {
  // On a phone the menu folds behind its button (the CSS hides a folded menu only on narrow screens).
  const navToggle = document.querySelector('.nav-toggle');
  const nav = document.getElementById('mainnav');
  if (navToggle && nav) {
    nav.classList.add('folded');
    navToggle.hidden = false;
    navToggle.addEventListener('click', () => {
      const open = nav.classList.toggle('folded') === false;
      navToggle.setAttribute('aria-expanded', String(open));
    });
  }
  // Employee form: show only the ranks that fit the chosen ASN kind.
  const asn = document.getElementById('f-jenisAsn');
  const gol = document.getElementById('f-pangkatGolongan');
  if (asn && gol) {
    const sync = () => {
      for (const o of gol.options) {
        if (!o.dataset.group) continue;
        o.hidden = o.dataset.group !== asn.value;
        if (o.hidden && o.selected) gol.value = '';
      }
    };
    asn.addEventListener('change', sync);
    sync();
  }
  // Employee form: show the default appraiser of the chosen position.
  const jab = document.getElementById('f-jabatanId');
  const bawaan = document.getElementById('penilai-bawaan');
  const list = document.getElementById('penilai-bawaan-list');
  if (jab && bawaan && list) {
    jab.addEventListener('change', () => {
      const li = list.querySelector(`li[data-jabatan="${CSS.escape(jab.value)}"]`);
      bawaan.textContent = li ? li.textContent : '';
    });
  }
  // A form that came back with errors: bring the first field in error into view and give it the
  // focus (the banner above links to each one as well).
  const invalid = document.querySelector('[aria-invalid="true"]');
  if (invalid && !window.location.hash) {
    invalid.scrollIntoView({ block: 'center' });
    invalid.focus({ preventScroll: true });
  }
  // Forms: disable the submit button after the first click so a double click sends once.
  for (const form of document.querySelectorAll('form[method=post]')) {
    form.addEventListener('submit', () => {
      for (const b of form.querySelectorAll('button[type=submit]')) setTimeout(() => { b.disabled = true; }, 0);
    });
  }
});

// Long work shows progress: poll a job's JSON and move the progress bar until it finishes. Any
// box with data-job-url (the cycle's draft SKPs, the year-end computation) holds a <progress> and
// a text line to update.
document.addEventListener('DOMContentLoaded', () => {
  const fmt = new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'id-ID');
  for (const box of document.querySelectorAll('[data-job-url]')) {
    if (box.dataset.status === 'SELESAI' || box.dataset.status === 'GAGAL') continue;
    const bar = box.querySelector('progress');
    const text = box.querySelector('#job-text, .job-text');
    if (!bar || !text) continue;
    const tick = async () => {
      try {
        const r = await fetch(box.dataset.jobUrl, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
        const job = await r.json();
        bar.max = Math.max(1, job.total);
        bar.value = job.selesai;
        text.textContent = `${fmt.format(job.selesai)} / ${fmt.format(job.total)}`;
        if (job.status === 'SELESAI' || job.status === 'GAGAL') return window.location.reload();
      } catch { /* try again */ }
      setTimeout(tick, 1000);
    };
    setTimeout(tick, 500);
  }
});
