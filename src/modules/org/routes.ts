import { Router } from 'express';
import type { RouterDeps } from '../router-deps.js';
import { requireAdmin, requireLogin } from '../../web/auth.js';
import { handleForm } from '../../web/form.js';
import { flash, t } from '../../web/locals.js';
import { GOLONGAN_PNS, GOLONGAN_PPPK } from '../../domain/golongan.js';
import { JENJANG_JF } from '../../domain/jabatan.js';
import * as S from './schemas.js';
import { createUnit, getUnit, listUnits, updateUnit } from './unit-service.js';
import { createJabatan, getJabatan, listJabatan, updateJabatan } from './jabatan-service.js';
import { createPegawai, formOptions, getPegawai, pegawaiListPage, resetPassword, riwayatPegawai, setPegawaiAktif, updatePegawai } from './pegawai-service.js';
import { idParam } from '../../web/params.js';
import { penilaiBerbeda } from '../mutasi/service.js';
import { idFilter } from '../../schemas/primitives.js';


export function orgRoutes({ db }: Pick<RouterDeps, 'db'>): Router {
  const r = Router();
  const golongan = { golonganPns: GOLONGAN_PNS, golonganPppk: GOLONGAN_PPPK };

  // ---- Unit kerja -------------------------------------------------------------------------
  r.get('/unit', requireAdmin, async (_req, res) => {
    res.render('org/unit-list', { units: await listUnits(db) });
  });
  r.get('/unit/baru', requireAdmin, async (req, res) => {
    res.render('org/unit-form', { units: await listUnits(db), unit: null, jabatanUnit: [], values: { parentId: req.query.parentId ?? '' } });
  });
  r.post('/unit', requireAdmin, async (req, res) => {
    await handleForm(req, res, {
      schema: S.unitForm,
      view: 'org/unit-form',
      locals: async () => ({ units: await listUnits(db), unit: null, jabatanUnit: [] }),
      onValid: async (data) => {
        const unit = await createUnit(db, req.user!, data);
        flash(req, 'success', t(res, 'org.unitCreated', { nama: unit.nama }));
        res.redirect(303, '/unit');
      },
    });
  });
  r.get('/unit/:id/ubah', requireAdmin, async (req, res) => {
    const unit = await getUnit(db, idParam(req.params.id));
    res.render('org/unit-form', {
      units: await listUnits(db), unit, jabatanUnit: await listJabatan(db, { unitId: unit.id, aktifOnly: true }),
      values: { ...unit, aktif: unit.aktif ? '1' : '0', parentId: unit.parentId ?? '', kepalaJabatanId: unit.kepalaJabatanId ?? '' },
    });
  });
  r.post('/unit/:id', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    const unit = await getUnit(db, id);
    await handleForm(req, res, {
      schema: S.unitUpdate,
      view: 'org/unit-form',
      locals: async () => ({ units: await listUnits(db), unit, jabatanUnit: await listJabatan(db, { unitId: unit.id, aktifOnly: true }) }),
      onValid: async (data) => {
        await updateUnit(db, req.user!, id, data);
        flash(req, 'success', t(res, 'common.saved'));
        res.redirect(303, '/unit');
      },
    });
  });

  // ---- Jabatan ----------------------------------------------------------------------------
  r.get('/jabatan', requireAdmin, async (req, res) => {
    const unitId = idFilter.parse(req.query.unitId);
    res.render('org/jabatan-list', { jabatan: await listJabatan(db, { unitId }), units: await listUnits(db), unitId });
  });
  r.get('/jabatan/baru', requireAdmin, async (req, res) => {
    res.render('org/jabatan-form', { jenjangJf: JENJANG_JF, units: await listUnits(db), jabatan: null, values: { unitId: req.query.unitId ?? '' } });
  });
  r.post('/jabatan', requireAdmin, async (req, res) => {
    await handleForm(req, res, {
      schema: S.jabatanForm,
      view: 'org/jabatan-form',
      locals: async () => ({ jenjangJf: JENJANG_JF, units: await listUnits(db), jabatan: null }),
      onValid: async (data) => {
        const j = await createJabatan(db, req.user!, data);
        flash(req, 'success', t(res, 'org.jabatanCreated', { nama: j.nama }));
        res.redirect(303, `/jabatan?unitId=${j.unitId}`);
      },
    });
  });
  r.get('/jabatan/:id/ubah', requireAdmin, async (req, res) => {
    const jabatan = await getJabatan(db, idParam(req.params.id));
    res.render('org/jabatan-form', {
      jenjangJf: JENJANG_JF, units: await listUnits(db), jabatan,
      values: { ...jabatan, aktif: jabatan.aktif ? '1' : '0', kategoriJf: jabatan.kategoriJf ?? '', jenjangJf: jabatan.jenjangJf ?? '', kepalaUnit: jabatan.mengepalai?.id === jabatan.unitId ? '1' : '' },
    });
  });
  r.post('/jabatan/:id', requireAdmin, async (req, res) => {
    const id = idParam(req.params.id);
    const jabatan = await getJabatan(db, id);
    await handleForm(req, res, {
      schema: S.jabatanUpdate,
      view: 'org/jabatan-form',
      locals: async () => ({ jenjangJf: JENJANG_JF, units: await listUnits(db), jabatan }),
      onValid: async (data) => {
        await updateJabatan(db, req.user!, id, data);
        flash(req, 'success', t(res, 'common.saved'));
        res.redirect(303, `/jabatan?unitId=${data.unitId}`);
      },
    });
  });

  // ---- Pegawai ----------------------------------------------------------------------------
  r.get('/pegawai', requireLogin, async (req, res) => {
    const query = S.pegawaiQuery.parse(req.query);
    res.render('org/pegawai-list', { query, ...(await pegawaiListPage(db, req.user!, query)) });
  });
  r.get('/pegawai/baru', requireAdmin, async (_req, res) => {
    res.render('org/pegawai-form', { ...(await formOptions(db)), ...golongan, pegawai: null, values: { jenisAsn: 'PNS' } });
  });
  r.post('/pegawai', requireAdmin, async (req, res) => {
    await handleForm(req, res, {
      schema: S.pegawaiForm,
      view: 'org/pegawai-form',
      locals: async () => ({ ...(await formOptions(db)), ...golongan, pegawai: null }),
      onValid: async (data) => {
        const { pegawai, password } = await createPegawai(db, req.user!, data);
        flash(req, 'success', t(res, 'pegawai.created', { nama: pegawai.nama, nip: pegawai.nip, password }));
        res.redirect(303, `/pegawai/${pegawai.id}`);
      },
    });
  });
  r.get('/pegawai/:id', requireLogin, async (req, res) => {
    const pegawai = await getPegawai(db, req.user!, idParam(req.params.id));
    const berbeda = req.user!.isAdmin ? await penilaiBerbeda(db, pegawai.id) : []; // HR: open SKPs still with another appraiser
    res.render('org/pegawai-detail', { pegawai, riwayat: await riwayatPegawai(db, pegawai), penilaiBerbeda: berbeda });
  });
  r.get('/pegawai/:id/ubah', requireAdmin, async (req, res) => {
    const pegawai = await getPegawai(db, req.user!, idParam(req.params.id));
    res.render('org/pegawai-form', { ...(await formOptions(db)), ...golongan, pegawai, values: { ...pegawai, penilaiNip: pegawai.penilai?.nip ?? '', penilaiLuarId: pegawai.penilaiLuarId ?? '', email: pegawai.email ?? '' } });
  });
  r.post('/pegawai/:id', requireAdmin, async (req, res) => {
    const pegawai = await getPegawai(db, req.user!, idParam(req.params.id));
    await handleForm(req, res, {
      schema: S.pegawaiUpdate,
      view: 'org/pegawai-form',
      locals: async () => ({ ...(await formOptions(db)), ...golongan, pegawai }),
      onValid: async (data) => {
        await updatePegawai(db, req.user!, pegawai.id, data);
        flash(req, 'success', t(res, 'common.saved'));
        res.redirect(303, `/pegawai/${pegawai.id}`);
      },
    });
  });
  const statusRoute = (aktif: boolean) => async (req: import('express').Request, res: import('express').Response) => {
    const pegawai = await getPegawai(db, req.user!, idParam(req.params.id));
    await handleForm(req, res, {
      schema: aktif ? S.reactivateForm : S.deactivateForm,
      view: 'org/pegawai-detail',
      locals: async () => ({ pegawai, riwayat: await riwayatPegawai(db, pegawai) }),
      onValid: async (data) => {
        await setPegawaiAktif(db, req.user!, pegawai.id, aktif, data.version, 'alasan' in data ? String(data.alasan) : null);
        flash(req, 'success', t(res, aktif ? 'pegawai.reactivated' : 'pegawai.deactivated'));
        res.redirect(303, `/pegawai/${pegawai.id}`);
      },
    });
  };
  r.post('/pegawai/:id/nonaktifkan', requireAdmin, statusRoute(false));
  r.post('/pegawai/:id/aktifkan', requireAdmin, statusRoute(true));
  r.post('/pegawai/:id/reset-password', requireAdmin, async (req, res) => {
    const pegawai = await getPegawai(db, req.user!, idParam(req.params.id));
    const password = await resetPassword(db, req.user!, pegawai.id);
    flash(req, 'success', t(res, 'pegawai.passwordReset', { nama: pegawai.nama, password }));
    res.redirect(303, `/pegawai/${pegawai.id}`);
  });

  return r;
}
