// Who may see what, as pure predicates and where-clause fragments (docs/domain/access.md).
// Services combine these with their own queries, so a forbidden record is simply not found.

import { actingSkpWhere, type DelegasiAktor } from './acting.js';

export type Actor = {
  userId: number;
  pegawaiId: number | null;
  label: string;
  isAdmin: boolean;
  isPimpinan: boolean;
  /** Materialised path of the unit a pimpinan heads ("/1/4/"), or null. */
  pimpinanPath: string | null;
  /** Whether this person appraises at least one active employee, or acts for a post under a delegation in force (derived, not a flag). */
  isPenilai: boolean;
  /** The delegations in force today that this person received (Plt/Plh; src/domain/acting.ts). */
  delegasi: DelegasiAktor[];
  /**
   * The official outside the agency this login belongs to (docs/domain/penilai.md § Officials
   * outside the agency), or null. Such a login has only the rights of the appraiser of the
   * employees who name that official: no employee record, no other page.
   */
  pejabatLuarId: number | null;
};

/** Prisma where-fragment for the employees an actor may see. */
export function visiblePegawai(a: Actor): object {
  if (a.isAdmin) return {};
  const or: object[] = [];
  if (a.pegawaiId !== null) or.push({ id: a.pegawaiId }, { penilaiId: a.pegawaiId });
  if (a.isPimpinan && a.pimpinanPath) or.push({ unit: { path: { startsWith: a.pimpinanPath } } });
  return or.length ? { OR: or } : { id: -1 };
}

export const canManageOrg = (a: Actor): boolean => a.isAdmin;
export const canReadAudit = (a: Actor): boolean => a.isAdmin;

/** Prisma where-fragment for the SKPs an actor may see: own, those they appraise (the SKP's own appraiser) or whose employee they now appraise, subtree, or all. */
export function visibleSkp(a: Actor): object {
  if (a.isAdmin) return {};
  const or: object[] = [];
  if (a.pegawaiId !== null) or.push({ pegawaiId: a.pegawaiId }, { pegawai: { penilaiId: a.pegawaiId } }, ...actingSkpWhere(a));
  if (a.isPimpinan && a.pimpinanPath) or.push({ pegawai: { unit: { path: { startsWith: a.pimpinanPath } } } });
  if (a.pejabatLuarId !== null) or.push({ pegawai: { penilaiLuarId: a.pejabatLuarId } });
  return or.length ? { OR: or } : { id: -1 };
}

declare const SCOPED: unique symbol;
/**
 * A record the actor was found allowed to see. Only the scoped loaders (getSkp, skpSaya,
 * skpHeader, editSkp, getPegawai) make one, so child reads (an SKP's document, versions, diff
 * and print; an employee's history) take the already-scoped parent and never a bare id.
 */
export type Scoped<T extends { id: number }> = T & { readonly [SCOPED]: true };
export const asScoped = <T extends { id: number }>(record: T): Scoped<T> => record as Scoped<T>;
