import { Router, type Request, type Response } from 'express';
import type { Db } from '../../db/client.js';
import { requireAdmin } from '../../web/auth.js';
import { handleForm } from '../../web/form.js';
import { flash, t } from '../../web/locals.js';
import { NotFound } from '../../web/errors.js';
import { formatTarget, getSkp } from '../skp/service.js';
import { cariSkpQuery, templatForm, templatRename, terapkanForm } from './schemas.js';
import { cariSkp, createTemplat, getTemplat, hapusTemplat, listTemplat, pratinjau, renameTemplat, terapkanTemplat } from './service.js';
import { idParam } from '../../web/params.js';
import { queryId } from '../../schemas/fields.js';


/** SKP templates per position: HR only. */
export function templatRoutes({ db }: { db: Db }): Router {
  const r = Router();

  const jabatanOptions = () =>
    db.prisma.jabatan.findMany({ where: { aktif: true }, orderBy: [{ unit: { path: 'asc' } }, { nama: 'asc' }], select: { id: true, nama: true, jenis: true, unit: { select: { nama: true } } } });

  /** The create form's data: the chosen SKP (if any), or the search for one. */
  const formLocals = async (req: Request, skpId: number | undefined) => {
    const skp = skpId ? await getSkp(db, req.user!, skpId).catch((e: unknown) => (e instanceof NotFound ? null : Promise.reject(e))) : null;
    return { skp, jabatan: await jabatanOptions() };
  };

  const renderDetail = async (res: Response, id: number) => {
    const templat = await getTemplat(db, id);
    const num = res.locals.fmt.number as (n: number) => string;
    const rhk = templat.data.rhk.map((x) => ({ ...x, indikator: x.indikator.map((i) => ({ ...i, targetLabel: formatTarget(i, num) })) }));
    return { templat, rhk, siklus: await pratinjau(db, templat.jabatanId) };
  };

  r.get('/templat', requireAdmin, async (_req, res) => {
    res.render('templat/list', { rows: await listTemplat(db) });
  });

  r.get('/templat/baru', requireAdmin, async (req, res) => {
    const q = cariSkpQuery.parse(req.query);
    const locals = await formLocals(req, q.skpId);
    if (q.skpId && !locals.skp) throw new NotFound();
    const siklus = await db.prisma.siklus.findMany({ orderBy: { tahun: 'desc' }, select: { id: true, tahun: true } });
    const hasil = locals.skp ? [] : await cariSkp(db, q);
    res.render('templat/form', { ...locals, query: q, siklus, hasil, values: { skpId: q.skpId ?? '', nama: locals.skp ? `${locals.skp.pegawai.jabatan.nama} ${locals.skp.siklus.tahun}` : '' } });
  });

  r.post('/templat', requireAdmin, async (req, res) => {
    const skpId = queryId.parse(req.body?.skpId);
    await handleForm(req, res, {
      schema: templatForm,
      view: 'templat/form',
      locals: async () => ({ ...(await formLocals(req, skpId)), query: {}, siklus: [], hasil: [] }),
      onValid: async (data) => {
        const tpl = await createTemplat(db, req.user!, data);
        flash(req, 'success', t(res, 'templat.created', { nama: tpl.nama }));
        res.redirect(303, `/templat/${tpl.id}`);
      },
    });
  });

  r.get('/templat/:id', requireAdmin, async (req, res) => {
    res.render('templat/detail', await renderDetail(res, idParam(req.params.id)));
  });

  r.post('/templat/:id', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    const locals = await renderDetail(res, id);
    await handleForm(req, res, {
      schema: templatRename,
      view: 'templat/detail',
      locals: () => locals,
      onValid: async (data) => {
        await renameTemplat(db, req.user!, id, data.nama);
        flash(req, 'success', t(res, 'templat.renamed'));
        res.redirect(303, `/templat/${id}`);
      },
    });
  });

  r.post('/templat/:id/terapkan', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    const locals = await renderDetail(res, id);
    await handleForm(req, res, {
      schema: terapkanForm,
      view: 'templat/detail',
      locals: async () => ({ ...locals, siklus: await pratinjau(db, locals.templat.jabatanId) }),
      onValid: async (data) => {
        const hasil = await terapkanTemplat(db, req.user!, id, data.siklusId);
        flash(req, 'success', t(res, 'templat.diterapkan', { nama: locals.templat.nama, tahun: hasil.tahun, n: hasil.diterapkan, m: hasil.dilewati }));
        res.redirect(303, `/templat/${id}`);
      },
    });
  });

  r.post('/templat/:id/hapus', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    const nama = await hapusTemplat(db, req.user!, id);
    flash(req, 'success', t(res, 'templat.deleted', { nama }));
    res.redirect(303, '/templat');
  });

  return r;
}
