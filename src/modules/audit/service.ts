import type { Actor } from '../../domain/access.js';
import type { Db, Tx } from '../../db/client.js';
import { NotFound } from '../../errors.js';
import { auditEntitasList, auditRows, type AuditFilter } from './queries.js';
import { aksiLabel, currentAksi, type AuditAksi, type AuditEntitas } from './actions.js';
import type { PrismaClient } from '../../../prisma/generated/client.js';

export type AuditEntry = {
  aksi: AuditAksi;
  entitas: AuditEntitas;
  entitasId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

/** Appends one entry to the audit log, inside the caller's transaction when given one. `actor`: who (the log keeps their user id and label). */
export async function audit(tx: Tx | PrismaClient, actor: Pick<Actor, 'userId' | 'label'> | null, e: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      userId: actor?.userId ?? null,
      actor: actor?.label ?? 'sistem',
      aksi: e.aksi,
      entitas: e.entitas,
      entitasId: e.entitasId === undefined || e.entitasId === null ? null : String(e.entitasId),
      before: e.before === undefined ? undefined : (JSON.parse(JSON.stringify(e.before)) as object),
      after: e.after === undefined ? undefined : (JSON.parse(JSON.stringify(e.after)) as object),
      ip: e.ip ?? null,
    },
  });
}

const PAGE = 50;

/** The log page: one page of entries for the filters, the entity names to filter by, and whether there is more. */
export async function auditListPage(db: Db, filter: AuditFilter) {
  const rows = await auditRows(db.sql, filter, PAGE);
  // Every entry under its current name, whatever name it was written with (src/modules/audit/actions.ts).
  const list = rows.slice(0, PAGE).map((r) => ({ ...r, aksi: currentAksi(r.aksi) }));
  return { rows: list, entitasList: await auditEntitasList(db.sql), nextBefore: rows.length > PAGE ? list[list.length - 1]!.id : null };
}

/** One field of an entry: its value before and after (undefined: not recorded on that side). */
export type AuditChange = { field: string; before: unknown; after: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields an entry recorded, side by side, in the order they were written; null when a side
 * is not a set of fields (a list of periods, say), which the page then shows as it was stored.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] | null {
  if ((before != null && !isRecord(before)) || (after != null && !isRecord(after))) return null;
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => ({ field, before: b[field], after: a[field] }));
}

/** One entry with its before/after data: field by field when it can be, else pretty-printed. */
export async function auditEntryPage(db: Db, id: number) {
  const row = await db.prisma.auditLog.findUnique({ where: { id: BigInt(id) } });
  if (!row) throw new NotFound();
  // An entry stored under a renamed action shows both names: "skp.approve (skp.setujui)".
  return {
    row: { ...row, aksi: currentAksi(row.aksi), aksiStored: aksiLabel(row.aksi) },
    changes: auditChanges(row.before, row.after),
    beforeJson: row.before ? JSON.stringify(row.before, null, 2) : null,
    afterJson: row.after ? JSON.stringify(row.after, null, 2) : null,
  };
}
