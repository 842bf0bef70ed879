import { Router, type Response } from 'express';
import type { RouterDeps } from '../../router-deps.js';
import { requireLogin } from '../../../web/auth.js';
import { skpPdfFor } from './service.js';
import { idParam } from '../../../web/params.js';
import { idFilter } from '../../../schemas/primitives.js';

/** A printed document, shown in the browser's viewer, never kept by a shared cache. */
export function sendPdf(res: Response, { pdf, filename }: { pdf: Buffer; filename: string }) {
  res.set({
    'Content-Type': 'application/pdf',
    'Content-Disposition': `inline; filename="${filename}"`,
    'Content-Length': String(pdf.length),
    'Cache-Control': 'private, no-store',
  });
  res.end(pdf);
}

/** Printing: the SKP as a PDF in the official layout, for anyone who may see the SKP. */
export function cetakRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();

  const send = sendPdf;

  // ?revisi=N prints that approved version (404 when there is none)
  r.get('/skp/:id/cetak.pdf', requireLogin, async (req, res) => {
    send(res, await skpPdfFor(db, req.user!, idParam(req.params.id), idFilter.parse(req.query.revisi)));
  });
  // an approved version as it was signed (its appraiser, its date), whatever changed since
  r.get('/skp/:id/versi/:revisi/cetak.pdf', requireLogin, async (req, res) => {
    send(res, await skpPdfFor(db, req.user!, idParam(req.params.id), idParam(req.params.revisi)));
  });

  return r;
}
