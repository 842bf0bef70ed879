import { Router, type Response } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireAdmin } from '../../web/auth.js';
import { handleForm } from '../../web/form.js';
import { flash, t } from '../../web/locals.js';
import { formatTarget } from '../skp/service.js';
import { searchSkpQuery, templatForm, templatRename, applyForm } from './schemas.js';
import { createTemplat, getTemplat, deleteTemplat, listTemplat, previewTemplat, renameTemplat, templatFormLocals, templatNewPage, applyTemplat } from './service.js';
import { idParam } from '../../web/params.js';
import { idFilter } from '../../schemas/primitives.js';


/** SKP templates per position: HR only. */
export function templatRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();

  const renderDetail = async (res: Response, id: number) => {
    const templat = await getTemplat(db, id);
    const num = res.locals.fmt.number as (n: number) => string;
    const rhk = templat.data.rhk.map((x) => ({ ...x, indikator: x.indikator.map((i) => ({ ...i, targetLabel: formatTarget(i, num) })) }));
    return { templat, rhk, siklus: await previewTemplat(db, templat.jabatanId) };
  };

  r.get('/templat', requireAdmin, async (_req, res) => {
    res.render('templat/list', { rows: await listTemplat(db) });
  });

  r.get('/templat/baru', requireAdmin, async (req, res) => {
    res.render('templat/form', await templatNewPage(db, req.user!, searchSkpQuery.parse(req.query)));
  });

  r.post('/templat', requireAdmin, async (req, res) => {
    const skpId = idFilter.parse(req.body?.skpId);
    await handleForm(req, res, {
      schema: templatForm,
      view: 'templat/form',
      locals: async () => ({ ...(await templatFormLocals(db, req.user!, skpId)), query: {}, siklus: [], hasil: [] }),
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
      schema: applyForm,
      view: 'templat/detail',
      locals: async () => ({ ...locals, siklus: await previewTemplat(db, locals.templat.jabatanId) }),
      onValid: async (data) => {
        const hasil = await applyTemplat(db, req.user!, id, data.siklusId);
        flash(req, 'success', t(res, 'templat.diterapkan', { nama: locals.templat.nama, tahun: hasil.tahun, n: hasil.diterapkan, m: hasil.dilewati }));
        res.redirect(303, `/templat/${id}`);
      },
    });
  });

  r.post('/templat/:id/hapus', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    const nama = await deleteTemplat(db, req.user!, id);
    flash(req, 'success', t(res, 'templat.deleted', { nama }));
    res.redirect(303, '/templat');
  });

  return r;
}
