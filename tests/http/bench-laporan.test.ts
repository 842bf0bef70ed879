import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { generateDataset } from '../../bench/generate.js';
import { generateLaporan } from '../../bench/laporan-data.js';
import { migrate } from '../../src/db/migrate.js';
import { createDb, type Db } from '../../src/db/client.js';
import { loadActor } from '../../src/modules/auth/authenticate.js';
import { laporanDokumen, visibleLaporan } from '../../src/modules/laporan/read.js';
import { withDatabase } from '../setup/global.js';

// The report benchmark's dataset (bench/laporan-data.ts) on a small organisation: what it writes
// follows the issue-10 contract, so the pages measured read real, consistent reports.

const name = `sikap_bl_${randomBytes(5).toString('hex')}`;
const admin = async (sql: string) => {
  const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await c.connect();
  await c.query(sql);
  await c.end();
};
let db: Db;
beforeAll(async () => {
  await admin(`CREATE DATABASE ${name}`);
  const url = withDatabase(inject('pgAdminUrl'), name);
  await migrate(url);
  db = createDb(url, 4);
}, 60_000);
afterAll(async () => {
  await db?.close();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe('the report benchmark dataset', () => {
  it('writes four periods of reports that follow the contract and read through the read model', async () => {
    await generateDataset(db.pool, { employees: 300, analyze: false });
    const r = await generateLaporan(db);
    const one = async (sql: string, values: unknown[] = []) => Number((await db.pool.query<{ n: string }>(sql, values)).rows[0]!.n);
    expect(r.rows.skp).toBe(300);
    expect(r.rows.laporan).toBe(300 * 4); // one per SKP and period
    expect(await one(`SELECT count(*) AS n FROM siklus WHERE id = $1 AND fase = 'PELAKSANAAN'`, [r.siklusId])).toBe(1);
    // every report reads its plan from an approved version at its revision
    expect(await one('SELECT count(*) AS n FROM laporan_periode l WHERE NOT EXISTS (SELECT 1 FROM skp_versi v WHERE v.skp_id = l.skp_id AND v.revisi = l.skp_revisi)')).toBe(0);
    // earlier periods rated (with a rating and its history), the last one mixed, never rated
    const status = r.statusCounts;
    expect(status['1 DINILAI'] + status['2 DINILAI'] + status['3 DINILAI']).toBe(900);
    expect(Object.keys(status).filter((k) => k.startsWith('4 ')).sort()).toEqual(['4 DIAJUKAN', '4 DIKEMBALIKAN', '4 DRAFT']);
    expect(await one(`SELECT count(*) AS n FROM laporan_periode l WHERE (l.status = 'DINILAI') <> EXISTS (SELECT 1 FROM penilaian_periode p WHERE p.laporan_id = l.id)`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM laporan_periode l WHERE l.status <> 'DRAFT' AND NOT EXISTS (SELECT 1 FROM riwayat_laporan h WHERE h.laporan_id = l.id AND h.jenis = 'DIAJUKAN')`)).toBe(0);
    expect(await one(`SELECT count(*) AS n FROM laporan_periode l WHERE l.status = 'DIKEMBALIKAN' AND (l.dibuka_sampai IS NULL OR l.alasan_kembali IS NULL)`)).toBe(0);
    // a submitted report has a realisasi for every indicator of its plan; a draft lacks its TAMBAHAN ones
    expect(await one(`SELECT count(*) AS n FROM laporan_periode l JOIN rhk k ON k.skp_id = l.skp_id JOIN indikator i ON i.rhk_id = k.id
                       WHERE l.status <> 'DRAFT' AND NOT EXISTS (SELECT 1 FROM realisasi x WHERE x.laporan_id = l.id AND x.indikator_id = i.id)`)).toBe(0);
    expect(r.rows.realisasi).toBe(1200 * 10 - status['4 DRAFT']! * 2);

    const actor = (await loadActor(db.pool, await one(`SELECT id AS n FROM app_user WHERE username = 'admin'`)))!;
    for (const st of ['DINILAI', 'DIAJUKAN', 'DRAFT', 'DIKEMBALIKAN']) {
      const id = await one(`SELECT min(id) AS n FROM laporan_periode WHERE status = $1`, [st]);
      const doc = await laporanDokumen(db, await visibleLaporan(db, actor, id), { now: new Date() });
      expect(doc.rhk).toHaveLength(5);
      expect(doc.rhk.flatMap((x) => x.indikator)).toHaveLength(10);
      expect(doc.rhk[0]!.rencanaAksi.length).toBeGreaterThan(0);
      if (st === 'DINILAI') expect(doc.penilaian).not.toBeNull();
      else expect(doc.penilaian).toBeNull();
      const ind = doc.rhk.flatMap((x) => x.indikator);
      expect(ind.filter((i) => i.realisasi === null).length).toBe(st === 'DRAFT' ? 2 : 0); // a draft: its TAMBAHAN RHK not filled in yet
      // capaian from the numbers; the qualitative one's class is the appraiser's judgement, so only once rated
      expect(ind.filter((i) => i.capaian.kind === 'missing').length).toBe(st === 'DRAFT' ? 3 : st === 'DINILAI' ? 0 : 1);
    }
  }, 120_000);
});
