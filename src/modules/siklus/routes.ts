import { Router, type Request } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireAdmin } from '../../web/auth.js';
import { handleForm } from '../../web/form.js';
import { confirmFirst } from '../../web/confirm.js';
import { flash, t } from '../../web/locals.js';
import { Refused } from '../../errors.js';
import { fieldErrors } from '../../web/validate.js';
import { faseForm, periodeForm, siklusForm } from './schemas.js';
import { createSiklus, getSiklus, latestJob, listSiklus, moveFase, previewMoveFase, siklusOverview, startBulkDrafts, updatePeriode } from './service.js';
import { idParam } from '../../web/params.js';
import { LABELS } from '../../i18n/labels.js';
import { statusHitung } from '../evaluasi/hitung/service.js'; // ── evaluasi: hitung ──

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

/** Repeated form fields (id, mulai, …) zipped into one object per period row. */
function periodeRows(req: Request) {
  const b = req.body as Record<string, unknown>;
  const ids = list(b.id);
  return ids.map((id, i) => ({ id, mulai: list(b.mulai)[i], selesai: list(b.selesai)[i], batasPegawai: list(b.batasPegawai)[i], batasPenilai: list(b.batasPenilai)[i] }));
}

export function siklusRoutes({ db, jobs }: Pick<RouterDeps, 'db' | 'jobs'>): Router {
  const r = Router();

  r.get('/siklus', requireAdmin, async (_req, res) => {
    res.render('siklus/list', { rows: await listSiklus(db) });
  });

  r.get('/siklus/baru', requireAdmin, (_req, res) => {
    res.render('siklus/form', { values: { tahun: new Date().getFullYear() + 1, jenisPeriode: 'TRIWULANAN', zonaWaktu: 'Asia/Jakarta' } });
  });

  r.post('/siklus', requireAdmin, async (req, res) => {
    await handleForm(req, res, {
      schema: siklusForm,
      view: 'siklus/form',
      onValid: async (data) => {
        const s = await createSiklus(db, req.user!, data);
        flash(req, 'success', t(res, 'siklus.created', { tahun: s.tahun }));
        res.redirect(303, `/siklus/${s.id}`);
      },
    });
  });

  const renderDetail = async (res: import('express').Response, id: number, extra: Record<string, unknown> = {}, status = 200) => {
    const [o, hitung] = await Promise.all([siklusOverview(db, id), statusHitung(db, id) /* ── evaluasi: hitung ── */]);
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const periode = o.siklus.periode.map((p) => ({ id: p.id, nama: p.nama, mulai: iso(p.mulai), selesai: iso(p.selesai), batasPegawai: iso(p.batasPegawai), batasPenilai: iso(p.batasPenilai) }));
    res.status(status).render('siklus/detail', { ...o, periode, hitung, ...extra });
  };

  r.get('/siklus/:id', requireAdmin, async (req, res) => {
    await renderDetail(res, idParam(req.params.id));
  });

  r.get('/siklus/:id/job.json', requireAdmin, async (req, res) => {
    const job = await latestJob(db, idParam(req.params.id));
    res.json(job ?? { status: 'NONE' });
  });

  r.post('/siklus/:id/periode', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    const rows = periodeRows(req);
    const parsed = periodeForm.safeParse({ version: req.body.version, zonaWaktu: req.body.zonaWaktu, periode: rows });
    const zonaInput = typeof req.body.zonaWaktu === 'string' ? req.body.zonaWaktu : undefined;
    if (!parsed.success) return renderDetail(res, id, { periodeInput: rows, zonaInput, errors: fieldErrors(parsed.error, res.locals.t) }, 422);
    try {
      const problems = await updatePeriode(db, req.user!, id, parsed.data.version, parsed.data.periode, parsed.data.zonaWaktu);
      if (Object.keys(problems).length) {
        const errors = Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, t(res, v)]));
        return renderDetail(res, id, { periodeInput: rows, zonaInput, errors }, 422);
      }
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      return renderDetail(res, id, { periodeInput: rows, zonaInput, formError: t(res, e.key, e.params) }, 409);
    }
    flash(req, 'success', t(res, 'siklus.periodeSaved'));
    res.redirect(303, `/siklus/${id}`);
  });

  r.post('/siklus/:id/fase', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    const parsed = faseForm.safeParse(req.body);
    if (!parsed.success) return renderDetail(res, id, { formError: t(res, 'error.badRequest') }, 422);
    try {
      const { ke } = parsed.data;
      const p = await previewMoveFase(db, id, parsed.data.version, ke);
      const fase = t(res, LABELS.fase[ke]);
      const asked = confirmFirst(req, res, {
        title: t(res, 'siklus.confirm.title', { tahun: p.tahun, fase }),
        message: t(res, LABELS.confirmFase[ke], { count: res.locals.fmt.number(p.aktif) }),
        confirm: t(res, 'siklus.moveTo', { fase }),
        back: `/siklus/${id}`,
      });
      if (asked) return;
      await moveFase(db, jobs, req.user!, id, parsed.data.version, ke);
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      if (e.problems.length) return renderDetail(res, id, { blockersShown: e.problems }, 409);
      return renderDetail(res, id, { formError: t(res, e.key, e.params) }, 409);
    }
    const s = await getSiklus(db, id);
    flash(req, 'success', t(res, 'siklus.moved', { tahun: s.tahun, fase: t(res, LABELS.fase[s.fase]) }));
    if (s.fase === 'PERENCANAAN') flash(req, 'info', t(res, 'siklus.jobStarted'));
    res.redirect(303, `/siklus/${id}`);
  });

  r.post('/siklus/:id/buat-skp', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    try {
      await startBulkDrafts(db, jobs, req.user!, id);
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      return renderDetail(res, id, { formError: t(res, e.key, e.params) }, 409);
    }
    flash(req, 'info', t(res, 'siklus.jobStarted'));
    res.redirect(303, `/siklus/${id}`);
  });

  return r;
}
