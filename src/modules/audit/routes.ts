import { Router } from 'express';
import { z } from 'zod';
import type { RouterDeps } from '../router-deps.js';
import { requireAdmin } from '../../web/auth.js';
import { auditEntryPage, auditListPage } from './service.js';
import { fieldErrors } from '../../web/validate.js';
import { idParam } from '../../web/params.js';
import { queryId } from '../../schemas/fields.js';

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

export function auditRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();

  r.get('/audit', requireAdmin, async (req, res) => {
    const parsed = auditQuery.safeParse(req.query);
    const errors = parsed.success ? {} : fieldErrors(parsed.error, res.locals.t);
    // A field that does not parse is reported and left out; the other filters still apply.
    const query = parsed.success ? parsed.data : auditQuery.parse(Object.fromEntries(Object.entries(req.query).filter(([k]) => !(k in errors))));
    const page = await auditListPage(db, query);
    const kept = Object.fromEntries(Object.entries(req.query).filter(([k, v]) => k !== 'before' && typeof v === 'string')) as Record<string, string>;
    const nextQuery = page.nextBefore === null ? null : new URLSearchParams({ ...kept, before: String(page.nextBefore) }).toString();
    res.render('audit/list', { rows: page.rows, values: req.query, errors, entitasList: page.entitasList, nextQuery });
  });

  r.get('/audit/:id', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    res.render('audit/detail', await auditEntryPage(db, id));
  });

  return r;
}
