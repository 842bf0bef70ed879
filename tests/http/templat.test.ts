import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indikatorIsiDari, rhkIsiDari } from '../../src/domain/skp-document.js';
import * as given from '../helpers/given.js';
import { loginAs, postForm, testApp, type Agent, type TestApp, openPlanning } from '../helpers/app.js';

let t: TestApp;
let admin: Agent;
let siklusId: number;
let sumberSkpId: number;
let jabatanId: number;
let templatId: number;

const fieldError = (html: string, field: string) => new RegExp(`id="f-${field}-err">([^<]*)<`).exec(html)?.[1];
const flashes = (html: string) => [...html.matchAll(/class="flash flash-\w+"[^>]*>([^<]*)</g)].map((m) => m[1]!).join('\n').replace(/&#34;/g, '"');
const holders = () => t.db.prisma.pegawai.count({ where: { jabatanId, aktif: true } });

let people: { pegawai: given.GivenPegawai; penilai: given.GivenPegawai };

beforeAll(async () => {
  t = await testApp();
  admin = await loginAs(t.app, 'admin');
  // A position of its own with two holders (the source of the template and a colleague), both
  // appraised by one penilai.
  const unit = await given.unit(t);
  const jab = await given.jabatan(t, { unitId: unit.id, nama: 'Pengelola Sistem Informasi Uji' });
  const penilai = await given.pegawai(t, { unitId: unit.id, jenis: 'PENGAWAS' });
  const p = await given.pegawai(t, { jabatanId: jab.id, penilai });
  await given.pegawai(t, { jabatanId: jab.id, penilai });
  people = { pegawai: p, penilai };
  siklusId = await openPlanning(t, admin, 2026);
  jabatanId = p.jabatanId;
  const skp = await t.db.prisma.skp.findFirstOrThrow({ where: { siklusId, pegawaiId: p.id, ditutupAt: null } });
  const skpPenilai = await t.db.prisma.skp.findFirstOrThrow({ where: { siklusId, pegawaiId: penilai.id, ditutupAt: null } });
  sumberSkpId = skp.id;
  const atasan = await t.db.prisma.rhk.create({ data: { skpId: skpPenilai.id, jenis: 'UTAMA', urutan: 1, teks: 'Meningkatnya kualitas layanan e-government' } });
  await t.db.prisma.rhk.create({
    data: {
      skpId: skp.id, jenis: 'UTAMA', urutan: 1, rhkAtasanId: atasan.id, teks: 'Terkelolanya sistem informasi layanan publik',
      indikator: {
        create: [
          { aspek: 'KUANTITAS', urutan: 1, teks: 'Jumlah aplikasi yang dipelihara', jenisTarget: 'ANGKA', targetAngka: 12, satuan: 'aplikasi' },
          { aspek: 'KUALITAS', urutan: 2, teks: 'Ketersediaan layanan', jenisTarget: 'RENTANG', targetMin: 95, targetMax: 99.5, satuan: '%' },
        ],
      },
    },
  });
  await t.db.prisma.rhk.create({
    data: {
      skpId: skp.id, jenis: 'TAMBAHAN', urutan: 1, penugasanDari: 'Kepala Bidang', teks: 'Terlaksananya pendampingan aplikasi desa',
      indikator: { create: [{ aspek: 'WAKTU', urutan: 1, teks: 'Waktu penyelesaian pendampingan', jenisTarget: 'ANGKA', targetAngka: 3, satuan: 'bulan', lebihBaik: 'RENDAH', gabungPeriode: 'JUMLAH' }] },
    },
  });
  await t.db.prisma.lampiran.createMany({
    data: [
      { skpId: skp.id, jenis: 'DUKUNGAN_SUMBER_DAYA', urutan: 1, teks: 'Akses server dan akun administrator aplikasi' },
      { skpId: skp.id, jenis: 'KONSEKUENSI', urutan: 1, teks: 'Target tidak tercapai menjadi bahan bimbingan kinerja' },
    ],
  });
  await t.db.prisma.ekspektasiPerilaku.create({ data: { skpId: skp.id, nilai: 'KOMPETEN', ekspektasiKhusus: 'Membagikan pengetahuan kepada rekan kerja' } });
});
afterAll(async () => { await t?.close(); });

describe('SKP templates per position', () => {
  it('are for HR only', async () => {
    const pegawai = await loginAs(t.app, people.pegawai.login);
    await pegawai.get('/templat').expect(403);
    await pegawai.get('/templat/baru').expect(403);
    expect((await postForm(pegawai, '/templat', { skpId: sumberSkpId, nama: 'Templat saya' })).status).toBe(403);
    const admins = await admin.get('/').expect(200);
    expect(admins.text).toContain('href="/templat"');
  });

  it('finds the SKP to copy from', async () => {
    const p = people.pegawai;
    const res = await admin.get(`/templat/baru?siklusId=${siklusId}&q=${p.nip}`).expect(200);
    expect(res.text).toContain(p.nama);
    expect(res.text).toContain(`href="/templat/baru?skpId=${sumberSkpId}"`);
    const form = await admin.get(`/templat/baru?skpId=${sumberSkpId}`).expect(200);
    expect(form.text).toContain('name="nama"');
  });

  it('refuses invalid input in Indonesian, keeping what was typed', async () => {
    const bad = await postForm(admin, '/templat', { skpId: sumberSkpId, nama: 'ab', jabatanId: '' }, '/templat/baru');
    expect(bad.status).toBe(422);
    expect(fieldError(bad.text, 'nama')).toBe('Minimal 3 karakter.');
    expect(bad.text).toContain('value="ab"');
    const kosong = await t.db.prisma.skp.findFirstOrThrow({ where: { siklusId, rhk: { none: {} } } });
    const empty = await postForm(admin, '/templat', { skpId: kosong.id, nama: 'Templat kosong' }, '/templat/baru');
    expect(empty.status).toBe(409);
    expect(empty.text).toContain('SKP ini belum memiliki rencana hasil kerja');
    expect(empty.text).toContain('value="Templat kosong"');
    const jpt = await t.db.prisma.jabatan.findFirstOrThrow({ where: { jenis: 'JPT' } });
    const jenis = await postForm(admin, '/templat', { skpId: sumberSkpId, nama: 'Templat JPT', jabatanId: jpt.id }, '/templat/baru');
    expect(jenis.status).toBe(409);
    expect(fieldError(jenis.text, 'jabatanId')).toContain('pimpinan tinggi');
  });

  it('saves an SKP as a template of its owner\'s position, without the links to the appraiser\'s RHKs', async () => {
    const res = await postForm(admin, '/templat', { skpId: sumberSkpId, nama: 'Pengelola Sistem Informasi 2026', jabatanId: '' }, '/templat/baru');
    expect(res.status).toBe(303);
    templatId = Number(/\/templat\/(\d+)$/.exec(res.headers.location!)![1]);
    const tpl = await t.db.prisma.skpTemplat.findUniqueOrThrow({ where: { id: templatId } });
    expect(tpl.jabatanId).toBe(jabatanId);
    const data = tpl.data as { rhk: Record<string, unknown>[]; lampiran: unknown[] };
    expect(data.rhk).toHaveLength(2);
    expect(data.rhk[0]).not.toHaveProperty('rhkAtasan');
    expect(data.rhk[0]).not.toHaveProperty('id');
    expect(data.lampiran).toHaveLength(2);
    expect(JSON.stringify(tpl.data)).not.toContain('Membagikan pengetahuan'); // ekspektasi khusus stay personal
    const page = await admin.get(res.headers.location!).expect(200);
    expect(page.text).toContain('Terkelolanya sistem informasi layanan publik');
    expect(page.text).toContain('12 aplikasi');
    expect(page.text).toContain('95–99,5 %');
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'templat.create', entitasId: String(templatId) } })).toBe(1);
    const dup = await postForm(admin, '/templat', { skpId: sumberSkpId, nama: 'pengelola sistem informasi 2026' }, '/templat/baru');
    expect(dup.status).toBe(409);
    expect(fieldError(dup.text, 'nama')).toContain('sudah ada untuk jabatan ini');
  });

  it('renames a template', async () => {
    const bad = await postForm(admin, `/templat/${templatId}`, { nama: '' }, `/templat/${templatId}`);
    expect(bad.status).toBe(422);
    expect(fieldError(bad.text, 'nama')).toBe('Wajib diisi.');
    const ok = await postForm(admin, `/templat/${templatId}`, { nama: 'Templat Pengelola SI' }, `/templat/${templatId}`);
    expect(ok.status).toBe(303);
    expect((await t.db.prisma.skpTemplat.findUniqueOrThrow({ where: { id: templatId } })).nama).toBe('Templat Pengelola SI');
  });

  it('fills every empty draft SKP of the position at once, skipping those with content', async () => {
    const n = await holders();
    expect(n).toBeGreaterThan(1);
    const others = await t.db.prisma.skp.findMany({ where: { siklusId, pegawai: { jabatanId, aktif: true }, id: { not: sumberSkpId } } });
    const before = new Map(others.map((s) => [s.id, s.version]));
    const res = await postForm(admin, `/templat/${templatId}/terapkan`, { siklusId }, `/templat/${templatId}`);
    expect(res.status).toBe(303);
    const page = await admin.get(res.headers.location!).expect(200);
    expect(flashes(page.text)).toContain(`Templat "Templat Pengelola SI" pada siklus 2026: diterapkan ke ${n - 1} pegawai, 1 dilewati (sudah berisi).`);
    const withContent = { rhk: { orderBy: [{ jenis: 'asc' as const }, { urutan: 'asc' as const }], include: { indikator: { orderBy: { urutan: 'asc' as const } } } }, lampiran: true };
    const sumber = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: sumberSkpId }, include: withContent });
    type WithContent = typeof sumber;
    const isi = (k: WithContent) => k.rhk.map((r) => ({ ...rhkIsiDari(r), urutan: r.urutan, indikator: r.indikator.map((i) => ({ ...indikatorIsiDari(i), urutan: i.urutan })) }));
    for (const s of others) {
      const filled = await t.db.prisma.skp.findUniqueOrThrow({
        where: { id: s.id },
        include: { rhk: { orderBy: [{ jenis: 'asc' }, { urutan: 'asc' }], include: { indikator: { orderBy: { urutan: 'asc' } } } }, lampiran: true },
      });
      expect(filled.version).toBe(before.get(s.id)! + 1);
      expect(filled.status).toBe('DRAFT');
      expect(filled.rhk.map((r) => [r.jenis, r.urutan, r.teks, r.rhkAtasanId, r.penugasanDari])).toEqual([
        ['UTAMA', 1, 'Terkelolanya sistem informasi layanan publik', null, null],
        ['TAMBAHAN', 1, 'Terlaksananya pendampingan aplikasi desa', null, 'Kepala Bidang'],
      ]);
      expect(filled.rhk[0]!.indikator.map((i) => [i.aspek, i.jenisTarget, i.targetAngka?.toString() ?? null, i.targetMin?.toString() ?? null, i.targetMax?.toString() ?? null, i.satuan])).toEqual([
        ['KUANTITAS', 'ANGKA', '12', null, null, 'aplikasi'],
        ['KUALITAS', 'RENTANG', null, '95', '99.5', '%'],
      ]);
      expect(filled.rhk[1]!.indikator[0]).toMatchObject({ aspek: 'WAKTU', lebihBaik: 'RENDAH' });
      // every field of the document model is carried over (domain/skp-document.ts)
      expect(isi(filled)).toEqual(isi(sumber));
      expect(filled.lampiran.map((l) => l.teks).sort()).toEqual(['Akses server dan akun administrator aplikasi', 'Target tidak tercapai menjadi bahan bimbingan kinerja']);
      expect(await t.db.prisma.auditLog.count({ where: { aksi: 'skp.applyTemplat', entitas: 'skp', entitasId: String(s.id) } })).toBe(1);
    }
    // The source SKP is untouched.
    expect(await t.db.prisma.rhk.count({ where: { skpId: sumberSkpId } })).toBe(2);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'templat.apply', entitasId: String(templatId) } })).toBe(1);
  });

  it('applied a second time, skips everyone', async () => {
    const n = await holders();
    const rhkBefore = await t.db.prisma.rhk.count();
    const res = await postForm(admin, `/templat/${templatId}/terapkan`, { siklusId }, `/templat/${templatId}`);
    expect(res.status).toBe(303);
    const page = await admin.get(res.headers.location!).expect(200);
    expect(flashes(page.text)).toContain(`diterapkan ke 0 pegawai, ${n} dilewati (sudah berisi).`);
    expect(await t.db.prisma.rhk.count()).toBe(rhkBefore);
  });

  it('refuses a cycle that is not open for SKP work, and a missing choice', async () => {
    const closed = await t.db.prisma.siklus.create({ data: { tahun: 2025, fase: 'SELESAI' } });
    const res = await postForm(admin, `/templat/${templatId}/terapkan`, { siklusId: closed.id }, `/templat/${templatId}`);
    expect(res.status).toBe(409);
    expect(fieldError(res.text, 'siklusId')).toBe('Siklus 2025 sedang dalam fase Selesai; templat hanya dapat diterapkan pada fase Perencanaan atau Pelaksanaan.');
    const none = await postForm(admin, `/templat/${templatId}/terapkan`, { siklusId: '' }, `/templat/${templatId}`);
    expect(none.status).toBe(422);
    expect(fieldError(none.text, 'siklusId')).toBe('Pilih siklus tujuan.');
    const missing = await postForm(admin, `/templat/${templatId}/terapkan`, { siklusId: 999999 }, `/templat/${templatId}`);
    expect(missing.status).toBe(409);
    await admin.get('/templat/999999').expect(404);
    expect((await postForm(admin, '/templat/999999', { nama: 'Apa saja' })).status).toBe(404);
    expect((await postForm(admin, '/templat/999999/terapkan', { siklusId })).status).toBe(404);
    expect((await postForm(admin, '/templat/999999/hapus', {})).status).toBe(404);
  });

  it('deletes a template, leaving the SKPs filled from it as they are', async () => {
    const res = await postForm(admin, '/templat', { skpId: sumberSkpId, nama: 'Templat sementara' }, '/templat/baru');
    const id = Number(/\/templat\/(\d+)$/.exec(res.headers.location!)![1]);
    const rhkBefore = await t.db.prisma.rhk.count();
    const del = await postForm(admin, `/templat/${id}/hapus`, {}, `/templat/${id}`);
    expect(del.status).toBe(303);
    expect(del.headers.location).toBe('/templat');
    expect(await t.db.prisma.skpTemplat.count({ where: { id } })).toBe(0);
    expect(await t.db.prisma.rhk.count()).toBe(rhkBefore);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'templat.delete', entitasId: String(id) } })).toBe(1);
    const list = await admin.get('/templat').expect(200);
    expect(flashes(list.text)).toContain('Templat "Templat sementara" dihapus.');
    expect(list.text).not.toContain(`href="/templat/${id}"`);
    expect(list.text).toContain('Templat Pengelola SI');
  });
});

describe('an employee who joins mid-year', () => {
  const NIP = '199803152024012001';

  it('gets a draft SKP with a snapshot in the open cycle when HR adds them, which the template then fills', async () => {
    const penilai = people.penilai;
    const res = await postForm(admin, '/pegawai', {
      nip: NIP, nama: 'Citra Lestari, S.Kom.', jenisAsn: 'PNS', pangkatGolongan: 'III/a', jabatanId, penilaiNip: penilai.nip, email: 'citra.lestari@sukamajukab.go.id',
    }, '/pegawai/baru');
    expect(res.status).toBe(303);
    const p = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: NIP } });
    const skp = await t.db.prisma.skp.findFirstOrThrow({ where: { siklusId, pegawaiId: p.id, ditutupAt: null } });
    expect(skp).toMatchObject({ status: 'DRAFT', penilaiId: penilai.id });
    expect(skp.snapshot).toMatchObject({
      pegawai: { nama: 'Citra Lestari, S.Kom.', nip: NIP, pangkatGolongan: 'III/a', jenisAsn: 'PNS' },
      penilai: { nama: penilai.nama, nip: penilai.nip },
    });
    // No SKP in a cycle that is not open for planning.
    const closed = await t.db.prisma.siklus.findUniqueOrThrow({ where: { tahun: 2025 } });
    expect(await t.db.prisma.skp.count({ where: { siklusId: closed.id, pegawaiId: p.id } })).toBe(0);

    const apply = await postForm(admin, `/templat/${templatId}/terapkan`, { siklusId }, `/templat/${templatId}`);
    const page = await admin.get(apply.headers.location!).expect(200);
    expect(flashes(page.text)).toContain(`diterapkan ke 1 pegawai, ${(await holders()) - 1} dilewati (sudah berisi).`);
    expect(await t.db.prisma.rhk.count({ where: { skpId: skp.id } })).toBe(2);
  });
});
