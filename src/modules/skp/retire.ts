import type { Tx } from '../../db/client.js';

// Records that survive revisions (docs/domain/skp.md § Revisions): an RHK, indicator or rencana
// aksi that an approved version of its SKP shows (skp_versi keeps their ids), or that another
// row still references, is retired in the current revision (dihapus_revisi) instead of deleted:
// it leaves the live SKP and stays readable in the versions that had it. The foreign keys are
// ON DELETE RESTRICT, so a delete that would break a reference is refused by the database too.

/** Whether RHK `rhkId` of SKP `skpId` must be kept: an approved version has it, or a row links to it. */
export async function rhkMustSurvive(tx: Tx, skpId: number, rhkId: number): Promise<boolean> {
  const [r] = await tx.$queryRaw<{ keep: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM skp_versi v CROSS JOIN jsonb_array_elements(v.data->'rhk') r
                    WHERE v.skp_id = ${skpId}::int AND (r->>'id')::int = ${rhkId}::int)
        OR EXISTS (SELECT 1 FROM rhk c WHERE c.rhk_atasan_id = ${rhkId}::int) AS keep`;
  return r?.keep ?? true;
}

/**
 * Whether indicator `indikatorId` must be kept: an approved version has it (by id; a version
 * written before indicators carried ids counts every indicator of the RHKs it shows).
 */
export async function indikatorMustSurvive(tx: Tx, skpId: number, rhkId: number, indikatorId: number): Promise<boolean> {
  const [r] = await tx.$queryRaw<{ keep: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM skp_versi v CROSS JOIN jsonb_array_elements(v.data->'rhk') r
                    CROSS JOIN jsonb_array_elements(COALESCE(r->'indikator', '[]'::jsonb)) i
                    WHERE v.skp_id = ${skpId}::int
                      AND ((i->>'id')::int = ${indikatorId}::int OR (NOT i ? 'id' AND (r->>'id')::int = ${rhkId}::int))) AS keep`;
  return r?.keep ?? true;
}

/** The ids of the rencana aksi of SKP `skpId` that some approved version shows. */
export async function approvedRencanaAksi(tx: Tx, skpId: number): Promise<Set<number>> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT DISTINCT (a->>'id')::int AS id FROM skp_versi v CROSS JOIN jsonb_array_elements(v.data->'rhk') r
     CROSS JOIN jsonb_array_elements(COALESCE(r->'rencanaAksi', '[]'::jsonb)) a
     WHERE v.skp_id = ${skpId}::int AND a ? 'id'`;
  return new Set(rows.map((r) => r.id));
}

/** Removes an indicator: retired in `revisi` when it must survive, otherwise deleted with its period targets. */
export async function removeIndikator(tx: Tx, skpId: number, revisi: number, ind: { id: number; rhkId: number }): Promise<void> {
  if (await indikatorMustSurvive(tx, skpId, ind.rhkId, ind.id)) {
    await tx.indikator.update({ where: { id: ind.id }, data: { dihapusRevisi: revisi } });
    return;
  }
  await tx.targetPeriode.deleteMany({ where: { indikatorId: ind.id } });
  await tx.indikator.delete({ where: { id: ind.id } });
}

/** Removes an RHK with its live indicators and rencana aksi: each retired or deleted by the same rule. */
export async function removeRhk(tx: Tx, skpId: number, revisi: number, rhkId: number): Promise<void> {
  for (const ind of await tx.indikator.findMany({ where: { rhkId, dihapusRevisi: null }, select: { id: true, rhkId: true } })) await removeIndikator(tx, skpId, revisi, ind);
  const approved = await approvedRencanaAksi(tx, skpId);
  const aksi = await tx.rencanaAksi.findMany({ where: { rhkId, dihapusRevisi: null }, select: { id: true } });
  const keep = aksi.filter((a) => approved.has(a.id)).map((a) => a.id);
  if (keep.length) await tx.rencanaAksi.updateMany({ where: { id: { in: keep } }, data: { dihapusRevisi: revisi } });
  await tx.rencanaAksi.deleteMany({ where: { rhkId, dihapusRevisi: null, id: { notIn: keep } } });
  // A retired child keeps its RHK alive too (the foreign key refuses the delete otherwise).
  const children = (await tx.indikator.count({ where: { rhkId } })) + (await tx.rencanaAksi.count({ where: { rhkId } }));
  if (children > 0 || (await rhkMustSurvive(tx, skpId, rhkId))) await tx.rhk.update({ where: { id: rhkId }, data: { dihapusRevisi: revisi } });
  else await tx.rhk.delete({ where: { id: rhkId } });
}
