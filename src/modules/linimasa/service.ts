import type { Db, Tx } from '../../db/client.js';
import { asScoped, visiblePegawai, type Actor, type Scoped } from '../../domain/access.js';
import { actingAs, dinilaiOleh, PEGAWAI_PENILAI_INCLUDE, type Acting } from '../../domain/acting.js';
import { isZonaWaktu, tanggalDi, type ZonaWaktu } from '../../domain/periode-laporan.js';
import type { Clock } from '../../clock.js';
import { Forbidden, NotFound } from '../../errors.js';
import { capaianPerSkp } from './capaian.js';
import { entriRows, JENIS, type EntriRow, type JenisEntri } from './queries.js';
import type { LinimasaCursor } from './schemas.js';

// An employee's timeline (docs/domain/linimasa.md): who may see it, who may add to it, and the
// page itself (the entries, newest first, one bounded page at a time; the capaian chart).

/** Entries per page of the timeline. */
export const PAGE = 40;

type Prisma = Db['prisma'] | Tx;

/** The employee's current SKP: of the newest cycle that has one, the open one first (as skpSaya chooses). */
const skpKini = (prisma: Prisma, pegawaiId: number) =>
  prisma.skp.findFirst({
    where: { pegawaiId },
    orderBy: [{ siklus: { tahun: 'desc' } }, { ditutupAt: { sort: 'desc', nulls: 'first' } }, { periodeAwal: 'desc' }],
    select: {
      id: true, pegawaiId: true, penilaiId: true, penilaiLuarId: true, siklusId: true, periodeAwal: true, periodeAkhir: true,
      penilai: { select: { jabatanId: true } },
      pegawai: { select: { penilaiId: true, ...PEGAWAI_PENILAI_INCLUDE } },
      siklus: { select: { id: true, tahun: true, zonaWaktu: true, policy: true } },
    },
  });

/**
 * How the actor acts as this employee's appraiser: by the acting rule on the employee's current
 * SKP (src/domain/acting.ts: the SKP's own appraiser, or a delegate for that post); for an
 * employee without any SKP, as the appraiser their record names.
 */
function actingFor(actor: Actor, pegawai: { id: number; penilaiId: number | null }, skp: Awaited<ReturnType<typeof skpKini>>): Acting | null {
  if (skp) return actingAs(actor, dinilaiOleh(skp));
  const me = actor.pegawaiId;
  if (me === null || me === pegawai.id || pegawai.penilaiId !== me) return null;
  return { sebagai: 'penilai', penilaiId: me, penilaiLuarId: null, delegasi: null };
}

/**
 * The employee whose timeline is asked for, found within the actor's scope: themselves, the
 * employee they act as appraiser of, those HR and a pimpinan see by their scope
 * (visiblePegawai). Anyone else: not found (404), exactly like a missing id.
 */
export async function pegawaiLinimasa(prisma: Prisma, actor: Actor, pegawaiId: number) {
  const pegawai = await prisma.pegawai.findUnique({
    where: { id: pegawaiId },
    select: { id: true, nama: true, nip: true, penilaiId: true, aktif: true, jabatan: { select: { nama: true } }, unit: { select: { nama: true } } },
  });
  if (!pegawai) throw new NotFound();
  const skp = await skpKini(prisma, pegawai.id);
  const acting = actingFor(actor, pegawai, skp);
  const own = actor.pegawaiId !== null && actor.pegawaiId === pegawai.id;
  if (!own && !acting && (await prisma.pegawai.count({ where: { id: pegawai.id, ...visiblePegawai(actor) } })) === 0) throw new NotFound();
  const zona: ZonaWaktu = skp && isZonaWaktu(skp.siklus.zonaWaktu) ? skp.siklus.zonaWaktu : 'Asia/Jakarta';
  return { pegawai: asScoped(pegawai), skp, acting, own, zona };
}
export type PegawaiLinimasa = Awaited<ReturnType<typeof pegawaiLinimasa>>;

/** The same, for a change: only whoever acts as the employee's appraiser may add to their timeline (else 403). */
export async function pegawaiDinilai(prisma: Prisma, actor: Actor, pegawaiId: number) {
  const ctx = await pegawaiLinimasa(prisma, actor, pegawaiId);
  if (!ctx.acting) throw new Forbidden('linimasa.err.notPenilai');
  return ctx as PegawaiLinimasa & { acting: Acting };
}

const KIND = Object.fromEntries(Object.entries(JENIS).map(([k, v]) => [v, k])) as Record<number, JenisEntri>;
export type Entri = EntriRow & { kind: JenisEntri };

const cursorOf = (e: EntriRow) => `${e.at.toISOString()}~${e.jenis}~${e.id}`;

/** The employee's own timeline (an actor with no employee record has none: 404). */
export async function linimasaSaya(db: Db, actor: Actor, cursor: LinimasaCursor | undefined, clock: Clock) {
  if (actor.pegawaiId === null) throw new NotFound();
  return linimasaPage(db, actor, actor.pegawaiId, cursor, clock);
}

/**
 * The timeline page: the employee, what the actor may do there (give feedback, record a dialog:
 * the appraiser), one page of entries (newest first) with the cursor of the next, older page,
 * and the capaian of each indicator over the periods of the current cycle.
 */
export async function linimasaPage(db: Db, actor: Actor, pegawaiId: number, cursor: LinimasaCursor | undefined, clock: Clock) {
  const ctx = await pegawaiLinimasa(db.prisma, actor, pegawaiId);
  return linimasaLocals(db, ctx, cursor, clock);
}

/** What the page shows for an employee already found in scope (also the feedback form's page when it comes back with errors). */
export async function linimasaLocals(db: Db, ctx: PegawaiLinimasa, cursor: LinimasaCursor | undefined, clock: Clock) {
  const rows = await entriRows(db.sql, ctx.pegawai.id, cursor, PAGE + 1);
  const entri: Entri[] = rows.slice(0, PAGE).map((r) => ({ ...r, kind: KIND[r.jenis]! }));
  const capaian = await capaianPerSkp(db, ctx.pegawai as Scoped<{ id: number }>, ctx.skp?.siklusId ?? null, ctx.own);
  return {
    pegawai: ctx.pegawai,
    own: ctx.own,
    bolehMenilai: ctx.acting !== null,
    skpKini: ctx.skp ? { id: ctx.skp.id, tahun: ctx.skp.siklus.tahun } : null,
    entri,
    lebihLama: rows.length > PAGE ? cursorOf(entri[entri.length - 1]!) : null,
    halamanPertama: cursor === undefined,
    capaian,
    hariIni: tanggalDi(clock.now(), ctx.zona),
  };
}

/** Refuses early, before the input is read: not in scope → 404, not the appraiser → 403. */
export async function checkPenilai(db: Db, actor: Actor, pegawaiId: number): Promise<void> {
  await pegawaiDinilai(db.prisma, actor, pegawaiId);
}

/** The timeline page with the feedback form as it came back (with errors): the appraiser's. */
export async function umpanBalikPage(db: Db, actor: Actor, pegawaiId: number, clock: Clock) {
  return linimasaLocals(db, await pegawaiDinilai(db.prisma, actor, pegawaiId), undefined, clock);
}
