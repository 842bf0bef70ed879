import { Router } from 'express';
import type { RouterDeps } from '../../router-deps.js';
import { requireLogin } from '../../../web/auth.js';
import { skpPdfFor } from './service.js';
import { idParam } from '../../../web/params.js';
import { idFilter } from '../../../schemas/primitives.js';


/** Printing: the SKP as a PDF in the official layout, for anyone who may see the SKP. */
export function cetakRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();

  // ?revisi=N prints that approved version (404 when there is none)
  r.get('/skp/:id/cetak.pdf', requireLogin, async (req, res) => {
    const { pdf, filename } = await skpPdfFor(db, req.user!, idParam(req.params.id), idFilter.parse(req.query.revisi));
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${filename}"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
    });
    res.end(pdf);
  });

  return r;
}
