import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import type { Clock } from '../../clock.js';
import type { Lang } from '../../i18n/index.js';
import { NotFound } from '../../errors.js';
import { HALAMAN_NOTIFIKASI, tautanAman } from '../../domain/notifikasi.js';
import { belumDibacaCount, notifikasiRows } from './queries.js';
import { cursorOf, type NotifikasiCursor } from './schemas.js';
import { notifikasiText } from './render.js';

// The bell and the list of one's own notifications (docs/domain/notifikasi.md § The bell and the
// list). A notification belongs to one login: every read and write is scoped by the actor's
// userId, so someone else's is simply not found (404).

/** The bell's unread count (the one query a page view pays for it). */
export const belumDibaca = (db: Db, actor: Actor): Promise<number> => belumDibacaCount(db.sql, actor.userId);

/** The list page: newest first, keyset-paged, each with its text in the reader's language. */
export async function notifikasiPage(db: Db, actor: Actor, lang: Lang, sebelum: NotifikasiCursor | undefined) {
  const rows = await notifikasiRows(db.sql, actor.userId, sebelum, HALAMAN_NOTIFIKASI);
  const page = rows.slice(0, HALAMAN_NOTIFIKASI);
  const more = rows.length > HALAMAN_NOTIFIKASI;
  return {
    items: page.map((r) => ({ id: r.id, jenis: r.jenis, teks: notifikasiText(lang, r.jenis, r.params), dibaca: r.dibacaAt !== null, at: r.createdAt })),
    lebihLama: more ? cursorOf(page[page.length - 1]!) : null,
    halamanPertama: sebelum === undefined,
  };
}

/** Marks the actor's notification read (already read: kept as it was). Not theirs → NotFound. */
async function markRead(db: Db, actor: Actor, id: number, clock: Clock) {
  const n = await db.prisma.notifikasi.findFirst({ where: { id, userId: actor.userId }, select: { id: true, tautan: true, dibacaAt: true } });
  if (!n) throw new NotFound();
  if (n.dibacaAt === null) await db.prisma.notifikasi.updateMany({ where: { id, userId: actor.userId, dibacaAt: null }, data: { dibacaAt: clock.now() } });
  return n;
}

/** Opening one: marked read, and where it leads (an internal path only, else the list). */
export async function bukaNotifikasi(db: Db, actor: Actor, id: number, clock: Clock): Promise<string> {
  return tautanAman((await markRead(db, actor, id, clock)).tautan);
}

/** Marks one read without leaving the list. */
export async function tandaiDibaca(db: Db, actor: Actor, id: number, clock: Clock): Promise<void> {
  await markRead(db, actor, id, clock);
}

/** Marks all of the actor's unread notifications read, in one statement; returns how many. */
export async function tandaiSemuaDibaca(db: Db, actor: Actor, clock: Clock): Promise<number> {
  const { count } = await db.prisma.notifikasi.updateMany({ where: { userId: actor.userId, dibacaAt: null }, data: { dibacaAt: clock.now() } });
  return count;
}
