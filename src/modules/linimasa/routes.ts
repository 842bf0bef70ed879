import { Router } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireLogin } from '../../web/auth.js';
import { handleForm } from '../../web/form.js';
import { flash, t } from '../../web/locals.js';
import { idParam } from '../../web/params.js';
import { dialogBaruForm, dialogUbahForm, linimasaQuery, umpanBalikForm } from './schemas.js';
import { checkPenilai, linimasaPage, linimasaSaya, umpanBalikPage } from './service.js';
import { giveUmpanBalik } from './umpan-balik.js';
import { createDialog, dialogBaruPage, dialogUbahLocals, dialogUbahPage, updateDialog } from './dialog.js';

/**
 * An employee's timeline (their own, or an appraisee's), continuous feedback and dialog kinerja
 * (docs/domain/linimasa.md). Scope is decided by the services: outside it → 404.
 */
export function linimasaRoutes({ db, clock }: Pick<RouterDeps, 'db' | 'clock'>): Router {
  const r = Router();

  r.get('/linimasa', requireLogin, async (req, res) => {
    res.render('linimasa/linimasa', await linimasaSaya(db, req.user!, linimasaQuery.parse(req.query).sebelum, clock));
  });

  r.get('/linimasa/:pegawaiId', requireLogin, async (req, res) => {
    res.render('linimasa/linimasa', await linimasaPage(db, req.user!, idParam(req.params.pegawaiId), linimasaQuery.parse(req.query).sebelum, clock));
  });

  r.post('/umpan-balik', requireLogin, async (req, res) => {
    const pegawaiId = idParam(String(req.body?.pegawaiId ?? ''));
    await checkPenilai(db, req.user!, pegawaiId);
    await handleForm(req, res, {
      schema: umpanBalikForm,
      view: 'linimasa/linimasa',
      locals: () => umpanBalikPage(db, req.user!, pegawaiId, clock),
      onValid: async (data) => {
        const { pegawai } = await giveUmpanBalik(db, req.user!, data, clock.now());
        flash(req, 'success', t(res, 'linimasa.umpanBalik.saved', { nama: pegawai.nama }));
        res.redirect(303, `/linimasa/${pegawai.id}`);
      },
    });
  });

  r.get('/dialog-kinerja/baru', requireLogin, async (req, res) => {
    const page = await dialogBaruPage(db, req.user!, idParam(req.query.pegawaiId), clock);
    res.render('linimasa/dialog-form', { ...page, values: { pegawaiId: page.pegawai.id, tanggal: page.hariIni } });
  });

  r.post('/dialog-kinerja', requireLogin, async (req, res) => {
    const pegawaiId = idParam(String(req.body?.pegawaiId ?? ''));
    await checkPenilai(db, req.user!, pegawaiId);
    await handleForm(req, res, {
      schema: dialogBaruForm,
      view: 'linimasa/dialog-form',
      locals: () => dialogBaruPage(db, req.user!, pegawaiId, clock),
      onValid: async ({ pegawaiId, ...input }) => {
        const d = await createDialog(db, req.user!, pegawaiId, input, clock);
        flash(req, 'success', t(res, 'linimasa.dialog.saved'));
        res.redirect(303, `/linimasa/${d.pegawaiId}`);
      },
    });
  });

  r.get('/dialog-kinerja/:id/ubah', requireLogin, async (req, res) => {
    res.render('linimasa/dialog-form', await dialogUbahPage(db, req.user!, idParam(req.params.id), clock));
  });

  r.post('/dialog-kinerja/:id', requireLogin, async (req, res) => {
    const id = idParam(req.params.id);
    await dialogUbahLocals(db, req.user!, id, clock); // not in scope → 404, not the appraiser → 403, before the input is read
    await handleForm(req, res, {
      schema: dialogUbahForm,
      view: 'linimasa/dialog-form',
      locals: () => dialogUbahLocals(db, req.user!, id, clock),
      onValid: async ({ version, ...input }) => {
        const d = await updateDialog(db, req.user!, id, version, input, clock);
        flash(req, 'success', t(res, 'linimasa.dialog.updated'));
        res.redirect(303, `/linimasa/${d.pegawaiId}`);
      },
    });
  });

  return r;
}
