import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { migrate, MIGRATIONS_DIR, readMigrations } from '../../src/db/migrate.js';
import { withDatabase } from '../setup/global.js';

// The migration runner: Prisma's folder layout and ledger, one transaction per migration,
// an advisory lock, and a refusal to start when an applied migration was edited.

const name = `sikap_m_${Date.now()}`;
let url: string;
let dir: string;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url = withDatabase(inject('pgAdminUrl'), name);
  dir = mkdtempSync(join(tmpdir(), 'sikap-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

const ledger = async () => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query('SELECT migration_name, checksum, finished_at IS NOT NULL AS done, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name');
  await c.end();
  return r.rows;
};

describe('migration runner', () => {
  it('applies every migration once and records it like prisma migrate deploy', async () => {
    const files = readMigrations(dir);
    expect(await migrate(url, dir)).toEqual(files.map((f) => f.name));
    expect(await ledger()).toEqual(files.map((f) => ({ migration_name: f.name, checksum: f.checksum, done: true, applied_steps_count: 1 })));
    expect(await migrate(url, dir)).toEqual([]);
  });

  it('runs concurrent starts safely under the advisory lock', async () => {
    const results = await Promise.all([migrate(url, dir), migrate(url, dir)]);
    expect(results).toEqual([[], []]);
  });

  it('rolls back a failing migration entirely and does not record it', async () => {
    mkdirSync(join(dir, '29990101000000_broken'));
    writeFileSync(join(dir, '29990101000000_broken', 'migration.sql'), 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;');
    await expect(migrate(url, dir)).rejects.toThrow(/29990101000000_broken failed/);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const r = await c.query(`SELECT to_regclass('public.half_done') AS t`);
    await c.end();
    expect(r.rows[0].t).toBeNull();
    expect((await ledger()).map((x) => x.migration_name)).not.toContain('29990101000000_broken');
    rmSync(join(dir, '29990101000000_broken'), { recursive: true });
  });

  it('refuses to start when an applied migration file was edited', async () => {
    const first = readMigrations(dir)[0]!;
    writeFileSync(join(dir, first.name, 'migration.sql'), first.sql + '\n-- edited\n');
    await expect(migrate(url, dir)).rejects.toThrow(/was edited after it was applied/);
  });
});
