import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { generateDataset } from '../../bench/generate.js';
import { migrate } from '../../src/db/migrate.js';
import { seedDemo } from '../../src/db/seed.js';
import { withDatabase } from '../setup/global.js';
import { insertLaporan } from '../../src/db/bulk-insert.js';
import { testApp, type TestApp } from '../helpers/app.js';
import * as given from '../helpers/given.js';

// The one bulk writer (src/db/bulk-insert.ts) behind both the demo seed and the benchmark
// dataset: every reference it writes points at the row the plan meant, on an empty database.

const names: string[] = [];
const admin = async (sql: string) => {
  const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await c.connect();
  await c.query(sql);
  await c.end();
};
async function emptyDb(): Promise<pg.Pool> {
  const name = `sikap_b_${randomBytes(5).toString('hex')}`;
  names.push(name);
  await admin(`CREATE DATABASE ${name}`);
  const url = withDatabase(inject('pgAdminUrl'), name);
  await migrate(url);
  return new pg.Pool({ connectionString: url, max: 2 });
}

const pools: pg.Pool[] = [];
beforeAll(async () => {
  pools.push(await emptyDb(), await emptyDb());
});
afterAll(async () => {
  for (const p of pools) await p.end();
  for (const n of names) await admin(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
});

/** What must hold for any organisation the writer put down. */
async function consistent(pool: pg.Pool) {
  const one = async (sql: string) => Number((await pool.query<{ n: string }>(sql)).rows[0]!.n);
  expect(await one('SELECT count(*) AS n FROM pegawai')).toBeGreaterThan(0);
  // a unit's path is its parent's path followed by its own id
  expect(await one(`SELECT count(*) AS n FROM unit_kerja u LEFT JOIN unit_kerja p ON p.id = u.parent_id
                     WHERE u.path <> COALESCE(p.path, '/') || u.id || '/'`)).toBe(0);
  // an employee works in the unit of their position, and has one riwayat row and one login
  expect(await one('SELECT count(*) AS n FROM pegawai g JOIN jabatan j ON j.id = g.jabatan_id WHERE j.unit_id <> g.unit_id')).toBe(0);
  expect(await one(`SELECT count(*) AS n FROM pegawai g WHERE (SELECT count(*) FROM riwayat_pegawai r WHERE r.pegawai_id = g.id AND r.jabatan_id = g.jabatan_id
                     AND r.unit_id = g.unit_id AND r.penilai_id IS NOT DISTINCT FROM g.penilai_id) <> 1`)).toBe(0);
  expect(await one('SELECT count(*) AS n FROM pegawai g WHERE (SELECT count(*) FROM app_user a WHERE a.pegawai_id = g.id) <> 1')).toBe(0);
  expect(await one(`SELECT count(*) AS n FROM app_user WHERE username = 'admin' AND 'ADMIN' = ANY(peran)`)).toBe(1);
  expect(await one(`SELECT count(*) AS n FROM app_user WHERE 'PIMPINAN' = ANY(peran)`)).toBeGreaterThan(0);
}

describe('the bulk writer', () => {
  it('writes the benchmark dataset consistently', async () => {
    const r = await generateDataset(pools[0]!, { employees: 300, analyze: false });
    expect(r.pegawai).toBe(300);
    expect(r.users).toBe(301);
    await consistent(pools[0]!);
    // appraisers are other employees of the dataset
    expect((await pools[0]!.query('SELECT count(*)::int AS n FROM pegawai WHERE penilai_id = id')).rows[0].n).toBe(0);
  });

  it('writes the demo agency consistently, with its demo logins', async () => {
    const r = await seedDemo(pools[1]!);
    expect(r.seeded).toBe(true);
    await consistent(pools[1]!);
    // employees log in by NIP; the Sekda (outside the agency) by username
    for (const l of r.logins.filter((x) => x.role !== 'admin' && /^\d+$/.test(x.login))) {
      expect((await pools[1]!.query('SELECT count(*)::int AS n FROM pegawai WHERE nip = $1', [l.login])).rows[0].n).toBe(1);
    }
    const sekda = r.logins.find((x) => x.role.startsWith('pejabat luar'))!;
    const luar = (await pools[1]!.query('SELECT l.jabatan, (SELECT count(*)::int FROM pegawai p WHERE p.penilai_luar_id = l.id) AS dinilai FROM app_user u JOIN pejabat_luar l ON l.id = u.pejabat_luar_id WHERE u.username = $1', [sekda.login])).rows;
    expect(luar).toEqual([{ jabatan: 'Sekretaris Daerah', dinilai: 1 }]);
    // the seed's own summary counts what was written
    const audit = (await pools[1]!.query(`SELECT after FROM audit_log WHERE aksi = 'seed.demo'`)).rows[0].after;
    expect(audit.users).toBe(audit.pegawai + 1 + audit.pejabatLuar);
  });
});

describe('the bulk writer of periodic reports (insertLaporan)', () => {
  let t: TestApp;
  beforeAll(async () => { t = await testApp(); });
  afterAll(async () => { await t?.close(); });

  it('writes reports with their realisasi, progress, evidence, marks, rating and history, each child on the report it was given with', async () => {
    const { id: siklusId } = await given.siklusTerbuka(t);
    const { pegawai } = await given.pegawaiWithPenilai(t);
    const skp = await given.skpDisetujui(t, pegawai, { rhk: 1, indikator: 2 });
    const [p1, p2] = await t.db.prisma.periode.findMany({ where: { siklusId }, orderBy: { urutan: 'asc' } });
    const at = new Date('2026-04-03T02:00:00Z');
    const base = { skpId: skp.id, skpRevisi: 1, prestasi: 'Tercapai', kendala: null, rencanaPerbaikan: null, diajukanAt: at, dibukaSampai: null, alasanKembali: null, version: 2, createdAt: at, updatedAt: at, progres: [], tanda: [] };
    const [ind1, ind2] = skp.rhk[0]!.indikator;
    const ids = await insertLaporan(t.db.pool, [
      { ...base, periodeId: p1!.id, status: 'DINILAI',
        realisasi: [{ indikatorId: ind1!, angka: '12.5', teks: null, sumberData: 'SIPD', penilaian: null, umpanBalik: 'Baik' }, { indikatorId: ind2!, angka: '3', teks: null, sumberData: null, penilaian: null, umpanBalik: null }],
        bukti: [{ indikatorId: ind1!, berkasId: null, url: 'https://example.go.id/a', keterangan: 'berita', createdAt: at }],
        tanda: [{ nilai: 'AKUNTABEL', tanda: 'DI_ATAS', umpanBalik: 'Rapi' }],
        penilaian: { ratingHasilKerja: 'SESUAI', ratingPerilaku: 'DI_ATAS', predikat: 'BAIK', saranHasilKerja: { kind: 'saran', rating: 'SESUAI' }, saranPerilaku: { kind: 'withheld' }, policyVersion: 1, alasanHasilKerja: null, alasanPerilaku: 'x', at, olehUserId: null, penilaiId: pegawai.penilaiId, penilaiLuarId: null, delegasiId: null },
        riwayat: [{ jenis: 'DINILAI', alasan: null, sampai: null, at: new Date(at.getTime() + 1000), olehUserId: null }, { jenis: 'DIAJUKAN', alasan: null, sampai: null, at, olehUserId: null }] },
      { ...base, periodeId: p2!.id, status: 'DRAFT', diajukanAt: null, realisasi: [{ indikatorId: ind2!, angka: null, teks: null, sumberData: null, penilaian: null, umpanBalik: null }], bukti: [], penilaian: null, riwayat: [] },
    ]);
    expect(ids).toHaveLength(2);
    const rows = await t.db.prisma.laporanPeriode.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' }, include: { realisasi: { orderBy: { indikatorId: 'asc' } }, bukti: true, tandaPerilaku: true, penilaian: true, riwayat: { orderBy: { id: 'asc' } } } });
    expect(rows.map((r) => [r.id, r.periodeId, r.status])).toEqual([[ids[0], p1!.id, 'DINILAI'], [ids[1], p2!.id, 'DRAFT']]);
    expect(rows[0]!.realisasi.map((r) => [r.indikatorId, r.angka?.toString() ?? null, r.sumberData])).toEqual([[ind1, '12.5', 'SIPD'], [ind2, '3', null]]);
    expect(rows[1]!.realisasi.map((r) => [r.indikatorId, r.angka])).toEqual([[ind2, null]]);
    expect(rows[0]!.bukti.map((b) => b.url)).toEqual(['https://example.go.id/a']);
    expect(rows[0]!.tandaPerilaku.map((x) => [x.nilai, x.tanda])).toEqual([['AKUNTABEL', 'DI_ATAS']]);
    expect(rows[0]!.penilaian).toMatchObject({ predikat: 'BAIK', saranHasilKerja: { kind: 'saran', rating: 'SESUAI' }, policyVersion: 1, penilaiId: pegawai.penilaiId });
    expect(rows[0]!.riwayat.map((r) => r.jenis)).toEqual(['DIAJUKAN', 'DINILAI']); // history in time order
    expect(await insertLaporan(t.db.pool, [])).toEqual([]);
  });
});
