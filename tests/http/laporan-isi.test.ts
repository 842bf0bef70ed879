import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { testApp, type TestApp } from '../helpers/app.js';
import { LAPORAN_INCLUDE, ensureLaporan, laporanDokumen, laporanHalaman, visibleLaporan } from '../../src/modules/laporan/read.js';
import { NotFound } from '../../src/errors.js';
import { asScoped } from '../../src/domain/access.js';

// laporanDokumen reads a report's content (plan, realisasi, progress, evidence, marks, rating,
// history) in one statement (src/modules/laporan/queries.ts laporanIsi; the report page is a hot
// page, docs/domain/laporan.md). What it returns must be what the rows hold, as Prisma reads them:
// the same values, decimals printed as Prisma's Decimal prints them, dates as Date objects.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

describe('laporanDokumen (one statement for the report content)', () => {
  it('returns what the rows hold: realisasi, evidence with its file, marks, rating, history with dates', async () => {
    const team = await given.pegawaiWithPenilai(t);
    const skp = await given.skpDisetujui(t, team.pegawai, { rhk: 2, indikator: 1 });
    const periode = await given.periodeOf(t, skp.siklusId);
    const [i1, i2] = [skp.rhk[0]!.indikator[0]!, skp.rhk[1]!.indikator[0]!];
    const l = await given.laporan(t, skp.id, periode[0]!.id, { status: 'DINILAI', realisasi: { [i1]: '6', [i2]: '13.5' } });
    const p = t.db.prisma;
    await p.realisasi.update({ where: { laporanId_indikatorId: { laporanId: l.id, indikatorId: i2 } }, data: { sumberData: 'Arsip unit', umpanBalik: 'Pertahankan' } });
    const berkas = await p.berkas.create({ data: { nama: 'notulen.pdf', mime: 'application/pdf', ukuran: 1234, sha256: 'a'.repeat(64), kunci: `test/${l.id}` } });
    const b1 = await p.buktiDukung.create({ data: { laporanId: l.id, indikatorId: i1, berkasId: berkas.id, keterangan: 'Notulen' } });
    const b2 = await p.buktiDukung.create({ data: { laporanId: l.id, url: 'https://contoh.go.id/bukti', keterangan: 'Tautan' } });
    await p.tandaPerilaku.create({ data: { laporanId: l.id, nilai: 'AKUNTABEL', tanda: 'DI_ATAS', umpanBalik: 'Teliti' } });
    const sampai = new Date('2026-04-12T16:59:59.123Z');
    await p.riwayatLaporan.create({ data: { laporanId: l.id, jenis: 'DIBUKA_HR', alasan: 'Sakit', sampai, at: new Date('2026-04-10T02:00:00.456Z') } });

    const doc = await laporanDokumen(t.db, await visibleLaporan(t.db, await given.actorOf(t, team.pegawai.id), l.id), { now: new Date() });

    const ind = doc.rhk.flatMap((r) => r.indikator);
    expect(ind.map((i) => i.realisasi?.angka)).toEqual(['6', '13.5']);
    expect(ind[1]!.realisasi).toMatchObject({ sumberData: 'Arsip unit', umpanBalik: 'Pertahankan', teks: null, penilaian: null });
    expect(ind[0]!.bukti).toEqual([{ id: b1.id, indikatorId: i1, url: null, keterangan: 'Notulen', berkas: { id: berkas.id, nama: 'notulen.pdf', mime: 'application/pdf', ukuran: 1234 }, createdAt: b1.createdAt }]);
    expect(doc.bukti).toEqual([{ id: b2.id, indikatorId: null, url: 'https://contoh.go.id/bukti', keterangan: 'Tautan', berkas: null, createdAt: b2.createdAt }]);
    expect(doc.buktiJumlah).toBe(2);
    expect(doc.perilaku.find((x) => x.nilai === 'AKUNTABEL')).toMatchObject({ tanda: 'DI_ATAS', umpanBalik: 'Teliti' });
    expect(doc.perilaku.find((x) => x.nilai === 'ADAPTIF')).toMatchObject({ tanda: null, umpanBalik: null });

    const rating = await p.penilaianPeriode.findUniqueOrThrow({ where: { laporanId: l.id } });
    expect(doc.penilaian).toEqual({
      ratingHasilKerja: rating.ratingHasilKerja, ratingPerilaku: rating.ratingPerilaku, predikat: rating.predikat, policyVersion: rating.policyVersion,
      saranHasilKerja: rating.saranHasilKerja, saranPerilaku: rating.saranPerilaku, alasanHasilKerja: null, alasanPerilaku: null,
      at: rating.at, version: rating.version, dicatatHr: false,
    });
    expect(doc.penilaian!.at).toBeInstanceOf(Date);

    const riwayat = await p.riwayatLaporan.findMany({ where: { laporanId: l.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    expect(doc.riwayat).toEqual(riwayat.map((r) => ({ id: r.id, jenis: r.jenis, alasan: r.alasan, sampai: r.sampai, at: r.at, olehUserId: r.olehUserId })));
    expect(doc.riwayat[0]).toMatchObject({ jenis: 'DIBUKA_HR', sampai }); // the earliest (millisecond dates kept)
  });
});

describe('visibleLaporan (the scope by Prisma, the row in one statement)', () => {
  it('returns the report row with its relations exactly as Prisma\'s include reads them', async () => {
    // an appraisee, a unit head (the post that heads a unit, with a parent unit) and a returned report
    const team = await given.pegawaiWithPenilai(t);
    const skp = await given.skpDisetujui(t, team.pegawai, { rhk: 1, indikator: 1 });
    const periode = await given.periodeOf(t, skp.siklusId);
    const returned = await given.laporan(t, skp.id, periode[0]!.id, { status: 'DIKEMBALIKAN' });
    const kepala = await t.db.prisma.pegawai.findFirstOrThrow({ where: { aktif: true, penilaiId: { not: null }, jabatan: { mengepalai: { parentId: { not: null } } } }, orderBy: { id: 'desc' } });
    const headSkp = await given.skpDisetujui(t, kepala, { rhk: 1, indikator: 1 });
    const head = await given.laporan(t, headSkp.id, periode[1]!.id);
    const cases = [returned.id, head.id];
    const seed = await t.db.prisma.laporanPeriode.findFirst({ where: { id: { notIn: cases } }, select: { id: true } });
    if (seed) cases.push(seed.id);
    const admin = await given.adminActor(t);
    for (const id of cases) {
      const prisma = await t.db.prisma.laporanPeriode.findFirstOrThrow({ where: { id }, include: LAPORAN_INCLUDE });
      expect(await visibleLaporan(t.db, admin, id)).toEqual(prisma);
    }
    expect((await visibleLaporan(t.db, admin, head.id)).skp.pegawai.jabatan.mengepalai?.parent).not.toBeNull(); // the case of a unit head is covered
    // and through ensureLaporan (the same loader), inside a transaction
    const row = asScoped(await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skp.id } }));
    await t.db.prisma.$transaction(async (tx) => {
      expect(await ensureLaporan({ prisma: tx }, row, periode[0]!)).toEqual(await tx.laporanPeriode.findFirstOrThrow({ where: { id: returned.id }, include: LAPORAN_INCLUDE }));
    });
  });
});

describe('laporanHalaman (the report page in one statement)', () => {
  it('returns what visibleLaporan and laporanDokumen return, and the notes on the covered days to the owner only', async () => {
    const team = await given.pegawaiWithPenilai(t);
    const skp = await given.skpDisetujui(t, team.pegawai, { rhk: 2, indikator: 1 });
    const periode = await given.periodeOf(t, skp.siklusId);
    const i1 = skp.rhk[0]!.indikator[0]!;
    const l = await given.laporan(t, skp.id, periode[1]!.id, { status: 'DINILAI', realisasi: { [i1]: '7.25' } });
    await given.laporan(t, skp.id, periode[0]!.id, { status: 'DINILAI' }); // a running total over two periods
    const p = t.db.prisma;
    const day = (d: Date, plus: number) => new Date(d.getTime() + plus * 86_400_000);
    const [mulai, selesai] = [periode[1]!.mulai, periode[1]!.selesai];
    const note = (tanggal: Date, teks: string) => p.catatanProgres.create({ data: { skpId: skp.id, tanggal, teks } });
    const inside = [await note(day(mulai, 3), 'kedua'), await note(day(mulai, 1), 'pertama'), await note(selesai, 'terakhir')];
    await note(day(mulai, -1), 'periode sebelumnya');
    await note(day(selesai, 1), 'periode berikutnya');
    const now = new Date();
    const owner = await given.actorOf(t, team.pegawai.id);
    const appraiser = await given.actorOf(t, team.penilai.id);
    for (const actor of [owner, appraiser, await given.adminActor(t)]) {
      for (const round of [1, 2]) { // the second round with the plan held (the statement sends none)
        const got = await laporanHalaman(t.db, actor, l.id, { now, catatanUntuk: actor.pegawaiId });
        const row = await visibleLaporan(t.db, actor, l.id);
        expect(got.laporan, `round ${round}`).toEqual(row);
        expect(got.doc, `round ${round}`).toEqual(await laporanDokumen(t.db, row, { now }));
        const notes = actor === owner ? [inside[1]!, inside[0]!, inside[2]!].map((c) => ({ id: c.id, tanggal: c.tanggal, teks: c.teks })) : [];
        expect(got.catatan, `round ${round}`).toEqual(notes);
      }
    }
    const doc = (await laporanHalaman(t.db, owner, l.id, { now, catatanUntuk: owner.pegawaiId })).doc;
    expect(doc.rhk[0]!.indikator[0]!.kumulatif).not.toBeNull();
    expect(doc.rhk[0]!.indikator[0]!.realisasi?.angka).toBe('7.25');
    const stranger = await given.pegawai(t);
    await expect(laporanHalaman(t.db, await given.actorOf(t, stranger.id), l.id, { now, catatanUntuk: stranger.id })).rejects.toBeInstanceOf(NotFound);
    await expect(laporanHalaman(t.db, owner, 999_999, { now, catatanUntuk: owner.pegawaiId })).rejects.toBeInstanceOf(NotFound);
  });

  it('reads the plan of the revision the report is written against now, after the report moved to another', async () => {
    // the page remembers which plan it last read for a report and the statement sends none when
    // the row still names that SKP and revision: a draft moved to a newer revision brings its own
    const team = await given.pegawaiWithPenilai(t);
    const skp = await given.skpDisetujui(t, team.pegawai, { rhk: 1, indikator: 1 });
    const periode = await given.periodeOf(t, skp.siklusId);
    const l = await given.laporan(t, skp.id, periode[2]!.id);
    const owner = await given.actorOf(t, team.pegawai.id);
    const teks = async () => (await laporanHalaman(t.db, owner, l.id, { catatanUntuk: owner.pegawaiId })).doc.rhk.map((r) => r.teks);
    const v1 = await t.db.prisma.skpVersi.findUniqueOrThrow({ where: { skpId_revisi: { skpId: skp.id, revisi: 1 } } });
    const first = await teks();
    expect(await teks()).toEqual(first); // held
    const data = JSON.parse(JSON.stringify(v1.data)) as { rhk: { teks: string }[] };
    data.rhk[0]!.teks = 'RHK sesudah revisi kedua';
    await t.db.prisma.skpVersi.create({ data: { skpId: skp.id, revisi: 2, data } });
    await t.db.prisma.laporanPeriode.update({ where: { id: l.id }, data: { skpRevisi: 2 } });
    expect(await teks()).toEqual(['RHK sesudah revisi kedua']);
    expect(await teks()).toEqual(['RHK sesudah revisi kedua']);
    await t.db.prisma.laporanPeriode.update({ where: { id: l.id }, data: { skpRevisi: 1 } });
    expect(await teks()).toEqual(first);
  });
});
