import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../domain/access.js';
import { jumlahSelisih, type JumlahSelisih } from '../../../domain/target-periode.js';
import { NotFound } from '../../../errors.js';
import { approvedRencanaAksi } from '../retire.js';
import { editSkp, LIVE } from '../service.js';
import type { PeriodePlanInput } from '../schemas.js';

// An RHK's plan per period (docs/domain/skp.md § Rencana aksi and period targets): the lines of
// its rencana aksi for each period of the cycle and each indicator's target per period. Saved
// through editSkp (owner, phase, workflow, version, audit) like every other change.

export type PeriodeWarning = { indikatorId: number; teks: string; selisih: JumlahSelisih[] };

/**
 * Saves the whole plan of one RHK. Rencana aksi lines that stay are kept (same row, new place);
 * a line removed is retired when an approved version shows it, deleted otherwise. A blank period
 * target removes it (the period then uses the year's). Returns the JUMLAH indicators whose period
 * targets do not add up to the year's: a warning, the plan is saved.
 */
export async function savePeriodePlan(db: Db, e: { actor: Actor; skpId: number; version: number }, rhkId: number, input: PeriodePlanInput) {
  return editSkp(db, e.actor, e.skpId, e.version, { aksi: 'skp.periodePlan.update', after: { rhkId, aksi: input.aksi, target: input.target.filter((t) => t.targetAngka !== null || t.targetMin !== null || t.targetTeks !== null) } }, async (tx, s) => {
    const rhk = await tx.rhk.findFirst({ where: { id: rhkId, skpId: s.id, ...LIVE }, select: { id: true } });
    if (!rhk) throw new NotFound();
    const periodeIds = new Set((await tx.periode.findMany({ where: { siklusId: s.siklusId }, select: { id: true } })).map((p) => p.id));
    const indikator = await tx.indikator.findMany({ where: { rhkId, ...LIVE }, orderBy: { urutan: 'asc' } });
    const indikatorIds = new Set(indikator.map((i) => i.id));

    const approved = await approvedRencanaAksi(tx, s.id);
    for (const p of input.aksi) {
      if (!periodeIds.has(p.periodeId)) continue;
      const old = await tx.rencanaAksi.findMany({ where: { rhkId, periodeId: p.periodeId, ...LIVE }, orderBy: [{ urutan: 'asc' }, { id: 'asc' }] });
      const unused = [...old];
      for (const [n, teks] of p.teks.entries()) {
        const k = unused.findIndex((o) => o.teks === teks);
        if (k >= 0) {
          const [same] = unused.splice(k, 1);
          if (same!.urutan !== n + 1) await tx.rencanaAksi.update({ where: { id: same!.id }, data: { urutan: n + 1 } });
        } else {
          await tx.rencanaAksi.create({ data: { rhkId, periodeId: p.periodeId, urutan: n + 1, teks } });
        }
      }
      const retire = unused.filter((o) => approved.has(o.id)).map((o) => o.id);
      if (retire.length) await tx.rencanaAksi.updateMany({ where: { id: { in: retire } }, data: { dihapusRevisi: s.revisi } });
      const drop = unused.filter((o) => !approved.has(o.id)).map((o) => o.id);
      if (drop.length) await tx.rencanaAksi.deleteMany({ where: { id: { in: drop } } });
    }

    for (const t of input.target) {
      if (!indikatorIds.has(t.indikatorId) || !periodeIds.has(t.periodeId)) continue;
      const key = { indikatorId_periodeId: { indikatorId: t.indikatorId, periodeId: t.periodeId } };
      const data = { targetAngka: t.targetAngka, targetMin: t.targetMin, targetMax: t.targetMax, targetTeks: t.targetTeks };
      if (data.targetAngka === null && data.targetMin === null && data.targetMax === null && data.targetTeks === null) {
        await tx.targetPeriode.deleteMany({ where: { indikatorId: t.indikatorId, periodeId: t.periodeId } });
      } else {
        await tx.targetPeriode.upsert({ where: key, create: { indikatorId: t.indikatorId, periodeId: t.periodeId, ...data }, update: data });
      }
    }

    const warnings: PeriodeWarning[] = [];
    for (const i of indikator) {
      const periods = input.target.filter((t) => t.indikatorId === i.id && periodeIds.has(t.periodeId));
      const selisih = jumlahSelisih(
        { jenisTarget: i.jenisTarget, gabungPeriode: i.gabungPeriode, targetAngka: i.targetAngka?.toString() ?? null, targetMin: i.targetMin?.toString() ?? null, targetMax: i.targetMax?.toString() ?? null, targetTeks: i.targetTeks },
        periods,
      );
      if (selisih.length) warnings.push({ indikatorId: i.id, teks: i.teks, selisih });
    }
    return { ...s, warnings };
  });
}

/** The JUMLAH warnings of an RHK as stored now (shown on the form when it opens). */
export function storedWarnings(rhk: { indikator: { id: number; teks: string; jenisTarget: string; gabungPeriode: string; targetAngka: unknown; targetMin: unknown; targetMax: unknown; targetTeks: string | null; targetPeriode: { targetAngka: unknown; targetMin: unknown; targetMax: unknown; targetTeks: string | null }[] }[] }): PeriodeWarning[] {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return rhk.indikator
    .map((i) => ({
      indikatorId: i.id,
      teks: i.teks,
      selisih: jumlahSelisih(
        { jenisTarget: i.jenisTarget, gabungPeriode: i.gabungPeriode, targetAngka: s(i.targetAngka), targetMin: s(i.targetMin), targetMax: s(i.targetMax), targetTeks: i.targetTeks },
        i.targetPeriode.map((t) => ({ targetAngka: s(t.targetAngka), targetMin: s(t.targetMin), targetMax: s(t.targetMax), targetTeks: t.targetTeks })),
      ),
    }))
    .filter((w) => w.selisih.length > 0);
}
