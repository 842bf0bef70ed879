import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JENIS_NOTIFIKASI } from '../../src/modules/email/schemas.js';
import { fixedClock } from '../../src/clock.js';
import { createDb } from '../../src/db/client.js';
import { jobRunner } from '../../src/jobs/runner.js';
import { notify } from '../../src/modules/notifikasi/notify.js';
import { emailTasks, KIRIM_EMAIL_JOB } from '../../src/modules/email/jobs.js';
import { kirimEmailKeluar, SERENTAK, SEWA_DETIK } from '../../src/modules/email/kirim.js';
import { klaimEmail } from '../../src/modules/email/queries.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import * as given from '../helpers/given.js';
import { csrf, loginAs, postForm, testApp, type TestApp } from '../helpers/app.js';
import { testSmtp, type TestSmtp } from '../helpers/smtp.js';

// E-mail of notifications (docs/domain/email.md): notification → outbox → SMTP, against a real
// local SMTP server; retries with backoff; failed after the limit, seen and resent by HR; the
// settings; nothing without SMTP; two senders on one database send each e-mail once.

let smtp: TestSmtp;
let t: TestApp;
// The app's "now" stands an hour ahead of the database's, so an e-mail queued now is due.
const clock = fixedClock(new Date(Date.now() + 3_600_000));
const EMAIL = { maxPercobaan: 3, backoffSeconds: 60 };

beforeAll(async () => {
  smtp = await testSmtp();
  t = await testApp({ smtp: smtp.config, appUrl: 'https://sikap.uji.go.id', email: EMAIL }, { clock });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

let seq = 0;
/** An employee with an e-mail address (and their login's id), optionally reading English. */
async function penerima(opts: { bahasa?: 'id' | 'en' } = {}) {
  const p = await given.pegawai(t);
  const email = `penerima.${process.pid}.${++seq}@uji.go.id`;
  await t.db.prisma.pegawai.update({ where: { id: p.id }, data: { email } });
  const u = await t.db.prisma.user.update({ where: { pegawaiId: p.id }, data: { bahasa: opts.bahasa ?? 'id' } });
  return { ...p, email, userId: u.id };
}
const to = (address: string) => smtp.received.filter((m) => m.to.includes(address));
const outbox = (userId: number) => t.db.prisma.emailKeluar.findMany({ where: { notifikasi: { userId } }, orderBy: { id: 'asc' } });
const jobs = () => t.app.locals.jobs as JobRunner;
/** One round of the task, through the app's own job queue. */
async function tick() {
  await jobs().send(KIRIM_EMAIL_JOB, {});
  await jobs().idle();
}
const deps = () => ({ config: t.config, clock });

describe('a notification reaches its recipient by e-mail', () => {
  it('goes out through the job queue in the recipient language, with the absolute link, and is marked sent', async () => {
    const ani = await penerima({ bahasa: 'id' });
    const bob = await penerima({ bahasa: 'en' });
    await notify(t.db.sql, [
      { pegawaiId: ani.id, jenis: 'SKP_DISETUJUI', params: { tahun: 2026 }, tautan: '/skp/41' },
      { pegawaiId: bob.id, jenis: 'LAPORAN_DIKEMBALIKAN', params: { periode: 'Triwulan I', sampai: '2026-04-20' }, tautan: '/laporan/7' },
    ]);
    expect((await outbox(ani.userId)).map((e) => e.status)).toEqual(['ANTRI']);
    await tick();

    const [a] = to(ani.email);
    expect(to(ani.email)).toHaveLength(1);
    expect(a!.from).toBe('sikap@uji.go.id');
    expect(a!.subject).toBe('SKP 2026 Anda disetujui');
    expect(a!.text).toContain(`Yth. ${ani.nama},`);
    expect(a!.text).toContain('Buka di SIKAP: https://sikap.uji.go.id/skp/41');
    expect(a!.text).toContain('https://sikap.uji.go.id/akun/notifikasi');
    const [b] = to(bob.email);
    expect(b!.subject).toBe('Your Triwulan I report was returned for correction until 20 April 2026');
    expect(b!.text).toContain(`Dear ${bob.nama},`);
    expect(b!.text).toContain('Open in SIKAP: https://sikap.uji.go.id/laporan/7');

    const [row] = await outbox(ani.userId);
    expect(row).toMatchObject({ status: 'TERKIRIM', percobaan: 0, galat: null });
    expect(row!.terkirimAt).toEqual(clock.now());
    // a second round sends nothing again
    await tick();
    expect(to(ani.email)).toHaveLength(1);
  });
});

describe('a server that refuses', () => {
  it('refuses then accepts: the e-mail waits with backoff and goes out once on the retry', async () => {
    const p = await penerima();
    await notify(t.db.sql, [{ pegawaiId: p.id, jenis: 'UMPAN_BALIK', params: { dari: 'Budi' }, tautan: '/linimasa' }]);
    smtp.refuseNext(1, 451);
    expect(await kirimEmailKeluar(t.db, deps())).toMatchObject({ terkirim: 0, diulang: 1, gagal: 0 });
    let [row] = await outbox(p.userId);
    expect(row).toMatchObject({ status: 'ANTRI', percobaan: 1 });
    expect(row!.galat).toContain('451');
    expect(row!.cobaLagiAt.getTime() - clock.now().getTime()).toBe(60_000); // backoff × 2^0
    expect(to(p.email)).toHaveLength(0);

    clock.set(new Date(clock.now().getTime() + 59_000)); // just before the retry: not due
    await kirimEmailKeluar(t.db, deps());
    expect(to(p.email)).toHaveLength(0);
    clock.set(new Date(clock.now().getTime() + 1_000)); // at it: due
    expect(await kirimEmailKeluar(t.db, deps())).toMatchObject({ terkirim: 1 });
    expect(to(p.email)).toHaveLength(1);
    [row] = await outbox(p.userId);
    expect(row).toMatchObject({ status: 'TERKIRIM', percobaan: 1, galat: null });
  });

  it('keeps refusing: failed after the limit, listed for HR, and resent by HR it goes out', async () => {
    const p = await penerima();
    await notify(t.db.sql, [{ pegawaiId: p.id, jenis: 'SKP_DIKEMBALIKAN', params: { tahun: 2026 }, tautan: '/skp/9' }]);
    smtp.refuseAll(true, 550);
    const waits: number[] = [];
    for (let i = 0; i < EMAIL.maxPercobaan; i++) {
      await kirimEmailKeluar(t.db, deps());
      const [row] = await outbox(p.userId);
      waits.push(row!.status === 'ANTRI' ? (row!.cobaLagiAt.getTime() - clock.now().getTime()) / 1000 : 0);
      clock.set(row!.cobaLagiAt);
    }
    smtp.refuseAll(false);
    expect(waits).toEqual([60, 120, 0]); // doubled, then failed at the third attempt
    const [failed] = await outbox(p.userId);
    expect(failed).toMatchObject({ status: 'GAGAL', percobaan: 3 });
    expect(failed!.galat).toMatch(/550/);
    // HR is told in the app, never by e-mail (which could fail too)
    const hrTold = await t.db.prisma.notifikasi.findMany({ where: { jenis: 'EMAIL_GAGAL', user: { peran: { has: 'ADMIN' } } }, include: { email: true } });
    expect(hrTold.length).toBeGreaterThan(0);
    expect(hrTold.every((n) => n.tautan === '/email-keluar' && n.email === null && (n.params as { jumlah: number }).jumlah >= 1)).toBe(true);
    expect(to(p.email)).toHaveLength(0);
    // a failed e-mail is not sent again by itself
    await kirimEmailKeluar(t.db, deps());
    expect(to(p.email)).toHaveLength(0);

    const admin = await loginAs(t.app, 'admin');
    const page = await admin.get('/email-keluar').expect(200);
    expect(page.text).toContain(p.email);
    expect(page.text).toContain('SKP 2026 Anda dikembalikan untuk diperbaiki');
    expect(page.text).toContain('Mailbox unavailable');
    expect(page.text).toContain(`/email-keluar/${failed!.id}/kirim-ulang`);
    // a stale version is refused, and changes nothing
    const stale = await postForm(admin, `/email-keluar/${failed!.id}/kirim-ulang`, { version: failed!.version + 7 }, '/email-keluar');
    expect(stale.status).toBe(409);
    const resent = await postForm(admin, `/email-keluar/${failed!.id}/kirim-ulang`, { version: failed!.version }, '/email-keluar');
    expect(resent.status).toBe(303);
    const [queued] = await outbox(p.userId);
    expect(queued).toMatchObject({ status: 'ANTRI', percobaan: 0 });
    const entry = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'email.resend', entitasId: String(failed!.id) } });
    expect(entry.before).toMatchObject({ status: 'GAGAL', percobaan: 3 });
    // only a failed one can be resent
    const again = await postForm(admin, `/email-keluar/${failed!.id}/kirim-ulang`, { version: queued!.version }, '/email-keluar');
    expect(again.status).toBe(409);
    expect(again.text).toContain('Hanya e-mail yang gagal yang dapat dikirim ulang.');

    // the resend queued a run itself: no tick needed
    await jobs().idle();
    expect(to(p.email)).toHaveLength(1);
    expect((await outbox(p.userId))[0]).toMatchObject({ status: 'TERKIRIM' });
    const waitingPage = await admin.get('/email-keluar?status=TERKIRIM').expect(200);
    expect(waitingPage.text).toContain(p.email);
  });

  it('an unreachable server spends one attempt per e-mail tried, and the rest of the batch waits without one', async () => {
    const ps = await Promise.all(Array.from({ length: SERENTAK + 3 }, () => penerima()));
    await notify(t.db.sql, ps.map((p) => ({ pegawaiId: p.id, jenis: 'PENGINGAT' as const, params: { oleh: 'SDM', periode: 'Triwulan I', tanggal: '2026-04-10' }, tautan: '/laporan' })));
    // the port of a server that has gone away
    const gone = await testSmtp();
    await gone.close();
    const down = { ...t.config, smtp: { ...t.config.smtp!, port: gone.config.port } };
    const r = await kirimEmailKeluar(t.db, { config: down, clock, batch: 100 });
    const rows = (await Promise.all(ps.map((p) => outbox(p.userId)))).map((x) => x[0]!);
    expect(rows.every((x) => x.status === 'ANTRI' && x.galat?.includes('ECONNREFUSED'))).toBe(true);
    const tried = rows.filter((x) => x.percobaan === 1).length;
    expect(tried).toBe(SERENTAK);
    expect(r.diulang).toBe(SERENTAK);
    expect(rows.filter((x) => x.percobaan === 0)).toHaveLength(3);
    // all come back together when the server is there again
    clock.set(new Date(Math.max(...rows.map((x) => x.cobaLagiAt.getTime()))));
    await kirimEmailKeluar(t.db, deps());
    for (const p of ps) expect(to(p.email)).toHaveLength(1);
  });
});

describe('choices and configuration', () => {
  it('e-mail switched off for a kind: the notification arrives in the app, no e-mail is queued or sent', async () => {
    const p = await penerima();
    const agent = await loginAs(t.app, p.login);
    const page = await agent.get('/akun/notifikasi').expect(200);
    expect(page.text).toContain(p.email);
    expect(page.text).toMatch(/value="UMPAN_BALIK" checked/);
    // everything on but feedback, e-mails in English
    const kinds = [...page.text.matchAll(/name="email" value="(\w+)"/g)].map((m) => m[1]!).filter((k) => k !== 'UMPAN_BALIK');
    expect(kinds).toHaveLength(JENIS_NOTIFIKASI.length - 1); // every kind HR may e-mail, but feedback
    const token = await csrf(agent, '/akun/notifikasi');
    const saved = await agent.post('/akun/notifikasi').type('form').send(`_csrf=${encodeURIComponent(token)}&bahasa=en&${kinds.map((k) => `email=${k}`).join('&')}`);
    expect(saved.status).toBe(303);
    const after = await agent.get('/akun/notifikasi').expect(200);
    expect(after.text).toMatch(/value="UMPAN_BALIK">/);
    expect(after.text).toMatch(/value="SKP_DISETUJUI" checked/);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'preferensi.update', entitasId: String(p.userId) } })).toBe(1);

    await notify(t.db.sql, [
      { pegawaiId: p.id, jenis: 'UMPAN_BALIK', params: { dari: 'Budi' }, tautan: '/linimasa' },
      { pegawaiId: p.id, jenis: 'SKP_DISETUJUI', params: { tahun: 2026 }, tautan: '/skp/1' },
    ]);
    const n = await t.db.prisma.notifikasi.findMany({ where: { userId: p.userId }, include: { email: true }, orderBy: { id: 'asc' } });
    // (notify() writes a call's notifications in no particular order)
    expect(n.map((x) => [x.jenis, x.email?.status ?? null]).sort()).toEqual([['SKP_DISETUJUI', 'ANTRI'], ['UMPAN_BALIK', null]]);
    await kirimEmailKeluar(t.db, deps());
    expect(to(p.email).map((m) => m.subject)).toEqual(['Your 2026 SKP was approved']);
  });

  it('refuses a kind or a language that does not exist', async () => {
    const p = await penerima();
    const agent = await loginAs(t.app, p.login);
    const bad = await postForm(agent, '/akun/notifikasi', { bahasa: 'fr', email: 'TIDAK_ADA' }, '/akun/notifikasi');
    expect(bad.status).toBe(422);
    expect(await t.db.prisma.preferensiNotifikasi.count({ where: { userId: p.userId } })).toBe(0);
  });

  it('without SMTP configured nothing is sent and nothing is touched; the notification is in the app', async () => {
    const p = await penerima();
    await notify(t.db.sql, [{ pegawaiId: p.id, jenis: 'SKP_DISETUJUI', params: { tahun: 2026 }, tautan: '/skp/1' }]);
    const before = await outbox(p.userId);
    const r = await kirimEmailKeluar(t.db, { config: { ...t.config, smtp: null }, clock });
    expect(r).toEqual({ terkirim: 0, gagal: 0, diulang: 0, tanpaSmtp: true });
    expect(await outbox(p.userId)).toEqual(before); // still waiting, same version: never claimed
    expect(to(p.email)).toHaveLength(0);
    expect(await t.db.prisma.notifikasi.count({ where: { userId: p.userId } })).toBe(1);
    // and no schedule is set up without SMTP
    expect(emailTasks({ config: { ...t.config, smtp: null }, clock })[KIRIM_EMAIL_JOB]!.cron).toBeUndefined();
    expect(emailTasks({ config: t.config, clock })[KIRIM_EMAIL_JOB]!.cron).toBe('* * * * *');
    // once SMTP is there, the waiting e-mail goes out
    await kirimEmailKeluar(t.db, deps());
    expect(to(p.email)).toHaveLength(1);
  });

  it('an e-mail whose sender died mid-send comes back when its claim runs out', async () => {
    const p = await penerima();
    await notify(t.db.sql, [{ pegawaiId: p.id, jenis: 'SKP_DISETUJUI', params: { tahun: 2026 }, tautan: '/skp/1' }]);
    const now = clock.now();
    const claimed = await klaimEmail(t.db.sql, now, new Date(now.getTime() + SEWA_DETIK * 1000), 1000); // and then "crashed"
    expect(claimed.some((k) => k.kepada === p.email)).toBe(true);
    await kirimEmailKeluar(t.db, deps());
    expect(to(p.email)).toHaveLength(0); // still held by the dead run
    clock.set(new Date(now.getTime() + SEWA_DETIK * 1000));
    await kirimEmailKeluar(t.db, deps());
    expect(to(p.email)).toHaveLength(1);
  });
});

describe('two instances on one database', () => {
  it('send each e-mail exactly once (the claim), also when both run at the same moment', async () => {
    const ps = await Promise.all(Array.from({ length: 40 }, () => penerima()));
    await notify(t.db.sql, ps.map((p) => ({ pegawaiId: p.id, jenis: 'SKP_DISETUJUI' as const, params: { tahun: 2026 }, tautan: '/skp/1' })));
    const dbB = createDb(t.url, 5);
    await dbB.pool.query('SELECT 1'); // connected before the race starts
    const rows = await t.db.prisma.emailKeluar.findMany({ where: { kepada: { in: ps.map((p) => p.email) } }, select: { id: true, version: true } });
    const v0 = new Map(rows.map((r) => [r.id, r.version]));
    // No message is answered until two batches of 5 are claimed and unsent at once: one sender
    // holds one batch at a time, so ten claimed means both hold theirs, each different, however
    // slowly the second one starts on a loaded machine.
    let open!: () => void;
    smtp.hold(new Promise<void>((r) => (open = r)));
    const bothClaimed = async () => {
      for (let i = 0; i < 400; i++) {
        const now = await t.db.prisma.emailKeluar.findMany({ where: { id: { in: [...v0.keys()] }, status: 'ANTRI' }, select: { id: true, version: true } });
        if (now.filter((r) => r.version > v0.get(r.id)!).length >= 10) return true;
        await new Promise((r) => setTimeout(r, 25));
      }
      return false;
    };
    try {
      const race = Promise.all([kirimEmailKeluar(t.db, { ...deps(), batch: 5 }), kirimEmailKeluar(dbB, { ...deps(), batch: 5 })]);
      const claimed = await bothClaimed();
      open();
      const [a, b] = await race;
      expect(claimed).toBe(true);
      expect(a.terkirim + b.terkirim).toBe(40);
      expect(a.terkirim).toBeGreaterThan(0);
      expect(b.terkirim).toBeGreaterThan(0);
    } finally {
      open();
      smtp.hold(null);
      await dbB.close();
    }
    for (const p of ps) expect(to(p.email)).toHaveLength(1);
    expect(await t.db.prisma.emailKeluar.count({ where: { kepada: { in: ps.map((p) => p.email) }, status: 'TERKIRIM' } })).toBe(40);
  });

  it('two job runners, both asked to send, send each once', async () => {
    const ps = await Promise.all(Array.from({ length: 12 }, () => penerima()));
    await notify(t.db.sql, ps.map((p) => ({ pegawaiId: p.id, jenis: 'SKP_DISETUJUI' as const, params: { tahun: 2026 }, tautan: '/skp/1' })));
    const dbB = createDb(t.url, 5);
    const tasks = emailTasks({ config: t.config, clock });
    const runA = jobRunner(t.db, {}, { tasks: { [KIRIM_EMAIL_JOB]: { handler: tasks[KIRIM_EMAIL_JOB]!.handler } }, pollingIntervalSeconds: 0.5 });
    const runB = jobRunner(dbB, {}, { tasks: { [KIRIM_EMAIL_JOB]: { handler: tasks[KIRIM_EMAIL_JOB]!.handler } }, pollingIntervalSeconds: 0.5 });
    try {
      await Promise.all([runA.send(KIRIM_EMAIL_JOB, {}), runB.send(KIRIM_EMAIL_JOB, {}), runA.send(KIRIM_EMAIL_JOB, {}), runB.send(KIRIM_EMAIL_JOB, {})]);
      await Promise.all([runA.idle(), runB.idle()]);
    } finally {
      await Promise.all([runA.stop(), runB.stop()]);
      await dbB.close();
    }
    for (const p of ps) expect(to(p.email)).toHaveLength(1);
  });
});

describe("HR's outbox page", () => {
  it('pages 50 at a time, newest first, each e-mail once (rows made in one statement share their time)', async () => {
    const p = await penerima();
    await notify(t.db.sql, Array.from({ length: 55 }, (_, i) => ({ userId: p.userId, jenis: 'SKP_DISETUJUI' as const, params: { tahun: 2000 + i }, tautan: '/skp' })));
    const rows = await outbox(p.userId);
    await t.db.prisma.emailKeluar.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { status: 'GAGAL', percobaan: 3, galat: 'uji' } });
    const admin = await loginAs(t.app, 'admin');
    const seen: number[] = [];
    let url: string | null = '/email-keluar?status=GAGAL';
    let pages = 0;
    while (url && pages < 10) {
      const page: { text: string } = await admin.get(url).expect(200);
      const ids = [...page.text.matchAll(/<tr data-email="(\d+)">/g)].map((m) => Number(m[1]));
      expect(ids.length).toBeLessThanOrEqual(50);
      seen.push(...ids);
      url = /<a href="([^"]+)" rel="next">/.exec(page.text)?.[1]?.replace(/&amp;/g, '&') ?? null;
      pages++;
    }
    const total = await t.db.prisma.emailKeluar.count({ where: { status: 'GAGAL' } });
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    for (const r of rows) expect(seen).toContain(r.id);
    expect(pages).toBe(Math.ceil(total / 50));
  });
});
