import { Router } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireLogin } from '../../web/auth.js';
import { Invalid } from '../../errors.js';
import { flash, t } from '../../web/locals.js';
import { monitoringQuery, pengingatForm } from './schemas.js';
import { cekMonitoring, kirimPengingat, monitoringPage } from './service.js';
import { monitoringExport } from './export.js';

/**
 * Monitoring Pengisian (docs/domain/monitoring.md): HR sees the whole agency, a pimpinan their
 * unit's subtree; the services decide, anyone else gets 404.
 */
export function monitoringRoutes({ db, clock }: Pick<RouterDeps, 'db' | 'clock'>): Router {
  const r = Router();

  r.get('/monitoring', requireLogin, async (req, res) => {
    res.render('monitoring/monitoring', await monitoringPage(db, clock, req.user!, monitoringQuery.parse(req.query)));
  });

  r.get('/monitoring/unduh.xlsx', requireLogin, async (req, res) => {
    const file = await monitoringExport(db, clock, req.user!, monitoringQuery.parse(req.query));
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    try {
      await file.write(res, (key, params) => t(res, key, params));
    } catch (e) {
      res.destroy(); // the file is half sent: break the download rather than leave it hanging
      throw e;
    }
    res.end();
  });

  r.post('/monitoring/pengingat', requireLogin, async (req, res) => {
    cekMonitoring(req.user!); // no monitoring of their own → 404 before the input is read
    const input = pengingatForm.safeParse(req.body);
    if (!input.success) throw new Invalid('err.invalid'); // the form is ours: a broken one is simply not usable (422)
    const done = await kirimPengingat(db, clock, req.user!, input.data);
    flash(req, done.terkirim ? 'success' : 'info', t(res, done.terkirim ? 'monitoring.pengingat.terkirim' : 'monitoring.pengingat.sudah', { nama: done.nama }));
    const back = new URLSearchParams({ periode: String(input.data.periodeId), ...(input.data.unit ? { unit: String(input.data.unit) } : {}) });
    res.redirect(303, `/monitoring?${back.toString()}#terlambat`);
  });

  return r;
}
