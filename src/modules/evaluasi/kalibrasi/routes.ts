import { Router } from 'express';
import type { RouterDeps } from '../../router-deps.js';
import { PREDIKAT, PREDIKAT_LABEL } from '../../../domain/scoring/predikat.js';
import { PREDIKAT_ORGANISASI, PREDIKAT_ORGANISASI_LABEL } from '../../../domain/scoring/distribusi.js';
import { formatReason } from '../../../domain/scoring/reason.js';
import { NotFound } from '../../../errors.js';
import { requireAnyLogin, requireLogin } from '../../../web/auth.js';
import { handleForm } from '../../../web/form.js';
import { flash, t } from '../../../web/locals.js';
import { idParam } from '../../../web/params.js';
import { uploadWithCsrf } from '../../../web/upload.js';
import { LAMPIRAN_MAX_BYTES, predikatBerkas, predikatListPage, predikatUnitPage, tetapkanPredikatOrganisasi } from './predikat-service.js';
import { kalibrasiListPage, kalibrasiUnitPage, simpanJustifikasi } from './service.js';
import { justifikasiForm, predikatForm, siklusQuery, unitQuery } from './schemas.js';

/** The result of a unit's check, in words. */
const HASIL_LABEL = { OK: 'kalibrasi.hasil.OK', PERINGATAN: 'kalibrasi.hasil.PERINGATAN', PELANGGARAN: 'kalibrasi.hasil.PELANGGARAN' } as const;

/** Organisation predikat and calibration (docs/domain/kalibrasi.md). */
export function kalibrasiRoutes({ db, store }: Pick<RouterDeps, 'db' | 'clock' | 'jobs' | 'store'>): Router {
  const r = Router();
  const shared = { PREDIKAT, PREDIKAT_LABEL, PREDIKAT_ORGANISASI, PREDIKAT_ORGANISASI_LABEL, HASIL_LABEL, formatReason };
  const upload = uploadWithCsrf({ field: 'berkas', maxBytes: LAMPIRAN_MAX_BYTES });
  /** A POST's cycle: ?siklus= is required (the form's action carries it). */
  const siklusOf = (query: unknown) => {
    const s = siklusQuery.parse(query).siklus;
    if (s === undefined) throw new NotFound();
    return s;
  };

  // ---- Organisation predikat ----------------------------------------------------------------
  // requireAnyLogin: the official outside the agency who appraises its head sets the agency's.
  r.get('/predikat-organisasi', requireAnyLogin, async (req, res) => {
    res.render('evaluasi/kalibrasi/predikat-daftar', { ...shared, ...(await predikatListPage(db, req.user!, siklusQuery.parse(req.query))) });
  });

  const predikatLocals = async (req: { user?: Express.User; query: unknown }, unitId: number) => ({ ...shared, ...(await predikatUnitPage(db, req.user!, unitId, siklusQuery.parse(req.query))) });

  r.get('/predikat-organisasi/:unitId', requireAnyLogin, async (req, res) => {
    res.render('evaluasi/kalibrasi/predikat-unit', await predikatLocals(req, idParam(req.params.unitId)));
  });

  r.post('/predikat-organisasi/:unitId', requireAnyLogin, upload, async (req, res) => {
    const unitId = idParam(req.params.unitId);
    const siklusId = siklusOf(req.query);
    const locals = await predikatLocals(req, unitId); // scope first: 404 before the input is read
    if (req.uploadError) {
      const values = { ...(req.body as Record<string, unknown>) };
      delete values._csrf;
      return res.status(req.uploadError.status).render('evaluasi/kalibrasi/predikat-unit', { ...locals, values, errors: { berkas: t(res, req.uploadError.key, req.uploadError.params) } });
    }
    await handleForm(req, res, {
      schema: predikatForm,
      view: 'evaluasi/kalibrasi/predikat-unit',
      locals: () => locals,
      onValid: async (data) => {
        const files = req.file ? [{ nama: req.file.originalname, bytes: req.file.buffer }] : [];
        const done = await tetapkanPredikatOrganisasi(db, store, req.user!, siklusId, unitId, { ...data, capaianPk: data.capaianPk! }, files);
        flash(req, 'success', t(res, 'kalibrasi.predikat.disimpan', { unit: done.unit, predikat: t(res, PREDIKAT_ORGANISASI_LABEL[done.predikat]) }));
        res.redirect(303, `/predikat-organisasi/${unitId}?siklus=${siklusId}`);
      },
    });
  });

  // An attachment: only for those who may read the unit's predikat.
  r.get('/predikat-organisasi/:unitId/berkas/:berkasId', requireAnyLogin, async (req, res) => {
    const file = await predikatBerkas(db, store, req.user!, idParam(req.params.unitId), idParam(req.params.berkasId), siklusQuery.parse(req.query));
    res.attachment(file.nama).type(file.mime).send(file.bytes);
  });

  // ---- Calibration ----------------------------------------------------------------------------
  r.get('/kalibrasi', requireLogin, async (req, res) => {
    res.render('evaluasi/kalibrasi/daftar', { ...shared, ...(await kalibrasiListPage(db, req.user!, siklusQuery.parse(req.query))) });
  });

  const unitLocals = async (req: { user?: Express.User; query: unknown }, unitId: number) => ({ ...shared, ...(await kalibrasiUnitPage(db, req.user!, unitId, unitQuery.parse(req.query))) });

  r.get('/kalibrasi/:unitId', requireLogin, async (req, res) => {
    res.render('evaluasi/kalibrasi/unit', await unitLocals(req, idParam(req.params.unitId)));
  });

  r.post('/kalibrasi/:unitId/justifikasi', requireLogin, async (req, res) => {
    const unitId = idParam(req.params.unitId);
    const siklusId = siklusOf(req.query);
    const locals = await unitLocals(req, unitId); // scope first
    await handleForm(req, res, {
      schema: justifikasiForm,
      view: 'evaluasi/kalibrasi/unit',
      locals: () => locals,
      onValid: async (data) => {
        const done = await simpanJustifikasi(db, req.user!, siklusId, unitId, data);
        flash(req, 'success', t(res, 'kalibrasi.justifikasi.disimpan', { unit: done.unit }));
        res.redirect(303, `/kalibrasi/${unitId}?siklus=${siklusId}#justifikasi`);
      },
    });
  });

  return r;
}
