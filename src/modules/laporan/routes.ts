import { Router, type Request, type Response } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireAnyLogin, requireLogin } from '../../web/auth.js';
import { handleForm, refusalLocals } from '../../web/form.js';
import { confirmFirst, isConfirmed } from '../../web/confirm.js';
import { flash, t } from '../../web/locals.js';
import { idParam } from '../../web/params.js';
import { uploadWithCsrf } from '../../web/upload.js';
import { fieldErrors } from '../../web/validate.js';
import { Refused } from '../../errors.js';
import { statusOf } from '../../web/errors.js';
import { ZONA_SINGKAT } from '../../domain/periode-laporan.js';
import { isLang, LANGUAGES } from '../../i18n/index.js';
import * as L from './service.js';
import { addBukti, buktiBerkas, BUKTI_MAX_BYTES, deleteBukti } from './bukti.js';
import { catatanBerkas, catatanPage, createCatatan } from './catatan.js';
import { buktiForm, capaianQuery, catatanForm, laporanForm, versiForm } from './schemas.js';
import { batasTampil, capaianTampil } from './tampil.js';

// The employee's periodic report (docs/domain/laporan.md): my reports, the report page with its
// draft, submission, live capaian and evidence, and the progress notes.

const shared = { ZONA_SINGKAT, capaianTampil, batasTampil, localeOf: (lang: string) => (isLang(lang) ? LANGUAGES[lang].locale : 'id-ID') };

/** A stored file sent as a download that no browser will render or sniff. */
function sendFile(res: Response, file: { bytes: Buffer; nama: string; mime: string }) {
  res.attachment(file.nama).type(file.mime).set('X-Content-Type-Options', 'nosniff').set('Cache-Control', 'private, no-store').send(file.bytes);
}

/** What the form posted, to show it again (never the token). */
function typed(req: Request): Record<string, unknown> {
  const v = { ...(req.body as Record<string, unknown>) };
  delete v._csrf;
  delete v._who;
  return v;
}

export function laporanRoutes({ db, store, clock }: Pick<RouterDeps, 'db' | 'store' | 'clock'>): Router {
  const r = Router();
  const upload = uploadWithCsrf({ field: 'berkas', maxBytes: BUKTI_MAX_BYTES });
  const page = async (req: Request, id: number) => ({ ...shared, ...(await L.laporanPage(db, req.user!, id, clock.now())) });

  r.get('/laporan', requireLogin, async (req, res) => {
    res.render('laporan/list', { ...shared, ...(await L.laporanSayaPage(db, req.user!, clock.now())) });
  });

  r.get('/laporan/:id', requireAnyLogin, async (req, res) => {
    res.render('laporan/detail', await page(req, idParam(req.params.id)));
  });

  // Save the draft.
  r.post('/laporan/:id', requireAnyLogin, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, {
      schema: laporanForm,
      view: 'laporan/detail',
      locals: () => page(req, id),
      onValid: async (data) => {
        await L.saveLaporan(db, req.user!, id, data, clock.now());
        flash(req, 'success', t(res, 'laporan.saved'));
        res.redirect(303, `/laporan/${id}`);
      },
    });
  });

  // Submit: the same form (what was typed is saved with it), asked first.
  r.post('/laporan/:id/ajukan', requireAnyLogin, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, {
      schema: laporanForm,
      view: 'laporan/detail',
      locals: () => page(req, id),
      onValid: async (data) => {
        if (!isConfirmed(req)) {
          const ready = await L.submitReady(db, req.user!, id, data, clock.now());
          const asked = confirmFirst(req, res, {
            title: t(res, 'laporan.confirmSubmit.title', { periode: ready.periode }),
            message: t(res, ready.penilai ? 'laporan.confirmSubmit.message' : 'laporan.confirmSubmit.messageNoPenilai', { penilai: ready.penilai ?? '' }),
            confirm: t(res, 'laporan.submit'),
            back: `/laporan/${id}`,
          });
          if (asked) return;
        }
        const done = await L.submitLaporan(db, req.user!, id, data, clock.now());
        flash(req, 'success', t(res, 'laporan.submitted', done));
        res.redirect(303, `/laporan/${id}`);
      },
    });
  });

  // The achievements start from the period's progress notes (when still empty).
  r.post('/laporan/:id/dari-catatan', requireAnyLogin, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, {
      schema: versiForm,
      view: 'laporan/detail',
      locals: () => page(req, id),
      onValid: async (data) => {
        const done = await L.isiDariCatatan(db, req.user!, id, data.version, clock.now());
        flash(req, 'success', t(res, 'laporan.dariCatatan.done', done));
        res.redirect(303, `/laporan/${id}#f-prestasi`);
      },
    });
  });

  // The live capaian of one row as typed (public/js/laporan.js): JSON.
  r.post('/laporan/:id/capaian', requireAnyLogin, async (req, res) => {
    const input = capaianQuery.safeParse(req.body);
    const out = await L.capaianLive(db, req.user!, idParam(req.params.id), input.success ? input.data : null);
    res.json(capaianTampil(out.capaian, out.ind, out.maks, res.locals.t));
  });

  // Evidence: a file or a link. A refused file comes back on the page with the rest of the form.
  r.post('/laporan/:id/bukti', requireAnyLogin, upload, async (req, res) => {
    const id = idParam(req.params.id);
    const again = async (status: number, shown: Record<string, unknown>) =>
      res.status(status).render('laporan/detail', { ...(await page(req, id)), buktiValues: typed(req), buktiErrors: {}, ...shown });
    if (req.uploadError) return again(req.uploadError.status, { buktiErrors: { berkas: t(res, req.uploadError.key, req.uploadError.params) } });
    const input = buktiForm.safeParse(req.body);
    if (!input.success) return again(422, { buktiErrors: fieldErrors(input.error, res.locals.t) });
    try {
      const file = req.file ? { nama: req.file.originalname, bytes: req.file.buffer } : null;
      await addBukti(db, store, req.user!, id, input.data, file, clock.now());
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      const shown = refusalLocals(e, res.locals.t);
      return again(statusOf(e), { buktiErrors: shown.errors, buktiError: shown.formError });
    }
    flash(req, 'success', t(res, 'laporan.bukti.added'));
    res.redirect(303, `/laporan/${id}#bukti`);
  });

  r.post('/bukti/:id/hapus', requireAnyLogin, async (req, res) => {
    const done = await deleteBukti(db, req.user!, idParam(req.params.id), clock.now());
    flash(req, 'success', t(res, 'laporan.bukti.deleted'));
    res.redirect(303, `/laporan/${done.laporanId}#bukti`);
  });

  r.get('/bukti/:id', requireAnyLogin, async (req, res) => {
    sendFile(res, await buktiBerkas(db, store, req.user!, idParam(req.params.id)));
  });

  // ---- Progress notes ---------------------------------------------------------------------------
  const catatanLocals = async (req: Request) => ({ ...shared, ...(await catatanPage(db, req.user!, clock.now())) });

  r.get('/catatan-progres', requireLogin, async (req, res) => {
    const p = await catatanLocals(req);
    const skpHariIni = p.skp.find((s) => s.hariIni) ?? p.skp[p.skp.length - 1];
    res.render('laporan/catatan', { ...p, values: { skpId: skpHariIni ? String(skpHariIni.id) : '', tanggal: p.hariIni ?? '' }, errors: {} });
  });

  r.post('/catatan-progres', requireLogin, upload, async (req, res) => {
    const again = async (status: number, shown: Record<string, unknown>) => res.status(status).render('laporan/catatan', { ...(await catatanLocals(req)), values: typed(req), errors: {}, ...shown });
    if (req.uploadError) return again(req.uploadError.status, { errors: { berkas: t(res, req.uploadError.key, req.uploadError.params) } });
    const input = catatanForm.safeParse(req.body);
    if (!input.success) return again(422, { errors: fieldErrors(input.error, res.locals.t) });
    try {
      const file = req.file ? { nama: req.file.originalname, bytes: req.file.buffer } : null;
      await createCatatan(db, store, req.user!, input.data, file, clock.now());
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      return again(statusOf(e), refusalLocals(e, res.locals.t));
    }
    flash(req, 'success', t(res, 'laporan.catatan.saved'));
    res.redirect(303, '/catatan-progres');
  });

  r.get('/catatan-progres/:id/berkas', requireAnyLogin, async (req, res) => {
    sendFile(res, await catatanBerkas(db, store, req.user!, idParam(req.params.id)));
  });

  return r;
}
