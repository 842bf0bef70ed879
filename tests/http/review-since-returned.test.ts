import { afterAll, beforeAll, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';

// Issue 9 § 4: a resubmitted SKP shows what changed since the appraiser last saw it — the
// document they returned — not only against the last approved version (docs/domain/skp.md § Workflow).

let t: TestApp;
let penilai: Agent;
let pegawai: Agent;
let skp: given.GivenSkp;
const ver = async () => (await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id } })).version;
const tinjau = () => `/skp/${skp.id}/tinjau`;

beforeAll(async () => {
  t = await testApp();
  const world = await given.organisasi(t);
  await given.siklusTerbuka(t);
  skp = await given.skpDiajukan(t, world.people.self);
  penilai = await loginAs(t.app, world.people.penilai.login);
  pegawai = await loginAs(t.app, world.people.self.login);
});
afterAll(async () => { await t?.close(); });

it('a first submission shows no "changed since" part', async () => {
  const res = await penilai.get(tinjau()).expect(200);
  expect(res.text).not.toContain('id="sejak-dikembalikan"');
});

it('after a return and a resubmission, the review page shows the reworded indicator and its changed target', async () => {
  const alasan = 'Target jumlah keluaran terlalu rendah untuk setahun.';
  const ret = await postForm(penilai, `/skp/${skp.id}/kembalikan`, { version: await ver(), alasan, confirmed: '1' }, tinjau());
  expect(ret.status).toBe(303);
  const k = await t.db.prisma.keputusanSkp.findFirstOrThrow({ where: { skpId: skp.id, jenis: 'KEMBALIKAN' } });
  expect(k.dokumen).not.toBeNull(); // what the appraiser saw is kept with the return

  // the employee rewords the indicator and raises its target, then submits again
  const ind = await t.db.prisma.indikator.findFirstOrThrow({ where: { rhk: { skpId: skp.id } } });
  const edit = await postForm(pegawai, `/skp/${skp.id}/indikator/${ind.id}`, {
    version: await ver(), aspek: ind.aspek, teks: 'Jumlah laporan layanan yang terbit tepat waktu', jenisTarget: 'ANGKA', targetAngka: '24', satuan: ind.satuan ?? 'dokumen', lebihBaik: 'TINGGI',
  }, `/skp/${skp.id}`);
  expect(edit.status).toBe(303);
  await given.submit(t, { id: skp.id, pegawaiId: skp.pegawaiId });

  const res = await penilai.get(tinjau()).expect(200);
  const part = res.text.split('id="sejak-dikembalikan"')[1]!.split('</section>\n\n')[0]!;
  expect(res.text).toContain('Yang berubah sejak Anda kembalikan');
  expect(part).toMatch(/<del>[^<]+<\/del> → <ins>Jumlah laporan layanan yang terbit tepat waktu<\/ins>/);
  expect(part).toMatch(/<del>12 dokumen<\/del> → <ins>24 dokumen<\/ins>/);
});

it('once decided again (approved), the part is gone', async () => {
  const ok = await postForm(penilai, `/skp/${skp.id}/setujui`, { version: await ver(), confirmed: '1' }, tinjau());
  expect(ok.status).toBe(303);
  const res = await penilai.get(tinjau()).expect(200);
  expect(res.text).not.toContain('id="sejak-dikembalikan"');
});
