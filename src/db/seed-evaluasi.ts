// Demo annual evaluation of last year (docs/domain/evaluasi-tahunan.md), on top of the demo
// planning and periodic reports (seed-planning.ts leaves last year's cycle in PENILAIAN,
// seed-laporan.ts fills its four periods). Everything goes through the services the pages call,
// as the people concerned would do it:
//
// - PENILAIAN: the organisation predikat of the agency (by the Sekda, the Kepala Dinas's appraiser
//   outside the agency, with their own login) and of each unit under it (by the Kepala Dinas);
//   the year-end computation; every appraiser confirms each suggestion (a withheld one with a
//   reason);
// - KALIBRASI: the appraisers adjust ratings where a unit's distribution breaks its organisation
//   predikat's pattern (the highest ranking nilai up, the lowest down, each with a reason), except
//   in the Bidang Statistik dan Persandian, whose remaining violation HR justifies in writing;
// - HR finalises the agency (every employee notified) and closes the year (SELESAI).
//
// Deterministic for a given database. Does nothing unless last year's cycle waits in PENILAIAN.

import type { Db } from './client.js';
import type { Clock } from '../clock.js';
import type { JobRunner } from '../jobs/runner.js';
import type { BerkasStore } from '../storage/berkas-store.js';
import type { Actor } from '../domain/access.js';
import { actingAs, dinilaiOleh, PEGAWAI_PENILAI_INCLUDE } from '../domain/acting.js';
import { tanggalDi } from '../domain/periode-laporan.js';
import { predikat as predikatDari, type Ekspektasi, type Predikat } from '../domain/scoring/index.js';
import type { PredikatOrganisasi } from '../domain/scoring/distribusi.js';
import { loadActor } from '../modules/auth/authenticate.js';
import { moveFase } from '../modules/siklus/service.js';
import { HITUNG_JOB } from '../modules/evaluasi/hitung/service.js';
import { hitungTahunan } from '../modules/evaluasi/hitung/service.js';
import { konfirmasiEvaluasi } from '../modules/evaluasi/konfirmasi/service.js';
import { tetapkanPredikatOrganisasi } from '../modules/evaluasi/kalibrasi/predikat-service.js';
import { cekUnit, simpanJustifikasi } from '../modules/evaluasi/kalibrasi/service.js';
import { finalisasi } from '../modules/evaluasi/finalisasi/service.js';

/** Last year's organisation predikat per unit code (the agency itself and the units under it). */
const PREDIKAT_UNIT: Record<string, { predikat: PredikatOrganisasi; capaianPk: number; dasar: string }> = {
  DISKOMINFO: { predikat: 'BAIK', capaianPk: 101.4, dasar: 'Capaian Perjanjian Kinerja Dinas 101,4% (Laporan Kinerja Instansi Pemerintah tahun lalu); 11 dari 12 indikator kinerja utama tercapai.' },
  'DISKOMINFO.SEK': { predikat: 'BAIK', capaianPk: 100.2, dasar: 'Capaian Perjanjian Kinerja Sekretariat 100,2%: opini WTP atas laporan keuangan, realisasi anggaran 97,8%.' },
  'DISKOMINFO.IKP': { predikat: 'ISTIMEWA', capaianPk: 118.6, dasar: 'Capaian Perjanjian Kinerja Bidang IKP 118,6%: indeks keterbukaan informasi publik naik ke kategori Informatif, seluruh target layanan media terlampaui.' },
  'DISKOMINFO.APTIKA': { predikat: 'BAIK', capaianPk: 103.5, dasar: 'Capaian Perjanjian Kinerja Bidang Aptika 103,5%: indeks SPBE 3,12 (target 3,00), 14 layanan terintegrasi.' },
  'DISKOMINFO.UPTPD': { predikat: 'BAIK', capaianPk: 98.7, dasar: 'Capaian Perjanjian Kinerja UPT 98,7%: ketersediaan layanan pusat data 99,3% dari target 99,5%, pemulihan cadangan data teruji tiap triwulan.' },
  'DISKOMINFO.STATSAN': { predikat: 'BUTUH_PERBAIKAN', capaianPk: 84.1, dasar: 'Capaian Perjanjian Kinerja Bidang Statistik dan Persandian 84,1%: publikasi Satu Data sektoral terlambat satu triwulan karena pendataan lapangan tertunda banjir di tiga kecamatan; sertifikat elektronik untuk seluruh OPD tercapai.' },
};
/** The unit whose remaining violation HR justifies instead of adjusting ratings. */
const DIJUSTIFIKASI = 'DISKOMINFO.STATSAN';
const JUSTIFIKASI =
  'Predikat organisasi bidang turun karena pendataan lapangan Satu Data tertunda banjir di tiga kecamatan pada Triwulan III, di luar kendali pegawai. ' +
  'Capaian individu pegawai bidang telah diperiksa ulang terhadap bukti dukung dan tetap sesuai ekspektasi; pimpinan memakai pola distribusi sebagai pertimbangan (SE MenPANRB 3/2023), bukan kuota.';

export type SeedEvaluasiResult = { tahun: number; dihitung: number; dikonfirmasi: number; disesuaikan: number; final: number; fase: string };

const RANK: Record<Predikat, number> = { SANGAT_BAIK: 0, BAIK: 1, BUTUH_PERBAIKAN: 2, KURANG: 3, SANGAT_KURANG: 4 };
/** The ratings that give a predikat (6/2022), for an adjustment. */
const RATING_UNTUK: Record<Predikat, { hasil: Ekspektasi; perilaku: Ekspektasi }> = {
  SANGAT_BAIK: { hasil: 'DI_ATAS', perilaku: 'DI_ATAS' },
  BAIK: { hasil: 'SESUAI', perilaku: 'SESUAI' },
  BUTUH_PERBAIKAN: { hasil: 'DI_BAWAH', perilaku: 'SESUAI' },
  KURANG: { hasil: 'SESUAI', perilaku: 'DI_BAWAH' },
  SANGAT_KURANG: { hasil: 'DI_BAWAH', perilaku: 'DI_BAWAH' },
};

export async function seedEvaluasi(db: Db, store: BerkasStore, jobs: JobRunner, opts: { clock: Clock; log?: (m: string) => void }): Promise<SeedEvaluasiResult | null> {
  const log = opts.log ?? (() => undefined);
  const tahun = Number(tanggalDi(opts.clock.now(), 'Asia/Jakarta').slice(0, 4)) - 1;
  const siklus = await db.prisma.siklus.findUnique({ where: { tahun } });
  if (!siklus || siklus.fase !== 'PENILAIAN') return null;
  const adminUser = await db.prisma.user.findUnique({ where: { username: 'admin' } });
  if (!adminUser) return null;
  const admin = (await loadActor(db.pool, adminUser.id))!;
  const actors: Actor[] = [];
  for (const u of await db.prisma.user.findMany({ where: { aktif: true, OR: [{ pegawaiId: { not: null } }, { pejabatLuarId: { not: null } }] }, select: { id: true }, orderBy: { id: 'asc' } })) {
    const a = await loadActor(db.pool, u.id);
    if (a) actors.push(a);
  }
  const byPegawai = new Map(actors.filter((a) => a.pegawaiId !== null).map((a) => [a.pegawaiId!, a]));

  // ---- PENILAIAN: the organisation predikat, set by the organisation above --------------------
  const units = await db.prisma.unitKerja.findMany({ where: { kode: { in: Object.keys(PREDIKAT_UNIT) } }, select: { id: true, kode: true, parentId: true, kepalaJabatanId: true } });
  const root = units.find((u) => u.parentId === null);
  const headOf = async (jabatanId: number | null) => (jabatanId === null ? null : (await db.prisma.pegawai.findFirst({ where: { jabatanId, aktif: true }, select: { id: true, penilaiLuarId: true } })));
  const kadis = root ? await headOf(root.kepalaJabatanId) : null;
  const sekda = kadis?.penilaiLuarId ? actors.find((a) => a.pejabatLuarId === kadis.penilaiLuarId) : undefined;
  const kadisActor = kadis ? byPegawai.get(kadis.id) : undefined;
  for (const u of [...units].sort((a, b) => (a.parentId === null ? -1 : b.parentId === null ? 1 : a.kode.localeCompare(b.kode)))) {
    const who = u.parentId === null ? sekda : kadisActor;
    if (!who) continue;
    const p = PREDIKAT_UNIT[u.kode]!;
    await tetapkanPredikatOrganisasi(db, store, who, siklus.id, u.id, { version: null, predikat: p.predikat, capaianPk: p.capaianPk, dasar: p.dasar }, []);
  }

  // ---- The year-end computation (the job's own body, as the queue would run it) --------------
  const job = await db.prisma.job.create({ data: { jenis: HITUNG_JOB, siklusId: siklus.id, status: 'BERJALAN' } });
  const hasil = await hitungTahunan(db, siklus.id, { jobId: job.id });
  await db.prisma.job.update({ where: { id: job.id }, data: { status: 'SELESAI', total: hasil.total, selesai: hasil.total, pesan: `${hasil.total}`, finishedAt: opts.clock.now() } });

  // ---- Every appraiser confirms: as suggested, a withheld suggestion decided with a reason ---
  const saran = await db.prisma.saranTahunan.findMany({ where: { siklusId: siklus.id }, orderBy: { pegawaiId: 'asc' } });
  const skps = new Map(
    (await db.prisma.skp.findMany({
      where: { id: { in: saran.map((s) => s.skpId) } },
      select: { id: true, pegawaiId: true, penilaiId: true, penilaiLuarId: true, penilai: { select: { jabatanId: true } }, pegawai: { select: { penilaiId: true, ...PEGAWAI_PENILAI_INCLUDE } } },
    })).map((s) => [s.id, s]),
  );
  const penilaiOf = (skpId: number): Actor | undefined => {
    const skp = skps.get(skpId);
    return skp ? actors.find((a) => actingAs(a, dinilaiOleh(skp)) !== null) : undefined;
  };
  let dikonfirmasi = 0;
  for (const s of saran) {
    const who = penilaiOf(s.skpId);
    if (!who) continue;
    const hasilKerja = s.hasilKerja ?? 'SESUAI';
    const perilaku = s.perilaku ?? 'SESUAI';
    await konfirmasiEvaluasi(db, who, siklus.id, s.pegawaiId, {
      version: null, ratingHasilKerja: hasilKerja, ratingPerilaku: perilaku,
      alasanHasilKerja: s.hasilKerja ? null : 'Realisasi yang belum lengkap telah diverifikasi dari bukti dukung dan laporan kegiatan; hasil kerja sesuai ekspektasi.',
      alasanPerilaku: s.perilaku ? null : 'Berdasarkan pengamatan sepanjang tahun dan dialog kinerja, perilaku kerja sesuai ekspektasi.',
    }, opts.clock);
    dikonfirmasi++;
  }

  await moveFase(db, jobs, admin, siklus.id, (await db.prisma.siklus.findUniqueOrThrow({ where: { id: siklus.id } })).version, 'KALIBRASI');

  // ---- KALIBRASI: adjust where a unit breaks its pattern; the UPT's violation is justified ---
  let disesuaikan = 0;
  for (const u of units) {
    if (u.kode === DIJUSTIFIKASI) continue;
    for (let i = 0; i < 40; i++) {
      const c = await cekUnit(db, siklus.id, u.id);
      const v = c.cek?.hasil === 'PELANGGARAN' ? c.cek.pelanggaran[0] : undefined;
      if (!v) break;
      const a = v.aturan;
      // too many: the lowest ranking nilai of the group one step down (or, for Baik, the highest one up); too few: the nearest above comes down
      const byNilai = (x: { nilai: string | null }) => Number(x.nilai ?? 0);
      const group = c.baris.filter((b) => b.predikat !== null && a.predikat.includes(b.predikat) && !b.final);
      let who: (typeof c.baris)[number] | undefined;
      let ke: Predikat;
      if (v.jumlah > v.izin) {
        if (a.predikat.includes('BAIK')) { who = [...group].sort((x, y) => byNilai(y) - byNilai(x))[0]; ke = 'SANGAT_BAIK'; }
        else { who = [...group].sort((x, y) => byNilai(x) - byNilai(y))[0]; ke = 'BAIK'; }
      } else {
        ke = a.predikat[0]!;
        who = c.baris.filter((b) => b.predikat !== null && RANK[b.predikat] < RANK[ke] && !b.final && b.kepalaUnitId === null).sort((x, y) => RANK[y.predikat!] - RANK[x.predikat!] || byNilai(x) - byNilai(y))[0];
      }
      if (!who || !who.evaluasiId) break;
      const skpId = saran.find((s) => s.pegawaiId === who.pegawaiId)?.skpId;
      const appraiser = skpId ? penilaiOf(skpId) : undefined;
      if (!appraiser) break;
      const r = RATING_UNTUK[ke];
      const naik = RANK[ke] < RANK[who.predikat!];
      await konfirmasiEvaluasi(db, appraiser, siklus.id, who.pegawaiId, {
        version: who.evaluasiVersion, ratingHasilKerja: r.hasil, ratingPerilaku: r.perilaku,
        alasanHasilKerja: naik ? 'Kalibrasi unit: capaian RHK utama tertinggi di unit sepanjang tahun, melampaui target pada tiga dari empat triwulan.' : 'Kalibrasi unit: dua RHK utama belum mencapai target pada semester II; rencana perbaikan disepakati dalam dialog kinerja.',
        alasanPerilaku: naik ? 'Menjadi rujukan rekan kerja dan konsisten menunjukkan nilai BerAKHLAK di atas ekspektasi.' : 'Perilaku kerja sesuai ekspektasi; catatan ada pada hasil kerja.',
      }, opts.clock);
      if (predikatDari(r.hasil, r.perilaku) !== ke) break; // a guard: the table above must match the matrix
      disesuaikan++;
    }
  }
  const upt = units.find((u) => u.kode === DIJUSTIFIKASI);
  if (upt) {
    const c = await cekUnit(db, siklus.id, upt.id);
    if (c.cek?.hasil === 'PELANGGARAN') await simpanJustifikasi(db, admin, siklus.id, upt.id, { version: c.version, justifikasi: JUSTIFIKASI });
  }

  // ---- HR finalises the agency and closes the year --------------------------------------------
  const f = await finalisasi(db, admin, siklus.id, { unitId: null }, opts.clock);
  await moveFase(db, jobs, admin, siklus.id, (await db.prisma.siklus.findUniqueOrThrow({ where: { id: siklus.id } })).version, 'SELESAI');
  const fase = (await db.prisma.siklus.findUniqueOrThrow({ where: { id: siklus.id }, select: { fase: true } })).fase;
  const final = await db.prisma.evaluasiTahunan.count({ where: { siklusId: siklus.id, status: 'FINAL' } });
  log(`seed: evaluasi tahunan ${tahun}: ${hasil.total} saran (${hasil.ditahan} ditahan), ${dikonfirmasi} dikonfirmasi, ${disesuaikan} disesuaikan saat kalibrasi, ${final} final; siklus ${fase}.`);
  void f;
  return { tahun, dihitung: hasil.total, dikonfirmasi, disesuaikan, final, fase };
}
