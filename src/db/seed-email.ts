import type { Clock } from '../clock.js';
import { loadActor } from '../modules/auth/authenticate.js';
import { notify } from '../modules/notifikasi/notify.js';
import { catatGagal, catatTerkirim } from '../modules/email/queries.js';
import { beritahuHrEmailGagal } from '../modules/email/kirim.js';
import { savePreferensi } from '../modules/email/service.js';
import { JENIS_NOTIFIKASI } from '../modules/email/schemas.js';
import type { Db } from './client.js';

// The demo's e-mail (docs/domain/email.md § The demo): HR's outbox page shows a failed e-mail (to
// resend), sent ones and waiting ones; the demo employee has switched e-mail off for feedback.
// The demo runs without SMTP, so the outcomes are written with the sender's own statements as if
// an SMTP server had answered. Every demo login with an address has an e-mail in the outbox: the
// notifications the demo already has (written by the features' services) if there are any,
// otherwise one each, written through notify().

export type SeedEmailResult = { antri: number; terkirim: number; gagal: number };

export async function seedEmail(db: Db, opts: { clock: Clock; logins: readonly string[]; pegawai?: string; log?: (m: string) => void }): Promise<SeedEmailResult> {
  const now = opts.clock.now();
  const users = await db.prisma.user.findMany({
    where: { OR: [{ pegawai: { nip: { in: [...opts.logins] } } }, { username: { in: [...opts.logins] } }] },
    select: { id: true, pegawai: { select: { id: true, nip: true, email: true } }, pejabatLuar: { select: { email: true } } },
    orderBy: { id: 'asc' },
  });
  const withAddress = users.filter((u) => u.pegawai?.email ?? u.pejabatLuar?.email);
  const mailed = new Set((await db.prisma.emailKeluar.findMany({ where: { notifikasi: { userId: { in: withAddress.map((u) => u.id) } } }, select: { notifikasi: { select: { userId: true } } } })).map((e) => e.notifikasi.userId));
  const tahun = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(now));
  await notify(
    db.sql,
    withAddress.filter((u) => !mailed.has(u.id)).map((u) => ({ userId: u.id, jenis: 'SKP_DISETUJUI' as const, params: { tahun }, tautan: '/skp', kunci: `seed-email:${u.id}` })),
  );
  // Outcomes: the oldest e-mail of the first login failed after its attempts, the next two of
  // every login went out a day ago, the rest wait.
  const rows = await db.prisma.emailKeluar.findMany({ where: { status: 'ANTRI', notifikasi: { userId: { in: withAddress.map((u) => u.id) } } }, orderBy: { id: 'asc' }, select: { id: true, version: true, percobaan: true } });
  const [gagal, ...rest] = rows;
  const sent = rest.slice(0, Math.ceil(rest.length / 2));
  if (gagal) {
    await catatGagal(db.sql, [{ id: gagal.id, version: gagal.version, status: 'GAGAL', percobaan: 5, cobaLagiAt: now, galat: '550 5.1.1 Mailbox unavailable (contoh demo)' }]);
    await beritahuHrEmailGagal(db.sql, 1); // as the sender tells HR: the demo's HR login has its notification
  }
  await catatTerkirim(db.sql, sent, new Date(now.getTime() - 86_400_000));
  // The demo employee receives feedback in the app only.
  const pegawai = opts.pegawai ? users.find((u) => u.pegawai?.nip === opts.pegawai) : undefined;
  if (pegawai) {
    const actor = await loadActor(db.pool, pegawai.id);
    if (actor) await savePreferensi(db, actor, { email: JENIS_NOTIFIKASI.filter((j) => j !== 'UMPAN_BALIK'), bahasa: 'id' });
  }
  const result = { gagal: gagal ? 1 : 0, terkirim: sent.length, antri: rows.length - sent.length - (gagal ? 1 : 0) };
  opts.log?.(`seed: e-mail keluar demo (${result.gagal} gagal, ${result.terkirim} terkirim, ${result.antri} menunggu).`);
  return result;
}
