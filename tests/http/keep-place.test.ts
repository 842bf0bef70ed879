import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, postForm, testApp, type TestApp } from '../helpers/app.js';

// Saves keep your place (issue 9): after saving a row the page returns to that row, and a form
// that comes back with errors links each one to its field from the banner.

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

describe('saving on the SKP page', () => {
  it('returns to the RHK just added or changed, and to the RHK of an indicator just saved', async () => {
    const { pegawai } = await given.pegawaiWithPenilai(t);
    const skp = await given.skp(t, pegawai, { rhk: 1 });
    const agent = await loginAs(t.app, pegawai.login);
    const ver = async () => (await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id } })).version;
    const rhkAtasanId = (await t.db.prisma.rhk.findUniqueOrThrow({ where: { id: skp.rhk[0]!.id } })).rhkAtasanId!;

    const added = await postForm(agent, `/skp/${skp.id}/rhk`, { version: await ver(), jenis: 'UTAMA', teks: 'Terselenggaranya layanan data terbuka', rhkAtasanId });
    expect(added.status).toBe(303);
    const newRhk = await t.db.prisma.rhk.findFirstOrThrow({ where: { skpId: skp.id }, orderBy: { id: 'desc' } });
    expect(added.headers.location).toBe(`/skp/${skp.id}#rhk-${newRhk.id}`);
    // the anchor exists on the page it returns to
    const page = (await agent.get(`/skp/${skp.id}`)).text;
    expect(page).toContain(`id="rhk-${newRhk.id}"`);
    // on a phone the table's rows stack, each cell with its label (public/css/app.css, table.stack-phone)
    expect(page).toContain('class="table skp-table stack-phone"');
    expect(page).toMatch(/<td class="target" data-label="Target">/);

    const changed = await postForm(agent, `/skp/${skp.id}/rhk/${skp.rhk[0]!.id}`, { version: await ver(), jenis: 'UTAMA', teks: 'Terselenggaranya layanan data yang mutakhir', rhkAtasanId });
    expect(changed.headers.location).toBe(`/skp/${skp.id}#rhk-${skp.rhk[0]!.id}`);

    const ind = await postForm(agent, `/skp/${skp.id}/rhk/${newRhk.id}/indikator`, { version: await ver(), aspek: 'KUANTITAS', teks: 'Jumlah dataset terbit', jenisTarget: 'ANGKA', targetAngka: '24', satuan: 'dataset', lebihBaik: 'TINGGI' });
    expect(ind.headers.location).toBe(`/skp/${skp.id}#rhk-${newRhk.id}`);
  });

  it('a form with errors comes back with each error linked from the banner to its field', async () => {
    const { pegawai } = await given.pegawaiWithPenilai(t);
    const skp = await given.skp(t, pegawai, { rhk: 0 });
    const agent = await loginAs(t.app, pegawai.login);
    const { version } = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id } });
    const res = await postForm(agent, `/skp/${skp.id}/rhk`, { version, jenis: 'UTAMA', teks: 'ab' });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/<ul class="compact error-links"><li><a href="#f-teks">[^<]+<\/a><\/li>/);
    expect(res.text).toMatch(/id="f-teks"[^>]*aria-invalid="true"/);
  });
});
