// Demo objections to last year's final evaluations (docs/domain/keberatan.md), on top of the
// demo year closed by seed-evaluasi.ts. Through the services the pages call, as the people
// concerned would do it, each on its own day of the seed's clock:
//
// - DECIDED: an employee rated Butuh Perbaikan or Baik (not in the unit whose violation HR
//   justified, not a unit head), notified 12 days ago, objects 10 days ago with a document; the
//   decider (the appraiser's own appraiser) asks the appraiser for a response, the appraiser
//   answers, and the decider changes the ratings 3 days ago: the evaluation changes and its
//   Dokumen Evaluasi is issued again (number 1 superseded, number 2 current).
// - OPEN: the demo employee login (else the first eligible employee), notified 3 days ago,
//   objects yesterday; inside its window, waiting for the decider.
//
// Their evaluations' finalisation and notification are moved to those days. Both employees'
// appraisers have an appraiser of their own in the demo. Deterministic for a given database.
// Does nothing unless last year's cycle is SELESAI with its evaluations FINAL and holds no
// objection yet.

import type { Db } from './client.js';
import { fixedClock, type Clock } from '../clock.js';
import { tanggalDi } from '../domain/periode-laporan.js';
import { loadActor } from '../modules/auth/authenticate.js';
import { ajukanKeberatan, kirimTanggapan, mintaTanggapan, putusKeberatan, simpanLampiran } from '../modules/keberatan/service.js';
import type { BerkasStore } from '../storage/berkas-store.js';

export type SeedKeberatanResult = { tahun: number; diputus: { id: number; pegawaiId: number }; terbuka: { id: number; pegawaiId: number } };

const DAY = 86_400_000;

/** A small, valid PDF: the employee's evidence (checked by content like any upload). */
const BUKTI_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    '% Rekap capaian RHK utama triwulan IV dan surat keterangan penyelesaian kegiatan\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

export async function seedKeberatan(db: Db, store: BerkasStore, opts: { clock: Clock; demo?: { pegawai?: string }; log?: (m: string) => void }): Promise<SeedKeberatanResult | null> {
  const log = opts.log ?? (() => undefined);
  const now = opts.clock.now().getTime();
  const tahun = Number(tanggalDi(opts.clock.now(), 'Asia/Jakarta').slice(0, 4)) - 1;
  const siklus = await db.prisma.siklus.findUnique({ where: { tahun } });
  if (!siklus || siklus.fase !== 'SELESAI') return null;
  if (await db.prisma.keberatan.count({ where: { siklusId: siklus.id } })) return null;

  // who may object: a FINAL evaluation whose appraiser (an employee) has an appraiser (an employee) with a login
  const rows = await db.prisma.evaluasiTahunan.findMany({
    where: { siklusId: siklus.id, status: 'FINAL', penilai: { is: { penilai: { is: { user: { isNot: null } } } } }, pegawai: { user: { isNot: null } } },
    include: { pegawai: { select: { nip: true, nama: true, unit: { select: { kode: true, kepalaJabatanId: true } }, jabatanId: true } }, penilai: { select: { penilaiId: true } } },
    orderBy: { pegawai: { nip: 'asc' } },
  });
  const biasa = rows.filter((r) => r.pegawai.unit.kepalaJabatanId !== r.pegawai.jabatanId && r.pegawai.unit.kode !== 'DISKOMINFO.STATSAN');
  const terbuka = biasa.find((r) => r.pegawai.nip === opts.demo?.pegawai) ?? biasa[0];
  const diputus = biasa.find((r) => r !== terbuka && r.predikat === 'BUTUH_PERBAIKAN') ?? biasa.find((r) => r !== terbuka && r.predikat === 'BAIK');
  if (!terbuka || !diputus) return null;
  const actorOf = async (pegawaiId: number) => {
    const u = await db.prisma.user.findUniqueOrThrow({ where: { pegawaiId } });
    return (await loadActor(db.pool, u.id))!;
  };
  const on = (daysAgo: number, hour = 2): Clock => fixedClock(new Date(Math.floor((now - daysAgo * DAY) / DAY) * DAY + hour * 3_600_000));

  // ---- DECIDED: filed with a document, answered by the appraiser, the ratings changed ----------
  await db.prisma.evaluasiTahunan.update({ where: { id: diputus.id }, data: { finalAt: on(12).now(), diberitahuAt: on(12).now() } });
  const lampiran = await simpanLampiran(db, store, { nama: 'rekap-capaian-triwulan-iv.pdf', bytes: BUKTI_PDF }, 0);
  const k1 = await ajukanKeberatan(db, await actorOf(diputus.pegawaiId), siklus.id,
    'Rating hasil kerja tidak memperhitungkan penyelesaian dua RHK utama pada Triwulan IV: laporan kegiatan dan berita acara serah terima terlampir. ' +
    'Capaian kedua RHK tersebut 100% sesuai target pada akhir tahun, sehingga saya mohon rating hasil kerja ditinjau kembali.', [lampiran], on(10));
  const pemutus = await actorOf(diputus.penilai!.penilaiId!);
  const penilai = await actorOf(diputus.penilaiId!);
  let v = (await db.prisma.keberatan.findUniqueOrThrow({ where: { id: k1.id } })).version;
  await mintaTanggapan(db, pemutus, k1.id, { version: v, permintaan: 'Mohon penjelasan dasar rating hasil kerja, khususnya capaian RHK utama pada Triwulan IV.' }, on(8));
  v++;
  await kirimTanggapan(db, penilai, k1.id, { version: v, tanggapan: 'Pada saat penilaian, laporan Triwulan IV belum memuat bukti penyelesaian kedua RHK utama. Bukti yang dilampirkan pegawai sekarang sesuai dengan catatan kegiatan unit.' }, [], on(6));
  v++;
  const hasil = await putusKeberatan(db, pemutus, k1.id, {
    version: v, keputusan: 'UBAH', ratingHasilKerja: diputus.ratingHasilKerja === 'SESUAI' ? 'DI_ATAS' : 'SESUAI', ratingPerilaku: diputus.ratingPerilaku,
    alasanKeputusan: 'Bukti penyelesaian dua RHK utama pada Triwulan IV diterima dan dibenarkan pejabat penilai; rating hasil kerja dinaikkan satu tingkat.',
  }, on(3));

  // ---- OPEN: inside its window, waiting for the decider ------------------------------------------
  await db.prisma.evaluasiTahunan.update({ where: { id: terbuka.id }, data: { finalAt: on(3).now(), diberitahuAt: on(3).now() } });
  const k2 = await ajukanKeberatan(db, await actorOf(terbuka.pegawaiId), siklus.id,
    'Rating perilaku kerja tidak sesuai dengan catatan umpan balik sepanjang tahun: saya menjadi narasumber internal dua kali dan menyelesaikan tugas tambahan dari pimpinan tepat waktu.', [], on(1));

  log(`seed: keberatan ${tahun}: ${diputus.pegawai.nama} diputus (${hasil.keputusan}, predikat ${hasil.predikat}, dokumen ke-${hasil.dokumenNomor}); ${terbuka.pegawai.nama} masih terbuka.`);
  return { tahun, diputus: { id: k1.id, pegawaiId: diputus.pegawaiId }, terbuka: { id: k2.id, pegawaiId: terbuka.pegawaiId } };
}
