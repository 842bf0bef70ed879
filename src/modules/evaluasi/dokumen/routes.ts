import { Router } from 'express';
import type { RouterDeps } from '../../router-deps.js';
import { EKSPEKTASI_KEY, PREDIKAT_LABEL } from '../../../domain/scoring/index.js';
import { requireAnyLogin } from '../../../web/auth.js';
import { idParam } from '../../../web/params.js';
import { sendPdf } from '../../skp/print/routes.js';
import { dokumenPage, dokumenPdfFor, penetapanPdfFor } from './service.js';
import { dokumenQuery, penetapanQuery } from './schemas.js';

// The Dokumen Evaluasi Kinerja and the Penetapan Predikat print (docs/domain/dokumen-evaluasi.md).
// requireAnyLogin: an official outside the agency who appraises an employee sees that employee's
// documents, and may set (and so print) the agency's organisation predikat.

export function dokumenRoutes({ db, clock }: Pick<RouterDeps, 'db' | 'clock'>): Router {
  const r = Router();

  r.get('/evaluasi/:pegawaiId/dokumen', requireAnyLogin, async (req, res) => {
    res.render('evaluasi/dokumen/daftar', { EKSPEKTASI_KEY, PREDIKAT_LABEL, ...(await dokumenPage(db, req.user!, idParam(req.params.pegawaiId), dokumenQuery.parse(req.query))) });
  });

  r.get('/evaluasi/:pegawaiId/dokumen/:nomor/cetak.pdf', requireAnyLogin, async (req, res) => {
    sendPdf(res, await dokumenPdfFor(db, clock, req.user!, idParam(req.params.pegawaiId), idParam(req.params.nomor), dokumenQuery.parse(req.query)));
  });

  r.get('/predikat-organisasi/:unitId/cetak.pdf', requireAnyLogin, async (req, res) => {
    sendPdf(res, await penetapanPdfFor(db, clock, req.user!, idParam(req.params.unitId), penetapanQuery.parse(req.query)));
  });

  return r;
}
