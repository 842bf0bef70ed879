import type { ScoringPolicy } from './policy.js';
import { PREDIKAT, PREDIKAT_LABEL, type Predikat } from './predikat.js';
import { asParam, EKSPEKTASI_LABEL, reason, type Ekspektasi, type Reason } from './reason.js';
import { add, compare, div, rasional, ZERO, type Rasional } from './rasional.js';

// The distribution of employee predikat a unit's Predikat Kinerja Organisasi allows (SE MenPANRB
// 3/2023 on PermenPANRB 6/2022 Pasal 24–25; docs/domain/scoring.md § Distribution). Counts are
// whole people, so every percentage becomes a headcount: a maximum of p% of n allows
// floor(p × n / 100) people, a minimum requires ceil(p × n / 100). Integer arithmetic only.
// Whether "sebagian besar (maksimal 70%)" is also a minimum (more than half) is a policy setting
// (default: a maximum only); below the policy's headcount (default 10) the check only warns; the
// SE calls the pattern a consideration, so a violation needs a justification unless the policy blocks.

export const PREDIKAT_ORGANISASI = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type PredikatOrganisasi = (typeof PREDIKAT_ORGANISASI)[number];
export const PREDIKAT_ORGANISASI_LABEL = {
  ISTIMEWA: 'scoring.predikatOrganisasi.ISTIMEWA',
  BAIK: 'scoring.predikatOrganisasi.BAIK',
  BUTUH_PERBAIKAN: 'scoring.predikatOrganisasi.BUTUH_PERBAIKAN',
  KURANG: 'scoring.predikatOrganisasi.KURANG',
  SANGAT_KURANG: 'scoring.predikatOrganisasi.SANGAT_KURANG',
} as const satisfies Record<PredikatOrganisasi, string>;

/**
 * One rule of a pattern over a group of employee predikat (one predikat, or "X dan/atau Y"):
 * at most / at least `persen`% of the unit, at least one person (`ada`: "harus ada"), or more
 * than half (`sebagianBesar`, only when the policy reads "sebagian besar" as a minimum).
 */
export type AturanDistribusi =
  | { kind: 'maks' | 'min'; predikat: readonly Predikat[]; persen: number; sebagianBesar?: boolean }
  | { kind: 'ada'; predikat: readonly Predikat[] };

/** The published pattern per organisation predikat (SE MenPANRB 3/2023; docs/domain/scoring.md). */
export const POLA_DISTRIBUSI: Record<PredikatOrganisasi, readonly AturanDistribusi[]> = {
  ISTIMEWA: [{ kind: 'maks', predikat: ['SANGAT_BAIK'], persen: 70, sebagianBesar: true }],
  BAIK: [
    { kind: 'maks', predikat: ['BAIK'], persen: 70, sebagianBesar: true },
    { kind: 'ada', predikat: ['BUTUH_PERBAIKAN', 'KURANG'] },
  ],
  BUTUH_PERBAIKAN: [
    { kind: 'min', predikat: ['BUTUH_PERBAIKAN'], persen: 60 },
    { kind: 'maks', predikat: ['SANGAT_BAIK'], persen: 10 },
  ],
  KURANG: [
    { kind: 'min', predikat: ['KURANG'], persen: 60 },
    { kind: 'min', predikat: ['BUTUH_PERBAIKAN'], persen: 10 },
    { kind: 'maks', predikat: ['SANGAT_BAIK'], persen: 10 },
  ],
  SANGAT_KURANG: [
    { kind: 'min', predikat: ['SANGAT_KURANG'], persen: 60 },
    { kind: 'min', predikat: ['KURANG', 'BUTUH_PERBAIKAN'], persen: 10 },
    { kind: 'maks', predikat: ['SANGAT_BAIK'], persen: 0 },
  ],
};

/** The most people a maximum of `persen`% of `n` allows: floor(p × n / 100). */
export const maksOrang = (persen: number, n: number): number => Math.floor((persen * n) / 100);
/** The fewest people a minimum of `persen`% of `n` requires: ceil(p × n / 100). */
export const minOrang = (persen: number, n: number): number => Math.ceil((persen * n) / 100);

/** The rules in force: the pattern, and "sebagian besar" also as a minimum when the policy says so. */
export function aturanBerlaku(org: PredikatOrganisasi, policy: ScoringPolicy): AturanDistribusi[] {
  const out: AturanDistribusi[] = [];
  for (const a of POLA_DISTRIBUSI[org]) {
    out.push(a);
    if (a.kind === 'maks' && a.sebagianBesar && policy.distribusi.sebagianBesarMinimum) out.push({ kind: 'min', predikat: a.predikat, persen: 50, sebagianBesar: true });
  }
  return out;
}

/** The people a rule needs for `n`: [fewest, most] of its group. "More than half" is floor(n / 2) + 1. */
function batas(a: AturanDistribusi, n: number): { min: number; max: number } {
  if (a.kind === 'ada') return { min: n > 0 ? 1 : 0, max: n };
  if (a.kind === 'maks') return { min: 0, max: maksOrang(a.persen, n) };
  return { min: a.sebagianBesar ? (n > 0 ? Math.floor(n / 2) + 1 : 0) : minOrang(a.persen, n), max: n };
}

const persenDari = (jumlah: number, n: number) => (n === 0 ? 0 : Math.round((jumlah * 10_000) / n) / 100);

/** The group as message parameters: {a} (and {b} for "X dan/atau Y"). */
const groupParams = (g: readonly Predikat[]): Record<string, string> => (g.length === 1 ? { a: asParam(PREDIKAT_LABEL[g[0]!]) } : { a: asParam(PREDIKAT_LABEL[g[0]!]), b: asParam(PREDIKAT_LABEL[g[1]!]) });

export type PegawaiPredikat<I> = { id: I; nama: string; predikat: Predikat };

export type Pelanggaran<I> = {
  aturan: AturanDistribusi;
  /** How many of the unit are in the rule's group, and what the rule allows or requires. */
  jumlah: number;
  n: number;
  persen: number;
  izin: number;
  /** Those in the group when there are too many of them (for a minimum: nobody is named). */
  pegawai: PegawaiPredikat<I>[];
  reason: Reason;
};

export type CekDistribusi<I> = {
  n: number;
  jumlah: Record<Predikat, number>;
  /** OK; PERINGATAN: a small unit's deviations (below the policy's headcount), shown, not required; PELANGGARAN: needs a justification, or blocks when the policy says so. */
  hasil: 'OK' | 'PERINGATAN' | 'PELANGGARAN';
  pelanggaran: Pelanggaran<I>[];
  /** Why it is only a warning, when it is. */
  catatan: Reason | null;
  policyVersion: number;
};

/** A unit's employee predikat checked against its organisation predikat, every deviation with its numbers and names. */
export function cekDistribusi<I>(org: PredikatOrganisasi, pegawai: readonly PegawaiPredikat<I>[], policy: ScoringPolicy): CekDistribusi<I> {
  const n = pegawai.length;
  const jumlah = Object.fromEntries(PREDIKAT.map((p) => [p, 0])) as Record<Predikat, number>;
  for (const p of pegawai) jumlah[p.predikat]++;
  const pelanggaran: Pelanggaran<I>[] = [];
  for (const a of aturanBerlaku(org, policy)) {
    const dalam = a.predikat.reduce((s, p) => s + jumlah[p], 0);
    const b = batas(a, n);
    const base = { persen: persenDari(dalam, n) };
    const two = a.predikat.length > 1 ? 'Kelompok' : '';
    if (dalam > b.max) {
      pelanggaran.push({ aturan: a, jumlah: dalam, n, persen: base.persen, izin: b.max, pegawai: pegawai.filter((p) => a.predikat.includes(p.predikat)), reason: reason(`scoring.distribusi.maks${two}`, { ...groupParams(a.predikat), jumlah: dalam, n, persen: base.persen, batas: (a as { persen: number }).persen, izin: b.max }) });
    } else if (dalam < b.min) {
      const key = a.kind === 'ada' ? `scoring.distribusi.ada${two}` : a.kind === 'min' && a.sebagianBesar ? 'scoring.distribusi.sebagianBesar' : `scoring.distribusi.min${two}`;
      pelanggaran.push({ aturan: a, jumlah: dalam, n, persen: base.persen, izin: b.min, pegawai: [], reason: reason(key, { ...groupParams(a.predikat), jumlah: dalam, n, persen: base.persen, batas: a.kind === 'ada' ? 0 : a.persen, izin: b.min }) });
    }
  }
  const kecil = n < policy.distribusi.minimumOrang;
  return {
    n,
    jumlah,
    hasil: pelanggaran.length === 0 ? 'OK' : kecil ? 'PERINGATAN' : 'PELANGGARAN',
    pelanggaran,
    catatan: pelanggaran.length && kecil ? reason('scoring.distribusi.kecil', { n, minimum: policy.distribusi.minimumOrang }) : null,
    policyVersion: policy.version,
  };
}

export type KalkulatorDistribusi = {
  n: number;
  /** Per predikat, the fewest and most people the pattern allows on its own rules. */
  perPredikat: Record<Predikat, { min: number; max: number }>;
  /** Rules over two predikat together ("Kurang dan/atau Butuh Perbaikan"), with their counts. */
  kelompok: { predikat: readonly Predikat[]; min: number; max: number }[];
};

/** The "kalkulator distribusi": for a headcount, how many people each predikat may or must have. */
export function kalkulatorDistribusi(org: PredikatOrganisasi, n: number, policy: ScoringPolicy): KalkulatorDistribusi {
  const perPredikat = Object.fromEntries(PREDIKAT.map((p) => [p, { min: 0, max: n }])) as Record<Predikat, { min: number; max: number }>;
  const kelompok: KalkulatorDistribusi['kelompok'] = [];
  for (const a of aturanBerlaku(org, policy)) {
    const b = batas(a, n);
    if (a.predikat.length === 1) {
      const p = perPredikat[a.predikat[0]!];
      p.min = Math.max(p.min, b.min);
      p.max = Math.min(p.max, b.max);
    } else kelompok.push({ predikat: a.predikat, min: b.min, max: b.max });
  }
  return { n, perPredikat, kelompok };
}

// ---- The unit head's rating and the ranking inside a predikat -----------------------------------

/**
 * The unit-head rule (SE MenPANRB 3/2023, domain-2 §1): for an employee who heads a unit, the
 * unit's organisation predikat becomes their Rating Hasil Kerja, by the policy's mapping.
 */
export function ratingKepalaUnit(org: PredikatOrganisasi, policy: ScoringPolicy): { rating: Ekspektasi; reason: Reason } {
  const rating = policy.kepalaUnit[org];
  return { rating, reason: reason('scoring.kepalaUnit', { org: asParam(PREDIKAT_ORGANISASI_LABEL[org]), rating: EKSPEKTASI_LABEL[rating] }) };
}

/** The ranking nilai: the mean capaian of the UTAMA indicators (exact), null without any. */
export function nilaiPeringkat(capaianUtama: readonly Rasional[]): Rasional | null {
  if (capaianUtama.length === 0) return null;
  return div(capaianUtama.reduce((s, c) => add(s, c), ZERO), rasional(BigInt(capaianUtama.length)));
}

const URUTAN_PREDIKAT = Object.fromEntries(PREDIKAT.map((p, i) => [p, i])) as Record<Predikat, number>;
const NAMA = new Intl.Collator('id-ID', { sensitivity: 'base', numeric: true });

export type BarisPeringkat<I> = { id: I; nama: string; predikat: Predikat; nilai: Rasional | null; predikatLalu: Predikat | null };

/**
 * The order inside the unit (docs/domain/scoring.md § Ranking): by predikat, best first; inside
 * a predikat by the ranking nilai, highest first (none last); ties by last year's predikat, best
 * first (none last), then by name. Returns a new array, each with its place (1-based).
 */
export function urutkanPeringkat<I>(rows: readonly BarisPeringkat<I>[]): (BarisPeringkat<I> & { peringkat: number })[] {
  const lalu = (p: Predikat | null) => (p === null ? PREDIKAT.length : URUTAN_PREDIKAT[p]);
  return [...rows]
    .sort((a, b) => {
      if (a.predikat !== b.predikat) return URUTAN_PREDIKAT[a.predikat] - URUTAN_PREDIKAT[b.predikat];
      if (a.nilai && b.nilai) {
        const c = compare(b.nilai, a.nilai);
        if (c !== 0) return c;
      } else if (a.nilai || b.nilai) return a.nilai ? -1 : 1;
      if (lalu(a.predikatLalu) !== lalu(b.predikatLalu)) return lalu(a.predikatLalu) - lalu(b.predikatLalu);
      return NAMA.compare(a.nama, b.nama);
    })
    .map((r, i) => ({ ...r, peringkat: i + 1 }));
}
