import { Router } from 'express';
import type { RouterDeps } from '../../router-deps.js';
import { requireLogin } from '../../../web/auth.js';
import { handleForm, refusalLocals } from '../../../web/form.js';
import { confirmFirst } from '../../../web/confirm.js';
import { flash, t } from '../../../web/locals.js';
import { idParam } from '../../../web/params.js';
import { Invalid, NotFound, Refused } from '../../../errors.js';
import { statusOf } from '../../../web/errors.js';
import { kebijakanForm } from './kebijakan-schemas.js';
import { assertHr, kebijakanPage, saveKebijakan } from './kebijakan.js';
import { finalisasiForm, finalisasiQuery } from './schemas.js';
import { finalisasi, finalisasiPage } from './service.js';

/**
 * The cycle's scoring policy screen and finalisation (docs/domain/finalisasi.md). HR only: any
 * other login finds no such page (404); an official outside the agency is refused (403).
 */
export function finalisasiRoutes({ db, clock }: Pick<RouterDeps, 'db' | 'clock' | 'jobs' | 'store'>): Router {
  const r = Router();

  r.get('/siklus/:id/kebijakan', requireLogin, async (req, res) => {
    assertHr(req.user!);
    const page = await kebijakanPage(db, req.user!, idParam(req.params.id));
    res.render('evaluasi/finalisasi/kebijakan', { ...page, errors: {} });
  });

  r.post('/siklus/:id/kebijakan', requireLogin, async (req, res) => {
    assertHr(req.user!); // no policy screen of their own → 404 before the input is read
    const id = idParam(req.params.id);
    // frozen from KALIBRASI on: the disabled fields are not sent, so they count as stored; saveKebijakan
    // refuses any change but the objection window's (docs/domain/keberatan.md § The window)
    const { values: stored, editable } = await kebijakanPage(db, req.user!, id);
    if (!editable) req.body = { ...stored, ...(req.body as Record<string, unknown>) };
    await handleForm(req, res, {
      schema: kebijakanForm,
      view: 'evaluasi/finalisasi/kebijakan',
      locals: async () => {
        const { values: _stored, ...page } = await kebijakanPage(db, req.user!, id);
        return page;
      },
      onValid: async (data) => {
        const changed = await saveKebijakan(db, req.user!, id, data.version, data.policy);
        flash(req, changed ? 'success' : 'info', t(res, changed ? 'kebijakan.saved' : 'kebijakan.unchanged'));
        res.redirect(303, `/siklus/${id}/kebijakan`);
      },
    });
  });

  r.get('/finalisasi', requireLogin, async (req, res) => {
    assertHr(req.user!);
    res.render('evaluasi/finalisasi/finalisasi', { ...(await finalisasiPage(db, req.user!, finalisasiQuery.parse(req.query).siklus)), problems: [] });
  });

  r.post('/finalisasi', requireLogin, async (req, res) => {
    assertHr(req.user!);
    const input = finalisasiForm.safeParse(req.body);
    if (!input.success) throw new Invalid('err.invalid'); // the form is ours: a broken one is simply not usable (422)
    const { siklus, unit } = input.data;
    const page = await finalisasiPage(db, req.user!, siklus);
    const nama = unit === null ? null : page.units.find((u) => u.unitId === unit)?.nama;
    if (unit !== null && nama === undefined) throw new NotFound(); // not one of the cycle's calibration units
    const asked = confirmFirst(req, res, {
      title: t(res, 'finalisasi.confirm.title', { tahun: page.siklus.tahun }),
      message: nama ? t(res, 'finalisasi.confirm.unit', { unit: nama }) : t(res, 'finalisasi.confirm.instansi', { jumlah: page.units.length }),
      confirm: t(res, 'finalisasi.confirm.button'),
      back: `/finalisasi?siklus=${siklus}`,
    });
    if (asked) return;
    try {
      const done = await finalisasi(db, req.user!, siklus, { unitId: unit }, clock);
      if (done.difinalisasi === 0) flash(req, 'info', t(res, 'finalisasi.sudahFinal'));
      else flash(req, 'success', t(res, 'finalisasi.done', { unit: done.units.length, pegawai: done.difinalisasi }));
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      const again = await finalisasiPage(db, req.user!, siklus);
      return res.status(statusOf(e)).render('evaluasi/finalisasi/finalisasi', { ...again, ...refusalLocals(e, res.locals.t) });
    }
    res.redirect(303, `/finalisasi?siklus=${siklus}`);
  });

  return r;
}
