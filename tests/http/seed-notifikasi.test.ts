import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testApp, DEMO_PASSWORD, type TestApp } from '../helpers/app.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import { seedDemo, type DemoLogin } from '../../src/db/seed.js';
import { seedPlanning } from '../../src/db/seed-planning.js';
import { seedMutasi } from '../../src/db/seed-mutasi.js';
import { seedLaporan } from '../../src/db/seed-laporan.js';
import { seedNotifikasi } from '../../src/db/seed-notifikasi.js';
import { systemClock } from '../../src/clock.js';
import { localBerkasStore } from '../../src/storage/berkas-store.js';
import { tanggalDi } from '../../src/domain/periode-laporan.js';

// The demo's notifications (src/db/seed-notifikasi.ts), on the whole demo as of today: each demo
// login with an employee record or appraising someone finds unread ones in the bell, each opens a
// page that login may see, and seeding twice writes nothing more.

let t: TestApp;
let logins: DemoLogin[];

beforeAll(async () => {
  t = await testApp({}, { clock: systemClock });
  ({ logins } = await seedDemo(t.db.pool));
  const demo = { penilai: logins.find((l) => l.role === 'penilai')!.login, pegawai: logins.find((l) => l.role === 'pegawai')!.login };
  const today = tanggalDi(systemClock.now(), 'Asia/Jakarta');
  const tahun = Number(today.slice(0, 4));
  await seedPlanning(t.db, t.app.locals.jobs as JobRunner, { tahun, demo });
  const moved = await seedMutasi(t.db, { tahun, skip: logins.map((l) => l.login), setujui: today >= `${tahun}-07-01` });
  if (moved) logins.push({ role: 'pegawai (mutasi, 2 SKP)', login: moved.nip, password: DEMO_PASSWORD, nama: moved.nama });
  await seedLaporan(t.db, localBerkasStore(t.config.berkasDir), { clock: systemClock, demo });
  await seedNotifikasi(t.db);
}, 300_000);
afterAll(async () => { await t?.close(); });

const userOf = (login: string) => t.db.prisma.user.findFirstOrThrow({ where: { OR: [{ username: login }, { pegawai: { nip: login } }] } });

describe('the demo notifications', () => {
  it('every demo login but HR\'s has unread notifications, shown in the bell, each leading to a page it may open', async () => {
    expect(logins.filter((x) => x.role !== 'admin').length).toBeGreaterThanOrEqual(5);
    for (const l of logins.filter((x) => x.role !== 'admin')) {
      const u = await userOf(l.login);
      const unread = await t.db.prisma.notifikasi.findMany({ where: { userId: u.id, dibacaAt: null }, orderBy: { id: 'asc' } });
      expect(unread.length, l.role).toBeGreaterThan(0);
      const agent = await loginAs(t.app, { login: l.login, password: l.password });
      const home = await agent.get('/').expect(200);
      expect(home.text, l.role).toMatch(/<span class="bell-count">\d+\+?<\/span>/);
      for (const tautan of new Set(unread.map((n) => n.tautan))) expect((await agent.get(tautan)).status, `${l.role} ${tautan}`).toBe(200);
    }
  });

  it('the employee\'s and the appraiser\'s read as the services would have told them', async () => {
    const pegawai = await userOf(logins.find((l) => l.role === 'pegawai')!.login);
    const penilai = await userOf(logins.find((l) => l.role === 'penilai')!.login);
    const kinds = async (userId: number) => new Set((await t.db.prisma.notifikasi.findMany({ where: { userId } })).map((n) => n.jenis));
    expect([...(await kinds(pegawai.id))].some((k) => k.startsWith('LAPORAN_') || k === 'UMPAN_BALIK' || k.startsWith('SKP_'))).toBe(true);
    expect([...(await kinds(penilai.id))].some((k) => k === 'LAPORAN_DIAJUKAN' || k === 'SKP_DIAJUKAN')).toBe(true);
  });

  it('writes nothing the second time', async () => {
    expect((await seedNotifikasi(t.db)).notifikasi).toBe(0);
  });
});
