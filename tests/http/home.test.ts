import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, testApp, type TestApp } from '../helpers/app.js';

// Each role's home page says where the person stands and what to do next (issue 9): the
// employee's SKP with its one next step, the appraiser's appraisees with what waits, HR's cycle.

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

const home = async (who: { login: { login: string; password: string } } | 'admin') => (await (await loginAs(t.app, who === 'admin' ? 'admin' : who.login)).get('/').expect(200)).text;

describe('the employee\'s home page', () => {
  it('an empty draft: the status and the one next step, as a button to the SKP', async () => {
    const { pegawai } = await given.pegawaiWithPenilai(t);
    const skp = await given.skp(t, pegawai, { rhk: 0 });
    const html = await home(pegawai);
    expect(html).toContain('class="tag status-DRAFT"');
    expect(html).toContain('susun rencana hasil kerja');
    expect(html).toContain(`<a class="button primary" href="/skp/${skp.id}">Mulai menyusun SKP</a>`);
    expect(html).not.toMatch(/revisi 1/); // a never-submitted draft carries no revision badge
  });

  it('a returned SKP: the reason and the way to correct it', async () => {
    const { pegawai } = await given.pegawaiWithPenilai(t);
    const skp = await given.skpDikembalikan(t, pegawai, 'Indikator kedua belum terukur <b>jelas</b>');
    const html = await home(pegawai);
    expect(html).toContain('Indikator kedua belum terukur &lt;b&gt;jelas&lt;/b&gt;');
    expect(html).toContain(`href="/skp/${skp.id}">Perbaiki SKP</a>`);
  });

  it('a submitted SKP: nothing to do, and who it waits for', async () => {
    const { pegawai, penilai } = await given.pegawaiWithPenilai(t);
    await given.skpDiajukan(t, pegawai);
    const html = await home(pegawai);
    expect(html).toContain(`menunggu persetujuan ${penilai.nama}`);
    expect(html).not.toContain('class="button primary"');
  });

  it('an approved SKP: print it', async () => {
    const { pegawai } = await given.pegawaiWithPenilai(t);
    const skp = await given.skpDisetujui(t, pegawai);
    expect(await home(pegawai)).toContain(`href="/skp/${skp.id}/cetak.pdf">Cetak SKP (PDF)</a>`);
  });
});

describe('the appraiser\'s card', () => {
  it('shows only for people who appraise someone, with the counts and the next one waiting', async () => {
    const { penilai, pegawai } = await given.pegawaiWithPenilai(t);
    const other = await given.pegawai(t, { unitId: pegawai.unitId, penilai });
    const waiting = await given.skpDiajukan(t, pegawai);
    await given.skp(t, other);
    const html = await home(penilai);
    expect(html).toContain('Pegawai yang Anda nilai (2)');
    expect(html).toMatch(/<span class="num">1<\/span><span>Menunggu persetujuan Anda<\/span>/);
    expect(html).toContain(`<a class="button primary" href="/skp/${waiting.id}/tinjau">Tinjau berikutnya: ${pegawai.nama}</a>`);
    // the appraisee appraises nobody: no such card
    expect(await home(pegawai)).not.toContain('Pegawai yang Anda nilai');
  });
});

describe('HR\'s card', () => {
  it('shows the open cycle, its phase, the counts per status and what blocks the next phase', async () => {
    const { pegawai } = await given.pegawaiWithPenilai(t);
    const siklus = await given.siklusTerbuka(t);
    await given.skpDiajukan(t, pegawai);
    const html = await home('admin');
    expect(html).toContain(`Siklus ${siklus.tahun}`);
    expect(html).toContain('Perencanaan');
    expect(html).toContain('SKP per status');
    expect(html).toMatch(/<progress class="status-DIAJUKAN" max="\d+" value="[1-9]\d*">/);
    expect(html).toContain('Yang masih menghalangi pindah ke fase');
    expect(html).toContain('belum disetujui pejabat penilai');
    expect(html).toContain(`href="/siklus/${siklus.id}">Buka siklus</a>`);
  });
});
