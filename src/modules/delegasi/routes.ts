import { Router } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireAdmin } from '../../web/auth.js';
import { handleForm } from '../../web/form.js';
import { flash, t } from '../../web/locals.js';
import { idParam } from '../../web/params.js';
import { cancelForm, delegasiForm } from './schemas.js';
import { cancelDelegasi, createDelegasi, delegasiFormPage, delegasiListPage } from './service.js';

/** Delegations (Plt/Plh): HR only. */
export function delegasiRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();

  r.get('/delegasi', requireAdmin, async (_req, res) => {
    res.render('delegasi/list', await delegasiListPage(db));
  });

  r.get('/delegasi/baru', requireAdmin, async (_req, res) => {
    res.render('delegasi/form', { ...(await delegasiFormPage(db)), values: { jenis: 'PLH' } });
  });

  r.post('/delegasi', requireAdmin, async (req, res) => {
    await handleForm(req, res, {
      schema: delegasiForm,
      view: 'delegasi/form',
      locals: () => delegasiFormPage(db),
      onValid: async (data) => {
        const d = await createDelegasi(db, req.user!, data);
        flash(req, 'success', t(res, 'delegasi.created', { nomorSk: d.nomorSk }));
        res.redirect(303, '/delegasi');
      },
    });
  });

  r.post('/delegasi/:id/batalkan', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, {
      schema: cancelForm,
      view: 'delegasi/list',
      locals: () => delegasiListPage(db),
      onValid: async (data) => {
        const d = await cancelDelegasi(db, req.user!, id, data.version);
        flash(req, 'success', t(res, 'delegasi.cancelled', { nomorSk: d.nomorSk }));
        res.redirect(303, '/delegasi');
      },
    });
  });

  return r;
}
