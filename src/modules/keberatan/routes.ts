import { Router, type Request, type Response } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { EKSPEKTASI, EKSPEKTASI_KEY, MATRIKS_PREDIKAT, PREDIKAT_LABEL, predikat } from '../../domain/scoring/index.js';
import { NotFound, Refused } from '../../errors.js';
import { LABELS } from '../../i18n/labels.js';
import { requireAnyLogin, requireLogin } from '../../web/auth.js';
import { handleForm } from '../../web/form.js';
import { holdUpload, takeUpload } from '../../web/held-upload.js';
import { flash, t } from '../../web/locals.js';
import { idParam } from '../../web/params.js';
import { uploadWithCsrf } from '../../web/upload.js';
import { BUKTI_MAX_BYTES } from '../laporan/bukti.js';
import * as S from './service.js';
import { LAMPIRAN_MAKS, STATUS_KEBERATAN, ajukanForm, daftarQuery, mintaTanggapanForm, putusForm, siklusQuery, tanggapanForm } from './schemas.js';

// Objections to the final annual evaluation (docs/domain/keberatan.md): the employee's page and
// filing, the list, one objection with the request for a response, the response and the decision,
// and its files. Attachments arrive one per post and are held in the session (src/web/held-upload.ts)
// until the form is sent, so a refusal loses neither the text typed nor the files uploaded.

const { status: STATUS_LABEL, keputusan: KEPUTUSAN_LABEL, sebagai: SEBAGAI_LABEL } = LABELS.keberatan;
/** A unit's check in words (the calibration page's). */
const HASIL_LABEL = { OK: 'kalibrasi.hasil.OK', PERINGATAN: 'kalibrasi.hasil.PERINGATAN', PELANGGARAN: 'kalibrasi.hasil.PELANGGARAN' } as const;
const shared = { HASIL_LABEL, EKSPEKTASI, EKSPEKTASI_KEY, MATRIKS_PREDIKAT, PREDIKAT_LABEL, predikat, STATUS_LABEL, KEPUTUSAN_LABEL, SEBAGAI_LABEL, LAMPIRAN_MAKS, STATUS_KEBERATAN };

export function keberatanRoutes({ db, clock, store }: Pick<RouterDeps, 'db' | 'clock' | 'jobs' | 'store'>): Router {
  const r = Router();
  const upload = uploadWithCsrf({ field: 'berkas', maxBytes: BUKTI_MAX_BYTES });

  /**
   * The attachments of a form with held uploads: those held so far (by the form's token), less one
   * removed (`hapus`), plus the file of this post once checked and stored. The new token goes back
   * into the body, so the form shown again (whatever happens next) carries them all.
   */
  async function lampiranDitahan(req: Request, res: Response, scope: string) {
    const body = req.body as Record<string, unknown>;
    let held = takeUpload<S.LampiranDitahan[]>(req, scope, body.lampiranToken) ?? [];
    let error: string | undefined;
    const hapus = Number(body.hapus);
    const menghapus = body.hapus !== undefined && Number.isInteger(hapus);
    if (menghapus) held = held.filter((_, i) => i !== hapus);
    if (req.uploadError) error = t(res, req.uploadError.key, req.uploadError.params);
    else if (req.file) {
      try {
        held = [...held, await S.simpanLampiran(db, store, { nama: req.file.originalname, bytes: req.file.buffer }, held.length)];
      } catch (e) {
        if (!(e instanceof Refused)) throw e;
        error = t(res, e.key, e.params);
      }
    }
    body.lampiranToken = holdUpload(req, scope, held);
    delete body.hapus;
    /** only the attachments changed: the form comes back, nothing is sent */
    const hanyaLampiran = menghapus || body.aksi === 'lampiran' || error !== undefined;
    return { held, error, hanyaLampiran };
  }

  /** The form again with what was typed and held (`error`: the file's problem, next to the file field). */
  function lagi(req: Request, res: Response, view: string, locals: Record<string, unknown>, error: string | undefined) {
    const values = { ...(req.body as Record<string, unknown>) };
    delete values._csrf;
    delete values._who;
    res.status(error ? 422 : 200).render(view, { ...locals, values, errors: error ? { berkas: error } : {} });
  }

  // ---- The list ---------------------------------------------------------------------------------
  r.get('/keberatan', requireAnyLogin, async (req, res) => {
    res.render('keberatan/daftar', { ...shared, ...(await S.daftarPage(db, req.user!, daftarQuery.parse(req.query))) });
  });

  // ---- The employee's own ------------------------------------------------------------------------
  r.get('/keberatan/saya', requireLogin, async (req, res) => {
    if (req.user!.pegawaiId === null) return res.redirect(303, '/keberatan');
    res.render('keberatan/saya', { ...shared, ...(await S.sayaPage(db, req.user!, siklusQuery.parse(req.query), clock)), held: [], values: {}, errors: {} });
  });

  r.post('/keberatan/saya', requireLogin, upload, async (req, res) => {
    const page = await S.sayaPage(db, req.user!, siklusQuery.parse(req.query), clock);
    if (!page.siklus || !page.evaluasi) throw new NotFound(); // nothing final to object to
    const siklusId = page.siklus.id;
    const { held, error, hanyaLampiran } = await lampiranDitahan(req, res, `keberatan:saya:${siklusId}:${req.user!.pegawaiId}`);
    const locals = { ...shared, ...page, held };
    if (hanyaLampiran) return lagi(req, res, 'keberatan/saya', locals, error);
    await handleForm(req, res, {
      schema: ajukanForm,
      view: 'keberatan/saya',
      locals: () => locals,
      onValid: async (data) => {
        const done = await S.ajukanKeberatan(db, req.user!, siklusId, data.alasan, held, clock);
        if (done.baru) takeUpload(req, `keberatan:saya:${siklusId}:${req.user!.pegawaiId}`, (req.body as Record<string, unknown>).lampiranToken);
        flash(req, done.baru ? 'success' : 'info', t(res, done.baru ? 'keberatan.diajukan' : 'keberatan.sudahDiajukan'));
        res.redirect(303, `/keberatan/${done.id}`);
      },
    });
  });

  // ---- One objection -------------------------------------------------------------------------------
  const pageLocals = async (req: Request, id: number) => ({ ...shared, ...(await S.keberatanPage(db, req.user!, id)) });

  r.get('/keberatan/:id', requireAnyLogin, async (req, res) => {
    res.render('keberatan/keberatan', { ...(await pageLocals(req, idParam(req.params.id))), held: [], values: {}, errors: {} });
  });

  r.post('/keberatan/:id/minta-tanggapan', requireAnyLogin, async (req, res) => {
    const id = idParam(req.params.id);
    const locals = await pageLocals(req, id); // scope first: 404 before the input is read
    await handleForm(req, res, {
      schema: mintaTanggapanForm,
      view: 'keberatan/keberatan',
      locals: () => ({ ...locals, held: [] }),
      onValid: async (data) => {
        await S.mintaTanggapan(db, req.user!, id, data, clock);
        flash(req, 'success', t(res, 'keberatan.tanggapanDiminta'));
        res.redirect(303, `/keberatan/${id}`);
      },
    });
  });

  r.post('/keberatan/:id/tanggapan', requireAnyLogin, upload, async (req, res) => {
    const id = idParam(req.params.id);
    const page = await pageLocals(req, id);
    const { held, error, hanyaLampiran } = await lampiranDitahan(req, res, `keberatan:tanggapan:${id}`);
    const locals = { ...page, held };
    if (hanyaLampiran) return lagi(req, res, 'keberatan/keberatan', locals, error);
    await handleForm(req, res, {
      schema: tanggapanForm,
      view: 'keberatan/keberatan',
      locals: () => locals,
      onValid: async (data) => {
        await S.kirimTanggapan(db, req.user!, id, data, held, clock);
        takeUpload(req, `keberatan:tanggapan:${id}`, (req.body as Record<string, unknown>).lampiranToken);
        flash(req, 'success', t(res, 'keberatan.ditanggapi'));
        res.redirect(303, `/keberatan/${id}`);
      },
    });
  });

  r.post('/keberatan/:id/putus', requireAnyLogin, async (req, res) => {
    const id = idParam(req.params.id);
    const locals = await pageLocals(req, id);
    await handleForm(req, res, {
      schema: putusForm,
      view: 'keberatan/keberatan',
      locals: () => ({ ...locals, held: [] }),
      onValid: async (data) => {
        const done = await S.putusKeberatan(db, req.user!, id, data, clock);
        flash(req, 'success', t(res, done.keputusan === 'UBAH' ? 'keberatan.diputusUbah' : 'keberatan.diputusTetap', { nama: done.nama, predikat: t(res, PREDIKAT_LABEL[done.predikat]) }));
        res.redirect(303, `/keberatan/${id}`);
      },
    });
  });

  // A file of the objection: only for those who may see the objection.
  r.get('/keberatan/:id/berkas/:berkasId', requireAnyLogin, async (req, res) => {
    const file = await S.lampiranBerkas(db, store, req.user!, idParam(req.params.id), idParam(req.params.berkasId));
    res.attachment(file.nama).type(file.mime).send(file.bytes);
  });

  return r;
}
