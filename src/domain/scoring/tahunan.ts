import { NILAI_BERAKHLAK } from '../berakhlak.js';
import type { JenisRhk, JenisTarget } from '../skp-document.js';
import { capaian, type Capaian, type LebihBaik, type PenilaianKualitatif, type TargetSkor } from './capaian.js';
import { classifyRhk, type RhkKlasifikasi } from './klasifikasi-rhk.js';
import { realisasiKumulatif, type GabungPeriode, type Kumulatif, type RealisasiPeriode } from './kumulatif.js';
import type { ScoringPolicy } from './policy.js';
import { EKSPEKTASI_LABEL, reason, type Ekspektasi } from './reason.js';
import { suggestRatingHasilKerja, suggestRatingPerilaku, type SaranRating, type TandaPerilaku } from './rating.js';

// The year's suggestion (docs/domain/scoring.md § The year): from every period of every SKP piece
// of the year. Per piece, each indicator's realisasi of the periods it covers is combined by the
// indicator's rule and measured against the year's target; a period not reported makes the
// indicator missing (never zero), which withholds its RHK and the rating, naming what is missing.
// The pieces of a mid-year mover are weighed by their days: the year's Rating Hasil Kerja is the
// one that covers the most days (a tie: the later piece's). The Rating Perilaku comes from each
// value's latest mark in the year.

export type IndikatorTahun<I> = {
  id: I;
  label: string;
  jenisTarget: JenisTarget;
  lebihBaik: LebihBaik;
  gabungPeriode: GabungPeriode;
  /** The year's target. */
  target: TargetSkor;
  /** The realisasi of each period the piece covers, in order (named by the period). */
  realisasi: readonly RealisasiPeriode<string>[];
  /** A qualitative indicator: the latest period's statement and the appraiser's judgement of it. */
  teks?: string | null;
  penilaian?: PenilaianKualitatif | null;
};
export type RhkTahun<I> = { id: I; label: string; jenis: JenisRhk; indikator: readonly IndikatorTahun<I>[] };
export type PotonganTahun<I, P> = {
  id: P;
  /** "SKP 1 Januari – 14 Juli" */
  label: string;
  /** The days of the year this piece covers. */
  hari: number;
  rhk: readonly RhkTahun<I>[];
};

export type IndikatorTahunHasil<I> = { id: I; label: string; kumulatif: Kumulatif<string> | null; capaian: Capaian };
export type PotonganHasil<I, P> = {
  id: P;
  label: string;
  hari: number;
  rhk: { id: I; label: string; jenis: JenisRhk; indikator: IndikatorTahunHasil<I>[]; klasifikasi: RhkKlasifikasi<I & (string | number)> }[];
  hasilKerja: SaranRating;
};

export type SaranTahunan<I, P> = {
  potongan: PotonganHasil<I, P>[];
  hasilKerja: SaranRating;
  perilaku: SaranRating;
  /** Each value's mark as used (its latest in the year). */
  tandaTahun: TandaPerilaku;
  policyVersion: number;
};

/** An indicator's capaian for the year: its periods combined, against the year's target. */
function capaianTahun<I>(ind: IndikatorTahun<I>, policy: ScoringPolicy): IndikatorTahunHasil<I> {
  if (ind.jenisTarget === 'KUALITATIF') {
    return { id: ind.id, label: ind.label, kumulatif: null, capaian: capaian({ jenisTarget: 'KUALITATIF', lebihBaik: ind.lebihBaik }, { teks: ind.teks ?? null, penilaian: ind.penilaian ?? null }, ind.target, policy) };
  }
  const k = realisasiKumulatif(ind.realisasi, ind.gabungPeriode);
  if (k.kind !== 'value') {
    // a period not reported: missing for the year, named (a sum of the known periods would read the gap as zero)
    return { id: ind.id, label: ind.label, kumulatif: k, capaian: { kind: 'missing', what: 'realisasi', reason: reason('scoring.tahun.periodeHilang', { hilang: k.periodeHilang.join(', ') }) } };
  }
  return { id: ind.id, label: ind.label, kumulatif: k, capaian: capaian({ jenisTarget: ind.jenisTarget, lebihBaik: ind.lebihBaik }, { angka: k.nilai }, ind.target, policy) };
}

/**
 * The year's suggestions. `tanda`: the behaviour marks of the year's periods, oldest first (each
 * value's latest mark counts).
 */
export function saranTahunan<I extends string | number, P>(pieces: readonly PotonganTahun<I, P>[], tanda: readonly TandaPerilaku[], policy: ScoringPolicy): SaranTahunan<I, P> {
  const policyVersion = policy.version;
  const potongan: PotonganHasil<I, P>[] = pieces.map((p) => {
    const rhk = p.rhk.map((r) => {
      const indikator = r.indikator.map((i) => capaianTahun(i, policy));
      return { id: r.id, label: r.label, jenis: r.jenis, indikator, klasifikasi: classifyRhk(indikator, policy) };
    });
    return { id: p.id, label: p.label, hari: p.hari, rhk, hasilKerja: suggestRatingHasilKerja(rhk, policy) };
  });

  let hasilKerja: SaranRating;
  const withheld = potongan.filter((p) => p.hasilKerja.kind === 'withheld');
  if (potongan.length === 0) hasilKerja = { kind: 'withheld', hilang: [], reason: reason('scoring.tahun.tanpaSkp'), policyVersion };
  else if (potongan.length === 1) hasilKerja = potongan[0]!.hasilKerja;
  else if (withheld.length > 0) {
    const daftar = withheld.map((p) => `${p.label}: ${p.hasilKerja.kind === 'withheld' && p.hasilKerja.hilang.length ? p.hasilKerja.hilang.join(', ') : '—'}`);
    hasilKerja = { kind: 'withheld', hilang: daftar, reason: reason('scoring.tahun.withheld', { daftar: daftar.join('; ') }), policyVersion };
  } else {
    // every piece has a rating here (none is withheld)
    const rated = potongan.map((p) => ({ p, rating: (p.hasilKerja as Extract<SaranRating, { kind: 'saran' }>).rating }));
    const hari = new Map<Ekspektasi, number>();
    for (const { p, rating } of rated) hari.set(rating, (hari.get(rating) ?? 0) + p.hari);
    // the pieces in order: on equal days the later piece's rating wins
    let best = rated[0]!.rating;
    for (const { rating } of rated) if (hari.get(rating)! >= hari.get(best)!) best = rating;
    const rincian = rated.map(({ p, rating }) => reason('scoring.tahun.potongan', { label: p.label, hari: p.hari, rating: EKSPEKTASI_LABEL[rating] }));
    const first = potongan[0]!.hasilKerja as Extract<SaranRating, { kind: 'saran' }>;
    hasilKerja = { kind: 'saran', rating: best, hitungan: first.hitungan, reason: reason('scoring.tahun.hariTerbanyak', { rating: EKSPEKTASI_LABEL[best], hari: hari.get(best)!, total: potongan.reduce((s, p) => s + p.hari, 0) }), rincian, policyVersion };
  }

  const tandaTahun: TandaPerilaku = {};
  for (const t of tanda) for (const n of NILAI_BERAKHLAK) if (t[n]) tandaTahun[n] = t[n];
  return { potongan, hasilKerja, perilaku: suggestRatingPerilaku(tandaTahun, policy), tandaTahun, policyVersion };
}

