// Demo data: one fictitious agency (Diskominfo Kabupaten Sukamaju) with its unit tree, positions,
// about sixty employees, their appraisers, and a login for every employee plus an HR admin.
// Everything is generated deterministically (seeded PRNG), so every run produces the same data
// and the same demo logins. Nothing is written when the database already has a unit kerja.
// With `siklus` (the app's start-up) it also opens this year's cycle with one mid-year move.

import type pg from 'pg';
import { prng } from './prng.js';
import { validateNip } from '../domain/nip.js';
import { isValidGolongan } from '../domain/golongan.js';
import { hashPassword } from '../modules/auth/password.js';
import { insertOrg } from './bulk-insert.js';
import { sqlOn } from './sql.js';
import { defaultPeriode } from '../domain/siklus.js';
import { skpDokumen } from '../domain/skp-document.js';
import { createDraftsInRange, createSuccessorSkp, refreshPenilaiSnapshot } from '../modules/skp/draft-sql.js';

export const DEMO_PASSWORD = 'sikap-demo-2026';

export type DemoLogin = { role: string; login: string; password: string; nama: string };
export type SeedResult = { seeded: boolean; logins: DemoLogin[] };

type JenisJabatan = 'JPT' | 'ADMINISTRATOR' | 'PENGAWAS' | 'PELAKSANA' | 'FUNGSIONAL';
type JenisAsn = 'PNS' | 'PPPK';
type Pendidikan = 'SMA' | 'D3' | 'S1' | 'S2' | 'S3';
/** A name template ("{n}" is the bare name) and the education it stands for. */
type Gelar = readonly [template: string, pendidikan: Pendidikan];

type JabatanSpec = {
  nama: string;
  jenis: JenisJabatan;
  gelar: readonly Gelar[];
  /** Number of holders (1 when omitted). */
  n?: number;
  /** How many of the holders are PPPK (only pelaksana / fungsional). */
  pppk?: number;
  /** Fungsional ahli muda: older and a grade higher than ahli pertama. */
  senior?: boolean;
};
type UnitSpec = { kode: string; nama: string; parent: string | null; jabatan: readonly JabatanSpec[] };

// ---- Titles ---------------------------------------------------------------------------------

const SMA: readonly Gelar[] = [['{n}', 'SMA']];
const D3_UMUM: readonly Gelar[] = [['{n}, A.Md.', 'D3'], ['{n}, A.Md.Kom.', 'D3'], ['{n}', 'SMA']];
const S1_UMUM: readonly Gelar[] = [['{n}, S.E.', 'S1'], ['{n}, S.Sos.', 'S1'], ['{n}, S.AP.', 'S1'], ['{n}, A.Md.', 'D3']];
const S1_KEU: readonly Gelar[] = [['{n}, S.E.', 'S1'], ['{n}, S.Ak.', 'S1'], ['{n}, A.Md.Ak.', 'D3']];
const S1_KOM: readonly Gelar[] = [['{n}, S.Kom.', 'S1'], ['{n}, S.T.', 'S1'], ['{n}, A.Md.Kom.', 'D3']];
const S1_HUMAS: readonly Gelar[] = [['{n}, S.I.Kom.', 'S1'], ['{n}, S.Sos.', 'S1']];
const S1_STAT: readonly Gelar[] = [['{n}, S.Si.', 'S1'], ['{n}, S.Stat.', 'S1'], ['{n}, S.Tr.Stat.', 'S1']];
const PENGAWAS: readonly Gelar[] = [['{n}, S.Kom.', 'S1'], ['{n}, S.E.', 'S1'], ['{n}, S.Sos., M.Si.', 'S2'], ['{n}, S.T.', 'S1'], ['{n}, S.H.', 'S1']];
const ADMIN: readonly Gelar[] = [['{n}, S.Sos., M.Si.', 'S2'], ['{n}, S.T., M.Kom.', 'S2'], ['{n}, S.E., M.M.', 'S2'], ['{n}, S.Kom., M.T.', 'S2']];
const JPT: readonly Gelar[] = [['Dr. {n}, S.Kom., M.Si.', 'S3'], ['Ir. {n}, M.T.', 'S2']];

// ---- Organisation ---------------------------------------------------------------------------

const ROOT = 'DISKOMINFO';

const UNITS: readonly UnitSpec[] = [
  {
    kode: ROOT, nama: 'Dinas Komunikasi dan Informatika Kabupaten Sukamaju', parent: null,
    jabatan: [{ nama: 'Kepala Dinas Komunikasi dan Informatika', jenis: 'JPT', gelar: JPT }],
  },
  {
    kode: 'DISKOMINFO.SEK', nama: 'Sekretariat', parent: ROOT,
    jabatan: [
      { nama: 'Sekretaris', jenis: 'ADMINISTRATOR', gelar: ADMIN },
      { nama: 'Analis Kebijakan Ahli Muda', jenis: 'FUNGSIONAL', gelar: [['{n}, S.Sos., M.AP.', 'S2'], ['{n}, S.IP., M.Si.', 'S2']], senior: true },
    ],
  },
  {
    kode: 'DISKOMINFO.SEK.UMUM', nama: 'Sub Bagian Umum dan Kepegawaian', parent: 'DISKOMINFO.SEK',
    jabatan: [
      { nama: 'Kepala Sub Bagian Umum dan Kepegawaian', jenis: 'PENGAWAS', gelar: PENGAWAS },
      { nama: 'Pengadministrasi Umum', jenis: 'PELAKSANA', gelar: D3_UMUM, n: 3, pppk: 1 },
      { nama: 'Pengelola Kepegawaian', jenis: 'PELAKSANA', gelar: S1_UMUM, n: 2 },
      { nama: 'Operator Layanan Operasional', jenis: 'PELAKSANA', gelar: SMA, n: 2, pppk: 1 },
      { nama: 'Analis SDM Aparatur Ahli Pertama', jenis: 'FUNGSIONAL', gelar: [['{n}, S.Psi.', 'S1'], ['{n}, S.AP.', 'S1']] },
      { nama: 'Arsiparis Ahli Pertama', jenis: 'FUNGSIONAL', gelar: [['{n}, S.I.P.', 'S1'], ['{n}, S.Hum.', 'S1']] },
    ],
  },
  {
    kode: 'DISKOMINFO.SEK.KEU', nama: 'Sub Bagian Keuangan', parent: 'DISKOMINFO.SEK',
    jabatan: [
      { nama: 'Kepala Sub Bagian Keuangan', jenis: 'PENGAWAS', gelar: [['{n}, S.E.', 'S1'], ['{n}, S.E., M.Ak.', 'S2']] },
      { nama: 'Bendahara', jenis: 'PELAKSANA', gelar: S1_KEU },
      { nama: 'Pengelola Keuangan', jenis: 'PELAKSANA', gelar: S1_KEU, n: 3, pppk: 1 },
      { nama: 'Analis Anggaran Ahli Pertama', jenis: 'FUNGSIONAL', gelar: [['{n}, S.E.', 'S1'], ['{n}, S.Ak.', 'S1']] },
    ],
  },
  {
    kode: 'DISKOMINFO.SEK.PRG', nama: 'Sub Bagian Perencanaan dan Evaluasi', parent: 'DISKOMINFO.SEK',
    jabatan: [
      { nama: 'Kepala Sub Bagian Perencanaan dan Evaluasi', jenis: 'PENGAWAS', gelar: PENGAWAS },
      { nama: 'Penyusun Program Anggaran dan Pelaporan', jenis: 'PELAKSANA', gelar: S1_UMUM, n: 2 },
      { nama: 'Perencana Ahli Pertama', jenis: 'FUNGSIONAL', gelar: [['{n}, S.E.', 'S1'], ['{n}, S.P.W.K.', 'S1']] },
    ],
  },
  {
    kode: 'DISKOMINFO.IKP', nama: 'Bidang Informasi dan Komunikasi Publik', parent: ROOT,
    jabatan: [
      { nama: 'Kepala Bidang Informasi dan Komunikasi Publik', jenis: 'ADMINISTRATOR', gelar: ADMIN },
      { nama: 'Pranata Hubungan Masyarakat Ahli Muda', jenis: 'FUNGSIONAL', gelar: [['{n}, S.I.Kom., M.I.Kom.', 'S2'], ['{n}, S.Sos.', 'S1']], senior: true },
    ],
  },
  {
    kode: 'DISKOMINFO.IKP.PIP', nama: 'Seksi Pengelolaan Informasi Publik', parent: 'DISKOMINFO.IKP',
    jabatan: [
      { nama: 'Kepala Seksi Pengelolaan Informasi Publik', jenis: 'PENGAWAS', gelar: PENGAWAS },
      { nama: 'Pengelola Informasi Publik', jenis: 'PELAKSANA', gelar: S1_HUMAS, n: 2 },
      { nama: 'Pranata Hubungan Masyarakat Ahli Pertama', jenis: 'FUNGSIONAL', gelar: S1_HUMAS, n: 2, pppk: 1 },
    ],
  },
  {
    kode: 'DISKOMINFO.IKP.KPM', nama: 'Seksi Komunikasi Publik dan Kemitraan Media', parent: 'DISKOMINFO.IKP',
    jabatan: [
      { nama: 'Kepala Seksi Komunikasi Publik dan Kemitraan Media', jenis: 'PENGAWAS', gelar: PENGAWAS },
      { nama: 'Pengelola Media Komunikasi', jenis: 'PELAKSANA', gelar: [['{n}, S.I.Kom.', 'S1'], ['{n}, A.Md.', 'D3']], n: 2, pppk: 1 },
      { nama: 'Operator Layanan Operasional', jenis: 'PELAKSANA', gelar: SMA },
    ],
  },
  {
    kode: 'DISKOMINFO.APTIKA', nama: 'Bidang Aplikasi Informatika', parent: ROOT,
    jabatan: [
      { nama: 'Kepala Bidang Aplikasi Informatika', jenis: 'ADMINISTRATOR', gelar: ADMIN },
      { nama: 'Pranata Komputer Ahli Muda', jenis: 'FUNGSIONAL', gelar: [['{n}, S.Kom., M.Kom.', 'S2'], ['{n}, S.T.', 'S1']], senior: true },
    ],
  },
  {
    kode: 'DISKOMINFO.APTIKA.LEG', nama: 'Seksi Layanan E-Government', parent: 'DISKOMINFO.APTIKA',
    jabatan: [
      { nama: 'Kepala Seksi Layanan E-Government', jenis: 'PENGAWAS', gelar: [['{n}, S.Kom.', 'S1'], ['{n}, S.T., M.Kom.', 'S2']] },
      { nama: 'Pranata Komputer Ahli Pertama', jenis: 'FUNGSIONAL', gelar: S1_KOM.slice(0, 2), n: 2, pppk: 1 },
      { nama: 'Pengelola Sistem Informasi', jenis: 'PELAKSANA', gelar: S1_KOM, n: 2 },
    ],
  },
  {
    kode: 'DISKOMINFO.APTIKA.ITI', nama: 'Seksi Infrastruktur dan Teknologi Informasi', parent: 'DISKOMINFO.APTIKA',
    jabatan: [
      { nama: 'Kepala Seksi Infrastruktur dan Teknologi Informasi', jenis: 'PENGAWAS', gelar: [['{n}, S.T.', 'S1'], ['{n}, S.Kom.', 'S1']] },
      { nama: 'Pranata Komputer Ahli Pertama', jenis: 'FUNGSIONAL', gelar: S1_KOM.slice(0, 2) },
      { nama: 'Pengelola Jaringan Komputer', jenis: 'PELAKSANA', gelar: [['{n}, A.Md.T.', 'D3'], ['{n}, A.Md.Kom.', 'D3'], ['{n}', 'SMA']], n: 2 },
    ],
  },
  {
    kode: 'DISKOMINFO.APTIKA.UPTPD', nama: 'UPT Pusat Data Daerah', parent: 'DISKOMINFO.APTIKA',
    jabatan: [
      { nama: 'Kepala UPT Pusat Data Daerah', jenis: 'PENGAWAS', gelar: [['{n}, S.Kom.', 'S1'], ['{n}, S.T.', 'S1']] },
      { nama: 'Operator Layanan Operasional', jenis: 'PELAKSANA', gelar: SMA, n: 2, pppk: 1 },
      { nama: 'Pengelola Data', jenis: 'PELAKSANA', gelar: S1_KOM },
      { nama: 'Pranata Komputer Ahli Pertama', jenis: 'FUNGSIONAL', gelar: S1_KOM.slice(0, 2) },
    ],
  },
  {
    kode: 'DISKOMINFO.STATSAN', nama: 'Bidang Statistik dan Persandian', parent: ROOT,
    jabatan: [
      { nama: 'Kepala Bidang Statistik dan Persandian', jenis: 'ADMINISTRATOR', gelar: ADMIN },
      { nama: 'Statistisi Ahli Muda', jenis: 'FUNGSIONAL', gelar: [['{n}, S.Si., M.Si.', 'S2'], ['{n}, S.Stat.', 'S1']], senior: true },
    ],
  },
  {
    kode: 'DISKOMINFO.STATSAN.STAT', nama: 'Seksi Statistik Sektoral', parent: 'DISKOMINFO.STATSAN',
    jabatan: [
      { nama: 'Kepala Seksi Statistik Sektoral', jenis: 'PENGAWAS', gelar: [['{n}, S.Si.', 'S1'], ['{n}, S.Stat.', 'S1'], ['{n}, S.E.', 'S1']] },
      { nama: 'Statistisi Ahli Pertama', jenis: 'FUNGSIONAL', gelar: S1_STAT, n: 2, pppk: 1 },
      { nama: 'Pengelola Data', jenis: 'PELAKSANA', gelar: [['{n}, S.Si.', 'S1'], ['{n}, A.Md.', 'D3'], ['{n}', 'SMA']], n: 2, pppk: 1 },
    ],
  },
  {
    kode: 'DISKOMINFO.STATSAN.SANDI', nama: 'Seksi Persandian dan Keamanan Informasi', parent: 'DISKOMINFO.STATSAN',
    jabatan: [
      { nama: 'Kepala Seksi Persandian dan Keamanan Informasi', jenis: 'PENGAWAS', gelar: [['{n}, S.Kom.', 'S1'], ['{n}, S.ST.', 'S1']] },
      { nama: 'Sandiman Ahli Pertama', jenis: 'FUNGSIONAL', gelar: [['{n}, S.Tr.Sandi', 'S1'], ['{n}, S.Kom.', 'S1']] },
      { nama: 'Pengadministrasi Persandian', jenis: 'PELAKSANA', gelar: D3_UMUM },
    ],
  },
];

// The demo logins point at these positions (looked up by unit and kind, not by generated id).
const PIMPINAN_BIDANG_UNIT = 'DISKOMINFO.APTIKA';
const PENILAI_UNIT = 'DISKOMINFO.APTIKA.LEG';

// ---- People ---------------------------------------------------------------------------------

type Sex = 'L' | 'P';
// Bare names (titles come from the position); a mix of Javanese, Sundanese, Batak, Minang,
// Bugis/Makassar, Balinese, Malay and eastern Indonesian names.
const NAMES: readonly (readonly [string, Sex])[] = [
  ['Bambang Sutrisno', 'L'], ['Agus Setiawan', 'L'], ['Joko Prasetyo', 'L'], ['Hendra Wijaya', 'L'],
  ['Dedi Kurniawan', 'L'], ['Asep Saepudin', 'L'], ['Ujang Suryana', 'L'], ['Cecep Hidayat', 'L'],
  ['Robert Simanjuntak', 'L'], ['Parlindungan Siregar', 'L'], ['Togar Hutapea', 'L'], ['Maruli Tua Nainggolan', 'L'],
  ['Rizal Fahmi Chaniago', 'L'], ['Andi Irfan Syamsuddin', 'L'], ['Muhammad Arif Rahman', 'L'], ['Ahmad Fauzi', 'L'],
  ['Irwan Mappaseng', 'L'], ['Fadli Zulkarnain Tanjung', 'L'], ['I Made Suardana', 'L'], ['Yohanes Bria Seran', 'L'],
  ['Rudi Hartono', 'L'], ['Eko Budi Santoso', 'L'], ['Wahyu Nugroho', 'L'], ['Dimas Arya Pratama', 'L'],
  ['Fajar Ramadhan', 'L'], ['Teguh Prasetya', 'L'], ['Gilang Permana', 'L'], ['Ridwan Kamaluddin', 'L'],
  ['Budi Harahap', 'L'], ['Syahrul Gunawan Lubis', 'L'], ['Heru Susanto', 'L'], ['Rahmat Hidayat Nasution', 'L'],
  ['Yudi Firmansyah', 'L'], ['Syamsul Bahri Daeng Ngalle', 'L'], ['Zulkifli Datuk Rajo Mudo', 'L'],
  ['Sri Wahyuni', 'P'], ['Siti Aminah', 'P'], ['Rina Marlina', 'P'], ['Euis Komalasari', 'P'],
  ['Neneng Hasanah', 'P'], ['Dewi Anggraini', 'P'], ['Endang Sulistyowati', 'P'], ['Tri Handayani', 'P'],
  ['Retno Wulandari', 'P'], ['Fitri Yulianti', 'P'], ['Novita Sari Panjaitan', 'P'], ['Rosmawati Sitorus', 'P'],
  ['Lasmaria Sihombing', 'P'], ['Yulia Rahmi Putri', 'P'], ['Desi Ratnasari', 'P'], ['Andi Nurfadillah', 'P'],
  ['Besse Tenriawaru', 'P'], ['Sitti Rahmatia', 'P'], ['Ni Luh Putu Ariani', 'P'], ['Maria Goreti Seran', 'P'],
  ['Ayu Kusumaningrum', 'P'], ['Wulan Sari Dewi', 'P'], ['Intan Permatasari', 'P'], ['Anisa Rahmawati', 'P'],
  ['Lilis Suryani', 'P'], ['Dian Pertiwi', 'P'], ['Ratna Juwita Simatupang', 'P'], ['Mega Puspitasari', 'P'],
  ['Yuni Astuti', 'P'], ['Rahmadani Putri', 'P'],
];

const EMAIL_DOMAIN = 'sukamajukab.go.id';

// ---- The plan (pure; ids are local indexes) -------------------------------------------------

type PlanUnit = { kode: string; nama: string; parentIdx: number | null };
type PlanJabatan = { kode: string; nama: string; jenis: JenisJabatan; unitIdx: number };
type PlanPegawai = {
  nip: string;
  nama: string;
  jenisAsn: JenisAsn;
  golongan: string;
  email: string | null;
  jabatanIdx: number;
  unitIdx: number;
  penilaiIdx: number | null;
};
type Plan = {
  units: PlanUnit[];
  jabatan: PlanJabatan[];
  pegawai: PlanPegawai[];
  /** Indexes (into pegawai) of the people behind the demo logins. */
  kepalaDinas: number;
  kepalaBidang: number;
  penilai: number;
  pelaksana: number;
};

const STRUCTURAL: ReadonlySet<JenisJabatan> = new Set(['JPT', 'ADMINISTRATOR', 'PENGAWAS']);
// Appointment ages of a new CPNS by education.
const START_AGE: Record<Pendidikan, readonly [number, number]> = { SMA: [19, 24], D3: [22, 26], S1: [23, 28], S2: [24, 28], S3: [24, 28] };
const LAST_APPOINTMENT_YEAR = 2024; // keeps every NIP in the past whatever today's date
const CPNS_MONTHS = [1, 2, 3, 4, 12] as const;

let cachedPlan: Plan | undefined;

function buildPlan(): Plan {
  if (cachedPlan) return cachedPlan;
  const rnd = prng(20260101);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');

  // Names in a fixed shuffled order.
  const names = [...NAMES];
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  let nextName = 0;

  const unitIdx = new Map<string, number>();
  const units: PlanUnit[] = UNITS.map((u, i) => {
    unitIdx.set(u.kode, i);
    const parentIdx = u.parent === null ? null : unitIdx.get(u.parent);
    if (parentIdx === undefined) throw new Error(`seed: unit ${u.kode} is listed before its parent ${u.parent}`);
    return { kode: u.kode, nama: u.nama, parentIdx };
  });

  const jabatan: PlanJabatan[] = [];
  const pegawai: PlanPegawai[] = [];
  const headOfUnit = new Map<number, number>(); // unit index → pegawai index of its structural head
  const nips = new Set<string>();
  const emails = new Set<string>();

  type Pending = { p: PlanPegawai; structural: boolean };
  const pending: Pending[] = [];

  UNITS.forEach((u, ui) => {
    u.jabatan.forEach((spec, ji) => {
      const jIdx = jabatan.length;
      jabatan.push({ kode: `${u.kode}.J${pad(ji + 1, 2)}`, nama: spec.nama, jenis: spec.jenis, unitIdx: ui });
      const holders = spec.n ?? 1;
      const pppkCount = spec.pppk ?? 0;
      if (pppkCount > 0 && STRUCTURAL.has(spec.jenis)) throw new Error(`seed: PPPK cannot hold ${spec.nama}`);
      for (let h = 0; h < holders; h++) {
        const jenisAsn: JenisAsn = h >= holders - pppkCount ? 'PPPK' : 'PNS';
        const entry = names[nextName++];
        if (!entry) throw new Error('seed: not enough demo names');
        const [bare, sex] = entry;
        const [template, pendidikan] = pick(spec.gelar);
        const nama = template.replace('{n}', bare);
        const graduate = pendidikan === 'S1' || pendidikan === 'S2' || pendidikan === 'S3';

        // Birth year and golongan by kind of position (and education for pelaksana / PPPK).
        let birthYear: number;
        let golongan: string;
        if (jenisAsn === 'PPPK') {
          birthYear = int(1986, 1998);
          golongan = graduate ? 'IX' : pendidikan === 'D3' ? 'VII' : 'V';
        } else {
          switch (spec.jenis) {
            case 'JPT': birthYear = int(1970, 1975); golongan = pick(['IV/c', 'IV/d']); break;
            case 'ADMINISTRATOR': birthYear = int(1972, 1980); golongan = pick(['IV/a', 'IV/b']); break;
            case 'PENGAWAS': birthYear = int(1977, 1986); golongan = pick(['III/c', 'III/d']); break;
            case 'FUNGSIONAL':
              if (spec.senior) { birthYear = int(1979, 1987); golongan = pick(['III/c', 'III/d', 'IV/a']); }
              else { birthYear = int(1988, 1997); golongan = pick(['III/a', 'III/b']); }
              break;
            case 'PELAKSANA':
              birthYear = int(1982, 2000);
              golongan = graduate ? pick(['III/a', 'III/b']) : pendidikan === 'D3' ? pick(['II/c', 'II/d']) : pick(['II/a', 'II/b', 'II/c']);
              break;
          }
        }
        if (!isValidGolongan(jenisAsn, golongan)) throw new Error(`seed: bad golongan ${golongan} for ${jenisAsn}`);

        const birth = `${birthYear}${pad(int(1, 12), 2)}${pad(int(1, 28), 2)}`;
        let appointment: string;
        if (jenisAsn === 'PPPK') {
          appointment = `${int(2022, LAST_APPOINTMENT_YEAR)}21`;
        } else {
          const [lo, hi] = START_AGE[pendidikan];
          const year = Math.min(birthYear + int(lo, hi), LAST_APPOINTMENT_YEAR);
          appointment = `${year}${pad(pick(CPNS_MONTHS), 2)}`;
        }
        const prefix = `${birth}${appointment}${sex === 'L' ? '1' : '2'}`;
        let serial = int(1, 999);
        while (nips.has(`${prefix}${pad(serial, 3)}`)) serial = (serial % 999) + 1;
        const nip = `${prefix}${pad(serial, 3)}`;
        const check = validateNip(nip);
        if (!check.ok) throw new Error(`seed: generated NIP ${nip} is invalid (${check.code})`);
        nips.add(nip);

        // Most people have an office e-mail; the operators (and a few others) do not.
        let email: string | null = null;
        if (pendidikan !== 'SMA' && rnd() < 0.9) {
          const words = bare.toLowerCase().replace(/[^a-z ]/g, '').split(' ').filter((w) => w.length >= 3);
          const local = words.length > 1 ? `${words[0]}.${words[words.length - 1]}` : (words[0] ?? 'pegawai');
          let candidate = `${local}@${EMAIL_DOMAIN}`;
          for (let k = 2; emails.has(candidate); k++) candidate = `${local}${k}@${EMAIL_DOMAIN}`;
          emails.add(candidate);
          email = candidate;
        }

        const p: PlanPegawai = { nip, nama, jenisAsn, golongan, email, jabatanIdx: jIdx, unitIdx: ui, penilaiIdx: null };
        const structural = STRUCTURAL.has(spec.jenis);
        if (structural) {
          if (headOfUnit.has(ui)) throw new Error(`seed: unit ${u.kode} has two structural heads`);
          headOfUnit.set(ui, pegawai.length);
        }
        pegawai.push(p);
        pending.push({ p, structural });
      }
    });
  });

  // Appraisers: a structural head is appraised by the head of the parent unit (the Kepala Dinas
  // by nobody in the app); everyone else by the head of their own unit (the pengawas, or the
  // administrator in a unit without one). Heads always sit higher up, so there are no loops.
  for (const { p, structural } of pending) {
    const unit = units[p.unitIdx]!;
    const from = structural ? unit.parentIdx : p.unitIdx;
    if (from === null) continue;
    const head = headOfUnit.get(from);
    if (head === undefined) throw new Error(`seed: unit ${units[from]!.kode} has no structural head`);
    p.penilaiIdx = head;
  }

  const idxOfUnit = (kode: string) => {
    const i = unitIdx.get(kode);
    if (i === undefined) throw new Error(`seed: unknown unit ${kode}`);
    return i;
  };
  const headOf = (kode: string) => headOfUnit.get(idxOfUnit(kode))!;
  const penilaiUnit = idxOfUnit(PENILAI_UNIT);
  const pelaksana = pegawai.findIndex((p) => p.unitIdx === penilaiUnit && p.jenisAsn === 'PNS' && jabatan[p.jabatanIdx]!.jenis === 'PELAKSANA');
  if (pelaksana < 0) throw new Error(`seed: no PNS pelaksana in ${PENILAI_UNIT}`);

  cachedPlan = { units, jabatan, pegawai, kepalaDinas: headOf(ROOT), kepalaBidang: headOf(PIMPINAN_BIDANG_UNIT), penilai: headOf(PENILAI_UNIT), pelaksana };
  return cachedPlan;
}

function demoLogins(plan: Plan): DemoLogin[] {
  const person = (role: string, idx: number): DemoLogin => {
    const p = plan.pegawai[idx]!;
    return { role, login: p.nip, password: DEMO_PASSWORD, nama: p.nama };
  };
  return [
    { role: 'admin', login: 'admin', password: DEMO_PASSWORD, nama: 'Administrator Kepegawaian' },
    person('pimpinan', plan.kepalaBidang),
    person('pimpinan (kepala dinas)', plan.kepalaDinas),
    person('penilai', plan.penilai),
    person('pegawai', plan.pelaksana),
  ];
}

// ---- A cycle with a mid-year move (docs/domain/mutasi.md) -----------------------------------

/** The drafts job's kind (BULK_JOB in src/modules/siklus/service.ts), recorded as done. */
const DRAFT_JOB = 'skp.buatDraft';
const MUTASI_DARI = { unit: PENILAI_UNIT, jabatan: 'Pengelola Sistem Informasi' };
const MUTASI_KE = { unit: 'DISKOMINFO.APTIKA.UPTPD', jabatan: 'Pengelola Data' };

/** Who moves (an employee of the demo appraiser's unit who is not a demo login) and into which position. */
function mutasiPlan(plan: Plan) {
  const unitOf = (kode: string) => plan.units.findIndex((u) => u.kode === kode);
  const jabatanOf = (m: { unit: string; jabatan: string }) => plan.jabatan.findIndex((j) => j.unitIdx === unitOf(m.unit) && j.nama === m.jabatan);
  const dari = jabatanOf(MUTASI_DARI);
  const ke = jabatanOf(MUTASI_KE);
  const who = plan.pegawai.findIndex((p, i) => p.jabatanIdx === dari && p.jenisAsn === 'PNS' && i !== plan.pelaksana);
  const penilaiBaru = plan.pegawai.find((p) => p.jabatanIdx === ke)?.penilaiIdx;
  if (dari < 0 || ke < 0 || who < 0 || penilaiBaru === undefined || penilaiBaru === null) throw new Error('seed: no employee or position for the demo move');
  return { who, keJabatan: ke, penilaiBaru };
}

/**
 * This year's cycle open for planning, a draft SKP for everyone, and one employee moved on 1 July:
 * the first SKP (1 January–30 June) approved by the old appraiser and closed, the second (from
 * 1 July, with the new appraiser) in progress. Written in the seed's transaction; the second SKP
 * comes from the same statement a recorded move uses.
 */
async function seedSiklusMutasi(client: pg.PoolClient, plan: Plan, tahun: number): Promise<void> {
  const q = sqlOn(client);
  const id = async (text: string, values: unknown[]) => (await client.query<{ id: number }>(text, values)).rows[0]!.id;
  const nipId = async (idx: number) => id('SELECT id FROM pegawai WHERE nip = $1', [plan.pegawai[idx]!.nip]);
  const siklusId = await id(`INSERT INTO siklus (tahun, jenis_periode, fase) VALUES ($1, 'TRIWULANAN', 'PERENCANAAN') RETURNING id`, [tahun]);
  for (const p of defaultPeriode(tahun, 'TRIWULANAN')) {
    await client.query('INSERT INTO periode (siklus_id, urutan, nama, mulai, selesai, batas_pegawai, batas_penilai) VALUES ($1, $2, $3, $4, $5, $6, $7)', [siklusId, p.urutan, p.nama, p.mulai, p.selesai, p.batasPegawai, p.batasPenilai]);
  }
  const drafts = await createDraftsInRange(q, siklusId, 1, 2_147_483_647);
  await client.query(`INSERT INTO job (jenis, siklus_id, status, total, selesai, finished_at) VALUES ($3, $1, 'SELESAI', $2, $2, now())`, [siklusId, drafts, DRAFT_JOB]);

  const m = mutasiPlan(plan);
  const pegawaiId = await nipId(m.who);
  const penilaiLama = plan.pegawai[m.who]!.penilaiIdx!;
  const skpOf = (pid: number) => id('SELECT id FROM skp WHERE siklus_id = $1 AND pegawai_id = $2 AND ditutup_at IS NULL', [siklusId, pid]);
  const rhk = (skpId: number, teks: string, atasan: number | null) =>
    id(`INSERT INTO rhk (skp_id, jenis, urutan, teks, rhk_atasan_id) VALUES ($1, 'UTAMA', 1, $2, $3) RETURNING id`, [skpId, teks, atasan]);
  const indikator = (rhkId: number, teks: string, target: string, satuan: string) =>
    id(`INSERT INTO indikator (rhk_id, aspek, urutan, teks, jenis_target, target_angka, satuan) VALUES ($1, 'KUANTITAS', 1, $2, 'ANGKA', $3, $4) RETURNING id`, [rhkId, teks, target, satuan]);

  // the two appraisers' RHKs the employee's RHKs intervene
  const teksLama = 'Meningkatnya kualitas layanan aplikasi e-government perangkat daerah';
  const rhkLama = await rhk(await skpOf(await nipId(penilaiLama)), teksLama, null);
  const rhkBaru = await rhk(await skpOf(await nipId(m.penilaiBaru)), 'Tersedianya layanan pusat data daerah yang andal', null);

  // the first SKP: planned, approved by the old appraiser in February, frozen as revision 1
  const pertama = await skpOf(pegawaiId);
  const r1 = { teks: 'Terpeliharanya aplikasi layanan perizinan daring', indikator: 'Jumlah pembaruan aplikasi yang diterapkan', target: '6', satuan: 'pembaruan' };
  const r1Id = await rhk(pertama, r1.teks, rhkLama);
  const i1Id = await indikator(r1Id, r1.indikator, r1.target, r1.satuan);
  const disetujui = new Date(Date.UTC(tahun, 1, 10, 2));
  await client.query(`UPDATE skp SET status = 'DISETUJUI', diajukan_at = $2, disetujui_at = $3 WHERE id = $1`, [pertama, new Date(Date.UTC(tahun, 1, 5, 2)), disetujui]);
  await refreshPenilaiSnapshot(q, pertama);
  const snapshot = (await client.query<{ snapshot: unknown }>('SELECT snapshot FROM skp WHERE id = $1', [pertama])).rows[0]!.snapshot;
  const doc = skpDokumen.parse({
    revisi: 1, pendekatan: 'KUANTITATIF', snapshot,
    rhk: [{ id: r1Id, urutan: 1, jenis: 'UTAMA', teks: r1.teks, rhkAtasan: teksLama, indikator: [{ id: i1Id, aspek: 'KUANTITAS', teks: r1.indikator, jenisTarget: 'ANGKA', targetAngka: r1.target, satuan: r1.satuan }] }],
  });
  const oleh = await id('SELECT id FROM app_user WHERE pegawai_id = $1', [await nipId(penilaiLama)]);
  await client.query('INSERT INTO skp_versi (skp_id, revisi, data, disetujui_at, oleh_user_id) VALUES ($1, 1, $2, $3, $4)', [pertama, JSON.stringify(doc), disetujui, oleh]);

  // the move, TMT 1 July: new position and appraiser, the first SKP ends on 30 June, the second starts
  const tmt = `${tahun}-07-01`;
  const keJabatan = await id('SELECT j.id FROM jabatan j WHERE j.kode = $1', [plan.jabatan[m.keJabatan]!.kode]);
  const penilaiBaruId = await nipId(m.penilaiBaru);
  await client.query('UPDATE pegawai SET jabatan_id = $2, unit_id = (SELECT unit_id FROM jabatan WHERE id = $2), penilai_id = $3, version = version + 1 WHERE id = $1', [pegawaiId, keJabatan, penilaiBaruId]);
  await client.query(`INSERT INTO riwayat_pegawai (pegawai_id, jabatan_id, unit_id, penilai_id, aktif, tmt, keterangan)
    SELECT id, jabatan_id, unit_id, penilai_id, aktif, $2, $3 FROM pegawai WHERE id = $1`, [pegawaiId, tmt, `Mutasi: SK Kepala Dinas 800/214/DISKOMINFO/${tahun}`]);
  await client.query(`UPDATE skp SET periode_akhir = $2::date - 1, ditutup_at = $3, version = version + 1 WHERE id = $1`, [pertama, tmt, new Date(Date.UTC(tahun, 6, 1, 2))]);
  const kedua = await createSuccessorSkp(q, { id: pertama, siklusId, pegawaiId }, tmt);
  // the second SKP in progress: a first RHK drafted against the new appraiser's
  await rhk(kedua, 'Terkelolanya data sektoral pada pusat data daerah', rhkBaru);
}

// ---- Writing --------------------------------------------------------------------------------

const SEED_LOCK_KEY = 727_002; // advisory lock: two seeders never interleave

async function hasUnits(q: pg.Pool | pg.PoolClient): Promise<boolean> {
  const r = await q.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM unit_kerja) AS any');
  return r.rows[0]?.any === true;
}

/**
 * Fills an empty database with the demo agency. Does nothing (seeded: false) when a unit kerja
 * already exists; the demo login list is returned either way.
 */
export async function seedDemo(pool: pg.Pool, opts?: { log?: (m: string) => void; siklus?: boolean }): Promise<SeedResult> {
  const log = opts?.log ?? (() => undefined);
  const plan = buildPlan();
  const logins = demoLogins(plan);
  const tahun = new Date().getFullYear();
  if (opts?.siklus) {
    const p = plan.pegawai[mutasiPlan(plan).who]!;
    logins.push({ role: `pegawai (mutasi 1 Juli ${tahun}, dua SKP)`, login: p.nip, password: DEMO_PASSWORD, nama: p.nama });
  }

  if (await hasUnits(pool)) {
    log('seed: the database already has unit kerja data; demo data not inserted.');
    return { seeded: false, logins };
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD); // once: argon2 is deliberately slow
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    if (await hasUnits(client)) {
      await client.query('ROLLBACK');
      log('seed: the database already has unit kerja data; demo data not inserted.');
      return { seeded: false, logins };
    }

    const P = plan.pegawai;
    const { adminCreated } = await insertOrg(client, {
      units: plan.units.map((u) => ({ kode: u.kode, nama: u.nama, parent: u.parentIdx })),
      jabatan: plan.jabatan.map((j) => ({ kode: j.kode, nama: j.nama, jenis: j.jenis, unit: j.unitIdx })),
      pegawai: P.map((p) => ({ ...p, jabatan: p.jabatanIdx, unit: p.unitIdx, penilai: p.penilaiIdx })),
      passwordHash,
      pimpinan: [plan.kepalaDinas, plan.kepalaBidang],
      admin: 'admin',
    });
    if (!adminCreated) log("seed: a user 'admin' already exists; its password was left unchanged.");
    if (opts?.siklus) await seedSiklusMutasi(client, plan, tahun);

    const summary = {
      instansi: plan.units[0]!.nama,
      unitKerja: plan.units.length,
      jabatan: plan.jabatan.length,
      pegawai: P.length,
      pppk: P.filter((p) => p.jenisAsn === 'PPPK').length,
      users: P.length + (adminCreated ? 1 : 0),
    };
    await client.query(
      `INSERT INTO audit_log (actor, aksi, entitas, after) VALUES ('sistem', 'seed.demo', 'sistem', $1::jsonb)`,
      [JSON.stringify(summary)],
    );

    await client.query('COMMIT');
    log(`seed: demo data inserted (${summary.unitKerja} unit kerja, ${summary.jabatan} jabatan, ${summary.pegawai} pegawai, ${summary.pppk} PPPK).`);
    return { seeded: true, logins };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
