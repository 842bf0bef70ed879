import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { inject } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/client.js';
import type { Clock } from '../../src/clock.js';
import { TEMPLATE_DB, withDatabase } from '../setup/global.js';

export { DEMO_PASSWORD } from '../../src/db/seed.js';

export type TestApp = { app: Express; db: Db; config: Config; url: string; close: () => Promise<void> };

/** A fresh database cloned from the migrated, seeded template, and an app on it. */
/** `clock` stands the app on a given day (src/clock.ts); the system clock otherwise. */
export async function testApp(overrides: Partial<Config> = {}, opts: { clock?: Clock } = {}): Promise<TestApp> {
  const adminUrl = inject('pgAdminUrl');
  const name = `sikap_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const db = createDb(url, 5);
  // stored files go to a folder of this test app's own, removed with it
  const berkasDir = join(tmpdir(), `${name}-berkas`);
  const config = { ...loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, SESSION_SECRET: 'test-secret-test-secret-test-secret!', BERKAS_DIR: berkasDir }), ...overrides };
  const app = createApp({ config, db, clock: opts.clock });
  return {
    app,
    db,
    config,
    url,
    close: async () => {
      await (app.locals.jobs as { stop: () => Promise<void> }).stop(); // the job queue first: it uses the pool
      await db.close();
      await rm(berkasDir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Demo logins from the seed (src/db/seed.ts). */
export const LOGINS = {
  admin: 'admin',
  pimpinan: '198003132004012931',
  kepalaDinas: '197510172003032435',
  penilai: '198307222008041847',
  pegawai: '199406072018031284',
} as const;
export type Role = keyof typeof LOGINS;

export type Agent = ReturnType<typeof request.agent>;

/** Reads the CSRF token from a page the agent can see (the login page or any form). */
export async function csrf(agent: Agent, path = '/'): Promise<string> {
  const res = await agent.get(path);
  const m = /name="_csrf" value="([^"]+)"/.exec(res.text);
  if (!m) throw new Error(`no CSRF token on ${path} (status ${res.status})`);
  return m[1]!;
}

/** Logs in through the real login form (GET the form, POST it with its token). */
export async function loginAs(app: Express, role: Role | { login: string; password: string }): Promise<Agent> {
  const agent = request.agent(app);
  const token = await csrf(agent, '/login');
  const creds = typeof role === 'string' ? { login: LOGINS[role], password: (await import('../../src/db/seed.js')).DEMO_PASSWORD } : role;
  const res = await agent.post('/login').type('form').send({ _csrf: token, ...creds });
  if (res.status !== 303) throw new Error(`login as ${JSON.stringify(role)} failed with ${res.status}`);
  return agent;
}

/** POSTs a form with a fresh CSRF token taken from `from` (default: the home page). */
export async function postForm(agent: Agent, path: string, body: Record<string, string | number>, from = '/') {
  const token = await csrf(agent, from);
  return agent.post(path).type('form').send({ _csrf: token, ...body });
}

/**
 * As the admin, through the real forms: create the cycle of `tahun` and open planning, then wait
 * for the background job that drafts an SKP for every active employee. Returns the cycle's id.
 */
export async function openPlanning(t: TestApp, admin: Agent, tahun: number): Promise<number> {
  const created = await postForm(admin, '/siklus', { tahun, jenisPeriode: 'TRIWULANAN' }, '/siklus/baru');
  if (created.status !== 303) throw new Error(`creating cycle ${tahun} answered ${created.status}`);
  const siklusId = Number(/\/siklus\/(\d+)/.exec(created.headers.location!)![1]);
  const { version } = await t.db.prisma.siklus.findUniqueOrThrow({ where: { id: siklusId } });
  const moved = await postForm(admin, `/siklus/${siklusId}/fase`, { version, ke: 'PERENCANAAN', confirmed: '1' }, `/siklus/${siklusId}`);
  if (moved.status !== 303) throw new Error(`opening planning of ${tahun} answered ${moved.status}`);
  await (t.app.locals.jobs as { idle: () => Promise<void> }).idle();
  return siklusId;
}
