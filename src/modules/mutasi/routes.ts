import { Router } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireAdmin } from '../../web/auth.js';
import { handleForm } from '../../web/form.js';
import { flash, t } from '../../web/locals.js';
import { idParam } from '../../web/params.js';
import { moveSkpToPenilai, mutasiPage, penilaiBerbedaPage, recordMutasi } from './service.js';
import { mutasiForm, pindahPenilaiForm } from './schemas.js';

// HR's side of a move (docs/domain/mutasi.md): recording a mutasi / promosi on the employee page,
// and the list of open SKPs whose appraiser differs from the employee's, with the step that moves them.

export function mutasiRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();

  r.get('/pegawai/:id/mutasi', requireAdmin, async (req, res) => {
    const page = await mutasiPage(db, req.user!, idParam(req.params.id));
    res.render('mutasi/form', { ...page, values: { jenis: 'MUTASI', jabatanId: page.pegawai.jabatanId, penilaiNip: page.pegawai.penilai?.nip ?? '', skpBaru: page.skpTerbuka ? '1' : '' } });
  });
  r.post('/pegawai/:id/mutasi', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    const page = await mutasiPage(db, req.user!, id);
    await handleForm(req, res, {
      schema: mutasiForm,
      view: 'mutasi/form',
      locals: () => page,
      onValid: async (data) => {
        const done = await recordMutasi(db, req.user!, page.pegawai.id, data);
        flash(req, 'success', t(res, done.skp ? 'mutasi.recordedWithSkp' : 'mutasi.recorded', { nama: page.pegawai.nama }));
        res.redirect(303, `/pegawai/${page.pegawai.id}`);
      },
    });
  });

  r.get('/skp/penilai-berbeda', requireAdmin, async (_req, res) => {
    res.render('mutasi/penilai-berbeda', await penilaiBerbedaPage(db));
  });
  r.post('/skp/penilai-berbeda', requireAdmin, async (req, res) => {
    await handleForm(req, res, {
      schema: pindahPenilaiForm,
      view: 'mutasi/penilai-berbeda',
      locals: () => penilaiBerbedaPage(db),
      onValid: async (data) => {
        const n = await moveSkpToPenilai(db, req.user!, data);
        flash(req, 'success', t(res, 'mutasi.pindah.done', { count: n }));
        res.redirect(303, '/skp/penilai-berbeda');
      },
    });
  });

  return r;
}
