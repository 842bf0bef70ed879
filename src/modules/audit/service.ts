import type { Actor } from '../../domain/access.js';
import type { Tx } from '../../db/client.js';
import type { PrismaClient } from '../../../prisma/generated/client.js';

export type AuditEntry = {
  aksi: string;
  entitas: string;
  entitasId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

/** Appends one entry to the audit log, inside the caller's transaction when given one. */
export async function audit(tx: Tx | PrismaClient, actor: Actor | null, e: AuditEntry): Promise<void> {
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
