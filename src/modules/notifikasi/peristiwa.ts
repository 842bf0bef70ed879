import { sql, sqlOn, type Sql } from '../../db/sql.js';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { dinilaiOleh, PEGAWAI_PENILAI_INCLUDE } from '../../domain/acting.js';
import { hariIni } from '../../domain/delegasi.js';
import { notify, type Pemberitahuan } from './notify.js';

// The events of the SKP and report workflows, told to the person they concern
// (docs/domain/notifikasi.md § Events). Each is called inside the transaction of the event, after
// its write: the notification exists exactly when the event does. A refused or conflicting action
// throws before it gets here, or rolls back with it.
//
// The appraiser told is whoever may act on it (the acting rule, src/domain/acting.ts): the SKP's own
// appraiser (skp.penilai_luar_id's login for an official outside the agency, else skp.penilai_id's)
// and whoever holds a Plt/Plh in force today for the post that appraises it (a vacant post's
// delegate above all). "Today" as the actor's delegations are loaded (modules/auth/authenticate.ts).

type Fakta = {
  skpId: number;
  pegawaiId: number;
  nama: string;
  tahun: number;
  penilaiUserId: number | null;
  laporanId: number | null;
  periode: string | null;
};

const FAKTA_COLUMNS = sql`s.id AS skp_id, s.pegawai_id, p.nama, si.tahun, COALESCE(ul.id, up.id) AS penilai_user_id`;
const FAKTA_JOINS = sql`JOIN pegawai p ON p.id = s.pegawai_id JOIN siklus si ON si.id = s.siklus_id
    LEFT JOIN app_user ul ON s.penilai_luar_id IS NOT NULL AND ul.pejabat_luar_id = s.penilai_luar_id
    LEFT JOIN app_user up ON s.penilai_luar_id IS NULL AND up.pegawai_id = s.penilai_id`;

const skpFakta = (q: Sql, skpId: number) =>
  q.one<Fakta>(sql`SELECT ${FAKTA_COLUMNS}, NULL::int AS laporan_id, NULL::text AS periode FROM skp s ${FAKTA_JOINS} WHERE s.id = ${skpId}`);

const laporanFakta = (q: Sql, laporanId: number) =>
  q.one<Fakta>(sql`SELECT ${FAKTA_COLUMNS}, l.id AS laporan_id, pe.nama AS periode
     FROM laporan_periode l JOIN periode pe ON pe.id = l.periode_id JOIN skp s ON s.id = l.skp_id ${FAKTA_JOINS}
    WHERE l.id = ${laporanId}`);

const send = (q: Sql, item: Pemberitahuan | null) => (item ? notify(q, [item]) : Promise.resolve(0));

/** The logins that may act as the SKP's appraiser: its own appraiser's and the delegates' in force for its appraising post (never the employee's own). */
async function penilaiUsers(tx: Tx, f: Fakta): Promise<number[]> {
  const skp = await tx.skp.findUniqueOrThrow({ where: { id: f.skpId }, select: { pegawaiId: true, penilaiId: true, penilaiLuarId: true } });
  const skpPenilai = skp.penilaiId === null ? null : await tx.pegawai.findUnique({ where: { id: skp.penilaiId }, select: { jabatanId: true } });
  // one relation at a time: inside a transaction Prisma would run siblings at once on one connection
  const a = await tx.pegawai.findUniqueOrThrow({ where: { id: skp.pegawaiId }, select: { penilaiId: true, penilai: PEGAWAI_PENILAI_INCLUDE.penilai } });
  const b = await tx.pegawai.findUniqueOrThrow({ where: { id: skp.pegawaiId }, select: { unit: PEGAWAI_PENILAI_INCLUDE.unit } });
  const c = await tx.pegawai.findUniqueOrThrow({ where: { id: skp.pegawaiId }, select: { jabatan: PEGAWAI_PENILAI_INCLUDE.jabatan } });
  const post = dinilaiOleh({ ...skp, penilai: skpPenilai, pegawai: { ...a, ...b, ...c } }).jabatanPenilaiId;
  const today = new Date(`${hariIni()}T00:00:00Z`);
  const delegates = post === null ? [] : await tx.delegasi.findMany({
    where: { jabatanId: post, dibatalkanAt: null, mulai: { lte: today }, selesai: { gte: today }, penerimaId: { not: skp.pegawaiId } },
    select: { penerima: { select: { user: { select: { id: true } } } } },
  });
  const ids = [f.penilaiUserId, ...delegates.map((d) => d.penerima.user?.id ?? null)].filter((x): x is number => x !== null);
  return [...new Set(ids)];
}

const toAll = (q: Sql, users: number[], item: Omit<Pemberitahuan, 'userId' | 'pegawaiId'>) => notify(q, users.map((userId) => ({ ...item, userId })));

/** SKP_DIAJUKAN to the appraiser (their review page); SKP_DIKEMBALIKAN / SKP_DISETUJUI to the employee (their SKP). */
export async function kabarSkp(tx: Tx, skpId: number, jenis: 'SKP_DIAJUKAN' | 'SKP_DIKEMBALIKAN' | 'SKP_DISETUJUI'): Promise<number> {
  const q = sqlOn(tx);
  const f = await skpFakta(q, skpId);
  if (!f) return 0;
  if (jenis === 'SKP_DIAJUKAN') {
    return toAll(q, await penilaiUsers(tx, f), { jenis, params: { nama: f.nama, tahun: f.tahun }, tautan: `/skp/${skpId}/tinjau` });
  }
  return send(q, { pegawaiId: f.pegawaiId, jenis, params: { tahun: f.tahun }, tautan: `/skp/${skpId}` });
}

/**
 * LAPORAN_DIAJUKAN to the appraiser (the rating page); LAPORAN_DIKEMBALIKAN, LAPORAN_DINILAI and
 * LAPORAN_DIBUKA_HR to the employee (their report). `sampai`: until when a returned or reopened
 * report stays open.
 */
export async function kabarLaporan(
  tx: Tx,
  laporanId: number,
  jenis: 'LAPORAN_DIAJUKAN' | 'LAPORAN_DIKEMBALIKAN' | 'LAPORAN_DINILAI' | 'LAPORAN_DIBUKA_HR',
  sampai?: Date,
): Promise<number> {
  const q = sqlOn(tx);
  const f = await laporanFakta(q, laporanId);
  if (!f) return 0;
  const periode = f.periode ?? '';
  if (jenis === 'LAPORAN_DIAJUKAN') {
    return toAll(q, await penilaiUsers(tx, f), { jenis, params: { nama: f.nama, periode }, tautan: `/penilaian/${laporanId}` });
  }
  const params: Record<string, string> = { periode, ...(sampai ? { sampai: sampai.toISOString() } : {}) };
  return send(q, { pegawaiId: f.pegawaiId, jenis, params, tautan: `/laporan/${laporanId}` });
}

/** UMPAN_BALIK to the employee (their timeline), naming the giver (their name; HR without an employee record: the login's label). */
export async function kabarUmpanBalik(tx: Tx, actor: Actor, pegawaiId: number): Promise<number> {
  const q = sqlOn(tx);
  const giver = actor.pegawaiId === null ? null : await q.one<{ nama: string }>(sql`SELECT nama FROM pegawai WHERE id = ${actor.pegawaiId}`);
  return send(q, { pegawaiId, jenis: 'UMPAN_BALIK', params: { dari: giver?.nama ?? actor.label }, tautan: '/linimasa' });
}
