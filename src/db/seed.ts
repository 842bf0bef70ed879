// Demo data: one fictitious agency (Diskominfo Kabupaten Sukamaju) with its unit tree, positions,
// about sixty employees, their appraisers, and a login for every employee plus an HR admin.
// Everything is generated deterministically (seeded PRNG), so every run produces the same data
// and the same demo logins. Nothing is written when the database already has a unit kerja.

import type pg from 'pg';
import { prng } from './prng.js';
import { validateNip } from '../domain/nip.js';
import { isValidGolongan } from '../domain/golongan.js';
import { hashPassword } from '../modules/auth/password.js';
import { insertOrg } from './bulk-insert.js';

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
  /** Fungsional keterampilan, jenjang terampil (II/b–II/d). */
  terampil?: boolean;
  /** How many of the holders are still CPNS: appointed last year, in the first rank of their education. */
  cpns?: number;
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
    // a UPT of the dinas reports to the Kepala Dinas, not to a bidang; it is not a unit kerja mandiri
    kode: 'DISKOMINFO.UPTPD', nama: 'UPT Pusat Data Daerah', parent: ROOT,
    jabatan: [
      { nama: 'Kepala UPT Pusat Data Daerah', jenis: 'PENGAWAS', gelar: [['{n}, S.Kom.', 'S1'], ['{n}, S.T.', 'S1']] },
      { nama: 'Operator Layanan Operasional', jenis: 'PELAKSANA', gelar: SMA, n: 2, pppk: 1 },
      { nama: 'Pranata Komputer Terampil', jenis: 'FUNGSIONAL', gelar: [['{n}, A.Md.Kom.', 'D3'], ['{n}, A.Md.T.', 'D3']], terampil: true },
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
      { nama: 'Pengadministrasi Persandian', jenis: 'PELAKSANA', gelar: [['{n}, A.Md.', 'D3']], cpns: 1 },
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
// A CPNS of the demo was appointed (TMT CPNS) the year before the newest appointments, in the
// first rank of their education, and is still on probation.
const CPNS_YEAR = 2025;
const FIRST_RANK: Record<Pendidikan, string> = { SMA: 'II/a', D3: 'II/c', S1: 'III/a', S2: 'III/b', S3: 'III/c' };

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
              // the ranks of each jenjang (Ahli Pertama III/a–III/b, Ahli Muda III/c–III/d, Terampil II/b–II/d)
              if (spec.senior) { birthYear = int(1979, 1987); golongan = pick(['III/c', 'III/d']); }
              else if (spec.terampil) { birthYear = int(1988, 1997); golongan = pick(['II/c', 'II/d']); }
              else { birthYear = int(1988, 1997); golongan = pick(['III/a', 'III/b']); }
              break;
            case 'PELAKSANA':
              birthYear = int(1982, 2000);
              golongan = graduate ? pick(['III/a', 'III/b']) : pendidikan === 'D3' ? pick(['II/c', 'II/d']) : pick(['II/a', 'II/b', 'II/c']);
              break;
          }
        }
        const cpns = jenisAsn === 'PNS' && h >= holders - (spec.cpns ?? 0);
        if (cpns) { birthYear = int(1999, 2002); golongan = FIRST_RANK[pendidikan]; }
        if (!isValidGolongan(jenisAsn, golongan)) throw new Error(`seed: bad golongan ${golongan} for ${jenisAsn}`);

        const birth = `${birthYear}${pad(int(1, 12), 2)}${pad(int(1, 28), 2)}`;
        let appointment: string;
        if (jenisAsn === 'PPPK') {
          appointment = `${int(2022, LAST_APPOINTMENT_YEAR)}21`;
        } else {
          const [lo, hi] = START_AGE[pendidikan];
          const year = cpns ? CPNS_YEAR : Math.min(birthYear + int(lo, hi), LAST_APPOINTMENT_YEAR);
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
    { role: 'pejabat luar (Sekda)', login: SEKDA.username, password: DEMO_PASSWORD, nama: SEKDA.nama },
  ];
}

// ---- Who appraises: unit heads, JF levels, a Plt -------------------------------------------

/** "Analis Kebijakan Ahli Muda" → KEAHLIAN/MUDA; "Pranata Komputer Terampil" → KETERAMPILAN/TERAMPIL. */
export function jfLevelOf(nama: string): { kategori: 'KEAHLIAN' | 'KETERAMPILAN'; jenjang: string } {
  const ahli = /\bAhli (Pertama|Muda|Madya|Utama)$/.exec(nama);
  if (ahli) return { kategori: 'KEAHLIAN', jenjang: ahli[1]!.toUpperCase() };
  const terampil = /\b(Pemula|Terampil|Mahir|Penyelia)$/.exec(nama);
  if (terampil) return { kategori: 'KETERAMPILAN', jenjang: terampil[1]!.toUpperCase() };
  throw new Error(`seed: the JF ${nama} names no jenjang`);
}

/** The demo's Plt: a new seksi whose head post is vacant, one employee moved into it, and the decision (docs/domain/penilai.md). */
const PLT = {
  parent: 'DISKOMINFO.STATSAN',
  unit: { kode: 'DISKOMINFO.STATSAN.TKD', nama: 'Seksi Tata Kelola Data' },
  kepala: 'Kepala Seksi Tata Kelola Data',
  staf: 'Pengelola Data',
  /** The employee moved in: the PPPK Pengelola Data of Seksi Statistik Sektoral. */
  from: 'DISKOMINFO.STATSAN.STAT',
  /** The delegate: the head of Seksi Statistik Sektoral. */
  penerima: 'DISKOMINFO.STATSAN.STAT',
  nomorSk: '800.1.3/045/DISKOMINFO/2026',
} as const;

/**
 * What the appraiser rules need (issue 8): every unit records its head position (its structural
 * position), every JF its kategori and jenjang (from its name), and one Plt of a vacant post is in
 * force for the whole current year. Returns what it added to the counts.
 */
async function seedPenilaiFacts(client: pg.PoolClient, plan: Plan, ids: { unitId: number[]; jabatanId: number[]; pegawaiId: number[] }) {
  const heads = plan.units.map((_, ui) => plan.jabatan.findIndex((j) => j.unitIdx === ui && STRUCTURAL.has(j.jenis)));
  await client.query(
    `UPDATE unit_kerja u SET kepala_jabatan_id = x.j FROM unnest($1::int[], $2::int[]) AS x(u, j) WHERE u.id = x.u`,
    [ids.unitId, heads.map((j) => (j < 0 ? null : ids.jabatanId[j]!))],
  );
  const jf = plan.jabatan.map((j, i) => ({ j, i })).filter(({ j }) => j.jenis === 'FUNGSIONAL');
  await client.query(
    `UPDATE jabatan SET kategori_jf = x.k::"KategoriJf", jenjang_jf = x.l::"JenjangJf" FROM unnest($1::int[], $2::text[], $3::text[]) AS x(id, k, l) WHERE jabatan.id = x.id`,
    [jf.map(({ i }) => ids.jabatanId[i]!), jf.map(({ j }) => jfLevelOf(j.nama).kategori), jf.map(({ j }) => jfLevelOf(j.nama).jenjang)],
  );

  const unitIdx = (kode: string) => plan.units.findIndex((u) => u.kode === kode);
  const parent = ids.unitId[unitIdx(PLT.parent)]!;
  const parentPath = (await client.query<{ path: string }>('SELECT path FROM unit_kerja WHERE id = $1', [parent])).rows[0]!.path;
  const unit = (await client.query<{ id: number }>(`INSERT INTO unit_kerja (kode, nama, parent_id, path) VALUES ($1, $2, $3, '/') RETURNING id`, [PLT.unit.kode, PLT.unit.nama, parent])).rows[0]!.id;
  await client.query('UPDATE unit_kerja SET path = $2 WHERE id = $1', [unit, `${parentPath}${unit}/`]);
  const kepala = (await client.query<{ id: number }>(`INSERT INTO jabatan (kode, nama, jenis, unit_id) VALUES ($1, $2, 'PENGAWAS', $3) RETURNING id`, [`${PLT.unit.kode}.J01`, PLT.kepala, unit])).rows[0]!.id;
  const staf = (await client.query<{ id: number }>(`INSERT INTO jabatan (kode, nama, jenis, unit_id) VALUES ($1, $2, 'PELAKSANA', $3) RETURNING id`, [`${PLT.unit.kode}.J02`, PLT.staf, unit])).rows[0]!.id;
  await client.query('UPDATE unit_kerja SET kepala_jabatan_id = $2 WHERE id = $1', [unit, kepala]);
  const from = unitIdx(PLT.from);
  const moved = plan.pegawai.findIndex((p) => p.unitIdx === from && p.jenisAsn === 'PPPK' && plan.jabatan[p.jabatanIdx]!.nama === PLT.staf);
  if (moved < 0) throw new Error(`seed: no PPPK ${PLT.staf} in ${PLT.from}`);
  // The head post is vacant: no appraiser until the Plt acts (the default appraiser of the seksi).
  await client.query('UPDATE pegawai SET unit_id = $2, jabatan_id = $3, penilai_id = NULL WHERE id = $1', [ids.pegawaiId[moved]!, unit, staf]);
  await client.query(
    `INSERT INTO riwayat_pegawai (pegawai_id, jabatan_id, unit_id, penilai_id, aktif, keterangan) VALUES ($1, $2, $3, NULL, true, 'Mutasi ke seksi baru; jabatan kepala seksi lowong (Plt)')`,
    [ids.pegawaiId[moved]!, staf, unit],
  );
  const penerima = plan.pegawai.findIndex((p) => p.unitIdx === unitIdx(PLT.penerima) && STRUCTURAL.has(plan.jabatan[p.jabatanIdx]!.jenis));
  const year = new Date().getFullYear();
  await client.query(
    `INSERT INTO delegasi (jenis, nomor_sk, tanggal_sk, mulai, selesai, jabatan_id, penerima_id, keterangan)
     VALUES ('PLT', $1, $2::date, $2::date, $3::date, $4, $5, 'Plt Kepala Seksi Tata Kelola Data selama jabatan lowong')`,
    [PLT.nomorSk, `${year}-01-01`, `${year}-12-31`, kepala, ids.pegawaiId[penerima]!],
  );
  return { units: 1, jabatan: 2 };
}
/**
 * The Kepala Dinas is appraised from outside the agency, by the Sekretaris Daerah (an official of
 * the regency, not an employee of the dinas), who has a login of their own (docs/domain/penilai.md).
 */
const SEKDA = {
  username: 'sekda',
  nama: 'Drs. H. Bambang Wicaksono, M.Si.',
  nip: '196805121994031005',
  jabatan: 'Sekretaris Daerah',
  instansi: 'Pemerintah Kabupaten Sukamaju',
  pangkatGolongan: 'IV/d',
};

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
export async function seedDemo(pool: pg.Pool, opts?: { log?: (m: string) => void }): Promise<SeedResult> {
  const log = opts?.log ?? (() => undefined);
  const plan = buildPlan();
  const logins = demoLogins(plan);

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
    const ids = await insertOrg(client, {
      units: plan.units.map((u) => ({ kode: u.kode, nama: u.nama, parent: u.parentIdx })),
      jabatan: plan.jabatan.map((j) => ({ kode: j.kode, nama: j.nama, jenis: j.jenis, unit: j.unitIdx })),
      pegawai: P.map((p) => ({ ...p, jabatan: p.jabatanIdx, unit: p.unitIdx, penilai: p.penilaiIdx })),
      passwordHash,
      pimpinan: [plan.kepalaDinas, plan.kepalaBidang],
      admin: 'admin',
    });
    const { adminCreated } = ids;
    if (!adminCreated) log("seed: a user 'admin' already exists; its password was left unchanged.");
    const penilaiFacts = await seedPenilaiFacts(client, plan, ids);

    const kadis = P[plan.kepalaDinas]!.nip;
    const sekda = await client.query<{ id: number }>(
      `INSERT INTO pejabat_luar (nama, nip, jabatan, instansi, pangkat_golongan) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [SEKDA.nama, SEKDA.nip, SEKDA.jabatan, SEKDA.instansi, SEKDA.pangkatGolongan],
    );
    const sekdaId = sekda.rows[0]!.id;
    await client.query(`UPDATE pegawai SET penilai_id = NULL, penilai_luar_id = $1 WHERE nip = $2`, [sekdaId, kadis]);
    await client.query(`UPDATE riwayat_pegawai SET penilai_id = NULL, penilai_luar_id = $1 WHERE pegawai_id = (SELECT id FROM pegawai WHERE nip = $2)`, [sekdaId, kadis]);
    await client.query(`INSERT INTO app_user (username, pejabat_luar_id, password_hash) VALUES ($1, $2, $3) ON CONFLICT (username) DO NOTHING`, [SEKDA.username, sekdaId, passwordHash]);

    const summary = {
      instansi: plan.units[0]!.nama,
      unitKerja: plan.units.length + penilaiFacts.units,
      jabatan: plan.jabatan.length + penilaiFacts.jabatan,
      pegawai: P.length,
      pppk: P.filter((p) => p.jenisAsn === 'PPPK').length,
      pejabatLuar: 1,
      users: P.length + (adminCreated ? 1 : 0) + 1,
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
