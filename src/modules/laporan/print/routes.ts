import { Router } from 'express';
import type { RouterDeps } from '../../router-deps.js';
import { requireLogin } from '../../../web/auth.js';
import { idParam } from '../../../web/params.js';
import { sendPdf } from '../../skp/print/routes.js';
import { laporanPdfFor } from './service.js';

/** Printing: a period's report as the official periodic evaluation form, for whoever may see the report. */
export function cetakLaporanRoutes({ db, clock }: Pick<RouterDeps, 'db' | 'clock'>): Router {
  const r = Router();
  r.get('/laporan/:id/cetak.pdf', requireLogin, async (req, res) => {
    sendPdf(res, await laporanPdfFor(db, clock, req.user!, idParam(req.params.id)));
  });
  return r;
}
