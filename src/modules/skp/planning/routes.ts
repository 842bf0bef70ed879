import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import type { RouterDeps } from '../../router-deps.js';
import { BERAKHLAK, NILAI_BERAKHLAK } from '../../../domain/berakhlak.js';
import { skpEditable, type Fase } from '../../../domain/siklus.js';
import type { SkpProblem } from '../../../domain/skp-check.js';
import { requireLogin } from '../../../web/auth.js';
import { Forbidden, NotFound, Refused } from '../../../errors.js';
import { handleForm } from '../../../web/form.js';
import { flash, t } from '../../../web/locals.js';
import { confirmFirst } from '../../../web/confirm.js';
import * as E from './service.js';
import * as S from '../schemas.js';
import { formatTarget, getSkp, peranPada, type SkpFull } from '../service.js';
import { JENIS_LAMPIRAN, parseIdentitas, usesJptForm } from '../../../domain/skp-document.js';
import { LABELS } from '../../../i18n/labels.js';

// The employee's side of SKP planning (docs/domain/skp.md): the SKP page, and the owner's small
// forms, each carrying the SKP's version and going through editSkp.

/** Only numeric ids reach these routes; anything else (/skp/bawahan, …) falls through to other routers. */
const numericIds: RequestHandler = (req, _res, next) => (Object.values(req.params).every((v) => typeof v === 'string' && /^\d{1,9}$/.test(v)) ? next() : next('route'));
const num = (v: string | string[] | undefined): number => Number(v);

export function skpRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();

  /** The SKP page: the use case's data and the tables the view draws with. */
  const pageLocals = async (req: Request, skp: SkpFull, extra: Record<string, unknown> = {}) => {
    return {
      ...(await E.skpPageData(db, req.user!, skp)),
      berakhlak: BERAKHLAK,
      nilaiBerakhlak: NILAI_BERAKHLAK,
      jenisLampiran: JENIS_LAMPIRAN,
      formatTarget,
      problems: [] as SkpProblem[],
      ...extra,
    };
  };

  /** The owner may open an edit form only while the SKP can change (editSkp checks again on save). */
  const assertEditable = (req: Request, res: Response, skp: SkpFull) => {
    if (!peranPada(req.user!, skp).pemilik) throw new Forbidden('skp.err.notOwner');
    if (!skpEditable(skp.siklus.fase as Fase)) throw new Refused('skp.err.phaseClosed', { fase: t(res, LABELS.fase[skp.siklus.fase]) });
    if (skp.status === 'DIAJUKAN') throw new Refused('skp.err.waitingApproval');
  };

  const edit = (req: Request, skp: SkpFull, version: number) => ({ actor: req.user!, skpId: skp.id, version });

  /** After a change: a message, one more when the change opened a new revision, back to the page. */
  const done = (req: Request, res: Response, skp: SkpFull, after: { revisi: number }, message: string, anchor = '') => {
    flash(req, 'success', message);
    if (after.revisi > skp.revisi) flash(req, 'info', t(res, 'skp.revisiDibuka', { revisi: after.revisi }));
    res.redirect(303, `/skp/${skp.id}${anchor}`);
  };

  /** A small form on the SKP page itself: on a refusal the page is shown again with what was typed. */
  const onPage =
    <Sc extends z.ZodType>(schema: (skp: SkpFull) => Sc, action: (req: Request, res: Response, skp: SkpFull, data: z.output<Sc>) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const skp = await getSkp(db, req.user!, num(req.params.id));
      await handleForm(req, res, {
        schema: schema(skp),
        view: 'skp/detail',
        locals: async () => pageLocals(req, await getSkp(db, req.user!, skp.id)),
        onValid: (data) => action(req, res, skp, data),
      });
    };

  // ---- Reading ---------------------------------------------------------------------------------
  r.get('/skp', requireLogin, async (req, res) => {
    const mine = await E.mySkpPage(db, req.user!, S.siklusQuery.parse(req.query).siklus);
    if (!mine.skp) return res.render('skp/none', mine);
    res.render('skp/detail', await pageLocals(req, mine.skp));
  });

  r.get('/skp/:id', requireLogin, numericIds, async (req, res) => {
    res.render('skp/detail', await pageLocals(req, await getSkp(db, req.user!, num(req.params.id))));
  });

  // ---- Pendekatan, lampiran, submission, copy ---------------------------------------------------
  r.post(
    '/skp/:id/pendekatan',
    requireLogin,
    numericIds,
    onPage(() => S.pendekatanForm, async (req, res, skp, data) => {
      done(req, res, skp, await E.setPendekatan(db, edit(req, skp, data.version), data.pendekatan), t(res, 'common.saved'));
    }),
  );

  r.post(
    '/skp/:id/lampiran',
    requireLogin,
    numericIds,
    onPage(() => S.lampiranForm, async (req, res, skp, data) => {
      done(req, res, skp, await E.createLampiran(db, edit(req, skp, data.version), data.jenis, data.teks), t(res, 'skp.lampiran.added'), '#lampiran');
    }),
  );

  r.post(
    '/skp/:id/lampiran/:lampiranId/hapus',
    requireLogin,
    numericIds,
    onPage(() => S.versionForm, async (req, res, skp, data) => {
      done(req, res, skp, await E.deleteLampiran(db, edit(req, skp, data.version), num(req.params.lampiranId)), t(res, 'skp.lampiran.deleted'), '#lampiran');
    }),
  );

  r.post(
    '/skp/:id/ajukan',
    requireLogin,
    numericIds,
    onPage(() => S.versionForm, async (req, res, skp, data) => {
      const penilai = parseIdentitas(skp.snapshot).penilai?.nama ?? skp.pegawai.penilai?.nama ?? '';
      if (await E.canSubmit(db, req.user!, skp, data.version)) {
        const indikator = skp.rhk.reduce((n, r) => n + r.indikator.length, 0);
        const asked = confirmFirst(req, res, {
          title: penilai ? t(res, 'skp.confirmSubmit.title', { tahun: skp.siklus.tahun, penilai }) : t(res, 'skp.confirmSubmit.titleNoPenilai', { tahun: skp.siklus.tahun }),
          message: t(res, 'skp.confirmSubmit.message'),
          details: [t(res, 'skp.confirmSubmit.counts', { rhk: skp.rhk.length, indikator })],
          confirm: t(res, 'skp.ajukan.button'),
          back: `/skp/${skp.id}#ajukan`,
        });
        if (asked) return;
      }
      await E.submitSkp(db, edit(req, skp, data.version));
      flash(req, 'success', t(res, 'skp.ajukan.done', { penilai }));
      res.redirect(303, `/skp/${skp.id}`);
    }),
  );

  r.post(
    '/skp/:id/salin-tahun-lalu',
    requireLogin,
    numericIds,
    onPage(() => S.versionForm, async (req, res, skp, data) => {
      const c = await E.copyLastYear(db, edit(req, skp, data.version));
      done(req, res, skp, c, t(res, 'skp.salin.done', { tahun: c.tahun, rhk: c.rhk, indikator: c.indikator, lampiran: c.lampiran }));
    }),
  );

  // ---- RHK ---------------------------------------------------------------------------------------
  const rhkLocals = async (skp: SkpFull, rhkId: number | null) => {
    const rhk = rhkId === null ? null : skp.rhk.find((x) => x.id === rhkId);
    if (rhk === undefined) throw new NotFound();
    const atasan = await E.rhkAtasanOptions(db, skp);
    const isJpt = usesJptForm(skp);
    const hasPenilai = skp.pegawai.penilaiId !== null;
    return { skp, rhk, atasan, isJpt, hasPenilai, linkRequired: !isJpt && hasPenilai && atasan.length > 0 };
  };

  const rhkPost = async (req: Request, res: Response, rhkId: number | null) => {
    const skp = await getSkp(db, req.user!, num(req.params.id));
    const l = await rhkLocals(skp, rhkId);
    await handleForm(req, res, {
      schema: S.rhkForm({ isJpt: l.isJpt, linkRequired: l.linkRequired }),
      view: 'skp/rhk-form',
      locals: async () => rhkLocals(await getSkp(db, req.user!, skp.id), rhkId),
      onValid: async (data) => {
        const after = await E.saveRhk(db, edit(req, skp, data.version), rhkId, data);
        // back to the row just saved, not to the top of a long page
        done(req, res, skp, after, t(res, rhkId ? 'common.saved' : 'skp.rhk.added'), `#rhk-${after.rhkId}`);
      },
    });
  };

  r.get('/skp/:id/rhk/baru', requireLogin, numericIds, async (req, res) => {
    const skp = await getSkp(db, req.user!, num(req.params.id));
    assertEditable(req, res, skp);
    res.render('skp/rhk-form', { ...(await rhkLocals(skp, null)), values: { jenis: req.query.jenis === 'TAMBAHAN' ? 'TAMBAHAN' : 'UTAMA' } });
  });
  r.post('/skp/:id/rhk', requireLogin, numericIds, (req, res) => rhkPost(req, res, null));

  r.get('/skp/:id/rhk/:rhkId/ubah', requireLogin, numericIds, async (req, res) => {
    const skp = await getSkp(db, req.user!, num(req.params.id));
    assertEditable(req, res, skp);
    const l = await rhkLocals(skp, num(req.params.rhkId));
    const x = l.rhk!;
    res.render('skp/rhk-form', { ...l, values: { jenis: x.jenis, teks: x.teks, rhkAtasanId: x.rhkAtasanId ?? '', perspektif: x.perspektif ?? '', penugasanDari: x.penugasanDari ?? '' } });
  });
  r.post('/skp/:id/rhk/:rhkId', requireLogin, numericIds, (req, res) => rhkPost(req, res, num(req.params.rhkId)));

  r.post(
    '/skp/:id/rhk/:rhkId/hapus',
    requireLogin,
    numericIds,
    onPage(() => S.versionForm, async (req, res, skp, data) => {
      done(req, res, skp, await E.deleteRhk(db, edit(req, skp, data.version), num(req.params.rhkId)), t(res, 'skp.rhk.deleted'), '#hasil-kerja');
    }),
  );

  // ---- Indikator ---------------------------------------------------------------------------------
  const indikatorLocals = (skp: SkpFull, where: { rhkId: number } | { indikatorId: number }) => {
    const rhk = 'rhkId' in where ? skp.rhk.find((x) => x.id === where.rhkId) : skp.rhk.find((x) => x.indikator.some((i) => i.id === where.indikatorId));
    if (!rhk) throw new NotFound();
    const indikator = 'indikatorId' in where ? rhk.indikator.find((i) => i.id === where.indikatorId)! : null;
    return { skp, rhk, indikator };
  };

  const indikatorPost = async (req: Request, res: Response, where: { rhkId: number } | { indikatorId: number }) => {
    const skp = await getSkp(db, req.user!, num(req.params.id));
    const { rhk } = indikatorLocals(skp, where);
    await handleForm(req, res, {
      schema: S.indikatorForm(skp.pendekatan),
      view: 'skp/indikator-form',
      locals: async () => indikatorLocals(await getSkp(db, req.user!, skp.id), where),
      onValid: async (data) => {
        const after = await E.saveIndikator(db, edit(req, skp, data.version), where, data);
        done(req, res, skp, after, t(res, 'rhkId' in where ? 'skp.indikator.added' : 'common.saved'), `#rhk-${rhk.id}`);
      },
    });
  };

  r.get('/skp/:id/rhk/:rhkId/indikator/baru', requireLogin, numericIds, async (req, res) => {
    const skp = await getSkp(db, req.user!, num(req.params.id));
    assertEditable(req, res, skp);
    const values = { aspek: 'KUANTITAS', jenisTarget: skp.pendekatan === 'KUALITATIF' ? 'KUALITATIF' : 'ANGKA', lebihBaik: 'TINGGI' };
    res.render('skp/indikator-form', { ...indikatorLocals(skp, { rhkId: num(req.params.rhkId) }), values });
  });
  r.post('/skp/:id/rhk/:rhkId/indikator', requireLogin, numericIds, (req, res) => indikatorPost(req, res, { rhkId: num(req.params.rhkId) }));

  r.get('/skp/:id/indikator/:indikatorId/ubah', requireLogin, numericIds, async (req, res) => {
    const skp = await getSkp(db, req.user!, num(req.params.id));
    assertEditable(req, res, skp);
    const l = indikatorLocals(skp, { indikatorId: num(req.params.indikatorId) });
    res.render('skp/indikator-form', { ...l, values: S.indikatorFormValues(l.indikator!) });
  });
  r.post('/skp/:id/indikator/:indikatorId', requireLogin, numericIds, (req, res) => indikatorPost(req, res, { indikatorId: num(req.params.indikatorId) }));

  r.post(
    '/skp/:id/indikator/:indikatorId/hapus',
    requireLogin,
    numericIds,
    onPage(() => S.versionForm, async (req, res, skp, data) => {
      done(req, res, skp, await E.deleteIndikator(db, edit(req, skp, data.version), num(req.params.indikatorId)), t(res, 'skp.indikator.deleted'), '#hasil-kerja');
    }),
  );

  return r;
}
