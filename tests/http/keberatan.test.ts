import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as given from '../helpers/given.js';
import { download, pdfPages } from '../helpers/files.js';
import { csrf, loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { cekUnit } from '../../src/modules/evaluasi/kalibrasi/service.js';

// Objections (docs/domain/keberatan.md; PP 30/2019 Pasal 59) on an agency of their own
// (given.instansiKalibrasi): the year's evaluations FINAL and notified on 20 January 2027 at
// 09:30 WIB, so the 14-day window's last day is 3 February 2027.
//
//   seksi staff → appraised by kasi → decided by kabid
//   bidang staff, lain's head → appraised by kabid / kadis → decided by kadis
//   kabid, kalain → appraised by kadis → decided by `luar` (an official outside the agency, with a login)
//   kadis → appraised by `luar` → decided outside the system: HR records it

const T0 = '2027-01-20T02:30:00Z';
const clock = fixedClock(T0);
let t: TestApp;
let w: given.InstansiKalibrasi;
let admin: Agent;
const PDF = Buffer.from('%PDF-1.4\n% bukti keberatan\n1 0 obj << >> endobj\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);
const ALASAN = 'Capaian RHK utama saya 112% tetapi rating hasil kerja dinilai di bawah ekspektasi.';
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');

const evaluasiOf = (pegawaiId: number) => t.db.prisma.evaluasiTahunan.findUniqueOrThrow({ where: { siklusId_pegawaiId: { siklusId: w.siklus.id, pegawaiId } } });
const keberatanOf = (pegawaiId: number) => t.db.prisma.keberatan.findFirstOrThrow({ where: { siklusId: w.siklus.id, pegawaiId } });
const notif = (where: object, jenis: string, tautan?: string) => t.db.prisma.notifikasi.count({ where: { user: where, jenis: jenis as never, ...(tautan ? { tautan } : {}) } });
const login = (p: { login: { login: string; password: string } }) => loginAs(t.app, p.login);
const filing = (agent: Agent, token: string) => agent.post(`/keberatan/saya?siklus=${w.siklus.id}`).field('_csrf', token);

async function putus(agent: Agent, id: number, body: Record<string, string>, status: number) {
  const page = await agent.get(`/keberatan/${id}`);
  expect(page.status).toBe(200);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
  const version = body.version ?? (await t.db.prisma.keberatan.findUniqueOrThrow({ where: { id } })).version;
  return agent.post(`/keberatan/${id}/putus`).type('form').send({ _csrf: token, version: String(version), ...body }).expect(status);
}

beforeAll(async () => {
  t = await testApp({}, { clock });
  w = await given.instansiKalibrasi(t, { staffBidang: 3, staffSeksi: 5, staffLain: 2 });
  await given.predikatOrganisasiLangsung(t, w.siklus.id, w.units.bidang.id, 'BAIK');
  const at = new Date(T0);
  const everyone = [w.people.kadis, w.people.kabid, w.people.kasi, w.people.kalain, ...w.staff.bidang, ...w.staff.seksi, ...w.staff.lain];
  for (const p of everyone) await given.evaluasiFinalLangsung(t, w.siklus.id, p.id, { diberitahuAt: at });
  // seksi[0] was rated below expectation on results: Butuh Perbaikan
  await t.db.prisma.evaluasiTahunan.update({ where: { id: (await evaluasiOf(w.staff.seksi[0]!.id)).id }, data: { ratingHasilKerja: 'DI_BAWAH', predikat: 'BUTUH_PERBAIKAN', alasanHasilKerja: 'Dua RHK utama tidak mencapai target.' } });
  // the head's year was confirmed by the official outside the agency who appraises them
  await t.db.prisma.evaluasiTahunan.update({ where: { id: (await evaluasiOf(w.people.kadis.id)).id }, data: { penilaiId: null, penilaiLuarId: w.luar.id } });
  await given.faseSiklus(t, w.siklus.id, 'SELESAI');
  admin = await loginAs(t.app, 'admin');
});

afterAll(async () => {
  await t?.close();
});

describe('the window — PP 30/2019 Pasal 59: within 14 days of receiving the result (calendar days, the cycle time zone)', () => {
  it('inside the window the employee sees the form naming its last day and the decider', async () => {
    clock.set('2027-01-25T05:00:00Z');
    const me = await login(w.staff.seksi[3]!);
    const page = await me.get(`/keberatan/saya?siklus=${w.siklus.id}`).expect(200);
    expect(text(page.text)).toContain('sampai dengan 3 Februari 2027');
    expect(text(page.text)).toContain(w.people.kabid.nama);
    // without a chosen cycle: the latest year with a final evaluation
    expect(text((await me.get('/keberatan/saya').expect(200)).text)).toContain('sampai dengan 3 Februari 2027');
  });

  it('on the last day (23:59 WIB on 3 February) filing is allowed', async () => {
    clock.set('2027-02-03T16:59:00Z');
    const me = await login(w.staff.seksi[1]!);
    const res = await filing(me, await csrf(me, `/keberatan/saya?siklus=${w.siklus.id}`)).field('alasan', ALASAN).field('aksi', 'kirim').expect(303);
    const k = await keberatanOf(w.staff.seksi[1]!.id);
    expect(res.headers.location).toBe(`/keberatan/${k.id}`);
    expect(k.batasTanggal.toISOString().slice(0, 10)).toBe('2027-02-03');
  });

  it('the day after (00:00 WIB on 4 February) filing is refused, naming the date it closed; what was typed stays', async () => {
    clock.set('2027-02-03T17:00:00Z');
    const me = await login(w.staff.seksi[2]!);
    const page = await me.get(`/keberatan/saya?siklus=${w.siklus.id}`).expect(200);
    expect(text(page.text)).toContain('masa keberatan berakhir pada 3 Februari 2027');
    expect(page.text).not.toContain('name="alasan"');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const res = await filing(me, token).field('alasan', ALASAN).field('aksi', 'kirim').expect(409);
    expect(text(res.text)).toContain('masa keberatan berakhir pada 3 Februari 2027');
    expect(text(res.text)).toContain(ALASAN);
    expect(await t.db.prisma.keberatan.count({ where: { pegawaiId: w.staff.seksi[2]!.id } })).toBe(0);
  });

  it('the window is the policy setting policy.keberatan.hari, settable on the policy screen after the cycle is closed', async () => {
    const page = await admin.get(`/siklus/${w.siklus.id}/kebijakan`).expect(200);
    expect(page.text).toContain('name="keberatanHari"');
    const s = await t.db.prisma.siklus.findUniqueOrThrow({ where: { id: w.siklus.id } });
    await admin.post(`/siklus/${w.siklus.id}/kebijakan`).type('form').send({ _csrf: await csrf(admin, `/siklus/${w.siklus.id}/kebijakan`), version: String(s.version), keberatanHari: '15' }).expect(303);
    clock.set('2027-02-04T05:00:00Z'); // the 15th day
    const me = await login(w.staff.seksi[2]!);
    expect(text((await me.get(`/keberatan/saya?siklus=${w.siklus.id}`).expect(200)).text)).toContain('sampai dengan 4 Februari 2027');
    // only the window may change once frozen: a scoring setting sent along is refused
    const s2 = await t.db.prisma.siklus.findUniqueOrThrow({ where: { id: w.siklus.id } });
    expect((s2.policy as { keberatan: { hari: number } }).keberatan.hari).toBe(15);
    const frozen = await admin.post(`/siklus/${w.siklus.id}/kebijakan`).type('form').send({ _csrf: await csrf(admin, `/siklus/${w.siklus.id}/kebijakan`), version: String(s2.version), keberatanHari: '15', minimumOrang: '3' }).expect(409);
    expect(text(frozen.text)).toContain('tidak dapat diubah lagi');
    const bad = await admin.post(`/siklus/${w.siklus.id}/kebijakan`).type('form').send({ _csrf: await csrf(admin, `/siklus/${w.siklus.id}/kebijakan`), version: String(s2.version), keberatanHari: '0' }).expect(422);
    expect(bad.text).toContain('value="0"');
    await admin.post(`/siklus/${w.siklus.id}/kebijakan`).type('form').send({ _csrf: await csrf(admin, `/siklus/${w.siklus.id}/kebijakan`), version: String(s2.version), keberatanHari: '14' }).expect(303);
  });
});

describe('filing: reasons and attachments (the evidence rules), held across a refusal; one per evaluation', () => {
  let id: number;

  it('a refusal keeps what was typed and every file uploaded; a file of another kind is refused by its content', async () => {
    clock.set('2027-01-22T03:00:00Z');
    const me = await login(w.staff.seksi[0]!);
    const token = await csrf(me, `/keberatan/saya?siklus=${w.siklus.id}`);
    const short = await filing(me, token).field('alasan', 'Tidak adil').field('aksi', 'kirim').attach('berkas', PDF, 'capaian-rhk.pdf').expect(422);
    expect(short.text).toContain('Tidak adil');
    expect(short.text).toContain('capaian-rhk.pdf');
    const held = /name="lampiranToken" value="([^"]+)"/.exec(short.text)![1]!;
    const exe = await filing(me, token).field('alasan', ALASAN).field('lampiranToken', held).field('aksi', 'lampiran').attach('berkas', EXE, 'bukti.pdf').expect(422);
    expect(exe.text).toContain(ALASAN);
    expect(exe.text).toContain('capaian-rhk.pdf'); // the first file is still held
    expect(await t.db.prisma.keberatan.count({ where: { pegawaiId: w.staff.seksi[0]!.id } })).toBe(0);
    const held2 = /name="lampiranToken" value="([^"]+)"/.exec(exe.text)![1]!;
    const ok = await filing(me, token).field('alasan', ALASAN).field('lampiranToken', held2).field('aksi', 'kirim').expect(303);
    const k = await keberatanOf(w.staff.seksi[0]!.id);
    id = k.id;
    expect(ok.headers.location).toBe(`/keberatan/${id}`);
    expect(k).toMatchObject({ status: 'DIAJUKAN', pemutusId: w.people.kabid.id, pemutusLuarId: null, semulaHasilKerja: 'DI_BAWAH', semulaPredikat: 'BUTUH_PERBAIKAN', alasan: ALASAN });
    const files = await t.db.prisma.keberatanBerkas.findMany({ where: { keberatanId: id }, include: { berkas: true } });
    expect(files.map((f) => [f.berkas.nama, f.berkas.mime, f.dariPenilai])).toEqual([['capaian-rhk.pdf', 'application/pdf', false]]);
    expect(await notif({ pegawaiId: w.people.kabid.id }, 'KEBERATAN_DIAJUKAN', `/keberatan/${id}`)).toBe(1);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'keberatan.create', entitasId: String(id) } })).toBe(1);
  });

  it('sent twice (a double submit): one objection, the second lands on the first', async () => {
    const me = await login(w.staff.seksi[0]!);
    const res = await filing(me, await csrf(me, `/keberatan/saya?siklus=${w.siklus.id}`)).field('alasan', ALASAN).field('aksi', 'kirim');
    // the page no longer offers the form; a resent form finds the objection filed
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/keberatan/${id}`);
    expect(await t.db.prisma.keberatan.count({ where: { pegawaiId: w.staff.seksi[0]!.id } })).toBe(1);
    expect(await notif({ pegawaiId: w.people.kabid.id }, 'KEBERATAN_DIAJUKAN', `/keberatan/${id}`)).toBe(1);
  });

  it('the attachment is served to those who may see the objection, and to nobody else (404)', async () => {
    const f = await t.db.prisma.keberatanBerkas.findFirstOrThrow({ where: { keberatanId: id } });
    for (const who of [w.staff.seksi[0]!, w.people.kabid, w.people.kasi]) {
      const res = await (await login(who)).get(`/keberatan/${id}/berkas/${f.berkasId}`).expect(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment/);
    }
    await admin.get(`/keberatan/${id}/berkas/${f.berkasId}`).expect(200);
    const other = await login(w.staff.seksi[4]!);
    await other.get(`/keberatan/${id}/berkas/${f.berkasId}`).expect(404);
    await other.get(`/keberatan/${id}`).expect(404);
  });

  it('the decider asks the appraiser for a written response; the appraiser answers on the same page with an attachment', async () => {
    const kabid = await login(w.people.kabid);
    const page = await kabid.get(`/keberatan/${id}`).expect(200);
    expect(text(page.text)).toContain(ALASAN);
    expect(text(page.text)).toContain('Dua RHK utama tidak mencapai target.'); // the appraiser's reasons
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    const k = await keberatanOf(w.staff.seksi[0]!.id);
    await kabid.post(`/keberatan/${id}/minta-tanggapan`).type('form').send({ _csrf: token, version: String(k.version), permintaan: 'Jelaskan dasar rating hasil kerja.' }).expect(303);
    await kabid.post(`/keberatan/${id}/minta-tanggapan`).type('form').send({ _csrf: token, version: String(k.version), permintaan: 'Jelaskan dasar rating hasil kerja.' }).expect(303); // twice: once
    expect(await notif({ pegawaiId: w.people.kasi.id }, 'KEBERATAN_TANGGAPAN_DIMINTA')).toBe(1);
    const kasi = await login(w.people.kasi);
    const p2 = await kasi.get(`/keberatan/${id}`).expect(200);
    expect(p2.text).toContain('id="form-tanggapan"');
    const tk = /name="_csrf" value="([^"]+)"/.exec(p2.text)![1]!;
    const k2 = await keberatanOf(w.staff.seksi[0]!.id);
    await kasi.post(`/keberatan/${id}/tanggapan`).field('_csrf', tk).field('version', String(k2.version)).field('tanggapan', 'Dua dari empat RHK utama di bawah target pada triwulan IV.').field('aksi', 'kirim').attach('berkas', PDF, 'rekap-triwulan.pdf').expect(303);
    const k3 = await keberatanOf(w.staff.seksi[0]!.id);
    expect(k3.status).toBe('DITANGGAPI');
    expect(await t.db.prisma.keberatanBerkas.count({ where: { keberatanId: id, dariPenilai: true } })).toBe(1);
    expect(await notif({ pegawaiId: w.people.kabid.id }, 'KEBERATAN_DITANGGAPI')).toBe(1);
  });

  it('the decision UBAH changes evaluasi_tahunan (predikat by the 6/2022 matrix), re-issues the document, and moves the distribution', async () => {
    const before = await cekUnit(t.db, w.siklus.id, w.units.bidang.id);
    const kalibrasi = async () => (await admin.get(`/kalibrasi/${w.units.bidang.id}?siklus=${w.siklus.id}`).expect(200)).text;
    const jumlah = (html: string, p: string) => Number(new RegExp(`data-predikat="${p}">.*?data-k="jumlah">(\\d+)<`).exec(html)?.[1]);
    const pageBefore = await kalibrasi();
    const countOf = (c: typeof before, p: string) => c.baris.filter((b) => b.predikat === p).length;
    const e0 = await evaluasiOf(w.staff.seksi[0]!.id);
    const kabid = await login(w.people.kabid);
    // a reason is required and the input comes back
    const bad = await putus(kabid, id, { keputusan: 'UBAH', ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI', alasanKeputusan: 'Singkat' }, 422);
    expect(bad.text).toContain('Singkat');
    expect(bad.text).toMatch(/value="SESUAI" checked/);
    const alasan = 'Bukti capaian triwulan IV menunjukkan target RHK utama tercapai; rating hasil kerja sesuai ekspektasi.';
    await putus(kabid, id, { keputusan: 'UBAH', ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI', alasanKeputusan: alasan }, 303);
    const e1 = await evaluasiOf(w.staff.seksi[0]!.id);
    expect(e1).toMatchObject({ ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI', predikat: 'BAIK', status: 'FINAL', version: e0.version + 1 });
    const k = await keberatanOf(w.staff.seksi[0]!.id);
    expect(k).toMatchObject({ status: 'DIPUTUS', keputusan: 'UBAH', hasilKerjaBaru: 'SESUAI', perilakuBaru: 'SESUAI', predikatBaru: 'BAIK', alasanKeputusan: alasan, dicatatHr: false, delegasiId: null });
    const dok = await t.db.prisma.dokumenEvaluasi.findMany({ where: { evaluasiId: e1.id }, orderBy: { nomor: 'asc' } });
    expect(dok.map((d) => [d.nomor, d.digantikanAt !== null, (d.isi as { predikat: string }).predikat, d.keberatanId])).toEqual([[1, true, 'BUTUH_PERBAIKAN', null], [2, false, 'BAIK', id]]);
    // the re-issued document names the decision it follows (once the document carries it: docs/domain/dokumen-evaluasi.md)
    const isi2 = dok[1]!.isi as { keberatan?: { id: number; keputusan: string | null } | null };
    if ('keberatan' in isi2) expect(isi2.keberatan).toMatchObject({ id, keputusan: 'UBAH' });
    const after = await cekUnit(t.db, w.siklus.id, w.units.bidang.id);
    expect(countOf(after, 'BAIK')).toBe(countOf(before, 'BAIK') + 1);
    expect(countOf(after, 'BUTUH_PERBAIKAN')).toBe(countOf(before, 'BUTUH_PERBAIKAN') - 1);
    // the calibration page (the unit's chart and table) reads the changed rating
    const pageAfter = await kalibrasi();
    expect(jumlah(pageBefore, 'BUTUH_PERBAIKAN')).toBeGreaterThan(0); // read from the page (not NaN)
    expect(jumlah(pageAfter, 'BAIK')).toBe(jumlah(pageBefore, 'BAIK') + 1);
    expect(jumlah(pageAfter, 'BUTUH_PERBAIKAN')).toBe(jumlah(pageBefore, 'BUTUH_PERBAIKAN') - 1);
    // the calibration record: the unit's check before and after, in the decision's audit entry
    const entry = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'evaluasi.reviseByKeberatan', entitasId: String(e1.id) } });
    expect((entry.after as { kalibrasi: { unitId: number } }).kalibrasi.unitId).toBe(w.units.bidang.id);
    expect(await notif({ pegawaiId: w.staff.seksi[0]!.id }, 'KEBERATAN_DIPUTUS')).toBe(1);
    expect(await notif({ pegawaiId: w.people.kasi.id }, 'KEBERATAN_DIPUTUS')).toBe(1);
    // the employee sees the decision, and is told it in words
    const employee = await login(w.staff.seksi[0]!);
    expect(text((await employee.get('/notifikasi').expect(200)).text)).toContain('sudah diputus: Diubah (rating diubah)');
    const mine = await employee.get(`/keberatan/${id}`).expect(200);
    expect(text(mine.text)).toContain(alasan);
    expect(mine.text).not.toContain('id="form-evaluasi"');
    expect(text(mine.text)).toContain(`Pemeriksaan distribusi ${w.units.bidang.nama}: sebelum keputusan`);
    // the decided page links both documents; the decider opens the re-issued one, which prints the new predikat
    for (const nomor of [1, 2]) expect(mine.text).toContain(`href="/evaluasi/${w.staff.seksi[0]!.id}/dokumen/${nomor}/cetak.pdf?siklus=${w.siklus.id}"`);
    const pdf = await download(kabid, `/evaluasi/${w.staff.seksi[0]!.id}/dokumen/2/cetak.pdf?siklus=${w.siklus.id}`).expect(200);
    expect((await pdfPages(pdf.body)).join(' ')).toMatch(/BAIK/);
    // and HR's recap of the year reads the changed rating with the objection's outcome
    const res = await download(admin, `/rekap/tahunan.xlsx?siklus=${w.siklus.id}`).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const row = rows.find((r) => r[0] === w.staff.seksi[0]!.nip)!;
    expect(row).toBeDefined();
    expect(row).toContain('Baik');
    expect(row).toContain('Diputus: diubah');
  });

  it('the decision is final: the same decision sent twice is taken once, another is refused', async () => {
    const kabid = await login(w.people.kabid);
    const k = await keberatanOf(w.staff.seksi[0]!.id);
    const alasan = k.alasanKeputusan!;
    await putus(kabid, id, { version: String(k.version - 1), keputusan: 'UBAH', ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI', alasanKeputusan: alasan }, 303);
    const res = await putus(kabid, id, { version: String(k.version), keputusan: 'TETAP', alasanKeputusan: 'Saya berubah pikiran, hasil evaluasi semula dikuatkan.' }, 409);
    expect(text(res.text)).toContain('sudah diputus');
    expect(await t.db.prisma.dokumenEvaluasi.count({ where: { evaluasiId: k.evaluasiId } })).toBe(2);
    expect((await keberatanOf(w.staff.seksi[0]!.id)).keputusan).toBe('UBAH');
  });
});

describe('who decides: the atasan pejabat penilai, in person, by Plt/Plh, the external official by login or HR on their behalf', () => {
  it('the external atasan by their own login (TETAP: no new document)', async () => {
    clock.set('2027-01-22T03:00:00Z');
    const k = await given.keberatan(t, w.siklus.id, w.people.kabid, { clock });
    const row = await t.db.prisma.keberatan.findUniqueOrThrow({ where: { id: k.id } });
    expect(row).toMatchObject({ pemutusId: null, pemutusLuarId: w.luar.id });
    const luar = await loginAs(t.app, w.luar.login!);
    expect((await luar.get('/keberatan').expect(200)).text).toContain(`/keberatan/${k.id}`);
    await putus(luar, k.id, { keputusan: 'TETAP', alasanKeputusan: 'Rating sudah sesuai dengan capaian Perjanjian Kinerja bidang.' }, 303);
    expect(await t.db.prisma.keberatan.findUniqueOrThrow({ where: { id: k.id } })).toMatchObject({ status: 'DIPUTUS', keputusan: 'TETAP', dicatatHr: false });
    expect(await t.db.prisma.dokumenEvaluasi.count({ where: { evaluasiId: row.evaluasiId } })).toBe(0);
  });

  it('HR on behalf of the external atasan (UBAH, dicatat_hr)', async () => {
    const k = await given.keberatan(t, w.siklus.id, w.people.kalain, { clock });
    await putus(admin, k.id, { keputusan: 'UBAH', ratingHasilKerja: 'DI_ATAS', ratingPerilaku: 'DI_ATAS', alasanKeputusan: 'Sesuai surat Sekretaris Daerah nomor 800/12/2027: rating dinaikkan.' }, 303);
    const row = await t.db.prisma.keberatan.findUniqueOrThrow({ where: { id: k.id } });
    expect(row).toMatchObject({ keputusan: 'UBAH', predikatBaru: 'SANGAT_BAIK', dicatatHr: true, diputusOlehUserId: expect.any(Number) });
    expect((await evaluasiOf(w.people.kalain.id)).predikat).toBe('SANGAT_BAIK');
  });

  it('an appraiser outside the agency: the superior is not in the system, HR records the decision', async () => {
    const k = await given.keberatan(t, w.siklus.id, w.people.kadis, { clock });
    expect(await t.db.prisma.keberatan.findUniqueOrThrow({ where: { id: k.id } })).toMatchObject({ pemutusId: null, pemutusLuarId: null });
    // the external appraiser gave the rating: they see it, and cannot decide it
    const luar = await loginAs(t.app, w.luar.login!);
    await luar.get(`/keberatan/${k.id}`).expect(200);
    await putus(luar, k.id, { keputusan: 'TETAP', alasanKeputusan: 'Saya menilai sudah tepat dan adil.' }, 403);
    await putus(admin, k.id, { keputusan: 'TETAP', alasanKeputusan: 'Diputus Bupati (surat 800/3/2027): hasil evaluasi tetap.' }, 303);
    expect(await t.db.prisma.keberatan.findUniqueOrThrow({ where: { id: k.id } })).toMatchObject({ keputusan: 'TETAP', dicatatHr: true });
  });

  it('nobody decides an objection against their own rating: not the employee, not the appraiser, even as Plh of the decider\'s post; another Plh may', async () => {
    // lain[0] is Plh of the kadis post; kasi Plh of the kabid post
    await given.delegasi(t, { jabatanId: w.people.kadis.jabatanId, penerima: w.staff.lain[0]!, pemberi: w.people.kadis });
    await given.delegasi(t, { jabatanId: w.people.kabid.jabatanId, penerima: w.people.kasi, pemberi: w.people.kabid });
    const own = await given.keberatan(t, w.siklus.id, w.staff.lain[0]!, { clock }); // decided by kadis, whose post lain[0] acts for
    const lain0 = await login(w.staff.lain[0]!);
    await putus(lain0, own.id, { keputusan: 'UBAH', ratingHasilKerja: 'DI_ATAS', ratingPerilaku: 'DI_ATAS', alasanKeputusan: 'Saya layak mendapat predikat sangat baik.' }, 403);
    const seksi4 = await given.keberatan(t, w.siklus.id, w.staff.seksi[4]!, { clock }); // rated by kasi, decided by kabid, whose post kasi acts for
    const kasi = await login(w.people.kasi);
    await putus(kasi, seksi4.id, { keputusan: 'TETAP', alasanKeputusan: 'Penilaian saya sudah sesuai bukti.' }, 403);
    expect(await t.db.prisma.keberatan.count({ where: { id: { in: [own.id, seksi4.id] }, status: 'DIPUTUS' } })).toBe(0);
    // lain[0] as Plh of the kadis post decides someone else's (bidang[0], rated by kabid)
    const other = await given.keberatan(t, w.siklus.id, w.staff.bidang[0]!, { clock });
    await putus(lain0, other.id, { keputusan: 'TETAP', alasanKeputusan: 'Sebagai Plh Kepala Dinas: hasil evaluasi tetap.' }, 303);
    expect((await t.db.prisma.keberatan.findUniqueOrThrow({ where: { id: other.id } })).delegasiId).not.toBeNull();
    // the Plh who decides in the post's name reads the employee's documents too; a colleague without the delegation does not
    await lain0.get(`/evaluasi/${w.staff.bidang[0]!.id}/dokumen?siklus=${w.siklus.id}`).expect(200);
    await (await login(w.staff.lain[1]!)).get(`/evaluasi/${w.staff.bidang[0]!.id}/dokumen?siklus=${w.siklus.id}`).expect(404);
  });

  it('a version conflict: a form loaded before someone else asked for a response is refused', async () => {
    const k = await given.keberatan(t, w.siklus.id, w.staff.bidang[1]!, { clock });
    const kadis = await login(w.people.kadis);
    const row = await t.db.prisma.keberatan.findUniqueOrThrow({ where: { id: k.id } });
    const page = await kadis.get(`/keberatan/${k.id}`).expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    await kadis.post(`/keberatan/${k.id}/minta-tanggapan`).type('form').send({ _csrf: token, version: String(row.version), permintaan: 'Mohon penjelasan rating perilaku.' }).expect(303);
    const res = await putus(kadis, k.id, { version: String(row.version), keputusan: 'TETAP', alasanKeputusan: 'Hasil evaluasi semula sudah tepat.' }, 409);
    expect(res.text).toContain('Hasil evaluasi semula sudah tepat.');
  });
});

describe('who sees what', () => {
  it('in English too', async () => {
    const me = await login(w.staff.seksi[0]!);
    await me.post('/bahasa').type('form').send({ _csrf: await csrf(me, '/keberatan'), lang: 'en', back: '/keberatan' }).expect(303);
    const k = await keberatanOf(w.staff.seksi[0]!.id);
    const page = text((await me.get(`/keberatan/${k.id}`).expect(200)).text);
    expect(page).toContain('objection to the');
    expect(page).toContain('Changed (the ratings were changed)');
  });

  it('the list: the employee their own, the appraiser those against their ratings, HR all with a status filter', async () => {
    const mine = await (await login(w.staff.seksi[0]!)).get('/keberatan').expect(200);
    const ids = (html: string) => [...html.matchAll(/data-id="(\d+)"/g)].map((m) => Number(m[1]));
    const own = await keberatanOf(w.staff.seksi[0]!.id);
    expect(ids(mine.text)).toEqual([own.id]);
    const kasiList = ids((await (await login(w.people.kasi)).get('/keberatan').expect(200)).text);
    const kasiRated = await t.db.prisma.keberatan.findMany({ where: { evaluasi: { penilaiId: w.people.kasi.id } }, select: { id: true } });
    for (const r of kasiRated) expect(kasiList).toContain(r.id);
    // what waits for whom: kadis decides bidang[1]'s (a response asked of kabid, its appraiser)
    expect(text((await (await login(w.people.kadis)).get('/keberatan').expect(200)).text)).toMatch(/\d+ keberatan menunggu keputusan Anda/);
    expect(text((await (await login(w.people.kabid)).get('/keberatan').expect(200)).text)).toContain('Tanggapan tertulis Anda diminta atas 1 keberatan');
    const all = await t.db.prisma.keberatan.count();
    expect(ids((await admin.get('/keberatan').expect(200)).text)).toHaveLength(all);
    const open = await t.db.prisma.keberatan.count({ where: { status: 'DIAJUKAN' } });
    expect(ids((await admin.get('/keberatan?status=DIAJUKAN').expect(200)).text)).toHaveLength(open);
  });
});
