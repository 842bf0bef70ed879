// Demo periodic reports (docs/domain/laporan.md) on top of the demo planning data
// (seed-planning.ts, seed-mutasi.ts): for every SKP with an approved revision, a report on each
// period it covers that started before "today" (taken from the Clock, so a test can seed as of
// any day), with dates relative to that day:
//
// - a period whose appraiser deadline has passed: submitted and rated for most people, with
//   evidence (files stored once through the BerkasStore, a few links), feedback per indicator
//   and per behaviour value, the marks, and the suggestions computed by the scoring module
//   exactly as the app computes them (the policy of the cycle, its version recorded);
// - the latest period that has ended: the demo employee's report returned with a reason and
//   open until a date; two of the demo appraiser's appraisees and the Kepala Dinas (for the
//   Sekda) waiting to be rated; a few people late (no report, or a draft never submitted)
//   once the employee deadline has passed;
// - a period whose appraisal is still open, or the current period: a mix of drafts, submitted
//   reports and none yet; progress notes (catatan progres) in the current period.
// Last year's cycle (closed) holds its four periods rated, so the history and the charts span
// two years. Early in January no period of the current year has ended yet: the current year
// then shows only the first period's drafts and notes, and the rated history is last year's
// (no report is returned or waiting, as last year is closed).
// Continuous feedback and one dialog kinerja for the demo employee from the demo appraiser.
//
// Everything is written set-based (the bulk writer insertLaporan, createMany), one transaction
// per step; nothing is written when a report already exists. Deterministic for a given day.

import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Db } from './client.js';
import type { Clock } from '../clock.js';
import type { BerkasStore } from '../storage/berkas-store.js';
import { BUKTI_DUKUNG, putBerkasSekali, type StoredBerkas } from '../modules/berkas/service.js';
import { insertLaporan, type LaporanRow } from './bulk-insert.js';
import { capaianIndikator, rhkBerurut, targetIndikator } from '../modules/laporan/read.js';
import { prng } from './prng.js';
import { parseDokumen, type RhkDokumen, type IndikatorDokumen } from '../domain/skp-document.js';
import { awalHari, akhirHari, defaultDibukaSampai, hariDicakup, isZonaWaktu, tanggalDi, type ZonaWaktu } from '../domain/periode-laporan.js';
import { NILAI_BERAKHLAK, type NilaiBerakhlak } from '../domain/berakhlak.js';
import { dinilaiOleh, PEGAWAI_PENILAI_INCLUDE } from '../domain/acting.js';
import {
  classifyRhk, parsePolicy, predikat, suggestRatingHasilKerja, suggestRatingPerilaku,
  type Ekspektasi, type IndikatorCapaian, type TargetSkor, type RhkDinilai, type SaranRating, type ScoringPolicy, type TandaPerilaku,
  toNumber,
} from '../domain/scoring/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: string, n: number) => iso(new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY));

// ---- Small real files (a PDF and a PNG), generated so their bytes are deterministic -------------

/** A one-page PDF with the lines given (Helvetica), valid enough for any reader. */
export function pdfKecil(lines: readonly string[]): Buffer {
  const esc = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 14 : 11} Tf 56 ${780 - i * 22} Td (${esc(l)}) Tj ET`).join('\n');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => { offsets.push(Buffer.byteLength(out)); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const CRC = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (b: Buffer) => { let c = 0xffffffff; for (const x of b) c = CRC[(c ^ x) & 0xff]! ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };

/** A small PNG bar chart (the "screenshot of the dashboard"): `bars` heights 0–1, in one colour. */
export function pngKecil(bars: readonly number[], rgb: readonly [number, number, number]): Buffer {
  const w = 160, h = 90;
  const raw = Buffer.alloc((w * 3 + 1) * h, 255);
  const bw = Math.floor(w / bars.length);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const v = bars[Math.min(bars.length - 1, Math.floor(x / bw))]!;
      const on = x % bw > 2 && h - y <= v * (h - 10);
      const o = y * (w * 3 + 1) + 1 + x * 3;
      if (on) [raw[o], raw[o + 1], raw[o + 2]] = rgb;
      else if (y === h - 1) [raw[o], raw[o + 1], raw[o + 2]] = [90, 90, 90];
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// ---- Words ------------------------------------------------------------------------------------

const SUMBER: readonly (readonly [RegExp, string])[] = [
  [/surat/i, 'Aplikasi e-Office (buku agenda surat)'],
  [/kepegawaian|SIASN/i, 'SIASN BKN dan arsip usulan layanan'],
  [/arsip/i, 'Daftar arsip dinamis pada aplikasi SRIKANDI'],
  [/pertanggungjawaban|keuangan/i, 'SIPD dan buku kas umum bendahara'],
  [/realisasi anggaran/i, 'SIPD: laporan realisasi anggaran'],
  [/perencanaan|Renja|LKjIP/i, 'Dokumen perencanaan dan pelaporan yang telah disahkan'],
  [/kajian/i, 'Dokumen kajian yang disampaikan kepada pimpinan'],
  [/konten|publikasi/i, 'Portal berita sukamajukab.go.id dan akun media sosial resmi'],
  [/permohonan informasi/i, 'Register permohonan informasi PPID'],
  [/uptime|ketersediaan/i, 'Dasbor pemantauan jaringan dan aplikasi'],
  [/dukungan teknis|permintaan/i, 'Aplikasi helpdesk (tiket layanan TIK)'],
  [/desa/i, 'Daftar hadir dan berita acara pendampingan'],
  [/SPBE/i, 'Hasil evaluasi mandiri SPBE'],
  [/SAKIP/i, 'Laporan hasil evaluasi SAKIP oleh Inspektorat'],
  [/pengaduan/i, 'Aplikasi SP4N-LAPOR!'],
  [/keterbukaan/i, 'Hasil monitoring dan evaluasi Komisi Informasi Provinsi'],
  [/pegawai yang menyampaikan/i, 'Rekap e-Kinerja unit kerja'],
  [/laporan/i, 'Arsip laporan kinerja unit'],
];
const sumberOf = (teks: string) => SUMBER.find(([re]) => re.test(teks))?.[1] ?? 'Laporan kegiatan unit kerja';

const KENDALA = [
  'Sebagian data dari unit lain terlambat diterima sehingga verifikasi mundur beberapa hari.',
  'Waktu kerja efektif berkurang karena libur nasional dan cuti bersama pada periode ini.',
  'Perubahan format pelaporan dari pemerintah provinsi memerlukan penyesuaian dokumen.',
  'Perangkat komputer kerja sempat rusak dan menunggu perbaikan selama satu minggu.',
  'Kegiatan tambahan (rapat koordinasi dan pendampingan) cukup banyak sehingga jadwal bergeser.',
  'Koneksi internet di beberapa lokasi layanan tidak stabil.',
] as const;
const PERBAIKAN = [
  'Menyusun jadwal kerja mingguan dan memantau kemajuannya setiap hari Jumat.',
  'Berkoordinasi lebih awal dengan unit penyedia data agar data diterima sebelum tanggal 5 setiap bulan.',
  'Mendokumentasikan setiap kegiatan beserta bukti dukungnya pada hari yang sama.',
  'Membagi pekerjaan rutin dengan rekan satu tim agar pekerjaan prioritas selesai tepat waktu.',
  'Mengikuti bimbingan teknis yang relevan dan menerapkan hasilnya pada periode berikutnya.',
] as const;
const UMPAN_BALIK: Record<Ekspektasi, readonly string[]> = {
  DI_ATAS: ['Capaian melampaui target; pertahankan dan bagikan cara kerjanya kepada rekan satu tim.', 'Hasil sangat baik dan bukti dukungnya lengkap.'],
  SESUAI: ['Target tercapai sesuai rencana. Pertahankan ketepatan waktunya.', 'Sudah sesuai target; bukti dukung cukup jelas.'],
  DI_BAWAH: ['Capaian belum memenuhi target. Susun langkah percepatan dan laporkan kemajuannya setiap minggu.', 'Masih di bawah target; mari dibahas hambatannya pada dialog kinerja.'],
};
const UMPAN_PERILAKU: Partial<Record<NilaiBerakhlak, Record<'DI_ATAS' | 'DI_BAWAH', string>>> = {
  BERORIENTASI_PELAYANAN: { DI_ATAS: 'Sangat responsif terhadap permintaan layanan dari unit lain.', DI_BAWAH: 'Beberapa permintaan layanan terlambat ditanggapi; perhatikan batas satu hari kerja.' },
  AKUNTABEL: { DI_ATAS: 'Laporan kemajuan selalu tepat waktu dan dapat ditelusuri.', DI_BAWAH: 'Laporan kemajuan bulanan belum rutin disampaikan.' },
  KOLABORATIF: { DI_ATAS: 'Aktif membantu rekan lintas seksi dan berbagi bahan kerja.', DI_BAWAH: 'Perlu lebih terbuka berbagi data dengan rekan lintas seksi.' },
  ADAPTIF: { DI_ATAS: 'Cepat menyesuaikan diri dengan aplikasi dan prosedur baru.', DI_BAWAH: 'Masih perlu pendampingan menggunakan aplikasi baru.' },
  KOMPETEN: { DI_ATAS: 'Menguasai pekerjaan dan menjadi rujukan rekan kerja.', DI_BAWAH: 'Perlu meningkatkan penguasaan teknis melalui pelatihan.' },
};
const CATATAN = [
  'Mengumpulkan data pendukung dan memperbarui rekap kegiatan minggu ini.',
  'Menyelesaikan tindak lanjut permintaan dari unit lain dan mencatatnya pada buku kendali.',
  'Mengikuti rapat koordinasi bidang; mencatat tindak lanjut yang menjadi tugas saya.',
  'Memverifikasi dokumen yang masuk dan mengembalikan yang belum lengkap.',
  'Menyusun draf laporan kegiatan bulan berjalan.',
  'Memperbaiki kendala teknis yang dilaporkan pengguna dan menutup tiketnya.',
] as const;
const ALASAN_KEMBALI = 'Bukti dukung untuk indikator kedua belum dilampirkan dan angka realisasi pertama belum sesuai rekap aplikasi. Mohon dilengkapi.';
const ALASAN_KEMBALI_LAMA = 'Sumber data realisasi belum diisi; mohon lengkapi sebelum dinilai.';
const ALASAN_OVERRIDE = 'Salah satu target utama tercapai berkat bantuan tim lain; hasil kerja pribadi saya nilai sesuai ekspektasi, bukan di atas.';
const ALASAN_OVERRIDE_NAIK = 'Selain target, pegawai menangani gangguan layanan di luar rencana dengan hasil sangat baik; hasil kerja saya nilai di atas ekspektasi.';

// ---- What is read ---------------------------------------------------------------------------------

type SkpInfo = {
  id: number; siklusId: number; pegawaiId: number; nip: string; unitId: number; unitNama: string; userId: number | null;
  periodeAwal: Date; periodeAkhir: Date; revisi: number; plan: RhkDokumen[]; /** begun by a move */ setelahMutasi: boolean;
  rater: { userId: number | null; penilaiId: number | null; penilaiLuarId: number | null; delegasiId: number | null } | null;
};
type PeriodeInfo = { id: number; siklusId: number; urutan: number; nama: string; mulai: string; selesai: string; batasPegawai: string; batasPenilai: string };
type Keadaan = 'dinilai' | 'penilaian' | 'pelaporan' | 'berjalan';
type Nasib = 'NONE' | 'DRAFT' | 'DIAJUKAN' | 'DINILAI' | 'DIKEMBALIKAN' | 'DINILAI_SETELAH_KEMBALI';

export type SeedLaporanResult = {
  tahun: number; laporan: number; dinilai: number; dikembalikan: number; diajukan: number; draft: number; terlambat: number;
  berkas: number; bukti: number; catatan: number; umpanBalik: number; dialog: number;
};

/** The state of a period on `today` (a calendar date in the cycle's zone). */
function keadaanOf(p: PeriodeInfo, today: string, closed: boolean): Keadaan | null {
  if (today < p.mulai) return null;
  if (closed || today > p.batasPenilai) return 'dinilai';
  if (today > p.batasPegawai) return 'penilaian';
  if (today > p.selesai) return 'pelaporan';
  return 'berjalan';
}

/**
 * Seeds the demo reports as of `clock.now()`. Skips (returns null) when there is no cycle for
 * this year or a report already exists. `demo` names the demo logins (NIPs) whose pages tell
 * the stories above.
 */
export async function seedLaporan(
  db: Db,
  store: BerkasStore,
  opts: { clock: Clock; demo?: { penilai?: string; pegawai?: string }; log?: (m: string) => void },
): Promise<SeedLaporanResult | null> {
  const log = opts.log ?? (() => undefined);
  const now = opts.clock.now();
  const tahun = Number(tanggalDi(now, 'Asia/Jakarta').slice(0, 4));
  const ini = await db.prisma.siklus.findUnique({ where: { tahun } });
  if (!ini || (await db.prisma.laporanPeriode.count()) > 0) return null;
  const lalu = await db.prisma.siklus.findUnique({ where: { tahun: tahun - 1 } });
  const zona: ZonaWaktu = isZonaWaktu(ini.zonaWaktu) ? ini.zonaWaktu : 'Asia/Jakarta';
  const today = tanggalDi(now, zona);
  const siklus = [ini, ...(lalu ? [lalu] : [])];
  const policies = new Map<number, ScoringPolicy>(siklus.map((s) => [s.id, parsePolicy(s.policy)]));
  const closed = new Map(siklus.map((s) => [s.id, s.fase === 'SELESAI' || s.fase === 'ARSIP' || s.id !== ini.id]));
  const tahunOf = new Map(siklus.map((s) => [s.id, s.tahun]));

  // The periods, the SKPs with an approved revision (their plan as frozen), and who rates each.
  const periode: PeriodeInfo[] = (await db.prisma.periode.findMany({ where: { siklusId: { in: siklus.map((s) => s.id) } }, orderBy: [{ siklusId: 'asc' }, { urutan: 'asc' }] }))
    .map((p) => ({ id: p.id, siklusId: p.siklusId, urutan: p.urutan, nama: p.nama, mulai: iso(p.mulai), selesai: iso(p.selesai), batasPegawai: iso(p.batasPegawai), batasPenilai: iso(p.batasPenilai) }));
  const skpRows = await db.prisma.skp.findMany({
    where: { siklusId: { in: siklus.map((s) => s.id) } },
    orderBy: { id: 'asc' },
    select: {
      id: true, siklusId: true, pegawaiId: true, penilaiId: true, penilaiLuarId: true, periodeAwal: true, periodeAkhir: true, revisi: true, sebelumnyaId: true,
      penilai: { select: { jabatanId: true, user: { select: { id: true } } } },
      pegawai: { select: { nip: true, unitId: true, user: { select: { id: true } }, ...PEGAWAI_PENILAI_INCLUDE, unit: { select: { nama: true, kepalaJabatanId: true } }, penilaiId: true } },
      versi: { orderBy: { revisi: 'desc' }, take: 1, select: { revisi: true, data: true } },
    },
  });
  const luarUsers = new Map((await db.prisma.user.findMany({ where: { pejabatLuarId: { not: null } }, select: { id: true, pejabatLuarId: true } })).map((u) => [u.pejabatLuarId!, u.id]));
  const delegasi = await db.prisma.delegasi.findMany({ select: { id: true, jabatanId: true, mulai: true, selesai: true, penerima: { select: { user: { select: { id: true } } } } } });
  const skps: SkpInfo[] = [];
  for (const s of skpRows) {
    const v = s.versi[0];
    if (!v) continue; // never approved: no report can be written on it
    let rater: SkpInfo['rater'] = null;
    if (s.penilaiLuarId !== null) rater = { userId: luarUsers.get(s.penilaiLuarId) ?? null, penilaiId: null, penilaiLuarId: s.penilaiLuarId, delegasiId: null };
    else if (s.penilaiId !== null) rater = { userId: s.penilai?.user?.id ?? null, penilaiId: s.penilaiId, penilaiLuarId: null, delegasiId: null };
    else {
      // a vacant appraiser post: the Plt in force acts for it (the one rule: src/domain/acting.ts)
      const post = dinilaiOleh({ pegawaiId: s.pegawaiId, penilaiId: null, penilaiLuarId: null, penilai: null, pegawai: s.pegawai }).jabatanPenilaiId;
      const d = delegasi.find((x) => x.jabatanId === post);
      if (d) rater = { userId: d.penerima.user?.id ?? null, penilaiId: null, penilaiLuarId: null, delegasiId: d.id };
    }
    const doc = parseDokumen(v.data);
    skps.push({
      id: s.id, siklusId: s.siklusId, pegawaiId: s.pegawaiId, nip: s.pegawai.nip, unitId: s.pegawai.unitId, unitNama: s.pegawai.unit.nama, userId: s.pegawai.user?.id ?? null,
      periodeAwal: s.periodeAwal, periodeAkhir: s.periodeAkhir, revisi: v.revisi, setelahMutasi: s.sebelumnyaId !== null,
      plan: rhkBerurut(doc), // the report's order (UTAMA first), as the read model numbers them
      rater,
    });
  }

  // The latest period of this year that has ended: where the stories of the demo logins are told.
  const iniPeriode = periode.filter((p) => p.siklusId === ini.id);
  const terakhir = [...iniPeriode].reverse().find((p) => p.selesai < today) ?? null;
  const pertamaDinilai = iniPeriode.find((p) => keadaanOf(p, today, false) === 'dinilai') ?? null;
  const demoPegawai = skps.find((s) => s.siklusId === ini.id && s.nip === opts.demo?.pegawai);
  const demoPenilaiId = opts.demo?.penilai ? (await db.prisma.pegawai.findUnique({ where: { nip: opts.demo.penilai }, select: { id: true } }))?.id ?? null : null;
  const special = new Map<string, Nasib>(); // `${skpId}:${periodeId}` → what happens
  const key = (skpId: number, periodeId: number) => `${skpId}:${periodeId}`;
  const iniSkps = skps.filter((s) => s.siklusId === ini.id);
  const logins = new Set([opts.demo?.pegawai, opts.demo?.penilai].filter(Boolean));
  if (terakhir) {
    const lewatBatas = today > terakhir.batasPegawai;
    if (demoPegawai) special.set(key(demoPegawai.id, terakhir.id), 'DIKEMBALIKAN');
    const theirs = iniSkps.filter((s) => s.rater?.penilaiId === demoPenilaiId && s.nip !== opts.demo?.pegawai);
    theirs.forEach((s, i) => special.set(key(s.id, terakhir.id), i < 2 ? 'DIAJUKAN' : i === 2 ? 'DRAFT' : 'DINILAI'));
    for (const s of iniSkps) if (s.rater?.penilaiLuarId) special.set(key(s.id, terakhir.id), 'DIAJUKAN');
    // a few people late once the deadline has passed: nothing written, or a draft never submitted
    if (lewatBatas) {
      const others = iniSkps.filter((s) => !logins.has(s.nip) && !s.setelahMutasi && !special.has(key(s.id, terakhir.id)) && s.rater?.penilaiId !== demoPenilaiId);
      others.filter((_, i) => i % 19 === 7).forEach((s, i) => special.set(key(s.id, terakhir.id), i % 2 ? 'DRAFT' : 'NONE'));
    }
    // one report returned, corrected and then rated, in the first rated period
    if (pertamaDinilai && theirs[0]) special.set(key(theirs[0].id, pertamaDinilai.id), 'DINILAI_SETELAH_KEMBALI');
  }

  // ---- Evidence files: one PDF per unit and period, one PNG per unit, stored once each ----------
  const files = new Map<string, { nama: string; bytes: Buffer; keterangan: string }>();
  const fileKey = { pdf: (unitId: number, periodeId: number) => `pdf:${unitId}:${periodeId}`, png: (unitId: number) => `png:${unitId}` };
  const need = (k: string, make: () => { nama: string; bytes: Buffer; keterangan: string }) => { if (!files.has(k)) files.set(k, make()); };

  // ---- The reports ---------------------------------------------------------------------------------
  const rows: LaporanRow[] = [];
  const meta: { skp: SkpInfo; p: PeriodeInfo; nasib: Nasib; fileKeys: (string | null)[] }[] = [];
  let terlambat = 0;
  let overrideDone = false;
  const overrideTarget = (() => {
    // the override: on the demo employee's latest rated report this year (else last year's last)
    const rated = demoPegawai ? iniPeriode.filter((p) => keadaanOf(p, today, false) === 'dinilai' && p.id !== terakhir?.id) : [];
    if (demoPegawai && rated.length) return key(demoPegawai.id, rated[rated.length - 1]!.id);
    const lastYear = skps.find((s) => s.siklusId === lalu?.id && s.nip === opts.demo?.pegawai);
    const p4 = periode.filter((p) => p.siklusId === lalu?.id).at(-1);
    return lastYear && p4 ? key(lastYear.id, p4.id) : null;
  })();

  for (const p of periode) {
    const policy = policies.get(p.siklusId)!;
    const state = keadaanOf(p, today, closed.get(p.siklusId)!);
    if (!state) continue;
    const tahunP = tahunOf.get(p.siklusId)!;
    for (const skp of skps.filter((s) => s.siklusId === p.siklusId)) {
      const cover = hariDicakup(p, { periodeAwal: skp.periodeAwal, periodeAkhir: skp.periodeAkhir });
      if (!cover) continue;
      const rnd = prng(skp.pegawaiId * 7919 + p.id * 104729 + tahunP);
      const r = rnd();
      let nasib: Nasib =
        state === 'dinilai' ? 'DINILAI'
          : state === 'penilaian' ? (r < 0.55 ? 'DINILAI' : r < 0.9 ? 'DIAJUKAN' : r < 0.95 ? 'DRAFT' : 'NONE')
            : state === 'pelaporan' ? (r < 0.5 ? 'DIAJUKAN' : r < 0.8 ? 'DRAFT' : 'NONE')
              : r < 0.55 ? 'DRAFT' : r < 0.65 && today >= addDays(p.selesai, -10) ? 'DIAJUKAN' : 'NONE';
      if (!skp.rater && nasib === 'DINILAI') nasib = 'DIAJUKAN'; // nobody to rate it
      const sp = special.get(key(skp.id, p.id));
      if (sp) nasib = sp;
      if ((skp.nip === opts.demo?.pegawai || skp.setelahMutasi) && state === 'berjalan') nasib = 'DRAFT'; // the demo employee's (and the moved one's) current report, started
      const late = (nasib === 'NONE' || nasib === 'DRAFT') && today > p.batasPegawai;
      if (late) terlambat++;
      if (nasib === 'NONE') continue;

      // How this person did in this period: a level around which each indicator varies.
      const profil = ((skp.pegawaiId * 2654435761) >>> 0) % 100;
      const dasar = profil < 20 ? 1.16 : profil < 82 ? 1.03 : 0.93;
      const f = () => dasar + (rnd() - 0.5) * 0.14;
      const lengkap = nasib !== 'DRAFT';
      const dinilai = nasib === 'DINILAI' || nasib === 'DINILAI_SETELAH_KEMBALI';
      const t0 = (d: string, jam: number) => new Date(awalHari(d, zona).getTime() + jam * HOUR);
      const clip = (d: Date, back = HOUR) => (d.getTime() >= now.getTime() - back ? new Date(now.getTime() - back - Math.floor(rnd() * HOUR)) : d);

      // realisasi per indicator of the plan, its capaian by the scoring module
      const realisasi: LaporanRow['realisasi'][number][] = [];
      const rhkDinilai: RhkDinilai<number>[] = [];
      const kelasInd = new Map<number, Ekspektasi>();
      let prestasiAngka = '';
      skp.plan.forEach((rhk, ri) => {
        const inds: IndikatorCapaian<number>[] = [];
        rhk.indikator.forEach((ind, ii) => {
          if (ind.id === undefined) return;
          const { target } = targetIndikator(ind, p.id);
          const filled = lengkap || rnd() < 0.6;
          const value = filled ? angkaFor(ind, target, f()) : null;
          const penilaianK = ind.jenisTarget === 'KUALITATIF' && dinilai ? (dasar > 1.1 ? 'MELAMPAUI' : dasar < 0.97 ? 'TIDAK_TERCAPAI' : 'TERCAPAI') : null;
          const teks = ind.jenisTarget === 'KUALITATIF' && filled ? 'Kegiatan terlaksana sesuai rencana dan hasilnya telah dilaporkan kepada atasan.' : null;
          // the capaian as the report page computes it (the read model's one function)
          const c = capaianIndikator(ind, p.id, { angka: value, teks, penilaian: penilaianK }, policy).capaian;
          inds.push({ id: ind.id, label: `IKI ${ri + 1}.${ii + 1}`, capaian: c });
          if (c.kind === 'persen' || c.kind === 'kualitatif') kelasInd.set(ind.id, c.kelas);
          if (!prestasiAngka && value !== null && ind.jenisTarget !== 'KUALITATIF') prestasiAngka = `${ind.teks.charAt(0).toLowerCase()}${ind.teks.slice(1)} mencapai ${value.replace('.', ',')}${ind.satuan === '%' ? '%' : ` ${ind.satuan ?? ''}`.trimEnd()}`;
          if (filled) realisasi.push({ indikatorId: ind.id, angka: ind.jenisTarget === 'KUALITATIF' ? null : value, teks, sumberData: sumberOf(ind.teks), penilaian: penilaianK, umpanBalik: null });
        });
        rhkDinilai.push({ id: rhk.id, label: `RHK ${ri + 1}`, jenis: rhk.jenis, klasifikasi: classifyRhk(inds, policy) });
      });

      // the narrative
      const rhkKelas = rhkDinilai.map((x) => (x.klasifikasi.kind === 'kelas' ? x.klasifikasi.kelas : null));
      const nada = rhkKelas.includes('DI_BAWAH') ? 'sebagian besar kegiatan terlaksana, namun satu target belum tercapai' : rhkKelas.includes('DI_ATAS') ? 'kegiatan terlaksana dan beberapa target terlampaui' : 'seluruh kegiatan terlaksana sesuai rencana';
      const prestasi = lengkap || rnd() < 0.5 ? `Pada ${p.nama} ${tahunP} ${nada}; ${prestasiAngka || 'hasilnya telah dilaporkan'}. ${skp.plan[0] ? `Hasil utama: ${skp.plan[0].teks.charAt(0).toLowerCase()}${skp.plan[0].teks.slice(1)}.` : ''}`.trim() : null;
      const kendala = lengkap ? KENDALA[Math.floor(rnd() * KENDALA.length)]! : null;
      const rencanaPerbaikan = lengkap ? PERBAIKAN[Math.floor(rnd() * PERBAIKAN.length)]! : null;

      // rencana aksi progress of the period
      const elapsed = state === 'berjalan' ? Math.min(1, (Date.parse(today) - Date.parse(p.mulai)) / (Date.parse(p.selesai) - Date.parse(p.mulai) + DAY)) : 1;
      const progres = skp.plan.flatMap((rhk) => rhk.rencanaAksi.filter((a) => a.periodeId === p.id && a.id !== undefined).map((a) => {
        const persen = Math.min(100, Math.round((elapsed * (dasar < 1 ? 0.85 : 1) * 100 + (rnd() - 0.5) * 10) / 5) * 5);
        return { rencanaAksiId: a.id!, persen: Math.max(0, persen), keterangan: persen >= 100 ? 'Selesai sesuai jadwal.' : state === 'berjalan' ? 'Sedang berjalan.' : 'Belum selesai; dilanjutkan pada periode berikutnya.' };
      }));

      // when things happened
      const dibuat = t0(addDays(p.mulai, 20 + Math.floor(rnd() * 20)), 9);
      const diajukan = clip(t0(addDays(p.selesai, Math.floor(rnd() * 6)), 8 + rnd() * 8), 3 * HOUR);
      const dinilaiAt = clip(new Date(Math.min(diajukan.getTime() + (1 + rnd() * 4) * DAY, akhirHari(p.batasPenilai, zona).getTime() - HOUR)));
      const createdAt = new Date(Math.min(dibuat.getTime(), (lengkap ? diajukan : now).getTime() - HOUR));

      // evidence
      const fileKeys: (string | null)[] = [];
      const bukti: LaporanRow['bukti'][number][] = [];
      const firstInd = skp.plan[0]?.indikator[0]?.id ?? null;
      const secondInd = skp.plan.flatMap((x) => x.indikator)[1]?.id ?? null;
      if (lengkap || rnd() < 0.4) {
        const k = fileKey.pdf(skp.unitId, p.id);
        need(k, () => ({ nama: `laporan-kegiatan-${p.nama.toLowerCase().replace(/\s+/g, '-')}-${tahunP}.pdf`, keterangan: `Laporan kegiatan ${p.nama} ${tahunP}`, bytes: pdfKecil([`Laporan Kegiatan ${p.nama} ${tahunP}`, skp.unitNama, 'Dinas Komunikasi dan Informatika Kabupaten Sukamaju', `Periode ${p.mulai} s.d. ${p.selesai}`, 'Rekapitulasi kegiatan, daftar hadir dan dokumentasi terlampir.']) }));
        fileKeys.push(k);
        bukti.push({ indikatorId: firstInd, berkasId: null, url: null, keterangan: files.get(k)!.keterangan, createdAt: new Date(Math.max(createdAt.getTime(), (lengkap ? diajukan : now).getTime() - 2 * HOUR)) });
      }
      const demoKembali = nasib === 'DIKEMBALIKAN';
      if (!demoKembali && secondInd !== null && (lengkap ? rnd() < 0.7 : rnd() < 0.3)) {
        const k = fileKey.png(skp.unitId);
        need(k, () => ({ nama: 'tangkapan-layar-dasbor.png', keterangan: 'Tangkapan layar dasbor capaian', bytes: pngKecil([0.4, 0.55, 0.7, 0.62, 0.85, 0.9].map((x, i) => Math.min(1, x * (0.8 + ((skp.unitId * 31 + i * 17) % 40) / 100))), [30 + (skp.unitId * 37) % 160, 90 + (skp.unitId * 53) % 120, 160]) }));
        fileKeys.push(k);
        bukti.push({ indikatorId: secondInd, berkasId: null, url: null, keterangan: files.get(k)!.keterangan, createdAt: new Date(Math.max(createdAt.getTime(), (lengkap ? diajukan : now).getTime() - 2 * HOUR)) });
      }
      if (lengkap && rnd() < 0.25) bukti.push({ indikatorId: null, berkasId: null, url: `https://sukamajukab.go.id/berita/${tahunP}/${p.urutan}/kegiatan-${skp.pegawaiId}`, keterangan: 'Berita kegiatan di portal resmi', createdAt: diajukan });

      // the appraiser's answer
      let penilaian: LaporanRow['penilaian'] = null;
      const tanda: LaporanRow['tanda'][number][] = [];
      const riwayat: LaporanRow['riwayat'][number][] = [];
      let status: LaporanRow['status'] = nasib === 'DRAFT' ? 'DRAFT' : nasib === 'DIAJUKAN' ? 'DIAJUKAN' : nasib === 'DIKEMBALIKAN' ? 'DIKEMBALIKAN' : 'DINILAI';
      let dibukaSampai: Date | null = null;
      let alasanKembali: string | null = null;
      let updatedAt = lengkap ? diajukan : new Date(Math.max(createdAt.getTime(), now.getTime() - (1 + rnd() * 48) * HOUR));
      if (nasib === 'DINILAI_SETELAH_KEMBALI') {
        const kembali = new Date(diajukan.getTime() + DAY);
        const lagi = new Date(kembali.getTime() + DAY);
        riwayat.push({ jenis: 'DIAJUKAN', alasan: null, sampai: null, at: diajukan, olehUserId: skp.userId });
        riwayat.push({ jenis: 'DIKEMBALIKAN', alasan: ALASAN_KEMBALI_LAMA, sampai: akhirHari(defaultDibukaSampai(kembali, zona), zona), at: kembali, olehUserId: skp.rater?.userId ?? null });
        riwayat.push({ jenis: 'DIAJUKAN', alasan: null, sampai: null, at: lagi, olehUserId: skp.userId });
      } else if (lengkap) riwayat.push({ jenis: 'DIAJUKAN', alasan: null, sampai: null, at: diajukan, olehUserId: skp.userId });
      if (demoKembali) {
        // returned recently, open for the employee for the default seven days from the return
        const kembali = new Date(Math.max(diajukan.getTime() + HOUR, now.getTime() - 2 * DAY));
        const at = kembali.getTime() >= now.getTime() ? new Date(now.getTime() - HOUR) : kembali;
        dibukaSampai = akhirHari(defaultDibukaSampai(at, zona), zona);
        alasanKembali = ALASAN_KEMBALI;
        riwayat.push({ jenis: 'DIKEMBALIKAN', alasan: ALASAN_KEMBALI, sampai: dibukaSampai, at, olehUserId: skp.rater?.userId ?? null });
        updatedAt = at;
      }
      if (dinilai && skp.rater) {
        const ratedAt = nasib === 'DINILAI_SETELAH_KEMBALI' ? new Date(Math.min(diajukan.getTime() + 3 * DAY, now.getTime() - HOUR)) : dinilaiAt;
        const marks: TandaPerilaku = {};
        for (const n of NILAI_BERAKHLAK) {
          const x = rnd();
          marks[n] = dasar > 1.1 ? (x < 0.65 ? 'DI_ATAS' : 'SESUAI') : dasar < 0.97 ? (x < 0.3 ? 'DI_BAWAH' : 'SESUAI') : x < 0.12 ? 'DI_ATAS' : x < 0.97 ? 'SESUAI' : 'DI_BAWAH';
          const ub = marks[n] === 'SESUAI' ? null : UMPAN_PERILAKU[n]?.[marks[n] as 'DI_ATAS' | 'DI_BAWAH'] ?? null;
          tanda.push({ nilai: n, tanda: marks[n]!, umpanBalik: ub });
        }
        const saranHasil: SaranRating = suggestRatingHasilKerja(rhkDinilai, policy);
        const saranPerilaku: SaranRating = suggestRatingPerilaku(marks, policy);
        let ratingHasil: Ekspektasi = saranHasil.kind === 'saran' ? saranHasil.rating : 'SESUAI';
        const ratingPerilaku: Ekspektasi = saranPerilaku.kind === 'saran' ? saranPerilaku.rating : 'SESUAI';
        let alasanHasil: string | null = saranHasil.kind === 'saran' ? null : 'Saran belum lengkap; dinilai dari hasil kerja yang dilaporkan.';
        if (!overrideDone && key(skp.id, p.id) === overrideTarget) {
          overrideDone = true;
          alasanHasil = ratingHasil === 'DI_ATAS' ? ALASAN_OVERRIDE : ALASAN_OVERRIDE_NAIK;
          ratingHasil = ratingHasil === 'DI_ATAS' ? 'SESUAI' : 'DI_ATAS';
        }
        for (const re of realisasi) {
          const k = kelasInd.get(re.indikatorId);
          if (k) re.umpanBalik = UMPAN_BALIK[k][Math.floor(rnd() * UMPAN_BALIK[k].length)]!;
        }
        penilaian = {
          ratingHasilKerja: ratingHasil, ratingPerilaku, predikat: predikat(ratingHasil, ratingPerilaku), saranHasilKerja: saranHasil, saranPerilaku,
          policyVersion: policy.version, alasanHasilKerja: alasanHasil, alasanPerilaku: saranPerilaku.kind === 'saran' ? null : 'Belum semua nilai ditandai.',
          at: ratedAt, olehUserId: skp.rater.userId, penilaiId: skp.rater.penilaiId, penilaiLuarId: skp.rater.penilaiLuarId, delegasiId: skp.rater.delegasiId,
        };
        riwayat.push({ jenis: 'DINILAI', alasan: null, sampai: null, at: ratedAt, olehUserId: skp.rater.userId });
        updatedAt = ratedAt;
      } else if (dinilai) status = 'DIAJUKAN';

      rows.push({
        skpId: skp.id, periodeId: p.id, skpRevisi: skp.revisi, status, prestasi, kendala, rencanaPerbaikan,
        diajukanAt: lengkap ? (nasib === 'DINILAI_SETELAH_KEMBALI' ? riwayat[2]!.at : diajukan) : null,
        dibukaSampai, alasanKembali, version: 1 + Math.max(1, riwayat.length), createdAt, updatedAt,
        realisasi, progres, bukti, tanda, penilaian, riwayat,
      });
      meta.push({ skp, p, nasib, fileKeys });
    }
  }

  // ---- Step 1: the files, through the berkas service (content checked, stored once each) --------
  // The same bytes are stored once: a content already in the store (or met earlier here) links its row again.
  const berkasOf = new Map<string, number>(); // file key → berkas id
  const baru: { k: string; s: StoredBerkas }[] = [];
  const bySha = new Map<string, string>(); // sha256 → the first file key with those bytes
  for (const [k, f] of files) {
    const sha = createHash('sha256').update(f.bytes).digest('hex');
    if (bySha.has(sha)) continue;
    bySha.set(sha, k);
    const b = await putBerkasSekali(db.prisma, store, { nama: f.nama, bytes: f.bytes }, BUKTI_DUKUNG, 'berkas');
    if (b.berkasId !== null) berkasOf.set(k, b.berkasId);
    else baru.push({ k, s: b.stored });
  }
  const firstUser = new Map<string, number | null>();
  meta.forEach((m) => m.fileKeys.forEach((k) => { if (k && !firstUser.has(k)) firstUser.set(k, m.skp.userId); }));
  const created = baru.length ? await db.prisma.berkas.createManyAndReturn({ data: baru.map(({ k, s }) => ({ ...s, olehUserId: firstUser.get(k) ?? null })), select: { id: true, kunci: true } }) : [];
  const idOfKunci = new Map(created.map((b) => [b.kunci, b.id]));
  for (const { k, s } of baru) berkasOf.set(k, idOfKunci.get(s.kunci)!);
  const berkasId = (k: string) => berkasOf.get(bySha.get(createHash('sha256').update(files.get(k)!.bytes).digest('hex'))!)!;
  rows.forEach((r, i) => {
    let j = 0;
    for (const b of r.bukti as LaporanRow['bukti'][number][]) if (b.url === null) b.berkasId = berkasId(meta[i]!.fileKeys[j++]!);
  });

  // ---- Step 2: the reports, in one transaction ------------------------------------------------------
  const client = await db.pool.connect();
  let ids: number[];
  try {
    await client.query('BEGIN');
    ids = await insertLaporan(client, rows);
    await client.query(`INSERT INTO audit_log (actor, aksi, entitas, after) VALUES ('sistem', 'seed.laporan', 'sistem', $1::jsonb)`, [JSON.stringify({ tanggal: today, laporan: rows.length })]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }

  // ---- Step 3: progress notes, continuous feedback, the dialog kinerja ----------------------------
  const berjalan = iniPeriode.find((p) => keadaanOf(p, today, false) === 'berjalan') ?? null;
  const catatan: { skpId: number; tanggal: Date; teks: string; berkasId: number | null; url: string | null; olehUserId: number | null; createdAt: Date }[] = [];
  if (berjalan) {
    const days = Math.round((Date.parse(today) - Date.parse(berjalan.mulai)) / DAY) + 1;
    for (const skp of iniSkps) {
      if (!hariDicakup(berjalan, { periodeAwal: skp.periodeAwal, periodeAkhir: skp.periodeAkhir })) continue;
      const rnd = prng(skp.pegawaiId * 31 + berjalan.id);
      const n = skp.nip === opts.demo?.pegawai ? 4 : rnd() < 0.7 ? 1 + Math.floor(rnd() * 3) : 0;
      const png = files.has(fileKey.png(skp.unitId)) ? berkasId(fileKey.png(skp.unitId)) : null;
      for (let i = 0; i < n; i++) {
        const tanggal = addDays(berjalan.mulai, Math.min(days - 1, Math.floor(((i + rnd()) / n) * days)));
        const at = new Date(Math.min(awalHari(tanggal, zona).getTime() + 15 * HOUR, now.getTime() - HOUR));
        catatan.push({
          skpId: skp.id, tanggal: new Date(`${tanggal}T00:00:00Z`), teks: CATATAN[Math.floor(rnd() * CATATAN.length)]!,
          berkasId: i === 0 && png !== null && rnd() < 0.5 ? png : null, url: i === 1 && rnd() < 0.3 ? 'https://sukamajukab.go.id/agenda' : null, olehUserId: skp.userId, createdAt: at,
        });
      }
    }
  }
  const umpanBalik: { pegawaiId: number; skpId: number | null; dariPegawaiId: number | null; olehUserId: number | null; teks: string; at: Date }[] = [];
  const dialog: { pegawaiId: number; penilaiId: number | null; skpId: number | null; tanggal: Date; topik: string; tindakan: string; tindakLanjut: Date | null; olehUserId: number | null; createdAt: Date }[] = [];
  const skpOn = (pegawaiId: number, d: string) => skps.find((s) => s.pegawaiId === pegawaiId && iso(s.periodeAwal) <= d && d <= iso(s.periodeAkhir))?.id ?? null;
  if (demoPegawai && demoPenilaiId !== null && demoPegawai.rater?.penilaiId === demoPenilaiId) {
    const penilaiUser = demoPegawai.rater.userId;
    const teks = [
      [-150, 'Terima kasih atas kesigapan menangani gangguan aplikasi layanan pada hari Senin; responsnya cepat dan komunikasinya jelas.'],
      [-95, 'Untuk laporan mingguan, lampirkan tangkapan layar tiket yang sudah selesai agar mudah diverifikasi.'],
      [-40, 'Presentasi pada rapat koordinasi SPBE bagus. Lain kali siapkan ringkasan satu halaman untuk pimpinan.'],
      [-6, 'Mohon dokumentasi konfigurasi server baru dilengkapi sebelum akhir bulan.'],
    ] as const;
    for (const [d, t] of teks) {
      const at = new Date(Math.min(now.getTime() + d * DAY, now.getTime() - HOUR));
      umpanBalik.push({ pegawaiId: demoPegawai.pegawaiId, skpId: skpOn(demoPegawai.pegawaiId, tanggalDi(at, zona)), dariPegawaiId: demoPenilaiId, olehUserId: penilaiUser, teks: t, at });
    }
    const tgl = tanggalDi(new Date(now.getTime() - 9 * DAY), zona);
    dialog.push({
      pegawaiId: demoPegawai.pegawaiId, penilaiId: demoPenilaiId, skpId: skpOn(demoPegawai.pegawaiId, tgl), tanggal: new Date(`${tgl}T00:00:00Z`),
      topik: 'Evaluasi capaian triwulan berjalan, revisi target SKP di tengah tahun, dan kebutuhan pengembangan kompetensi.',
      tindakan: 'Pegawai melengkapi bukti dukung setiap indikator paling lambat tanggal 5 bulan berikutnya; atasan mengusulkan pegawai mengikuti pelatihan keamanan informasi.',
      tindakLanjut: new Date(`${addDays(today, 21)}T00:00:00Z`), olehUserId: penilaiUser, createdAt: new Date(Math.min(awalHari(tgl, zona).getTime() + 14 * HOUR, now.getTime() - HOUR)),
    });
  }
  // a few words of feedback from other appraisers to their people, spread over the year
  for (const skp of iniSkps.filter((_, i) => i % 7 === 3)) {
    if (!skp.rater?.penilaiId || skp.nip === opts.demo?.pegawai) continue;
    const at = new Date(now.getTime() - (3 + (skp.pegawaiId % 60)) * DAY);
    if (tanggalDi(at, zona) < `${tahun}-01-01`) continue;
    umpanBalik.push({ pegawaiId: skp.pegawaiId, skpId: skp.id, dariPegawaiId: skp.rater.penilaiId, olehUserId: skp.rater.userId, teks: 'Kerja bagus pada kegiatan minggu ini. Pastikan hasilnya langsung dicatat sebagai catatan progres beserta buktinya.', at });
  }
  await db.prisma.$transaction(async (tx) => {
    if (catatan.length) await tx.catatanProgres.createMany({ data: catatan });
    if (umpanBalik.length) await tx.umpanBalik.createMany({ data: umpanBalik });
    if (dialog.length) await tx.dialogKinerja.createMany({ data: dialog });
  });

  const count = (s: string) => rows.filter((r) => r.status === s).length;
  const result: SeedLaporanResult = {
    tahun, laporan: ids.length, dinilai: count('DINILAI'), dikembalikan: count('DIKEMBALIKAN'), diajukan: count('DIAJUKAN'), draft: count('DRAFT'), terlambat,
    berkas: baru.length, bukti: rows.reduce((n, r) => n + r.bukti.length, 0), catatan: catatan.length, umpanBalik: umpanBalik.length, dialog: dialog.length,
  };
  log(`seed: reports as of ${today}: ${result.laporan} (${result.dinilai} rated, ${result.diajukan} waiting, ${result.dikembalikan} returned, ${result.draft} draft; ${result.terlambat} late), ${result.berkas} evidence files for ${result.bukti} evidence rows, ${result.catatan} progress notes, ${result.umpanBalik} feedback, ${result.dialog} dialog kinerja.`);
  return result;
}

/** A target as a plain number (for generating realisasi only; scoring reads it exactly). */
const num = (a: TargetSkor['targetAngka']) => (a === null || a === undefined ? NaN : typeof a === 'object' ? toNumber(a) : Number(a));

/** A realisasi near `f` × the target, in the indicator's unit (whole numbers for counts), as numeric text. */
function angkaFor(ind: IndikatorDokumen, target: TargetSkor, f: number): string | null {
  if (ind.jenisTarget === 'KUALITATIF') return null;
  const persen = ind.satuan === '%';
  const desimal = persen || ind.satuan === 'nilai' || ind.satuan === 'hari' ? 1 : ind.satuan === 'indeks' ? 2 : 0;
  const fmt = (v: number) => {
    const x = Math.max(0, persen ? Math.min(100, v) : v);
    return String(Number(x.toFixed(desimal)));
  };
  if (ind.jenisTarget === 'RENTANG') {
    const lo = num(target.targetMin), hi = num(target.targetMax);
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
    if (f < 0.98) return fmt(lo * (f + 0.02));
    if (f > 1.12 && !(persen && hi >= 100)) return fmt(hi * (f - 0.08));
    return fmt(lo + (hi - lo) * Math.min(1, Math.max(0, f - 0.95) * 4));
  }
  const t = num(target.targetAngka);
  if (!Number.isFinite(t)) return null;
  const v = ind.lebihBaik === 'RENDAH' ? t * (2 - f) : t * f;
  // a small count (1 report a quarter) is met or missed, not 1.16
  if (desimal === 0 && t <= 3) return String(f < 0.97 ? Math.max(0, t - 1) : f > 1.12 && t > 1 ? t + 1 : t);
  return fmt(v);
}
