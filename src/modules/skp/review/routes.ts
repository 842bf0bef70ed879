import { Router } from 'express';
import type { RouterDeps } from '../../router-deps.js';
import type { Actor } from '../../../domain/access.js';
import { NILAI_BERAKHLAK, BERAKHLAK } from '../../../domain/berakhlak.js';
import { berakhlakDari } from '../../../domain/skp-document.js';
import { requireAdmin, requireAnyLogin, requireLogin } from '../../../web/auth.js';
import { uploadWithCsrf } from '../../../web/upload.js';
import { handleForm } from '../../../web/form.js';
import { confirmFirst, isConfirmed } from '../../../web/confirm.js';
import { holdUpload, takeUpload } from '../../../web/held-upload.js';
import type { StoredBerkas } from '../../berkas/service.js';
import { flash, t } from '../../../web/locals.js';
import { formatTarget, getSkp } from '../service.js';
import * as R from './service.js';
import { matriksPage } from './matriks.js';
import { idParam } from '../../../web/params.js';

// The appraiser's side of the SKP: SKP Bawahan, review and decision, Matriks Peran Hasil.

const shared = { BERAKHLAK, NILAI_BERAKHLAK, berakhlakDari, formatTarget, ekspektasiField: R.ekspektasiField, catatanField: R.catatanField };

export function reviewRoutes({ db, config, store }: Pick<RouterDeps, 'db' | 'config' | 'store'>): Router {
  const r = Router();
  const upload = uploadWithCsrf({ field: 'berkas', maxBytes: config.uploadMaxBytes });

  // ---- SKP Bawahan ------------------------------------------------------------------------
  r.get('/skp/bawahan', requireLogin, async (req, res) => {
    res.render('skp/bawahan', await R.bawahanPage(db, req.user!, R.bawahanQuery.parse(req.query)));
  });

  // ---- Matriks Peran Hasil ----------------------------------------------------------------
  r.get('/skp/matriks', requireLogin, async (req, res) => {
    res.render('skp/matriks', await matriksPage(db, req.user!, R.bawahanQuery.parse(req.query)));
  });

  // ---- Review and decision ----------------------------------------------------------------
  /** After a decision: on to the next SKP waiting for this appraiser, else back to the list (or home). */
  const afterDecision = async (actor: Actor, decided: number) => {
    const next = await R.nextWaiting(db, actor, decided);
    return next !== null ? `/skp/${next}/tinjau` : actor.pejabatLuarId !== null ? '/' : '/skp/bawahan';
  };

  const reviewLocals = async (actor: Actor, id: number) => ({ ...shared, ...(await R.reviewPage(db, actor, id)) });

  r.get('/skp/:id/tinjau', requireAnyLogin, async (req, res) => {
    res.render('skp/review', await reviewLocals(req.user!, idParam(req.params.id)));
  });

  r.post('/skp/:id/ekspektasi', requireAnyLogin, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, {
      schema: R.ekspektasiForm,
      view: 'skp/review',
      locals: () => reviewLocals(req.user!, id),
      onValid: async (data) => {
        const teks = Object.fromEntries(NILAI_BERAKHLAK.map((n) => [n, (data[R.ekspektasiField(n)] as string | null) ?? null]));
        const out = await R.saveEkspektasi(db, req.user!, id, data.version, teks, data.juga);
        flash(req, 'success', out.revisiBaru ? t(res, 'review.ekspektasiSavedRevisi', { revisi: out.revisiBaru }) : t(res, 'review.ekspektasiSaved'));
        if (out.diterapkan > 0) flash(req, 'success', t(res, 'review.ekspektasiJuga.saved', { count: out.diterapkan }));
        res.redirect(303, `/skp/${id}/tinjau#ekspektasi`);
      },
    });
  });

  r.post('/skp/:id/setujui', requireAnyLogin, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, {
      schema: R.approveForm,
      view: 'skp/review',
      locals: () => reviewLocals(req.user!, id),
      onValid: async (data) => {
        // a deliberate step asks first, when the approval would go through (else the service says why not);
        // the confirmed POST goes straight to the decision
        if (!isConfirmed(req)) {
          const ready = await R.approvalReady(db, req.user!, id, data.version);
          const asked = ready !== null && confirmFirst(req, res, {
            title: t(res, 'review.confirmApprove.title', ready),
            message: t(res, 'review.confirmApprove.message'),
            confirm: t(res, 'review.approve'),
            back: `/skp/${id}/tinjau#keputusan`,
          });
          if (asked) return;
        }
        const done = await R.approveSkp(db, req.user!, id, data.version);
        flash(req, 'success', t(res, 'review.approved', done));
        res.redirect(303, await afterDecision(req.user!, id));
      },
    });
  });

  r.post('/skp/:id/kembalikan', requireAnyLogin, async (req, res) => {
    const id = idParam(req.params.id);
    const skp = await getSkp(db, req.user!, id);
    await handleForm(req, res, {
      schema: R.returnForm(skp.rhk.map((x) => x.id)),
      view: 'skp/review',
      locals: () => reviewLocals(req.user!, id),
      onValid: async (data) => {
        const catatan = R.catatanOf(skp.rhk, data);
        const asked = skp.status === 'DIAJUKAN' && skp.version === data.version && confirmFirst(req, res, {
          title: t(res, 'review.confirmReturn.title', { nama: skp.pegawai.nama }),
          message: t(res, 'review.confirmReturn.message'),
          details: [data.alasan, ...[...catatan.values()].filter((v) => v.trim() !== '')],
          confirm: t(res, 'review.return'),
          back: `/skp/${id}/tinjau#keputusan`,
        });
        if (asked) return;
        await R.returnSkp(db, req.user!, id, data.version, data.alasan, catatan);
        flash(req, 'success', t(res, 'review.returned', { nama: skp.pegawai.nama }));
        res.redirect(303, await afterDecision(req.user!, id));
      },
    });
  });

  // ---- HR recording the decision of an appraiser outside the agency, with the signed document --
  r.post('/skp/:id/atas-nama', requireAdmin, upload, async (req, res) => {
    const id = idParam(req.params.id);
    const skp = await getSkp(db, req.user!, id);
    if (req.uploadError) {
      const values = { ...(req.body as Record<string, unknown>) };
      delete values._csrf;
      return res.status(req.uploadError.status).render('skp/review', { ...(await reviewLocals(req.user!, id)), values, errors: { berkas: t(res, req.uploadError.key, req.uploadError.params) } });
    }
    await handleForm(req, res, {
      schema: R.atasNamaForm(skp.rhk.map((x) => x.id)),
      view: 'skp/review',
      locals: () => reviewLocals(req.user!, id),
      onValid: async (data) => {
        const catatan = R.catatanOf(skp.rhk, data);
        const file = req.file ? { nama: req.file.originalname, bytes: req.file.buffer } : null;
        // a deliberate step asks first (issue 9): the document is checked and kept now, the
        // confirmation carries its token instead of the file (src/web/held-upload.ts)
        if (!isConfirmed(req)) {
          const staged = await R.stageAtasNama(db, store, req.user!, id, data.version, file);
          (req.body as Record<string, string>).berkasToken = holdUpload(req, `skp:${id}`, staged.stored);
          confirmFirst(req, res, {
            title: t(res, data.jenis === 'SETUJUI' ? 'review.atasNama.confirmApprove' : 'review.atasNama.confirmReturn', { nama: staged.nama, pejabat: staged.pejabat }),
            message: t(res, 'review.atasNama.confirmMessage', { berkas: staged.stored.nama }),
            details: data.jenis === 'KEMBALIKAN' ? [data.alasan, ...[...catatan.values()].filter((v) => v.trim() !== '')] : [],
            confirm: t(res, 'review.atasNama.submit', { nama: staged.pejabat }),
            back: `/skp/${id}/tinjau#keputusan`,
          });
          return;
        }
        const held = file ?? { stored: takeUpload<StoredBerkas>(req, `skp:${id}`, (req.body as Record<string, unknown>).berkasToken) };
        const done = await R.recordDecisionAtasNama(db, store, req.user!, id, { version: data.version, jenis: data.jenis, alasan: data.alasan, catatan }, held);
        flash(req, 'success', t(res, data.jenis === 'SETUJUI' ? 'review.atasNama.approved' : 'review.atasNama.returned', done));
        res.redirect(303, `/skp/${id}/tinjau`);
      },
    });
  });

  // The signed document of a decision: for whoever may see the SKP.
  r.get('/skp/:id/keputusan/:kid/berkas', requireAnyLogin, async (req, res) => {
    const file = await R.keputusanBerkas(db, store, req.user!, idParam(req.params.id), idParam(req.params.kid));
    res.attachment(file.nama).type(file.mime).send(file.bytes);
  });

  return r;
}
