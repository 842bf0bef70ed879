import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { asScoped } from '../../src/domain/access.js';
import { ensureLaporan, laporanDokumen, visibleLaporan } from '../../src/modules/laporan/read.js';
import { NotFound } from '../../src/errors.js';

// The report read model (docs/domain/laporan.md): one report per SKP and period, created lazily
// and only once; seen by whoever sees its SKP; its document read from the SKP version it was
// written against, with capaian, running totals and suggestions from the scoring module.

let t: TestApp;
let team: Awaited<ReturnType<typeof given.pegawaiWithPenilai>>;
let skp: given.GivenSkp;
let periode: Awaited<ReturnType<typeof given.periodeOf>>;

beforeAll(async () => {
  t = await testApp();
  team = await given.pegawaiWithPenilai(t);
  skp = await given.skpDisetujui(t, team.pegawai, { rhk: 2, indikator: 1 });
  periode = await given.periodeOf(t, skp.siklusId);
});
afterAll(async () => { await t?.close(); });

describe('ensureLaporan', () => {
  it('creates one report per SKP and period, even when asked twice at once', async () => {
    const row = asScoped(await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id } }));
    const [a, b] = await Promise.all([ensureLaporan(t.db, row, periode[1]!), ensureLaporan(t.db, row, periode[1]!)]);
    expect(a!.id).toBe(b!.id);
    expect(await t.db.prisma.laporanPeriode.count({ where: { skpId: skp.id, periodeId: periode[1]!.id } })).toBe(1);
    expect(a!.skpRevisi).toBe(1);
    expect(a!.status).toBe('DRAFT');
  });

  it('makes none for an SKP without an approved revision, or one that does not cover the period', async () => {
    const other = await given.pegawai(t, { penilai: team.penilai });
    const draft = await given.skp(t, other);
    const row = asScoped(await t.db.prisma.skp.findUniqueOrThrow({ where: { id: draft.id } }));
    expect(await ensureLaporan(t.db, row, periode[0]!)).toBeNull();
    const approved = asScoped(await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id } }));
    const next = periode[0]!.mulai.getUTCFullYear() + 1; // a period of next year: this SKP covers none of it
    const outside = { id: periode[0]!.id, mulai: new Date(`${next}-01-01`), selesai: new Date(`${next}-03-31`) };
    expect(await ensureLaporan(t.db, approved, outside)).toBeNull();
  });
});

describe('visibleLaporan', () => {
  it('shows the report to the employee and the appraiser, and to nobody outside (NotFound)', async () => {
    const l = await given.laporan(t, skp.id, periode[0]!.id);
    expect((await visibleLaporan(t.db, await given.actorOf(t, team.pegawai.id), l.id)).id).toBe(l.id);
    expect((await visibleLaporan(t.db, await given.actorOf(t, team.penilai.id), l.id)).id).toBe(l.id);
    expect((await visibleLaporan(t.db, await given.adminActor(t), l.id)).id).toBe(l.id);
    const stranger = await given.pegawai(t);
    await expect(visibleLaporan(t.db, await given.actorOf(t, stranger.id), l.id)).rejects.toBeInstanceOf(NotFound);
    await expect(visibleLaporan(t.db, await given.actorOf(t, team.pegawai.id), 999_999)).rejects.toBeInstanceOf(NotFound);
  });
});

describe('laporanDokumen', () => {
  it('reads the plan, realisasi, capaian, running total and the suggestions', async () => {
    const q1 = await given.laporan(t, skp.id, periode[0]!.id, { status: 'DIAJUKAN', realisasi: { [skp.rhk[0]!.indikator[0]!]: '6', [skp.rhk[1]!.indikator[0]!]: '13.5' } });
    expect(q1.status).toBe('DIAJUKAN');
    const actor = await given.actorOf(t, team.pegawai.id);
    const doc = await laporanDokumen(t.db, await visibleLaporan(t.db, actor, q1.id), { now: new Date() });
    expect(doc.rhk.map((r) => r.jenis)).toEqual(['UTAMA', 'UTAMA']);
    const [a, b] = [doc.rhk[0]!.indikator[0]!, doc.rhk[1]!.indikator[0]!];
    expect(a.label).toBe('IKI 1.1');
    expect(a.targetSumber).toBe('TAHUN');
    expect(a.realisasi?.angka).toBe('6');
    expect(a.capaian).toMatchObject({ kind: 'persen', persen: 50, kelas: 'DI_BAWAH' });
    expect(b.capaian).toMatchObject({ kind: 'persen', persen: 112.5, kelas: 'DI_ATAS' });
    expect(doc.rhk[0]!.klasifikasi).toMatchObject({ kind: 'kelas', kelas: 'DI_BAWAH' });
    expect(doc.saran.hasilKerja.kind).toBe('saran');
    expect(doc.saran.perilaku.kind).toBe('withheld'); // no marks yet
    expect(doc.perilaku).toHaveLength(7);
    expect(doc.riwayat.map((r) => r.jenis)).toEqual(['DIAJUKAN']);
    expect(doc.pegawai.nip).toBe(team.pegawai.nip);
    expect(doc.periode.dicakup?.hari).toBeGreaterThan(80);
    expect(doc.buka).toMatchObject({ buka: false, sebab: 'fase' }); // the cycle is still planning

    // Q2 (no realisasi yet): missing, never 0; the running total names the period missing
    const q2 = await given.laporan(t, skp.id, periode[1]!.id);
    const doc2 = await laporanDokumen(t.db, await visibleLaporan(t.db, actor, q2.id));
    const a2 = doc2.rhk[0]!.indikator[0]!;
    expect(a2.capaian.kind).toBe('missing');
    expect(a2.kumulatif).toMatchObject({ kind: 'partial', angka: 6, periodeDipakai: [periode[0]!.nama], periodeHilang: [periode[1]!.nama] });
    expect(doc2.buka).toBeNull();
  });

  it('gives a rated report its rating', async () => {
    const l = await given.laporan(t, skp.id, periode[2]!.id, { status: 'DINILAI' });
    const doc = await laporanDokumen(t.db, await visibleLaporan(t.db, await given.adminActor(t), l.id));
    expect(doc.laporan.status).toBe('DINILAI');
    expect(doc.penilaian).toMatchObject({ ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI', predikat: 'BAIK', policyVersion: 1 });
    expect(doc.riwayat.map((r) => r.jenis)).toEqual(['DIAJUKAN', 'DINILAI']);
  });
});
