import type { JenjangJf } from '../jabatan.js';
import type { Predikat } from './predikat.js';
import { add, div, mul, parseAngka, rasional, ZERO, type Rasional } from './rasional.js';

// Angka kredit of a functional position from the yearly predikat (PermenPANRB 1/2023 on Jabatan
// Fungsional; Peraturan BKN 3/2023; docs/domain/scoring.md § Angka kredit): no more DUPAK; the
// year's AK is the predikat's percentage × the level's yearly coefficient, prorated by the months
// of each SKP piece (months / 12) and summed over the year's pieces. Exact arithmetic.

/** The yearly coefficient of each level (Lampiran of PermenPANRB 1/2023 / Peraturan BKN 3/2023). */
export const KOEFISIEN_TAHUNAN: Readonly<Record<JenjangJf, string>> = {
  PEMULA: '3.75',
  TERAMPIL: '5',
  MAHIR: '12.5',
  PENYELIA: '25',
  PERTAMA: '12.5',
  MUDA: '25',
  MADYA: '37.5',
  UTAMA: '50',
};

/** The percentage of the coefficient each predikat earns (PermenPANRB 1/2023). */
export const PERSEN_PREDIKAT_AK: Readonly<Record<Predikat, number>> = {
  SANGAT_BAIK: 150,
  BAIK: 100,
  BUTUH_PERBAIKAN: 75,
  KURANG: 50,
  SANGAT_KURANG: 25,
};

export type PotonganAk = { jenjang: JenjangJf; predikat: Predikat; /** whole months of the year this piece covers, 1–12 */ bulan: number };
export type RincianAk = PotonganAk & { koefisien: number; persen: number; nilai: Rasional };

/** One piece's AK: persen / 100 × koefisien × bulan / 12. */
export function angkaKreditPotongan(p: PotonganAk): RincianAk {
  if (!Number.isInteger(p.bulan) || p.bulan < 0 || p.bulan > 12) throw new RangeError(`months must be a whole number from 0 to 12 (got ${p.bulan})`);
  const koef = parseAngka(KOEFISIEN_TAHUNAN[p.jenjang])!;
  const persen = PERSEN_PREDIKAT_AK[p.predikat];
  const nilai = div(mul(mul(koef, rasional(BigInt(persen), 100n)), rasional(BigInt(p.bulan))), rasional(12n));
  return { ...p, koefisien: Number(KOEFISIEN_TAHUNAN[p.jenjang]), persen, nilai };
}

/** The year's AK: each piece's, and their sum (the months of all pieces together at most 12). */
export function angkaKreditTahun(pieces: readonly PotonganAk[]): { rincian: RincianAk[]; total: Rasional } {
  const months = pieces.reduce((s, p) => s + p.bulan, 0);
  if (months > 12) throw new RangeError(`the pieces of a year cover at most 12 months (got ${months})`);
  const rincian = pieces.map(angkaKreditPotongan);
  return { rincian, total: rincian.reduce((s, r) => add(s, r.nilai), ZERO) };
}

/**
 * The whole months of the year an SKP piece counts for angka kredit (docs/domain/mutasi.md § How
 * months are counted): a calendar month counts for the piece whose days contain the month's first
 * day, so the pieces of a year never count a month twice or lose one. `awal`, `akhir`: the piece's
 * first and last day (yyyy-mm-dd, inclusive).
 */
export function bulanPotongan(awal: string, akhir: string): number {
  const a = Date.parse(`${awal}T00:00:00Z`);
  const b = Date.parse(`${akhir}T00:00:00Z`);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) return 0;
  let n = 0;
  const y0 = new Date(a).getUTCFullYear();
  const y1 = new Date(b).getUTCFullYear();
  for (let y = y0; y <= y1; y++) {
    for (let m = 0; m < 12; m++) {
      const first = Date.UTC(y, m, 1);
      if (first >= a && first <= b) n++;
    }
  }
  return n;
}
