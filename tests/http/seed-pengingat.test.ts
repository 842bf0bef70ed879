import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import { seedDemo } from '../../src/db/seed.js';
import { seedPlanning } from '../../src/db/seed-planning.js';
import { seedMutasi } from '../../src/db/seed-mutasi.js';
import { seedLaporan } from '../../src/db/seed-laporan.js';
import { fixedClock } from '../../src/clock.js';
import { tanggalDi } from '../../src/domain/periode-laporan.js';
import { periksaPengingat } from '../../src/modules/pengingat/service.js';

// The demo's reminders (docs/domain/pengingat.md): the check the seed runs after writing the reports
// (src/server.ts) gives the demo's late people their "deadline passed" reminder, and only them.

const year = Number(tanggalDi(new Date(), 'Asia/Jakarta').slice(0, 4));
const clock = fixedClock(`${year}-08-12T03:00:00Z`); // Q3 running, Q2's deadline passed
let t: TestApp;
beforeAll(async () => {
  t = await testApp({}, { clock });
  const { logins } = await seedDemo(t.db.pool);
  const demo = { penilai: logins.find((l) => l.role === 'penilai')!.login, pegawai: logins.find((l) => l.role === 'pegawai')!.login };
  await seedPlanning(t.db, t.app.locals.jobs as JobRunner, { tahun: year, demo });
  await seedMutasi(t.db, { tahun: year, skip: logins.map((l) => l.login), setujui: true });
  await seedLaporan(t.db, (await import('../../src/storage/berkas-store.js')).localBerkasStore(t.config.berkasDir), { clock, demo });
}, 240_000);
afterAll(async () => { await t?.close(); });

it('the late people of the demo get their "deadline passed" reminder, and a second check sends nothing', async () => {
  const first = await periksaPengingat(t.db, clock.now());
  expect(first.total).toBeGreaterThan(0);
  expect((await periksaPengingat(t.db, clock.now())).total).toBe(0);
  // every LEWAT reminder is for someone with an SKP covering the period whose report there was never submitted
  const wrong = await t.db.pool.query(
    `SELECT r.pegawai_id, r.periode_id FROM pengingat r JOIN periode p ON p.id = r.periode_id
      WHERE r.jenis = 'TENGGAT_LEWAT' AND NOT EXISTS (
        SELECT 1 FROM skp s LEFT JOIN laporan_periode l ON l.skp_id = s.id AND l.periode_id = p.id
         WHERE s.pegawai_id = r.pegawai_id AND s.siklus_id = p.siklus_id AND s.periode_awal <= p.selesai AND s.periode_akhir >= p.mulai
           AND (l.id IS NULL OR l.diajukan_at IS NULL))`,
  );
  expect(wrong.rows).toEqual([]);
  // and each one with a login has the notification
  const missing = await t.db.pool.query(
    `SELECT r.id FROM pengingat r JOIN app_user u ON u.pegawai_id = r.pegawai_id
      WHERE NOT EXISTS (SELECT 1 FROM notifikasi n WHERE n.kunci = 'pengingat:' || r.jenis || ':' || r.periode_id || ':' || r.pegawai_id AND n.user_id = u.id)`,
  );
  expect(missing.rows).toEqual([]);
});
