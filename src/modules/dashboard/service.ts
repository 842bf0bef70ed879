import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { siklusOverview } from '../siklus/service.js';
import { bawahanPage, chooseSiklus } from '../skp/review/service.js';
import { skpSaya } from '../skp/service.js';
import { parseIdentitas } from '../../domain/skp-document.js'; // the SKP's own appraiser, who signs it
import { adminCounts, headcountOfSubtree, headcountPerChildUnit, tanpaPenilai } from './queries.js';

// The home page of each role says where the person stands and what to do next: the employee's
// own SKP with its one next step, the appraiser's appraisees with what waits for them, and for
// HR the cycle with its counts and what blocks its next phase.

export type AdminSummary = { units: number; jabatan: number; aktif: number; nonaktif: number; pns: number; pppk: number; tanpaPenilai: number; tanpaPenilaiList: { id: number; nip: string; nama: string }[] };

export async function adminSummary(db: Db): Promise<AdminSummary> {
  const [counts, tanpaPenilaiList] = await Promise.all([adminCounts(db.sql), tanpaPenilai(db.sql, 10)]);
  return { ...counts, tanpaPenilaiList };
}

/** Headcount per unit directly under the pimpinan's unit (its subtree rolled up). */
export async function pimpinanSummary(db: Db, actor: Actor) {
  if (!actor.pimpinanPath) return { total: 0, perUnit: [] as { nama: string; jumlah: number }[] };
  const [perUnit, total] = await Promise.all([headcountPerChildUnit(db.sql, actor.pimpinanPath), headcountOfSubtree(db.sql, actor.pimpinanPath)]);
  return { total, perUnit };
}

/** The one next step an SKP's owner has, by its status: a message key and where the button goes. */
export type NextStep = { key: string; button: string | null; href: string | null; primary: boolean };

export function nextStepOf(skp: { id: number; status: string; rhkCount: number } | null): NextStep {
  if (!skp) return { key: 'home.next.noSkp', button: null, href: null, primary: false };
  const page = `/skp/${skp.id}`;
  switch (skp.status) {
    case 'DRAFT':
      return skp.rhkCount === 0
        ? { key: 'home.next.start', button: 'home.next.startButton', href: page, primary: true }
        : { key: 'home.next.submit', button: 'home.next.submitButton', href: page, primary: true };
    case 'DIKEMBALIKAN':
      return { key: 'home.next.fix', button: 'home.next.fixButton', href: page, primary: true };
    case 'DIAJUKAN':
      return { key: 'home.next.waiting', button: 'home.next.waitingButton', href: page, primary: false };
    default:
      return { key: 'home.next.approved', button: 'home.next.approvedButton', href: `${page}/cetak.pdf`, primary: false };
  }
}

/** Today in the agency's time zone, as YYYY-MM-DD. */
const jakartaDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(d);

/** The actor's own record and SKP in the cycle, its next step and the next deadline of the cycle. */
async function ownSummary(db: Db, actor: Actor, siklusId: number | null, today: Date) {
  if (actor.pegawaiId === null) return null;
  const [me, skp, periode] = await Promise.all([
    db.prisma.pegawai.findUnique({ where: { id: actor.pegawaiId }, include: { jabatan: true, unit: true, penilai: { select: { nama: true, nip: true } }, penilaiLuar: { select: { nama: true, jabatan: true } } } }),
    siklusId === null ? null : skpSaya(db, actor, siklusId),
    siklusId === null ? [] : db.prisma.periode.findMany({ where: { siklusId }, orderBy: { batasPegawai: 'asc' } }),
  ]);
  const day = jakartaDay(today);
  const deadline = periode.find((p) => p.batasPegawai.toISOString().slice(0, 10) >= day) ?? null;
  const mine = skp ? { id: skp.id, status: skp.status, revisi: skp.revisi, alasanKembali: skp.alasanKembali, diajukanAt: skp.diajukanAt, rhkCount: skp.rhk.length, penilai: parseIdentitas(skp.snapshot).penilai?.nama ?? null } : null;
  return { me, skp: mine, next: nextStepOf(mine), deadline: deadline ? { nama: deadline.nama, tanggal: deadline.batasPegawai } : null };
}

/** Everything the home page shows, for every role the actor has. */
export async function homePage(db: Db, actor: Actor, today = new Date()) {
  const { chosen } = await chooseSiklus(db);
  const [admin, pimpinan, own, bawahan, siklus] = await Promise.all([
    actor.isAdmin ? adminSummary(db) : null,
    actor.isPimpinan ? pimpinanSummary(db, actor) : null,
    ownSummary(db, actor, chosen?.id ?? null, today),
    actor.isPenilai && chosen ? bawahanPage(db, actor, { siklusId: chosen.id }) : null,
    actor.isAdmin && chosen ? siklusOverview(db, chosen.id) : null,
  ]);
  // The appraisees card only for someone who appraises; its first row is the next one waiting.
  const waiting = bawahan ? bawahan.rows.filter((r) => r.status === 'DIAJUKAN') : [];
  return { chosen, admin, pimpinan, own, bawahan: bawahan && bawahan.total > 0 ? { ...bawahan, waiting } : null, siklus };
}

/**
 * The home page of an official outside the agency: the SKPs of the employees who name them as
 * appraiser, in every cycle past DRAFT, newest cycle first, those waiting for a decision first.
 */
export async function luarHomePage(db: Db, actor: Actor) {
  if (actor.pejabatLuarId === null) return { pejabat: null, rows: [], menunggu: 0 };
  const [pejabat, rows] = await Promise.all([
    db.prisma.pejabatLuar.findUnique({ where: { id: actor.pejabatLuarId }, select: { nama: true, jabatan: true, instansi: true } }),
    db.prisma.skp.findMany({
      where: { pegawai: { penilaiLuarId: actor.pejabatLuarId }, siklus: { fase: { not: 'DRAFT' } } },
      orderBy: [{ siklus: { tahun: 'desc' } }, { pegawai: { nama: 'asc' } }, { id: 'asc' }],
      select: { id: true, status: true, revisi: true, diajukanAt: true, disetujuiAt: true, siklus: { select: { tahun: true, fase: true } }, pegawai: { select: { nama: true, nip: true, jabatan: { select: { nama: true } } } } },
    }),
  ]);
  const menunggu = rows.filter((r) => r.status === 'DIAJUKAN').length;
  return { pejabat, rows: [...rows.filter((r) => r.status === 'DIAJUKAN'), ...rows.filter((r) => r.status !== 'DIAJUKAN')], menunggu };
}
