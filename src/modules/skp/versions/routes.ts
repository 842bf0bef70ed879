import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RouterDeps } from '../../router-deps.js';
import { NILAI_BERAKHLAK, BERAKHLAK } from '../../../domain/berakhlak.js';
import { berakhlakDari } from '../../../domain/skp-document.js';
import { requireLogin } from '../../../web/auth.js';
import { fieldErrors } from '../../../web/validate.js';
import { idParam } from '../../../web/params.js';
import { id } from '../../../schemas/primitives.js';
import { formatTarget } from '../service.js';
import { ekspektasiField, catatanField } from '../review/service.js';
import { compareVersi, versiListPage, versiPage, type VersiRef } from './service.js';

// The approved versions of an SKP and their differences (visible to anyone who may see the SKP).

const versiRef = z.union([z.literal('kini'), id], { message: 'review.versiInvalid' });
const diffQuery = z.object({ dari: versiRef.optional(), ke: versiRef.optional() });
const shared = { BERAKHLAK, NILAI_BERAKHLAK, berakhlakDari, formatTarget, ekspektasiField, catatanField };

export function versionRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();

  r.get('/skp/:id/versi', requireLogin, async (req, res) => {
    res.render('skp/versi-list', await versiListPage(db, req.user!, idParam(req.params.id)));
  });

  r.get('/skp/:id/versi/diff', requireLogin, async (req, res) => {
    const { skp, versi } = await versiListPage(db, req.user!, idParam(req.params.id));
    const q = diffQuery.safeParse(req.query);
    const render = (status: number, extra: Record<string, unknown>) =>
      res.status(status).render('skp/versi-diff', { ...shared, skp, versi, values: { dari: req.query.dari, ke: req.query.ke }, hasil: null, ...extra });
    if (!q.success) return render(422, { errors: fieldErrors(q.error, res.locals.t) });
    const dari: VersiRef | undefined = q.data.dari ?? versi[0]?.revisi;
    const ke: VersiRef = q.data.ke ?? 'kini';
    if (dari === undefined) return render(200, {});
    render(200, { values: { dari: String(dari), ke: String(ke) }, hasil: await compareVersi(db, skp, dari, ke) });
  });

  r.get('/skp/:id/versi/:revisi', requireLogin, async (req: Request, res: Response) => {
    res.render('skp/versi-detail', { ...shared, ...(await versiPage(db, req.user!, idParam(req.params.id), idParam(req.params.revisi))) });
  });

  return r;
}
