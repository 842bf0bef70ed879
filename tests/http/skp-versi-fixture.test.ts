import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGINS, loginAs, openPlanning, testApp, type Agent, type TestApp } from '../helpers/app.js';

// Versions already stored in skp_versi keep rendering: tests/fixtures/skp-versi-v1.json holds two
// approved versions exactly as the code of that time froze them (written through the real flow:
// RHKs linked to the appraiser's, number / lower-is-better / cumulative / range targets,
// ekspektasi khusus, lampiran; revision 2 rewords and retargets an indicator and adds an RHK).
// The test stores them as they are and reads them through today's pages.

type Stored = { revisi: number; data: unknown };
const fixture = JSON.parse(readFileSync(new URL('../fixtures/skp-versi-v1.json', import.meta.url), 'utf8')) as Stored[];

let t: TestApp;
let pegawai: Agent;
let skpId: number;
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const save = (name: string, html: string) => {
  // what each page rendered, for a reader comparing before and after a change of the model
  mkdirSync('test-output', { recursive: true });
  writeFileSync(`test-output/${name}.html`, main(html));
};

beforeAll(async () => {
  t = await testApp();
  const admin = await loginAs(t.app, 'admin');
  const siklus = await openPlanning(t, admin, 2026);
  const pg = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: LOGINS.pegawai } });
  skpId = (await t.db.prisma.skp.findFirstOrThrow({ where: { siklusId: siklus, pegawaiId: pg.id, ditutupAt: null } })).id;
  for (const v of fixture) await t.db.prisma.skpVersi.create({ data: { skpId, revisi: v.revisi, data: v.data as object, disetujuiAt: new Date('2026-02-03T04:05:06Z') } });
  await t.db.prisma.skp.update({ where: { id: skpId }, data: { revisi: 2, status: 'DISETUJUI', disetujuiAt: new Date('2026-02-03T04:05:06Z') } });
  pegawai = await loginAs(t.app, 'pegawai');
});
afterAll(async () => { await t?.close(); });

describe('versions stored by earlier code', () => {
  it('lists both and renders revision 1 with every part of the document', async () => {
    const list = await pegawai.get(`/skp/${skpId}/versi`).expect(200);
    expect(list.text).toContain(`href="/skp/${skpId}/versi/1"`);
    expect(list.text).toContain(`href="/skp/${skpId}/versi/2"`);
    const res = await pegawai.get(`/skp/${skpId}/versi/1`).expect(200);
    save('versi-1', res.text);
    const html = main(res.text);
    for (const s of [
      'Fajar Ramadhan, S.T.', '199406072018031284', 'Pengelola Sistem Informasi',
      'Tersusunnya laporan evaluasi aplikasi', 'Terkelolanya layanan aplikasi pemerintahan', 'Menjadi narasumber literasi digital',
      'Jumlah laporan evaluasi', '12 laporan', '2,5 hari', '80–90,5 %', 'Persentase peserta puas',
      'Laporan selalu tepat waktu dan cermat', 'Anggaran kegiatan evaluasi', 'Teguran tertulis bila target tidak tercapai',
    ]) expect(html).toContain(s);
    expect(html).toMatch(/Rata-rata waktu penyelesaian — <strong>2,5 hari<\/strong> <small class="muted">\(/);
  });

  it('renders revision 2 and the differences between the two', async () => {
    const v2 = main((await pegawai.get(`/skp/${skpId}/versi/2`).expect(200)).text);
    expect(v2).toContain('Terlaksananya migrasi server ke pusat data');
    expect(v2).toContain('1.500 laporan');
    const res = await pegawai.get(`/skp/${skpId}/versi/diff?dari=1&ke=2`).expect(200);
    save('versi-diff-1-2', res.text);
    const d = main(res.text);
    expect(d).toContain('Terlaksananya migrasi server ke pusat data');
    expect(d).toMatch(/<del>Jumlah laporan evaluasi<\/del> → <ins>Jumlah laporan evaluasi aplikasi<\/ins>/);
    expect(d).toMatch(/<del>12 laporan<\/del> → <ins>1\.500 laporan<\/ins>/);
    // the yes/no kumulatif of old documents reads as how periods combine: true → JUMLAH, false → TERAKHIR
    expect(d).toMatch(/<del>Dijumlahkan<\/del> → <ins>Nilai terakhir<\/ins>/);
    expect(d).toContain('Cepat belajar teknologi baru');
    expect(d).toMatch(/<del>Laporan selalu tepat waktu dan cermat<\/del> → <ins>Laporan selalu tepat waktu<\/ins>/);
    // unchanged parts are not listed
    expect(d).not.toContain('Persentase peserta puas');
    expect(d).not.toContain('Anggaran kegiatan evaluasi');
  });

  it('compares a stored version with the working copy', async () => {
    const res = await pegawai.get(`/skp/${skpId}/versi/diff?dari=2&ke=kini`).expect(200);
    save('versi-diff-2-kini', res.text);
    // the working copy has no RHK: everything of revision 2 shows as removed
    expect(main(res.text)).toContain('Terlaksananya migrasi server ke pusat data');
  });
});
