import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testApp, type TestApp } from '../helpers/app.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import { seedDemo } from '../../src/db/seed.js';
import { seedPlanning } from '../../src/db/seed-planning.js';
import { seedMutasi } from '../../src/db/seed-mutasi.js';
import { seedLaporan } from '../../src/db/seed-laporan.js';
import { seedEvaluasi } from '../../src/db/seed-evaluasi.js';
import { seedKeberatan, type SeedKeberatanResult } from '../../src/db/seed-keberatan.js';
import { fixedClock } from '../../src/clock.js';
import { jendelaKeberatan } from '../../src/domain/keberatan.js';
import { localBerkasStore } from '../../src/storage/berkas-store.js';
import { pdfPages } from '../helpers/files.js';
import { pastikanDokumen } from '../../src/modules/evaluasi/dokumen/terbit.js';
import { parseIsiDokumen } from '../../src/modules/evaluasi/dokumen/isi.js';
import { dokumenEvaluasiPdf } from '../../src/modules/evaluasi/dokumen/pdf.js';

// The demo's objections (src/db/seed-keberatan.ts) on the whole demo closed by seed-evaluasi.ts,
// as of a fixed day: one decided with a changed rating (its document re-issued), one open inside
// its window, so the objection pages have data on first start.

let t: TestApp;
let result: SeedKeberatanResult | null;
let demoPegawai: string;
const clock = fixedClock('2026-12-01T03:00:00Z');

beforeAll(async () => {
  t = await testApp({}, { clock });
  const { logins } = await seedDemo(t.db.pool);
  const demo = { penilai: logins.find((l) => l.role === 'penilai')!.login, pegawai: logins.find((l) => l.role === 'pegawai')!.login };
  demoPegawai = demo.pegawai;
  const jobs = t.app.locals.jobs as JobRunner;
  await seedPlanning(t.db, jobs, { tahun: 2026, demo });
  await seedMutasi(t.db, { tahun: 2026, skip: logins.map((l) => l.login), setujui: true });
  const store = localBerkasStore(t.config.berkasDir);
  await seedLaporan(t.db, store, { clock, demo });
  await seedEvaluasi(t.db, store, jobs, { clock });
  result = await seedKeberatan(t.db, store, { clock, demo: { pegawai: demo.pegawai } });
}, 300_000);
afterAll(() => t?.close());

describe('the demo year 2025 has two objections', () => {
  it('one decided: the rating changed, the evaluation updated, the document re-issued (nomor 1 superseded, nomor 2 current)', async () => {
    expect(result).not.toBeNull();
    const k = await t.db.prisma.keberatan.findUniqueOrThrow({ where: { id: result!.diputus.id }, include: { berkas: true } });
    expect(k).toMatchObject({ status: 'DIPUTUS', keputusan: 'UBAH', pemutusId: expect.any(Number) });
    expect(k.tanggapan).toBeTruthy();
    expect(k.berkas).toHaveLength(1);
    const e = await t.db.prisma.evaluasiTahunan.findUniqueOrThrow({ where: { id: k.evaluasiId } });
    expect(e).toMatchObject({ ratingHasilKerja: k.hasilKerjaBaru, ratingPerilaku: k.perilakuBaru, predikat: k.predikatBaru, status: 'FINAL' });
    expect(k.predikatBaru).not.toBe(k.semulaPredikat);
    const dok = await t.db.prisma.dokumenEvaluasi.findMany({ where: { evaluasiId: e.id }, orderBy: { nomor: 'asc' } });
    expect(dok.map((d) => [d.nomor, d.digantikanAt !== null, (d.isi as { predikat: string }).predikat])).toEqual([[1, true, k.semulaPredikat], [2, false, k.predikatBaru]]);
    // filed inside its window (the window's rule, on the seed's own days)
    const s = await t.db.prisma.siklus.findUniqueOrThrow({ where: { id: k.siklusId } });
    expect(s).toMatchObject({ tahun: 2025, fase: 'SELESAI' });
    expect(jendelaKeberatan({ diberitahuAt: e.diberitahuAt, zona: 'Asia/Jakarta', hari: 14, now: k.diajukanAt }).buka).toBe(true);
  });

  it('one still open inside its window: the demo employee\'s, shown to them and to their decider', async () => {
    const k = await t.db.prisma.keberatan.findUniqueOrThrow({ where: { id: result!.terbuka.id }, include: { pegawai: true, pemutus: { include: { user: true } } } });
    expect(k.status).toBe('DIAJUKAN');
    expect(k.pegawai.nip).toBe(demoPegawai);
    const e = await t.db.prisma.evaluasiTahunan.findUniqueOrThrow({ where: { id: k.evaluasiId } });
    expect(jendelaKeberatan({ diberitahuAt: e.diberitahuAt, zona: 'Asia/Jakarta', hari: 14, now: clock.now() }).buka).toBe(true);
    const me = await loginAs(t.app, { login: demoPegawai, password: (await import('../../src/db/seed.js')).DEMO_PASSWORD });
    expect((await me.get(`/keberatan/${k.id}`).expect(200)).text).toContain(k.alasan.slice(0, 40));
    const decider = await loginAs(t.app, { login: k.pemutus!.nip, password: (await import('../../src/db/seed.js')).DEMO_PASSWORD });
    const page = await decider.get(`/keberatan/${k.id}`).expect(200);
    expect(page.text).toContain('id="form-evaluasi"');
  });

  it('runs once: a second run changes nothing', async () => {
    expect(await seedKeberatan(t.db, localBerkasStore(t.config.berkasDir), { clock })).toBeNull();
    expect(await t.db.prisma.keberatan.count()).toBe(2);
  });
});

// The Dokumen Evaluasi Kinerja on the same finished demo year (docs/domain/dokumen-evaluasi.md): every
// FINAL evaluation issues a document that reads back and prints, whatever the year held (a mover's
// pieces, an appraiser outside the agency, a JPT, a functional position's angka kredit, units with
// and without an organisation predikat).
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
    // one current document per FINAL evaluation (the decided objection's number 1 is superseded by its number 2)
    expect(await t.db.prisma.dokumenEvaluasi.count({ where: { digantikanAt: null } })).toBe(final.length);
    expect(distribusi).toBeGreaterThan(0);
    console.log(`documents: ${final.length}; with several SKP pieces: ${pieces}; with angka kredit: ${ak}; with a distribution: ${distribusi}`);
  }, 300_000);
});
