// SKP pages, progressive enhancement only: every form works without this script.
document.addEventListener('DOMContentLoaded', () => {
  // Indicator form: show only the target fields that fit the chosen kind of target.
  const jenis = document.getElementById('f-jenisTarget');
  const blocks = document.querySelectorAll('[data-target-for]');
  if (jenis && blocks.length) {
    const sync = () => {
      for (const b of blocks) b.hidden = !b.dataset.targetFor.split(' ').includes(jenis.value);
    };
    jenis.addEventListener('change', sync);
    sync();
  }

  // Deleting asks once (the text comes from the page, in the user's language). Listening in the
  // capture phase stops the "disable after submit" handler from running when the user cancels.
  document.addEventListener('submit', (e) => {
    const form = e.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, true);
});
