import { Router } from 'express';
import type { RouterDeps } from '../../router-deps.js';
import { requireAdmin } from '../../../web/auth.js';
import { flash, t } from '../../../web/locals.js';
import { Refused } from '../../../errors.js';
import { idParam } from '../../../web/params.js';
import { mulaiHitung, statusHitung } from './service.js';

/** The year-end computation (docs/domain/evaluasi-hitung.md): HR starts it from the cycle page and watches its progress there. */
export function hitungRoutes({ db, jobs }: Pick<RouterDeps, 'db' | 'clock' | 'jobs' | 'store'>): Router {
  const r = Router();

  // the progress bar's poll (the same shape as the cycle's other job: status, total, selesai)
  r.get('/siklus/:id/saran-tahunan/job.json', requireAdmin, async (req, res) => {
    const s = await statusHitung(db, idParam(req.params.id));
    res.json({ ...(s.job ?? { status: 'NONE', total: 0, selesai: 0 }), hasil: s.hasil });
  });

  r.post('/siklus/:id/saran-tahunan', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    try {
      await mulaiHitung(db, req.user!, id, jobs);
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      flash(req, 'error', t(res, e.key, e.params));
      return res.redirect(303, `/siklus/${id}`);
    }
    flash(req, 'info', t(res, 'evaluasiHitung.dimulai'));
    res.redirect(303, `/siklus/${id}#saran-tahunan`);
  });

  return r;
}
