import type { ZonaWaktu } from '../../domain/periode-laporan.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { defaultPeriode, nextFase, periodeInvalidCount, periodeSetProblems, transitionBlockers, type Fase, type JenisPeriode } from '../../domain/siklus.js';
import { Conflict, NotFound, Refused } from '../../errors.js';
import type { JobRunner } from '../../jobs/runner.js';
import { audit } from '../audit/service.js';
import { LABELS } from '../../i18n/labels.js';
import { countNotApproved, countTanpaSkp, evaluasiFacts, latestJobRow, siklusRows, skpCountsByStatus } from './queries.js';

export const BULK_JOB = 'skp.buatDraft';
const iso = (d: Date) => d.toISOString().slice(0, 10);

export const listSiklus = (db: Db) => siklusRows(db.sql);

export async function getSiklus(db: Db, id: number) {
  const s = await db.prisma.siklus.findUnique({ where: { id }, include: { periode: { orderBy: { urutan: 'asc' } } } });
  if (!s) throw new NotFound();
  return s;
}

/** Everything the cycle's admin page shows: periods, SKP counts by status, the bulk job. */
export async function siklusOverview(db: Db, id: number) {
  const siklus = await getSiklus(db, id);
  const [status, tanpaSkp, job] = await Promise.all([skpCountsByStatus(db.sql, id), countTanpaSkp(db.sql, id), latestJob(db, id)]);
  const counts = Object.fromEntries(['DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN', 'DISETUJUI'].map((k) => [k, status.find((r) => r.status === k)?.n ?? 0]));
  const facts = await transitionFacts(db, siklus.id, siklus.tahun, siklus.periode);
  const next = nextFase(siklus.fase);
  return { siklus, counts, tanpaSkp, job, next, blockers: next ? transitionBlockers(siklus.fase, facts) : [] };
}

export const latestJob = (db: Db, siklusId: number) => latestJobRow(db.sql, siklusId, BULK_JOB);

async function transitionFacts(db: Db, siklusId: number, tahun: number, periode: { mulai: Date; selesai: Date; batasPegawai: Date; batasPenilai: Date }[]) {
  const [notApproved, job, evaluasi] = await Promise.all([countNotApproved(db.sql, siklusId), latestJob(db, siklusId), evaluasiFacts(db.sql, siklusId)]);
  const today = iso(new Date());
  const last = periode[periode.length - 1];
  return {
    periodeCount: periode.length,
    periodeInvalid: periodeInvalidCount(tahun, periode.map((p) => ({ mulai: iso(p.mulai), selesai: iso(p.selesai), batasPegawai: iso(p.batasPegawai), batasPenilai: iso(p.batasPenilai) }))),
    bulkJobDone: job?.status === 'SELESAI',
    skpNotApproved: notApproved,
    lastPeriodStarted: !!last && iso(last.mulai) <= today,
    // ── evaluasi: finalisasi ──
    ...evaluasi,
  };
}

export async function createSiklus(db: Db, actor: Actor, input: { tahun: number; jenisPeriode: JenisPeriode; zonaWaktu?: ZonaWaktu }) {
  return db.prisma.$transaction(async (tx) => {
    if (await tx.siklus.findUnique({ where: { tahun: input.tahun } })) throw new Refused('siklus.tahunTaken', { field: 'tahun', tahun: input.tahun });
    const s = await tx.siklus.create({
      data: {
        tahun: input.tahun,
        jenisPeriode: input.jenisPeriode,
        zonaWaktu: input.zonaWaktu,
        periode: { create: defaultPeriode(input.tahun, input.jenisPeriode).map((p) => ({ ...p, mulai: new Date(p.mulai), selesai: new Date(p.selesai), batasPegawai: new Date(p.batasPegawai), batasPenilai: new Date(p.batasPenilai) })) },
      },
    });
    await audit(tx, actor, { aksi: 'siklus.create', entitas: 'siklus', entitasId: s.id, after: input });
    return s;
  });
}

export type PeriodeInput = { id: number; mulai: string; selesai: string; batasPegawai: string; batasPenilai: string };

/** Saves the periods' dates and the time zone they are read in; returns per-row problems instead of saving when any is wrong. */
export async function updatePeriode(db: Db, actor: Actor, siklusId: number, version: number, rows: PeriodeInput[], zonaWaktu?: ZonaWaktu): Promise<Record<string, string>> {
  const siklus = await db.prisma.siklus.findUnique({ where: { id: siklusId }, select: { tahun: true } });
  if (!siklus) throw new NotFound();
  const problems = periodeSetProblems(siklus.tahun, rows);
  if (Object.keys(problems).length) return problems;
  await db.prisma.$transaction(async (tx) => {
    const s = await tx.siklus.findUnique({ where: { id: siklusId }, include: { periode: true } });
    if (!s) throw new NotFound();
    if (s.fase === 'SELESAI' || s.fase === 'ARSIP') throw new Refused('siklus.closed', { tahun: s.tahun, fase: `@${LABELS.fase[s.fase]}` });
    const { count } = await tx.siklus.updateMany({ where: { id: siklusId, version }, data: { version: { increment: 1 }, updatedAt: new Date(), ...(zonaWaktu ? { zonaWaktu } : {}) } });
    if (count === 0) throw new Conflict();
    for (const r of rows) {
      const before = s.periode.find((p) => p.id === r.id);
      if (!before) throw new NotFound();
      // Once planning has opened only the deadlines move; the periods themselves stay.
      const data = s.fase === 'DRAFT' ? { mulai: new Date(r.mulai), selesai: new Date(r.selesai) } : {};
      await tx.periode.update({ where: { id: r.id }, data: { ...data, batasPegawai: new Date(r.batasPegawai), batasPenilai: new Date(r.batasPenilai) } });
    }
    await audit(tx, actor, { aksi: 'siklus.periode.update', entitas: 'siklus', entitasId: siklusId, before: { zonaWaktu: s.zonaWaktu, periode: s.periode }, after: { zonaWaktu: zonaWaktu ?? s.zonaWaktu, periode: rows } });
  });
  return {};
}

/**
 * What moving the cycle to `ke` would do, asked before the move is confirmed: refused like the
 * move itself (stale form, blockers), else the cycle's year and how many active employees it concerns.
 */
export async function previewMoveFase(db: Db, siklusId: number, version: number, ke: Fase): Promise<{ tahun: number; aktif: number }> {
  const s = await getSiklus(db, siklusId);
  if (nextFase(s.fase) !== ke || s.version !== version) throw new Conflict();
  const blockers = transitionBlockers(s.fase, await transitionFacts(db, s.id, s.tahun, s.periode));
  if (blockers.length) throw new Refused('siklus.blocked', {}, blockers);
  return { tahun: s.tahun, aktif: await db.prisma.pegawai.count({ where: { aktif: true } }) };
}

/**
 * Moves the cycle one phase forward; opening planning starts the bulk job. What blocks the move
 * is refused as `siklus.blocked` with one problem per blocker.
 */
export async function moveFase(db: Db, jobs: JobRunner, actor: Actor, siklusId: number, version: number, ke: Fase): Promise<void> {
  const s = await getSiklus(db, siklusId);
  if (nextFase(s.fase) !== ke) throw new Conflict();
  const blockers = transitionBlockers(s.fase, await transitionFacts(db, s.id, s.tahun, s.periode));
  if (blockers.length) throw new Refused('siklus.blocked', {}, blockers);
  await db.prisma.$transaction(async (tx) => {
    const { count } = await tx.siklus.updateMany({ where: { id: siklusId, version, fase: s.fase }, data: { fase: ke, version: { increment: 1 }, updatedAt: new Date() } });
    if (count === 0) throw new Conflict();
    await audit(tx, actor, { aksi: 'siklus.fase.move', entitas: 'siklus', entitasId: siklusId, before: { fase: s.fase }, after: { fase: ke } });
  });
  if (ke === 'PERENCANAAN') await startBulkDrafts(db, jobs, actor, siklusId);
}

export async function startBulkDrafts(db: Db, jobs: JobRunner, actor: Actor, siklusId: number): Promise<void> {
  const s = await getSiklus(db, siklusId);
  if (s.fase !== 'PERENCANAAN' && s.fase !== 'PELAKSANAAN') throw new Refused('siklus.closed', { tahun: s.tahun, fase: `@${LABELS.fase[s.fase]}` });
  const id = await jobs.enqueue(BULK_JOB, siklusId);
  await audit(db.prisma, actor, { aksi: 'siklus.startBulkDrafts', entitas: 'siklus', entitasId: siklusId, after: { job: id } });
  jobs.kick();
}
