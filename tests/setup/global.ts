import { freePort } from '../../src/db/ports.js';
import { mkdirSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDb } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { seedDemo } from '../../src/db/seed.js';
import { failRunOnThrow } from './exit-status.js';

// Provisions PostgreSQL exactly as the app does without DATABASE_URL: an embedded server in a
// fresh folder, migrated and seeded once into a template database that each test file clones.

export const TEMPLATE_DB = 'sikap_template';

let embedded: EmbeddedDb | null = null;
let dir: string | null = null;

export async function setup(project: TestProject): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const base = resolve('.data');
    mkdirSync(base, { recursive: true });
    dir = mkdtempSync(join(base, 'test-pg-'));
    chmodSync(dir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port: await freePort(), database: 'postgres' });
    adminUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  await migrate(templateUrl);
  const pool = new pg.Pool({ connectionString: templateUrl, max: 2 });
  await seedDemo(pool);
  await pool.end();
  project.provide('pgAdminUrl', adminUrl);
}

export const teardown = failRunOnThrow(async () => {
  if (embedded) await embedded.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
