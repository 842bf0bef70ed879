import type { Config } from '../../config.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { Conflict, NotFound, Refused } from '../../errors.js';
import { LANGS, LANGUAGES, type Lang } from '../../i18n/index.js';
import { notifikasiText } from '../notifikasi/render.js';
import { audit } from '../audit/service.js';
import type { JenisNotifikasi, StatusEmail } from '../../../prisma/generated/client.js';
import type { JobRunner } from '../../jobs/runner.js';
import { emailKeluarCounts, emailKeluarRows } from './queries.js';
import { KIRIM_EMAIL_JOB } from './jobs.js';
import { JENIS_NOTIFIKASI, type PreferensiInput } from './schemas.js';

// HR's outbox page and its resend; everyone's notification settings (docs/domain/email.md).

const PAGE = 50;

/**
 * HR's outbox page: the e-mails of one status (failed first), newest first, each with its subject
 * in the viewer's language; how many there are of each status; whether SMTP is configured.
 */
export async function emailKeluarPage(db: Db, config: Pick<Config, 'smtp'>, lang: Lang, q: { status: StatusEmail; sebelum?: number }) {
  const rows = await emailKeluarRows(db.sql, q.status, q.sebelum, PAGE);
  const list = rows.slice(0, PAGE).map((r) => ({ ...r, perihal: notifikasiText(lang, r.jenis, r.params) }));
  const counts = Object.fromEntries((await emailKeluarCounts(db.sql)).map((c) => [c.status, c.n])) as Partial<Record<StatusEmail, number>>;
  return {
    status: q.status,
    rows: list,
    counts: { GAGAL: counts.GAGAL ?? 0, ANTRI: counts.ANTRI ?? 0, TERKIRIM: counts.TERKIRIM ?? 0 },
    nextBefore: rows.length > PAGE ? list[list.length - 1]!.id : null,
    smtp: config.smtp !== null,
  };
}

/**
 * HR resends a failed e-mail: back to waiting with its attempts at zero, due now (the next run
 * sends it). Only a failed one: a waiting one is on its way already, and resending a sent one
 * would send it twice. Audited. With SMTP configured a run is queued at once (`jobs`), so the
 * e-mail does not wait for the next tick.
 */
export async function kirimUlangEmail(db: Db, actor: Actor, id: number, version: number, deps: { clock: Clock; config: Pick<Config, 'smtp'>; jobs?: Pick<JobRunner, 'send'> }) {
  const clock = deps.clock;
  const before = await db.prisma.$transaction(async (tx) => {
    const before = await tx.emailKeluar.findUnique({ where: { id } });
    if (!before) throw new NotFound();
    if (before.status !== 'GAGAL') throw new Refused('email.keluar.bukanGagal');
    const { count } = await tx.emailKeluar.updateMany({
      where: { id, version, status: 'GAGAL' },
      data: { status: 'ANTRI', percobaan: 0, cobaLagiAt: clock.now(), version: { increment: 1 } },
    });
    if (count === 0) throw new Conflict();
    await audit(tx, actor, {
      aksi: 'email.resend',
      entitas: 'email_keluar',
      entitasId: id,
      before: { status: before.status, percobaan: before.percobaan, galat: before.galat, kepada: before.kepada },
      after: { status: 'ANTRI', percobaan: 0 },
    });
    return before;
  });
  if (deps.config.smtp && deps.jobs) await deps.jobs.send(KIRIM_EMAIL_JOB, {});
  return before;
}

/** The settings page: for each kind whether it goes by e-mail too, the language, and where e-mails go. */
export async function preferensiPage(db: Db, actor: Actor) {
  const user = await db.prisma.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { bahasa: true, preferensiNotifikasi: true, pegawai: { select: { email: true } }, pejabatLuar: { select: { email: true } } },
  });
  const off = new Set(user.preferensiNotifikasi.filter((p) => !p.email).map((p) => p.jenis));
  return {
    jenis: JENIS_NOTIFIKASI.map((j) => ({ jenis: j, email: !off.has(j) })),
    bahasa: user.bahasa,
    bahasaList: LANGS.map((code) => ({ code, label: LANGUAGES[code].label })),
    alamat: user.pegawai?.email ?? user.pejabatLuar?.email ?? null,
  };
}

/**
 * Saves the settings: one row per kind (e-mail on or off) and the language of the e-mails, in one
 * transaction. The whole set is the user's own, so the last save wins. Audited.
 */
export async function savePreferensi(db: Db, actor: Actor, input: PreferensiInput) {
  const on = new Set<JenisNotifikasi>(input.email);
  await db.prisma.$transaction(async (tx) => {
    const before = await tx.preferensiNotifikasi.findMany({ where: { userId: actor.userId } });
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { bahasa: true } });
    for (const jenis of JENIS_NOTIFIKASI) {
      await tx.preferensiNotifikasi.upsert({
        where: { userId_jenis: { userId: actor.userId, jenis } },
        create: { userId: actor.userId, jenis, email: on.has(jenis) },
        update: { email: on.has(jenis) },
      });
    }
    if (user.bahasa !== input.bahasa) await tx.user.update({ where: { id: actor.userId }, data: { bahasa: input.bahasa, updatedAt: new Date() } });
    const offBefore = JENIS_NOTIFIKASI.filter((j) => before.some((p) => p.jenis === j && !p.email));
    await audit(tx, actor, {
      aksi: 'preferensi.update',
      entitas: 'user',
      entitasId: actor.userId,
      before: { emailOff: offBefore, bahasa: user.bahasa },
      after: { emailOff: JENIS_NOTIFIKASI.filter((j) => !on.has(j)), bahasa: input.bahasa },
    });
  });
}
