import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { requireAdmin } from '../../web/auth.js';
import { NotFound } from '../../web/errors.js';
import { fieldErrors } from '../../web/validate.js';
import { idParam } from '../../web/params.js';
import { queryId } from '../../schemas/fields.js';

const PAGE = 50;
const dateField = z.union([z.literal(''), z.iso.date('err.date')]).optional();
const auditQuery = z.object({
  entitas: z.string().trim().max(60).optional(),
  aksi: z.string().trim().max(60).optional(),
  actor: z.string().trim().max(100).optional(),
  entitasId: z.string().trim().max(60).optional(),
  dari: dateField,
  sampai: dateField,
  // audit_log.id is a bigint, but ids beyond int4 are decades of entries away: the shared bound holds
  before: queryId,
});

export function auditRoutes({ db }: { db: Db }): Router {
  const r = Router();

  r.get('/audit', requireAdmin, async (req, res) => {
    const parsed = auditQuery.safeParse(req.query);
    const errors = parsed.success ? {} : fieldErrors(parsed.error, res.locals.t);
    // A field that does not parse is reported and left out; the other filters still apply.
    const query = parsed.success ? parsed.data : auditQuery.parse(Object.fromEntries(Object.entries(req.query).filter(([k]) => !(k in errors))));
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = ['TRUE'];
    if (query.entitas) where.push(`entitas = ${p(query.entitas)}`);
    if (query.aksi) where.push(`aksi LIKE ${p(query.aksi.replace(/[%_\\]/g, '\\$&') + '%')}`);
    if (query.actor) where.push(`actor ILIKE ${p('%' + query.actor.replace(/[%_\\]/g, '\\$&') + '%')}`);
    if (query.entitasId) where.push(`entitas_id = ${p(query.entitasId)}`);
    // a date is a Jakarta day: midnight there as a timestamp (a bare date would become timestamptz first)
    if (query.dari) where.push(`at >= (${p(query.dari)}::date::timestamp AT TIME ZONE 'Asia/Jakarta')`);
    if (query.sampai) where.push(`at < ((${p(query.sampai)}::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')`);
    if (query.before) where.push(`id < ${p(query.before)}`);
    const rows = await db.pool.query(
      `SELECT id::int, at, actor, aksi, entitas, entitas_id AS "entitasId", ip, before IS NOT NULL OR after IS NOT NULL AS "hasData"
         FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ${PAGE + 1}`,
      params,
    );
    const entitasList = await db.pool.query<{ entitas: string }>('SELECT DISTINCT entitas FROM audit_log ORDER BY entitas');
    const more = rows.rows.length > PAGE;
    const list = rows.rows.slice(0, PAGE);
    const nextQuery = more ? new URLSearchParams({ ...Object.fromEntries(Object.entries(req.query).filter(([k, v]) => k !== 'before' && typeof v === 'string')) as Record<string, string>, before: String(list[list.length - 1].id) }).toString() : null;
    res.render('audit/list', { rows: list, values: req.query, errors, entitasList: entitasList.rows.map((e) => e.entitas), nextQuery });
  });

  r.get('/audit/:id', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    const row = await db.prisma.auditLog.findUnique({ where: { id: BigInt(id) } });
    if (!row) throw new NotFound();
    res.render('audit/detail', { row, beforeJson: row.before ? JSON.stringify(row.before, null, 2) : null, afterJson: row.after ? JSON.stringify(row.after, null, 2) : null });
  });

  return r;
}
