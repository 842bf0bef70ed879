import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import { pdfPages } from '../helpers/files.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import { seedDemo } from '../../src/db/seed.js';
import { seedPlanning } from '../../src/db/seed-planning.js';
import { seedMutasi } from '../../src/db/seed-mutasi.js';
import { seedLaporan } from '../../src/db/seed-laporan.js';
import { seedEvaluasi } from '../../src/db/seed-evaluasi.js';
import { fixedClock } from '../../src/clock.js';
import { localBerkasStore } from '../../src/storage/berkas-store.js';
import { pastikanDokumen } from '../../src/modules/evaluasi/dokumen/terbit.js';
import { parseIsiDokumen } from '../../src/modules/evaluasi/dokumen/isi.js';
import { dokumenEvaluasiPdf } from '../../src/modules/evaluasi/dokumen/pdf.js';

// The Dokumen Evaluasi Kinerja on the demo's finished year (src/db/seed-evaluasi.ts): every FINAL
// evaluation issues a document that reads back and prints, whatever the year held (a mover's
// pieces, an appraiser outside the agency, a JPT, a functional position's angka kredit, units
// with and without an organisation predikat). docs/domain/dokumen-evaluasi.md.

let t: TestApp;
const clock = fixedClock('2026-12-01T03:00:00Z');

beforeAll(async () => {
  t = await testApp({}, { clock });
  const { logins } = await seedDemo(t.db.pool);
  const demo = { penilai: logins.find((l) => l.role === 'penilai')!.login, pegawai: logins.find((l) => l.role === 'pegawai')!.login };
  const jobs = t.app.locals.jobs as JobRunner;
  await seedPlanning(t.db, jobs, { tahun: 2026, demo });
  await seedMutasi(t.db, { tahun: 2026, skip: logins.map((l) => l.login), setujui: true });
  const store = localBerkasStore(t.config.berkasDir);
  await seedLaporan(t.db, store, { clock, demo });
  await seedEvaluasi(t.db, store, jobs, { clock });
}, 300_000);
afterAll(() => t?.close());

describe('the demo year’s documents', () => {
  it('every FINAL evaluation issues one that reads back as stored and prints its people and predikat', async () => {
    const final = await t.db.prisma.evaluasiTahunan.findMany({ where: { status: 'FINAL' }, orderBy: { id: 'asc' } });
    expect(final.length).toBeGreaterThan(50);
    let pieces = 0, ak = 0, distribusi = 0;
    for (const e of final) {
      const d = await t.db.prisma.$transaction((tx) => pastikanDokumen(tx, e.id, null));
      const isi = parseIsiDokumen(d.isi);
      expect(isi.predikat).toBe(e.predikat);
      if (isi.potongan.length > 1) pieces++;
      if (isi.angkaKredit) ak++;
      if (isi.organisasi.distribusi) distribusi++;
      if (e.id % 7 === 0 || isi.potongan.length > 1) {
        const text = (await pdfPages(await dokumenEvaluasiPdf(isi, { nomor: d.nomor, diterbitkanAt: d.diterbitkanAt, digantikan: null, menggantikan: null }, clock.now()))).join(' ');
        expect(text).toContain(isi.pegawai.nama);
        expect(text).toContain('PREDIKAT KINERJA PEGAWAI');
      }
    }
    expect(await t.db.prisma.dokumenEvaluasi.count()).toBe(final.length);
    expect(distribusi).toBeGreaterThan(0);
    console.log(`documents: ${final.length}; with several SKP pieces: ${pieces}; with angka kredit: ${ak}; with a distribution: ${distribusi}`);
  }, 300_000);
});
