import { Router, type Request, type Response } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireAdmin } from '../../web/auth.js';
import { handleForm } from '../../web/form.js';
import { flash, t } from '../../web/locals.js';
import { idParam } from '../../web/params.js';
import { GOLONGAN_PNS, GOLONGAN_PPPK } from '../../domain/golongan.js';
import * as S from './schemas.js';
import { createPejabatLuar, getPejabatLuar, pejabatLuarListPage, setAkunPejabatLuar, setPejabatLuarAktif, updatePejabatLuar } from './service.js';

// HR keeps the officials outside the agency (docs/domain/penilai.md § Officials outside the agency).

export function pejabatLuarRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();
  const golongan = { golonganPns: GOLONGAN_PNS, golonganPppk: GOLONGAN_PPPK };

  r.get('/pejabat-luar', requireAdmin, async (req, res) => {
    res.render('pejabat-luar/list', await pejabatLuarListPage(db, S.pejabatLuarQuery.parse(req.query)));
  });
  r.get('/pejabat-luar/baru', requireAdmin, (_req, res) => {
    res.render('pejabat-luar/form', { ...golongan, pejabat: null, values: {} });
  });
  r.post('/pejabat-luar', requireAdmin, async (req, res) => {
    await handleForm(req, res, {
      schema: S.pejabatLuarForm,
      view: 'pejabat-luar/form',
      locals: async () => ({ ...golongan, pejabat: null }),
      onValid: async (data) => {
        const p = await createPejabatLuar(db, req.user!, data);
        flash(req, 'success', t(res, 'pejabatLuar.created', { nama: p.nama }));
        res.redirect(303, `/pejabat-luar/${p.id}`);
      },
    });
  });
  r.get('/pejabat-luar/:id', requireAdmin, async (req, res) => {
    res.render('pejabat-luar/detail', { pejabat: await getPejabatLuar(db, idParam(req.params.id)) });
  });
  r.get('/pejabat-luar/:id/ubah', requireAdmin, async (req, res) => {
    const pejabat = await getPejabatLuar(db, idParam(req.params.id));
    res.render('pejabat-luar/form', { ...golongan, pejabat, values: { ...pejabat, nip: pejabat.nip ?? '', pangkatGolongan: pejabat.pangkatGolongan ?? '', email: pejabat.email ?? '' } });
  });
  r.post('/pejabat-luar/:id', requireAdmin, async (req, res) => {
    const pejabat = await getPejabatLuar(db, idParam(req.params.id));
    await handleForm(req, res, {
      schema: S.pejabatLuarUpdate,
      view: 'pejabat-luar/form',
      locals: async () => ({ ...golongan, pejabat }),
      onValid: async (data) => {
        await updatePejabatLuar(db, req.user!, pejabat.id, data);
        flash(req, 'success', t(res, 'common.saved'));
        res.redirect(303, `/pejabat-luar/${pejabat.id}`);
      },
    });
  });
  const statusRoute = (aktif: boolean) => async (req: Request, res: Response) => {
    const pejabat = await getPejabatLuar(db, idParam(req.params.id));
    await handleForm(req, res, {
      schema: S.statusForm,
      view: 'pejabat-luar/detail',
      locals: async () => ({ pejabat }),
      onValid: async (data) => {
        await setPejabatLuarAktif(db, req.user!, pejabat.id, aktif, data.version);
        flash(req, 'success', t(res, aktif ? 'pejabatLuar.reactivated' : 'pejabatLuar.deactivated', { nama: pejabat.nama }));
        res.redirect(303, `/pejabat-luar/${pejabat.id}`);
      },
    });
  };
  r.post('/pejabat-luar/:id/nonaktifkan', requireAdmin, statusRoute(false));
  r.post('/pejabat-luar/:id/aktifkan', requireAdmin, statusRoute(true));
  r.post('/pejabat-luar/:id/akun', requireAdmin, async (req, res) => {
    const pejabat = await getPejabatLuar(db, idParam(req.params.id));
    await handleForm(req, res, {
      schema: S.akunForm,
      view: 'pejabat-luar/detail',
      locals: async () => ({ pejabat }),
      onValid: async (data) => {
        const akun = await setAkunPejabatLuar(db, req.user!, pejabat.id, data.version, data.username);
        flash(req, 'success', t(res, pejabat.user ? 'pejabatLuar.passwordReset' : 'pejabatLuar.loginCreated', { nama: pejabat.nama, ...akun }));
        res.redirect(303, `/pejabat-luar/${pejabat.id}`);
      },
    });
  });
  return r;
}
