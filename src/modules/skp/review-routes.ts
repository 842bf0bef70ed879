import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { NILAI_BERAKHLAK, BERAKHLAK } from '../../domain/berakhlak.js';
import { skpEditable, type Fase } from '../../domain/siklus.js';
import { requireLogin } from '../../web/auth.js';
import { handleForm } from '../../web/form.js';
import { flash, t } from '../../web/locals.js';
import { Forbidden } from '../../web/errors.js';
import { fieldErrors } from '../../web/validate.js';
import { formatTarget, getSkp, peranPada, skpDocument } from './service.js';
import * as R from './review-service.js';
import { matriksPeranHasil } from './matriks-service.js';
import { bandingkan, dokumen, listVersi, skpHeader, type VersiRef } from './versi-service.js';
import { idParam } from '../../web/params.js';
import { idField } from '../../schemas/fields.js';

// The appraiser's side of the SKP: SKP Bawahan, review and decision, Matriks Peran Hasil, and
// the approved versions with their differences (visible to anyone who may see the SKP).

const versiRef = z.union([z.literal('kini'), idField], { message: 'review.versiInvalid' });
const diffQuery = z.object({ dari: versiRef.optional(), ke: versiRef.optional() });
const shared = { BERAKHLAK, NILAI_BERAKHLAK, formatTarget, ekspektasiField: R.ekspektasiField, catatanField: R.catatanField };

export function reviewRoutes({ db }: { db: Db }): Router {
  const r = Router();

  // ---- SKP Bawahan ------------------------------------------------------------------------
  r.get('/skp/bawahan', requireLogin, async (req, res) => {
    const q = R.bawahanQuery.parse(req.query);
    const { list, chosen } = await R.pilihSiklus(db, q.siklusId);
    const { rows, counts } = chosen ? await R.listBawahan(db, req.user!, chosen.id) : { rows: [], counts: {} };
    const shown = q.status ? rows.filter((row) => (row.status ?? 'BELUM') === q.status) : rows;
    res.render('skp/bawahan', { siklusList: list, siklus: chosen, rows: shown, total: rows.length, counts, status: q.status ?? '' });
  });

  // ---- Matriks Peran Hasil ----------------------------------------------------------------
  r.get('/skp/matriks', requireLogin, async (req, res) => {
    const q = R.bawahanQuery.parse(req.query);
    const { list, chosen } = await R.pilihSiklus(db, q.siklusId);
    const matriks = chosen ? await matriksPeranHasil(db, req.user!, chosen.id) : null;
    res.render('skp/matriks', { siklusList: list, siklus: chosen, matriks });
  });

  // ---- Review and decision ----------------------------------------------------------------
  /** Everything the review page shows; 404 outside the actor's scope, 403 if not the appraiser. */
  const tinjauLocals = async (actor: Actor, id: number) => {
    const skp = await getSkp(db, actor, id);
    if (!peranPada(actor, skp).penilai) throw new Forbidden('skp.err.notPenilai');
    const editable = skpEditable(skp.siklus.fase as Fase);
    const problems =
      skp.status === 'DIAJUKAN'
        ? await R.approvalProblems(db.prisma, { id: skp.id, siklusId: skp.siklusId, isJpt: skp.pegawai.jabatan.jenis === 'JPT', penilaiId: skp.pegawai.penilaiId })
        : [];
    return { ...shared, skp, doc: await skpDocument(db.prisma, skp.id), editable, problems };
  };

  r.get('/skp/:id/tinjau', requireLogin, async (req, res) => {
    res.render('skp/review', await tinjauLocals(req.user!, idParam(req.params.id)));
  });

  r.post('/skp/:id/ekspektasi', requireLogin, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, {
      schema: R.ekspektasiForm,
      view: 'skp/review',
      locals: () => tinjauLocals(req.user!, id),
      onValid: async (data) => {
        const teks = Object.fromEntries(NILAI_BERAKHLAK.map((n) => [n, (data[R.ekspektasiField(n)] as string | null) ?? null]));
        const out = await R.simpanEkspektasi(db, req.user!, id, data.version, teks);
        flash(req, 'success', out.revisiBaru ? t(res, 'review.ekspektasiSavedRevisi', { revisi: out.revisiBaru }) : t(res, 'review.ekspektasiSaved'));
        res.redirect(303, `/skp/${id}/tinjau#ekspektasi`);
      },
    });
  });

  r.post('/skp/:id/setujui', requireLogin, async (req, res) => {
    const id = idParam(req.params.id);
    await handleForm(req, res, {
      schema: R.setujuiForm,
      view: 'skp/review',
      locals: () => tinjauLocals(req.user!, id),
      onValid: async (data) => {
        const problems = await R.setujui(db, req.user!, id, data.version);
        if (problems.length) {
          res.status(409).render('skp/review', { ...(await tinjauLocals(req.user!, id)), problems, formError: t(res, 'review.blocked') });
          return;
        }
        const skp = await db.prisma.skp.findUniqueOrThrow({ where: { id }, select: { revisi: true, pegawai: { select: { nama: true } } } });
        flash(req, 'success', t(res, 'review.approved', { nama: skp.pegawai.nama, revisi: skp.revisi }));
        res.redirect(303, '/skp/bawahan');
      },
    });
  });

  r.post('/skp/:id/kembalikan', requireLogin, async (req, res) => {
    const id = idParam(req.params.id);
    const skp = await getSkp(db, req.user!, id);
    await handleForm(req, res, {
      schema: R.kembalikanForm(skp.rhk.map((x) => x.id)),
      view: 'skp/review',
      locals: () => tinjauLocals(req.user!, id),
      onValid: async (data) => {
        const catatan = new Map<number, string>();
        for (const x of skp.rhk) {
          const v = data[R.catatanField(x.id)];
          if (typeof v === 'string') catatan.set(x.id, v);
        }
        await R.kembalikan(db, req.user!, id, data.version, data.alasan, catatan);
        flash(req, 'success', t(res, 'review.returned', { nama: skp.pegawai.nama }));
        res.redirect(303, '/skp/bawahan');
      },
    });
  });

  // ---- Versions ---------------------------------------------------------------------------
  r.get('/skp/:id/versi', requireLogin, async (req, res) => {
    const skp = await skpHeader(db, req.user!, idParam(req.params.id));
    res.render('skp/versi-list', { skp, versi: await listVersi(db, skp.id) });
  });

  r.get('/skp/:id/versi/diff', requireLogin, async (req, res) => {
    const skp = await skpHeader(db, req.user!, idParam(req.params.id));
    const versi = await listVersi(db, skp.id);
    const q = diffQuery.safeParse(req.query);
    const render = (status: number, extra: Record<string, unknown>) =>
      res.status(status).render('skp/versi-diff', { ...shared, skp, versi, values: { dari: req.query.dari, ke: req.query.ke }, hasil: null, ...extra });
    if (!q.success) return render(422, { errors: fieldErrors(q.error, res.locals.t) });
    const dari: VersiRef | undefined = q.data.dari ?? versi[0]?.revisi;
    const ke: VersiRef = q.data.ke ?? 'kini';
    if (dari === undefined) return render(200, {});
    render(200, { values: { dari: String(dari), ke: String(ke) }, hasil: await bandingkan(db, skp.id, dari, ke) });
  });

  r.get('/skp/:id/versi/:revisi', requireLogin, async (req: Request, res: Response) => {
    const skp = await skpHeader(db, req.user!, idParam(req.params.id));
    const { doc, disetujuiAt } = await dokumen(db, skp.id, idParam(req.params.revisi));
    res.render('skp/versi-detail', { ...shared, skp, doc, disetujuiAt });
  });

  return r;
}
