// Progressive enhancement only: every page works without this script.
document.addEventListener('DOMContentLoaded', () => {
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
  // Forms: disable the submit button after the first click so a double click sends once.
  for (const form of document.querySelectorAll('form[method=post]')) {
    form.addEventListener('submit', () => {
      for (const b of form.querySelectorAll('button[type=submit]')) setTimeout(() => { b.disabled = true; }, 0);
    });
  }
});
