import { Router } from 'express';
import type { RouterDeps } from '../../router-deps.js';
import { BERAKHLAK } from '../../../domain/berakhlak.js';
import { EKSPEKTASI, EKSPEKTASI_KEY, MATRIKS_PREDIKAT, PREDIKAT_LABEL, formatReason, predikat } from '../../../domain/scoring/index.js';
import { requireAnyLogin, requireLogin } from '../../../web/auth.js';
import { handleForm } from '../../../web/form.js';
import { flash, t } from '../../../web/locals.js';
import { idParam } from '../../../web/params.js';
import { PENILAIAN_LABELS } from '../../penilaian/labels.js';
import * as S from './service.js';
import { antrianQuery, konfirmasiForm, siklusQuery } from './schemas.js';
import { EVALUASI_LABELS } from './labels.js';

// The appraiser's confirmation of the year (docs/domain/evaluasi-konfirmasi.md): the queue, one
// appraisee's year with the form, and the employee's own year.

const shared = { BERAKHLAK, EKSPEKTASI, EKSPEKTASI_KEY, MATRIKS_PREDIKAT, PREDIKAT_LABEL, formatReason, predikat, L: EVALUASI_LABELS, LP: PENILAIAN_LABELS };

/** The appraiser's confirmation of the year (docs/domain/evaluasi-konfirmasi.md). */
export function evaluasiRoutes({ db, clock }: Pick<RouterDeps, 'db' | 'clock' | 'jobs' | 'store'>): Router {
  const r = Router();

  r.get('/evaluasi', requireAnyLogin, async (req, res) => {
    const page = await S.antrianPage(db, req.user!, antrianQuery.parse(req.query));
    if (page.keSaya) return res.redirect(303, page.siklus ? `/evaluasi/saya?siklus=${page.siklus.id}` : '/evaluasi/saya');
    res.render('evaluasi/konfirmasi/antrian', { ...shared, ...page });
  });

  r.get('/evaluasi/saya', requireLogin, async (req, res) => {
    // HR's own login has no year of its own: its page is the queue
    if (req.user!.pegawaiId === null) return res.redirect(303, '/evaluasi');
    res.render('evaluasi/konfirmasi/saya', { ...shared, ...(await S.evaluasiSayaPage(db, req.user!, siklusQuery.parse(req.query))) });
  });

  type Req = Parameters<Parameters<typeof r.get>[1]>[0];
  const pageLocals = async (req: Req, pegawaiId: number) => ({ ...shared, ...(await S.evaluasiPage(db, req.user!, pegawaiId, siklusQuery.parse(req.query))) });

  r.get('/evaluasi/:pegawaiId', requireAnyLogin, async (req, res) => {
    res.render('evaluasi/konfirmasi/evaluasi', await pageLocals(req, idParam(req.params.pegawaiId)));
  });

  r.post('/evaluasi/:pegawaiId', requireAnyLogin, async (req, res) => {
    const pegawaiId = idParam(req.params.pegawaiId);
    // the appraisee's year first: anyone who does not answer for it finds nothing (404), whatever they sent
    const { siklusId } = await S.evaluasiTarget(db, req.user!, pegawaiId, siklusQuery.parse(req.query));
    await handleForm(req, res, {
      schema: konfirmasiForm,
      view: 'evaluasi/konfirmasi/evaluasi',
      locals: () => pageLocals(req, pegawaiId),
      onValid: async (data) => {
        const done = await S.konfirmasiEvaluasi(db, req.user!, siklusId, pegawaiId, data, clock);
        flash(req, 'success', t(res, done.diubah ? 'evaluasi.diubah' : 'evaluasi.dikonfirmasi', { nama: done.nama, predikat: t(res, PREDIKAT_LABEL[done.predikat]) }));
        res.redirect(303, done.berikutnya !== null ? `/evaluasi/${done.berikutnya}?siklus=${siklusId}` : `/evaluasi?siklusId=${siklusId}`);
      },
    });
  });

  return r;
}
