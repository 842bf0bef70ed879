import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { seedDemo } from '../../src/db/seed.js';
import { parseDokumen } from '../../src/domain/skp-document.js';
import { withDatabase } from '../setup/global.js';

// The demo as the app seeds it at start-up (siklus: true): this year's cycle open for planning,
// a draft SKP for everyone, and one employee moved on 1 July with two SKPs (docs/domain/mutasi.md).

let pool: pg.Pool;
const name = `sikap_m_${randomBytes(5).toString('hex')}`;
const admin = async (sql: string) => {
  const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await c.connect();
  await c.query(sql);
  await c.end();
};
const tahun = new Date().getFullYear();
const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; // pg reads a DATE as local midnight

let login: { login: string; nama: string };
beforeAll(async () => {
  await admin(`CREATE DATABASE ${name}`);
  const url = withDatabase(inject('pgAdminUrl'), name);
  await migrate(url);
  pool = new pg.Pool({ connectionString: url, max: 2 });
  const r = await seedDemo(pool, { siklus: true });
  expect(r.seeded).toBe(true);
  login = r.logins.find((l) => l.role.startsWith('pegawai (mutasi'))!;
});
afterAll(async () => {
  await pool?.end();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe('the demo cycle with a mid-year move', () => {
  it('opens this year\'s cycle for planning with one open SKP for every active employee', async () => {
    const s = (await pool.query(`SELECT id, fase FROM siklus WHERE tahun = $1`, [tahun])).rows[0];
    expect(s.fase).toBe('PERENCANAAN');
    const r = await pool.query(`SELECT count(*)::int AS n FROM pegawai p WHERE p.aktif AND (SELECT count(*) FROM skp k WHERE k.pegawai_id = p.id AND k.siklus_id = $1 AND k.ditutup_at IS NULL) <> 1`, [s.id]);
    expect(r.rows[0].n).toBe(0);
    expect((await pool.query(`SELECT status FROM job WHERE siklus_id = $1`, [s.id])).rows.map((x) => x.status)).toEqual(['SELESAI']);
  });

  it('holds the moved employee\'s two SKPs: the first approved and closed, the second in progress with the new appraiser', async () => {
    expect(login).toBeDefined();
    const p = (await pool.query(`SELECT id, penilai_id FROM pegawai WHERE nip = $1`, [login.login])).rows[0];
    const skp = (await pool.query(`SELECT * FROM skp WHERE pegawai_id = $1 ORDER BY periode_awal`, [p.id])).rows;
    expect(skp).toHaveLength(2);
    const [a, b] = skp;
    expect([a.status, iso(a.periode_awal), iso(a.periode_akhir), a.ditutup_at !== null]).toEqual(['DISETUJUI', `${tahun}-01-01`, `${tahun}-06-30`, true]);
    expect([b.status, iso(b.periode_awal), iso(b.periode_akhir), b.ditutup_at, b.sebelumnya_id, b.penilai_id]).toEqual(['DRAFT', `${tahun}-07-01`, `${tahun}-12-31`, null, a.id, p.penilai_id]);
    expect(a.penilai_id).not.toBe(p.penilai_id);
    // the approved version names its signer, the old appraiser
    const versi = (await pool.query(`SELECT data FROM skp_versi WHERE skp_id = $1 AND revisi = 1`, [a.id])).rows[0];
    const lama = (await pool.query(`SELECT nama FROM pegawai WHERE id = $1`, [a.penilai_id])).rows[0];
    const doc = parseDokumen(versi.data);
    expect(doc.snapshot?.penilai?.nama).toBe(lama.nama);
    expect(doc.rhk[0]!.rhkAtasan).not.toBeNull();
    expect((await pool.query(`SELECT count(*)::int AS n FROM rhk WHERE skp_id = $1`, [b.id])).rows[0].n).toBe(1);
    const riwayat = (await pool.query(`SELECT tmt FROM riwayat_pegawai WHERE pegawai_id = $1 AND tmt IS NOT NULL`, [p.id])).rows;
    expect(riwayat.map((r) => iso(r.tmt))).toEqual([`${tahun}-07-01`]);
  });
});
