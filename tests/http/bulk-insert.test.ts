import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { generateDataset } from '../../bench/generate.js';
import { migrate } from '../../src/db/migrate.js';
import { seedDemo } from '../../src/db/seed.js';
import { withDatabase } from '../setup/global.js';

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
