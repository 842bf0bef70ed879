// Benchmark dataset: one fictitious national agency with a realistic unit tree (3–5 levels,
// several hundred units), positions of all five kinds, N employees (default 20,000) with valid
// unique NIPs, appraiser lines, one riwayat row each and a login for everyone plus 'admin'.
//
// The plan is built in memory with a seeded PRNG (the same data on every run) and written with a
// handful of set-based statements (INSERT … SELECT unnest(…) / INSERT … SELECT … FROM pegawai):
// no round trip per row. The database must be migrated and empty.

import type pg from 'pg';
import { validateNip } from '../src/domain/nip.js';
import { isValidGolongan } from '../src/domain/golongan.js';
import { hashPassword } from '../src/modules/auth/password.js';

export const BENCH_PASSWORD = 'sikap-bench-2026';
export const BENCH_ADMIN = 'admin';

export type GenerateOptions = {
  /** Number of employees (default 20,000). */
  employees?: number;
  /** Password of every generated login (one argon2 hash shared by all). */
  password?: string;
  /** PRNG seed (default fixed: identical data on every run). */
  seed?: number;
  /** Run VACUUM ANALYZE on the filled tables afterwards (default true), as autovacuum soon would. */
  analyze?: boolean;
  log?: (m: string) => void;
};

export type GenerateResult = {
  units: number;
  unitsByLevel: number[];
  jabatan: number;
  jabatanByJenis: Record<JenisJabatan, number>;
  pegawai: number;
  pppk: number;
  users: number;
  /** Milliseconds: planning in memory, writing (one transaction), VACUUM ANALYZE, total. */
  ms: { plan: number; write: number; analyze: number; total: number };
};

type JenisJabatan = 'JPT' | 'ADMINISTRATOR' | 'PENGAWAS' | 'PELAKSANA' | 'FUNGSIONAL';
type JenisAsn = 'PNS' | 'PPPK';
type Pendidikan = 'SMA' | 'D3' | 'S1' | 'S2' | 'S3';

// ---- Deterministic randomness -----------------------------------------------------------------

/** mulberry32, as in src/db/seed.ts. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy. */
function shuffle<T>(rnd: () => number, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

// ---- Organisation vocabulary ------------------------------------------------------------------

const ROOT_KODE = 'BPKAN';
const ROOT_NAMA = 'Badan Pengelola Kinerja Aparatur Negara';
const EMAIL_DOMAIN = 'bpkan.go.id';

/** Level 2: the secretariat, the inspectorate and six deputies, each with its level-3 units. */
const LEVEL2: readonly { nama: string; kepala: string; kind: 'biro' | 'inspektorat' | 'direktorat'; children: readonly string[] }[] = [
  { nama: 'Sekretariat Utama', kepala: 'Sekretaris Utama', kind: 'biro', children: ['Perencanaan dan Keuangan', 'Sumber Daya Manusia dan Organisasi', 'Hukum dan Kerja Sama', 'Umum dan Pengadaan', 'Hubungan Masyarakat dan Protokol'] },
  { nama: 'Inspektorat Utama', kepala: 'Inspektur Utama', kind: 'inspektorat', children: ['Wilayah I', 'Wilayah II', 'Wilayah III'] },
  { nama: 'Deputi Bidang Kebijakan Manajemen Kinerja', kepala: 'Deputi Bidang Kebijakan Manajemen Kinerja', kind: 'direktorat', children: ['Perumusan Kebijakan Kinerja', 'Standar Kompetensi Jabatan', 'Norma Penilaian Kinerja', 'Evaluasi Kebijakan'] },
  { nama: 'Deputi Bidang Pengembangan Kompetensi', kepala: 'Deputi Bidang Pengembangan Kompetensi', kind: 'direktorat', children: ['Pelatihan Teknis', 'Pengembangan Kepemimpinan', 'Sertifikasi Jabatan Fungsional', 'Kurikulum dan Metode', 'Penilaian Kompetensi'] },
  { nama: 'Deputi Bidang Sistem Informasi Kepegawaian', kepala: 'Deputi Bidang Sistem Informasi Kepegawaian', kind: 'direktorat', children: ['Pengelolaan Data Kepegawaian', 'Pengembangan Aplikasi', 'Infrastruktur Teknologi Informasi', 'Keamanan Informasi'] },
  { nama: 'Deputi Bidang Mutasi dan Karier', kepala: 'Deputi Bidang Mutasi dan Karier', kind: 'direktorat', children: ['Pengadaan Aparatur', 'Kepangkatan dan Mutasi', 'Pola Karier', 'Pensiun dan Pemberhentian', 'Manajemen Talenta'] },
  { nama: 'Deputi Bidang Pengawasan dan Pengendalian', kepala: 'Deputi Bidang Pengawasan dan Pengendalian', kind: 'direktorat', children: ['Pengawasan Wilayah Barat', 'Pengawasan Wilayah Tengah', 'Pengawasan Wilayah Timur', 'Pengendalian Kode Etik'] },
  { nama: 'Deputi Bidang Kesejahteraan Aparatur', kepala: 'Deputi Bidang Kesejahteraan Aparatur', kind: 'direktorat', children: ['Penggajian dan Tunjangan', 'Jaminan Sosial', 'Penghargaan dan Disiplin', 'Layanan Kesehatan Aparatur', 'Perumahan Aparatur'] },
];

/** Topics for levels 4 and 5 (Bagian/Subdirektorat/Subbagian/Seksi …). */
const TOPICS = [
  'Perencanaan', 'Evaluasi dan Pelaporan', 'Data dan Informasi', 'Standardisasi', 'Pembinaan', 'Pengendalian', 'Kerja Sama',
  'Penyusunan Norma', 'Pemantauan', 'Analisis', 'Fasilitasi', 'Tata Kelola', 'Layanan', 'Verifikasi', 'Dokumentasi',
  'Wilayah I', 'Wilayah II', 'Wilayah III', 'Program', 'Anggaran', 'Akuntansi', 'Perbendaharaan', 'Tata Usaha', 'Rumah Tangga',
  'Kepegawaian', 'Organisasi', 'Peraturan', 'Advokasi', 'Publikasi', 'Sistem dan Prosedur',
] as const;

const PELAKSANA = [
  'Penelaah Teknis Kebijakan', 'Pengolah Data dan Informasi', 'Pengadministrasi Perkantoran', 'Operator Layanan Operasional',
  'Pengelola Layanan Operasional', 'Penata Kelola Sistem dan Teknologi Informasi', 'Pengelola Umum Operasional', 'Penata Layanan Operasional',
  'Pengadministrasi Keuangan', 'Penata Laporan Keuangan',
] as const;

/** Functional positions with their level (pertama / muda / madya). */
const FUNGSIONAL: readonly (readonly [string, 1 | 2 | 3])[] = [
  ['Analis Kebijakan Ahli Pertama', 1], ['Analis Kebijakan Ahli Muda', 2], ['Analis Kebijakan Ahli Madya', 3],
  ['Analis SDM Aparatur Ahli Pertama', 1], ['Analis SDM Aparatur Ahli Muda', 2], ['Pranata Komputer Ahli Pertama', 1],
  ['Pranata Komputer Ahli Muda', 2], ['Perencana Ahli Pertama', 1], ['Perencana Ahli Muda', 2], ['Auditor Ahli Pertama', 1],
  ['Auditor Ahli Muda', 2], ['Arsiparis Ahli Pertama', 1], ['Statistisi Ahli Pertama', 1], ['Pranata Hubungan Masyarakat Ahli Pertama', 1],
  ['Analis Anggaran Ahli Pertama', 1], ['Analis Hukum Ahli Pertama', 1], ['Analis Hukum Ahli Muda', 2], ['Widyaiswara Ahli Muda', 2],
];

// ---- People vocabulary --------------------------------------------------------------------------

const FIRST_L = [
  'Agus', 'Ahmad', 'Andi', 'Arif', 'Bambang', 'Budi', 'Dedi', 'Dimas', 'Eko', 'Fajar', 'Gilang', 'Hendra', 'Heru', 'Irwan', 'Joko',
  'Muhammad', 'Rizki', 'Rudi', 'Teguh', 'Wahyu', 'Yudi', 'Asep', 'Ujang', 'Cecep', 'Robert', 'Togar', 'Maruli', 'Rizal', 'Fadli',
  'I Made', 'I Wayan', 'I Ketut', 'Yohanes', 'Dwi', 'Adi', 'Aditya', 'Bayu', 'Yoga', 'Reza', 'Taufik', 'Hasan', 'Ilham', 'Kurniawan',
  'Slamet', 'Sugeng', 'Suryadi', 'Anton', 'Rahmat', 'Syahrul', 'Yusuf',
] as const;
const FIRST_P = [
  'Sri', 'Siti', 'Rina', 'Dewi', 'Endang', 'Tri', 'Retno', 'Fitri', 'Novita', 'Yulia', 'Desi', 'Ayu', 'Wulan', 'Intan', 'Anisa',
  'Lilis', 'Dian', 'Ratna', 'Mega', 'Yuni', 'Euis', 'Neneng', 'Ni Luh', 'Ni Made', 'Maria', 'Rosmawati', 'Lasmaria', 'Besse',
  'Nurul', 'Putri', 'Indah', 'Eka', 'Kartika', 'Lestari', 'Nining', 'Rahmawati', 'Suci', 'Tuti', 'Vera', 'Winda',
] as const;
const MIDDLE_L = ['Dwi', 'Tri', 'Adi', 'Budi', 'Eka', 'Nur', 'Arya', 'Putra', 'Hadi', 'Fajar', 'Setia', 'Bagus', 'Rizky', 'Dani'] as const;
const MIDDLE_P = ['Dwi', 'Tri', 'Nur', 'Sari', 'Ayu', 'Putri', 'Kusuma', 'Indah', 'Wulan', 'Eka', 'Rahma', 'Dewi'] as const;
/** Family and clan names (Batak, Minang, Bugis, Timor, Ambon, Minahasa, Chinese-Indonesian): anyone. */
const FAMILY = [
  'Siregar', 'Nasution', 'Harahap', 'Lubis', 'Simanjuntak', 'Sitorus', 'Panjaitan', 'Hutapea', 'Nainggolan', 'Sihombing',
  'Tanjung', 'Chaniago', 'Syamsuddin', 'Mappaseng', 'Seran', 'Pattinama', 'Wenas', 'Wijaya', 'Halim', 'Tambunan',
] as const;
/** Second names that are men's names. */
const LAST_L = [
  'Santoso', 'Setiawan', 'Prasetyo', 'Kurniawan', 'Hidayat', 'Saputra', 'Pratama', 'Nugroho', 'Susanto', 'Hartono', 'Gunawan',
  'Firmansyah', 'Ramadhan', 'Suardana', 'Saepudin', 'Suryana', 'Rahman', 'Fauzi', 'Hakim', 'Maulana', 'Wibowo', 'Utomo',
  'Purnomo', 'Sulistyo',
] as const;
const LAST_P_ONLY = [
  'Wahyuni', 'Aminah', 'Marlina', 'Komalasari', 'Hasanah', 'Anggraini', 'Sulistyowati', 'Handayani', 'Wulandari', 'Yulianti',
  'Ratnasari', 'Puspitasari', 'Permatasari', 'Kusumaningrum', 'Rahmawati', 'Astuti', 'Pertiwi', 'Suryani', 'Lestari', 'Safitri',
] as const;

/** Suffix titles by education; front titles are added for some S2/S3 holders. */
const GELAR: Record<Pendidikan, readonly string[]> = {
  SMA: [''],
  D3: [', A.Md.', ', A.Md.Kom.', ', A.Md.Ak.'],
  S1: [', S.E.', ', S.Sos.', ', S.Kom.', ', S.H.', ', S.T.', ', S.AP.', ', S.Psi.', ', S.I.Kom.', ', S.Si.', ', S.Ak.'],
  S2: [', S.Sos., M.Si.', ', S.E., M.M.', ', S.Kom., M.T.', ', S.H., M.H.', ', S.T., M.Kom.', ', S.AP., M.AP.', ', S.E., M.Ak.'],
  S3: [', S.Sos., M.Si.', ', S.E., M.M.', ', S.T., M.T.', ', S.H., M.H.'],
};

// Appointment ages of a new CPNS by education, and the usual CPNS months.
const START_AGE: Record<Pendidikan, readonly [number, number]> = { SMA: [19, 24], D3: [22, 26], S1: [23, 28], S2: [24, 29], S3: [25, 30] };
const CPNS_MONTHS = [1, 2, 3, 4, 12] as const;
const LAST_APPOINTMENT_YEAR = 2024;

// ---- The plan -------------------------------------------------------------------------------------

type PlanUnit = { kode: string; nama: string; parent: number | null; level: number };
type PlanJabatan = { kode: string; nama: string; jenis: JenisJabatan; unit: number; fungsionalLevel: 0 | 1 | 2 | 3 };
type Plan = {
  units: PlanUnit[];
  jabatan: PlanJabatan[];
  /** Per employee, as parallel arrays (cheap for 100k+ rows). */
  nip: string[];
  nama: string[];
  jenisAsn: JenisAsn[];
  golongan: string[];
  email: (string | null)[];
  jabatanIdx: number[];
  unitIdx: number[];
  penilaiIdx: (number | null)[];
  /** Employees who get the PIMPINAN role (the heads of the root and of the level-2 units). */
  pimpinan: number[];
};

function buildUnits(rnd: () => number, maxUnits: number): PlanUnit[] {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  // Built level by level, so the array is in breadth-first order (parents before children)
  // and truncating it keeps a valid, balanced tree.
  const units: PlanUnit[] = [{ kode: ROOT_KODE, nama: ROOT_NAMA, parent: null, level: 1 }];
  const kind = new Map<number, 'biro' | 'inspektorat' | 'direktorat'>();
  LEVEL2.forEach((l2, i) => {
    units.push({ kode: `${ROOT_KODE}.${i + 1}`, nama: l2.nama, parent: 0, level: 2 });
    kind.set(units.length - 1, l2.kind);
  });
  const level2 = units.map((_, i) => i).filter((i) => units[i]!.level === 2);
  for (const p of level2) {
    const l2 = LEVEL2[p - 1]!;
    l2.children.forEach((c, i) => {
      const k = kind.get(p)!;
      const nama = k === 'biro' ? `Biro ${c}` : k === 'inspektorat' ? `Inspektorat ${c}` : `Direktorat ${c}`;
      units.push({ kode: `${units[p]!.kode}.${i + 1}`, nama, parent: p, level: 3 });
      kind.set(units.length - 1, k);
    });
  }
  const prefix4 = { biro: 'Bagian', inspektorat: 'Kelompok Pemeriksa', direktorat: 'Subdirektorat' } as const;
  const prefix5 = { biro: 'Subbagian', inspektorat: 'Tim Pemeriksa', direktorat: 'Seksi' } as const;
  for (const level of [4, 5] as const) {
    const parents = units.map((_, i) => i).filter((i) => units[i]!.level === level - 1);
    for (const p of parents) {
      const k = kind.get(p)!;
      if (level === 5 && (k === 'inspektorat' || rnd() < 0.3)) continue; // some branches stop at level 4
      const n = level === 4 ? (k === 'inspektorat' ? 2 : int(3, 4)) : int(2, 3);
      shuffle(rnd, TOPICS).slice(0, n).forEach((topic, i) => {
        const nama = `${level === 4 ? prefix4[k] : prefix5[k]} ${topic}`;
        units.push({ kode: `${units[p]!.kode}.${i + 1}`, nama, parent: p, level });
        kind.set(units.length - 1, k);
      });
    }
  }
  return units.slice(0, Math.max(1, maxUnits));
}

/** Title of the structural head of a unit (the unit name with its head's prefix). */
function headTitle(u: PlanUnit): string {
  if (u.level === 1) return `Kepala ${u.nama}`;
  if (u.level === 2) return LEVEL2.find((l) => l.nama === u.nama)?.kepala ?? `Kepala ${u.nama}`;
  if (u.nama.startsWith('Direktorat ')) return u.nama.replace('Direktorat ', 'Direktur ');
  if (u.nama.startsWith('Inspektorat ')) return u.nama.replace('Inspektorat ', 'Inspektur ');
  if (u.nama.startsWith('Kelompok Pemeriksa ')) return u.nama.replace('Kelompok Pemeriksa ', 'Ketua Kelompok Pemeriksa ');
  return `Kepala ${u.nama}`;
}

const HEAD_JENIS: Record<number, JenisJabatan> = { 1: 'JPT', 2: 'JPT', 3: 'JPT', 4: 'ADMINISTRATOR', 5: 'PENGAWAS' };

function buildPlan(employees: number, seed: number): Plan {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');

  // Small datasets get a smaller (still breadth-first complete) tree: at least ~4 people a unit.
  const units = buildUnits(rnd, Math.max(1, Math.floor(employees / 4)));

  // Positions: one structural head per unit, 2–4 pelaksana and 1–3 fungsional positions.
  const jabatan: PlanJabatan[] = [];
  const headJabatan: number[] = [];
  const staffJabatan: number[][] = [];
  units.forEach((u, ui) => {
    let n = 0;
    const add = (nama: string, jenis: JenisJabatan, fungsionalLevel: 0 | 1 | 2 | 3 = 0) => {
      jabatan.push({ kode: `${u.kode}.J${pad(++n, 2)}`, nama, jenis, unit: ui, fungsionalLevel });
      return jabatan.length - 1;
    };
    headJabatan.push(add(headTitle(u), HEAD_JENIS[u.level]!));
    const staff: number[] = [];
    for (const nama of shuffle(rnd, PELAKSANA).slice(0, int(2, 4))) staff.push(add(nama, 'PELAKSANA'));
    for (const [nama, lvl] of shuffle(rnd, FUNGSIONAL).slice(0, int(1, 3))) staff.push(add(nama, 'FUNGSIONAL', lvl));
    staffJabatan.push(staff);
  });

  // Head count per unit: the head plus staff shared out by weight (deeper units are larger).
  const heads = Math.min(units.length, employees);
  const weight = units.map((u) => [0, 2, 3, 6, 10, 14][u.level]! * (0.6 + rnd() * 0.8));
  const totalWeight = weight.reduce((a, b) => a + b, 0);
  const remaining = employees - heads;
  const quota = weight.map((w) => Math.floor((w / totalWeight) * remaining));
  let left = remaining - quota.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % units.length, left--) quota[i]!++;

  const plan: Plan = { units, jabatan, nip: [], nama: [], jenisAsn: [], golongan: [], email: [], jabatanIdx: [], unitIdx: [], penilaiIdx: [], pimpinan: [] };
  const nips = new Set<string>();
  const emailCount = new Map<string, number>();
  const headOf: number[] = [];
  const today = new Date();
  const pppkShare = employees > heads ? Math.min(1, (0.15 * employees) / (employees - heads)) : 0;

  const person = (ui: number, ji: number) => {
    const j = jabatan[ji]!;
    const structural = j.jenis === 'JPT' || j.jenis === 'ADMINISTRATOR' || j.jenis === 'PENGAWAS';
    const jenisAsn: JenisAsn = !structural && rnd() < pppkShare ? 'PPPK' : 'PNS';
    const female = rnd() < 0.48;

    // Education and birth year by kind of position; golongan follows both.
    let pendidikan: Pendidikan;
    let birthYear: number;
    let golongan: string;
    switch (j.jenis) {
      case 'JPT': pendidikan = rnd() < 0.35 ? 'S3' : 'S2'; birthYear = int(1966, 1976); golongan = pick(['IV/c', 'IV/d', 'IV/e']); break;
      case 'ADMINISTRATOR': pendidikan = 'S2'; birthYear = int(1970, 1982); golongan = pick(['IV/a', 'IV/b']); break;
      case 'PENGAWAS': pendidikan = rnd() < 0.4 ? 'S2' : 'S1'; birthYear = int(1975, 1988); golongan = pick(['III/c', 'III/d']); break;
      case 'FUNGSIONAL':
        pendidikan = j.fungsionalLevel >= 2 && rnd() < 0.5 ? 'S2' : 'S1';
        birthYear = j.fungsionalLevel === 3 ? int(1968, 1980) : j.fungsionalLevel === 2 ? int(1978, 1990) : int(1986, 1999);
        golongan = j.fungsionalLevel === 3 ? pick(['IV/a', 'IV/b', 'IV/c']) : j.fungsionalLevel === 2 ? pick(['III/c', 'III/d']) : pick(['III/a', 'III/b']);
        break;
      default: {
        const r = rnd();
        pendidikan = r < 0.3 ? 'SMA' : r < 0.55 ? 'D3' : 'S1';
        birthYear = int(1970, 2002);
        golongan = pendidikan === 'SMA' ? pick(['II/a', 'II/b', 'II/c']) : pendidikan === 'D3' ? pick(['II/c', 'II/d', 'III/a']) : pick(['III/a', 'III/b']);
      }
    }
    if (jenisAsn === 'PPPK') {
      birthYear = Math.max(birthYear, int(1975, 2000));
      golongan = pendidikan === 'SMA' ? 'V' : pendidikan === 'D3' ? 'VII' : j.fungsionalLevel >= 2 ? 'XI' : pendidikan === 'S2' ? 'X' : 'IX';
    }
    if (!isValidGolongan(jenisAsn, golongan)) throw new Error(`generate: bad golongan ${golongan} for ${jenisAsn}`);

    // NIP: birth yyyymmdd + appointment yyyymm (PPPK: yyyy21) + sex + serial; serial bumped on a clash.
    const birth = `${birthYear}${pad(int(1, 12), 2)}${pad(int(1, 28), 2)}`;
    let appointment: string;
    if (jenisAsn === 'PPPK') appointment = `${int(Math.max(2019, birthYear + 20), LAST_APPOINTMENT_YEAR)}21`;
    else {
      const [lo, hi] = START_AGE[pendidikan];
      appointment = `${Math.min(birthYear + int(lo, hi), LAST_APPOINTMENT_YEAR)}${pad(pick(CPNS_MONTHS), 2)}`;
    }
    const prefix = `${birth}${appointment}${female ? '2' : '1'}`;
    const first = int(1, 999);
    let serial = first;
    while (nips.has(prefix + pad(serial, 3))) {
      serial = (serial % 999) + 1;
      if (serial === first) throw new Error(`generate: NIP prefix ${prefix} exhausted`);
    }
    const nip = prefix + pad(serial, 3);
    const check = validateNip(nip, today);
    if (!check.ok) throw new Error(`generate: NIP ${nip} is invalid (${check.code})`);
    nips.add(nip);

    // Name: first name, sometimes a middle name, usually a family or second name; titles by education.
    const parts: string[] = [female ? pick(FIRST_P) : pick(FIRST_L)];
    if (rnd() < 0.35) parts.push(female ? pick(MIDDLE_P) : pick(MIDDLE_L));
    if (rnd() < 0.85) parts.push(rnd() < 0.3 ? pick(FAMILY) : female ? pick(LAST_P_ONLY) : pick(LAST_L));
    const bare = [...new Set(parts)].join(' ');
    // Doctors carry "Dr." in front; a few engineers the professional "Ir." with a technical master's.
    const nama =
      pendidikan === 'S3' ? `Dr. ${bare}${pick(GELAR.S3)}` : pendidikan === 'S2' && rnd() < 0.06 ? `Ir. ${bare}, M.T.` : `${bare}${pick(GELAR[pendidikan])}`;

    let email: string | null = null;
    if (pendidikan !== 'SMA' || rnd() < 0.5) {
      const words = bare.toLowerCase().replace(/[^a-z ]/g, '').split(' ').filter((w) => w.length >= 2);
      const local = words.length > 1 ? `${words[0]}.${words[words.length - 1]}` : (words[0] ?? 'pegawai');
      const k = (emailCount.get(local) ?? 0) + 1;
      emailCount.set(local, k);
      email = `${local}${k > 1 ? k : ''}@${EMAIL_DOMAIN}`;
    }

    plan.nip.push(nip);
    plan.nama.push(nama);
    plan.jenisAsn.push(jenisAsn);
    plan.golongan.push(golongan);
    plan.email.push(email);
    plan.jabatanIdx.push(ji);
    plan.unitIdx.push(ui);
    plan.penilaiIdx.push(null);
    return plan.nip.length - 1;
  };

  // Heads first (breadth-first), then the staff of each unit.
  for (let ui = 0; ui < heads; ui++) {
    headOf[ui] = person(ui, headJabatan[ui]!);
    if (units[ui]!.level <= 2) plan.pimpinan.push(headOf[ui]!);
  }
  for (let ui = 0; ui < heads; ui++) {
    for (let k = 0; k < quota[ui]!; k++) person(ui, pick(staffJabatan[ui]!));
  }

  // Appraisers: staff → head of their unit; a head → head of the parent unit; the root head → none.
  for (let i = 0; i < plan.nip.length; i++) {
    const ui = plan.unitIdx[i]!;
    const isHead = headOf[ui] === i;
    const from = isHead ? units[ui]!.parent : ui;
    plan.penilaiIdx[i] = from === null ? null : headOf[from]!;
  }
  return plan;
}

// ---- Writing ----------------------------------------------------------------------------------------

/** Fills an empty, migrated database with the benchmark dataset. Throws if it is not empty. */
export async function generateDataset(pool: pg.Pool, opts: GenerateOptions = {}): Promise<GenerateResult> {
  const employees = opts.employees ?? 20_000;
  if (!Number.isSafeInteger(employees) || employees < 1) throw new Error(`generate: employees must be a positive integer (got ${employees})`);
  const log = opts.log ?? (() => undefined);
  const t0 = performance.now();

  const plan = buildPlan(employees, opts.seed ?? 20_260_101);
  const passwordHash = await hashPassword(opts.password ?? BENCH_PASSWORD); // one argon2 hash for everyone
  const t1 = performance.now();

  const client = await pool.connect();
  try {
    const empty = await client.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM unit_kerja) + (SELECT count(*) FROM pegawai) + (SELECT count(*) FROM app_user) AS n',
    );
    if (Number(empty.rows[0]!.n) !== 0) throw new Error('generate: the database is not empty (unit_kerja, pegawai or app_user has rows)');

    await client.query('BEGIN');
    // Ids from the sequences up front, so paths and references are known before inserting.
    const ids = await client.query<{ u: number[]; j: number[]; p: number[] }>(
      `SELECT ARRAY(SELECT nextval(pg_get_serial_sequence('unit_kerja', 'id'))::int FROM generate_series(1, $1::int)) AS u,
              ARRAY(SELECT nextval(pg_get_serial_sequence('jabatan', 'id'))::int FROM generate_series(1, $2::int)) AS j,
              ARRAY(SELECT nextval(pg_get_serial_sequence('pegawai', 'id'))::int FROM generate_series(1, $3::int)) AS p`,
      [plan.units.length, plan.jabatan.length, plan.nip.length],
    );
    const unitId = [...ids.rows[0]!.u].sort((a, b) => a - b);
    const jabatanId = [...ids.rows[0]!.j].sort((a, b) => a - b);
    const pegawaiId = [...ids.rows[0]!.p].sort((a, b) => a - b);

    const paths: string[] = [];
    plan.units.forEach((u, i) => paths.push(`${u.parent === null ? '/' : paths[u.parent]!}${unitId[i]!}/`));
    await client.query(
      `INSERT INTO unit_kerja (id, kode, nama, parent_id, path)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[])`,
      [unitId, plan.units.map((u) => u.kode), plan.units.map((u) => u.nama), plan.units.map((u) => (u.parent === null ? null : unitId[u.parent]!)), paths],
    );
    await client.query(
      `INSERT INTO jabatan (id, kode, nama, jenis, unit_id)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::"JenisJabatan"[], $5::int[])`,
      [jabatanId, plan.jabatan.map((j) => j.kode), plan.jabatan.map((j) => j.nama), plan.jabatan.map((j) => j.jenis), plan.jabatan.map((j) => unitId[j.unit]!)],
    );
    // One statement: the self-referencing appraiser key is checked at its end.
    await client.query(
      `INSERT INTO pegawai (id, nip, nama, jenis_asn, pangkat_golongan, email, jabatan_id, unit_id, penilai_id)
       SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::"JenisAsn"[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[])`,
      [
        pegawaiId,
        plan.nip,
        plan.nama,
        plan.jenisAsn,
        plan.golongan,
        plan.email,
        plan.jabatanIdx.map((j) => jabatanId[j]!),
        plan.unitIdx.map((u) => unitId[u]!),
        plan.penilaiIdx.map((p) => (p === null ? null : pegawaiId[p]!)),
      ],
    );
    await client.query(
      `INSERT INTO riwayat_pegawai (pegawai_id, jabatan_id, unit_id, penilai_id, aktif, keterangan)
       SELECT id, jabatan_id, unit_id, penilai_id, aktif, 'Data awal' FROM pegawai ORDER BY id`,
    );
    const pimpinanIds = plan.pimpinan.map((i) => pegawaiId[i]!);
    await client.query(
      `INSERT INTO app_user (pegawai_id, password_hash, peran)
       SELECT id, $1, CASE WHEN id = ANY($2::int[]) THEN ARRAY['PIMPINAN']::"Peran"[] ELSE ARRAY[]::"Peran"[] END
         FROM pegawai ORDER BY id`,
      [passwordHash, pimpinanIds],
    );
    await client.query(`INSERT INTO app_user (username, password_hash, peran) VALUES ($1, $2, ARRAY['ADMIN']::"Peran"[])`, [BENCH_ADMIN, passwordHash]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
  const t2 = performance.now();
  if (opts.analyze ?? true) await pool.query('VACUUM ANALYZE unit_kerja, jabatan, pegawai, riwayat_pegawai, app_user');
  const t3 = performance.now();

  const byJenis = { JPT: 0, ADMINISTRATOR: 0, PENGAWAS: 0, PELAKSANA: 0, FUNGSIONAL: 0 } as Record<JenisJabatan, number>;
  for (const j of plan.jabatan) byJenis[j.jenis]++;
  const byLevel: number[] = [];
  for (const u of plan.units) byLevel[u.level - 1] = (byLevel[u.level - 1] ?? 0) + 1;
  const result: GenerateResult = {
    units: plan.units.length,
    unitsByLevel: byLevel,
    jabatan: plan.jabatan.length,
    jabatanByJenis: byJenis,
    pegawai: plan.nip.length,
    pppk: plan.jenisAsn.filter((j) => j === 'PPPK').length,
    users: plan.nip.length + 1,
    ms: { plan: Math.round(t1 - t0), write: Math.round(t2 - t1), analyze: Math.round(t3 - t2), total: Math.round(t3 - t0) },
  };
  log(`generate: ${result.units} units (levels ${byLevel.join('/')}), ${result.jabatan} jabatan, ${result.pegawai} pegawai (${result.pppk} PPPK), ${result.users} users in ${result.ms.total} ms`);
  return result;
}
