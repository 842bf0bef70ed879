import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { seedEmail } from '../../src/db/seed-email.js';
import { LOGINS, loginAs, testApp, type TestApp } from '../helpers/app.js';

// The demo's e-mail (src/db/seed-email.ts): HR's outbox shows a failed, sent and waiting e-mail of
// the demo logins, and the demo employee's settings have feedback by e-mail off.

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

const logins = [...Object.values(LOGINS), 'sekda'];

it('gives every demo login with an address an e-mail, and HR failed, sent and waiting ones', async () => {
  const r = await seedEmail(t.db, { clock: fixedClock('2026-03-10T03:00:00Z'), logins, pegawai: LOGINS.pegawai });
  expect(r.gagal).toBe(1);
  expect(r.terkirim).toBeGreaterThan(0);
  expect(r.antri).toBeGreaterThan(0);
  const withAddress = await t.db.prisma.user.findMany({ where: { pegawai: { nip: { in: logins }, email: { not: null } } }, select: { id: true } });
  expect(withAddress.length).toBeGreaterThan(1);
  for (const u of withAddress) expect(await t.db.prisma.emailKeluar.count({ where: { notifikasi: { userId: u.id } } })).toBeGreaterThan(0);

  const admin = await loginAs(t.app, 'admin');
  // HR has its own unread notification in the demo: the failed e-mail
  const home = await admin.get('/notifikasi').expect(200);
  expect(home.text).toContain('1 e-mail gagal dikirim setelah semua percobaan');
  for (const status of ['GAGAL', 'TERKIRIM', 'ANTRI']) {
    const page = await admin.get(`/email-keluar?status=${status}`).expect(200);
    expect(page.text, status).toMatch(/<tr data-email="\d+">/);
  }
  expect((await admin.get('/email-keluar').expect(200)).text).toContain('kirim-ulang');

  const pegawai = await loginAs(t.app, 'pegawai');
  const settings = await pegawai.get('/akun/notifikasi').expect(200);
  expect(settings.text).toMatch(/value="UMPAN_BALIK">/);
  expect(settings.text).toMatch(/value="SKP_DISETUJUI" checked/);

  // run twice (a restart on a seeded database): nothing doubles
  const again = await seedEmail(t.db, { clock: fixedClock('2026-03-10T03:00:00Z'), logins, pegawai: LOGINS.pegawai });
  expect(await t.db.prisma.emailKeluar.count({ where: { notifikasi: { kunci: { startsWith: 'seed-email:' } } } })).toBe(withAddress.length);
  expect(again.gagal).toBeLessThanOrEqual(1);
});
