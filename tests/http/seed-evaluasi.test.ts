import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testApp, type TestApp } from '../helpers/app.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import { seedDemo } from '../../src/db/seed.js';
import { seedPlanning } from '../../src/db/seed-planning.js';
import { seedMutasi } from '../../src/db/seed-mutasi.js';
import { seedLaporan } from '../../src/db/seed-laporan.js';
import { seedEvaluasi, type SeedEvaluasiResult } from '../../src/db/seed-evaluasi.js';
import { fixedClock } from '../../src/clock.js';
import { localBerkasStore } from '../../src/storage/berkas-store.js';
import { cekUnit } from '../../src/modules/evaluasi/kalibrasi/service.js';

// The demo's last year through its end (src/db/seed-evaluasi.ts), on the whole demo as of a fixed
// day: every step by the services the pages call, so each page of the annual evaluation has data
// on first start (the year FINAL with a spread of predikat, organisation predikat per unit, one
// unit's violation justified, every employee notified).

let t: TestApp;
let result: SeedEvaluasiResult | null;
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
  result = await seedEvaluasi(t.db, store, jobs, { clock });
}, 300_000);
afterAll(() => t?.close());

describe('the demo year 2025 ends as an agency would end it', () => {
  it('computed, confirmed, calibrated and finalised: the cycle is SELESAI with every evaluation FINAL and notified', async () => {
    expect(result).toMatchObject({ tahun: 2025, fase: 'SELESAI' });
    const saran = await t.db.prisma.saranTahunan.count({ where: { skp: { siklus: { tahun: 2025 } } } });
    expect(saran).toBeGreaterThan(50);
    const evaluasi = await t.db.prisma.evaluasiTahunan.findMany({ where: { siklus: { tahun: 2025 } } });
    expect(evaluasi).toHaveLength(saran);
    expect(evaluasi.every((e) => e.status === 'FINAL' && e.finalAt && e.diberitahuAt)).toBe(true);
    expect(await t.db.prisma.notifikasi.count({ where: { jenis: 'EVALUASI_FINAL' } })).toBe(evaluasi.length);
  });

  it('a realistic spread of predikat, with some ratings changed in calibration (each with its reason)', async () => {
    const rows = await t.db.prisma.evaluasiTahunan.groupBy({ by: ['predikat'], where: { siklus: { tahun: 2025 } }, _count: true });
    const n = Object.fromEntries(rows.map((r) => [r.predikat, r._count]));
    expect(n.BAIK).toBeGreaterThan(0);
    expect(n.SANGAT_BAIK ?? 0).toBeGreaterThan(0);
    expect((n.BUTUH_PERBAIKAN ?? 0) + (n.KURANG ?? 0)).toBeGreaterThan(0);
    expect(result!.disesuaikan).toBeGreaterThan(0);
    const diubah = await t.db.prisma.evaluasiTahunan.findMany({ where: { siklus: { tahun: 2025 }, OR: [{ alasanHasilKerja: { not: null } }, { alasanPerilaku: { not: null } }] } });
    expect(diubah.length).toBeGreaterThanOrEqual(result!.disesuaikan);
  });

  it('the agency and each unit under it have an organisation predikat; the Bidang Statistik dan Persandian keeps a justified violation, the others none', async () => {
    const penetapan = await t.db.prisma.penetapanPredikat.findMany({ where: { siklus: { tahun: 2025 } }, include: { unit: true } });
    expect(penetapan.map((p) => p.unit.kode).sort()).toEqual(['DISKOMINFO', 'DISKOMINFO.APTIKA', 'DISKOMINFO.IKP', 'DISKOMINFO.SEK', 'DISKOMINFO.STATSAN', 'DISKOMINFO.UPTPD']);
    expect(penetapan.find((p) => p.unit.parentId === null)!.penetapLuarId).not.toBeNull(); // the Sekda, by their own login
    const siklusId = penetapan[0]!.siklusId;
    for (const p of penetapan) {
      const c = await cekUnit(t.db, siklusId, p.unitId);
      if (p.unit.kode === 'DISKOMINFO.STATSAN') {
        expect(c.cek?.hasil).toBe('PELANGGARAN');
        expect(c.justifikasi?.sesuai).toBe(true);
      } else expect(c.cek?.hasil, p.unit.kode).not.toBe('PELANGGARAN');
    }
  });

  it('the demo employee finds their final year and the HR admin the calibration of last year', async () => {
    const pegawai = await loginAs(t.app, 'pegawai');
    const saya = await pegawai.get('/evaluasi/saya?siklus=' + (await t.db.prisma.siklus.findUniqueOrThrow({ where: { tahun: 2025 } })).id).expect(200);
    expect(saya.text).toContain('Ditetapkan final');
    const admin = await loginAs(t.app, 'admin');
    const kal = await admin.get('/kalibrasi').expect(200);
    expect(kal.text).toContain('Bidang Statistik dan Persandian');
  });

  it('seeding again does nothing (the year is no longer in PENILAIAN)', async () => {
    expect(await seedEvaluasi(t.db, localBerkasStore(t.config.berkasDir), t.app.locals.jobs as JobRunner, { clock })).toBeNull();
  });
});
