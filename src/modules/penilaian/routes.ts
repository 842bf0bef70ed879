import { Router } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { BERAKHLAK, NILAI_BERAKHLAK } from '../../domain/berakhlak.js';
import { EKSPEKTASI, EKSPEKTASI_KEY, MATRIKS_PREDIKAT, PENILAIAN_KEY, PENILAIAN_KUALITATIF, PREDIKAT_LABEL, formatReason } from '../../domain/scoring/index.js';
import { frasaUntuk, uraiUmpanBalik } from '../../domain/frasa-umpan-balik.js';
import { requireAdmin, requireAnyLogin } from '../../web/auth.js';
import { handleForm } from '../../web/form.js';
import { confirmFirst } from '../../web/confirm.js';
import { flash, t } from '../../web/locals.js';
import { idParam } from '../../web/params.js';
import * as S from './service.js';
import { bukaLaporanPage, reopenLaporan } from './buka-hr.js';
import { F, antrianQuery, ratingForm, reopenForm, returnForm, typedSoFar } from './schemas.js';
import { PENILAIAN_LABELS } from './labels.js';

// The appraiser's queue and answer (docs/domain/penilaian.md), and HR's reopening for one person.

const shared = { BERAKHLAK, NILAI_BERAKHLAK, EKSPEKTASI, EKSPEKTASI_KEY, MATRIKS_PREDIKAT, PENILAIAN_KEY, PENILAIAN_KUALITATIF, PREDIKAT_LABEL, F, frasaUntuk, uraiUmpanBalik, formatReason, L: PENILAIAN_LABELS };

export function penilaianRoutes({ db, clock }: Pick<RouterDeps, 'db' | 'clock'>): Router {
  const r = Router();

  r.get('/penilaian', requireAnyLogin, async (req, res) => {
    res.render('penilaian/antrian', { ...shared, ...(await S.antrianPage(db, req.user!, antrianQuery.parse(req.query))) });
  });

  type Req = Parameters<Parameters<typeof r.get>[1]>[0];
  /** The rating page's locals; shown again after a POST, the suggestions follow what was typed (judgements and marks). */
  const pageLocals = async (req: Req, id: number, typed?: { body: Record<string, unknown>; ids: readonly number[] }) => ({
    ...shared,
    ...(await S.penilaianPage(db, clock, req.user!, id, typed ? typedSoFar(typed.body, typed.ids) : undefined)),
  });

  r.get('/penilaian/:laporanId', requireAnyLogin, async (req, res) => {
    res.render('penilaian/nilai', await pageLocals(req, idParam(req.params.laporanId)));
  });

  /** After an answer: on to the next report waiting, else back to the queue. */
  const after = (next: number | null) => (next !== null ? `/penilaian/${next}` : '/penilaian');

  r.post('/penilaian/:laporanId/nilai', requireAnyLogin, async (req, res) => {
    const id = idParam(req.params.laporanId);
    const fields = await S.ratingFields(db, req.user!, id);
    const body = req.body as Record<string, unknown>;
    const typed = { body, ids: fields.ids };
    // "recompute the suggestion": the same form again with the suggestions of what was typed, nothing saved
    if (body.hitung === '1') {
      const values = { ...body };
      delete values._csrf;
      delete values._who;
      return res.render('penilaian/nilai', { ...(await pageLocals(req, id, typed)), values, recomputed: true });
    }
    await handleForm(req, res, {
      schema: ratingForm(fields.ids, fields.kualitatif),
      view: 'penilaian/nilai',
      locals: () => pageLocals(req, id, typed),
      onValid: async (data) => {
        const done = await S.rateLaporan(db, req.user!, id, data);
        flash(req, 'success', t(res, 'penilaian.rated', { nama: done.nama, predikat: t(res, PREDIKAT_LABEL[done.predikat as keyof typeof PREDIKAT_LABEL]) }));
        res.redirect(303, after(done.berikutnya));
      },
    });
  });

  r.post('/penilaian/:laporanId/kembalikan', requireAnyLogin, async (req, res) => {
    const id = idParam(req.params.laporanId);
    await handleForm(req, res, {
      schema: returnForm,
      view: 'penilaian/nilai',
      locals: () => pageLocals(req, id),
      onValid: async (data) => {
        const ready = await S.returnReady(db, clock, req.user!, id, data);
        const asked = ready !== null && confirmFirst(req, res, {
          title: t(res, 'penilaian.confirmReturn.title', { nama: ready.nama, periode: ready.periode }),
          message: t(res, 'penilaian.confirmReturn.message', { sampai: res.locals.fmt.dateTime(ready.sampai) }),
          details: [data.alasan],
          confirm: t(res, 'penilaian.return'),
          back: `/penilaian/${id}#kembalikan`,
        });
        if (asked) return;
        const done = await S.returnLaporan(db, clock, req.user!, id, data);
        flash(req, 'success', t(res, 'penilaian.returned', { nama: done.nama, sampai: res.locals.fmt.dateTime(done.sampai) }));
        res.redirect(303, after(done.berikutnya));
      },
    });
  });

  // ---- HR reopens one person's report of a period past its deadline --------------------------
  r.get('/pegawai/:id/buka-laporan', requireAdmin, async (req, res) => {
    res.render('penilaian/buka-laporan', { ...shared, ...(await bukaLaporanPage(db, clock, req.user!, idParam(req.params.id))) });
  });

  r.post('/pegawai/:id/buka-laporan', requireAdmin, async (req, res) => {
    const pegawaiId = idParam(req.params.id);
    await handleForm(req, res, {
      schema: reopenForm,
      view: 'penilaian/buka-laporan',
      locals: async () => ({ ...shared, ...(await bukaLaporanPage(db, clock, req.user!, pegawaiId)) }),
      onValid: async (data) => {
        const done = await reopenLaporan(db, clock, req.user!, pegawaiId, data);
        flash(req, 'success', t(res, 'penilaian.reopened', { nama: done.nama, periode: done.periode, sampai: res.locals.fmt.dateTime(done.sampai) }));
        res.redirect(303, `/pegawai/${pegawaiId}/buka-laporan`);
      },
    });
  });

  return r;
}
