import { BERAKHLAK, NILAI_BERAKHLAK, type NilaiBerakhlak } from '../berakhlak.js';
import type { JenisRhk } from '../skp-document.js';
import type { RhkKlasifikasi } from './klasifikasi-rhk.js';
import type { ScoringPolicy } from './policy.js';
import { EKSPEKTASI_LABEL, asParam, reason, type Ekspektasi, type Reason } from './reason.js';
import { byMajority, count, type Hitungan } from './tally.js';

// The suggested period ratings (docs/domain/scoring.md § Ratings). Under PermenPANRB 6/2022 the
// appraiser judges both ratings; these are suggestions with their reason, never the rating.
// Each carries the policy version it was computed under.

export type Saran = { kind: 'saran'; rating: Ekspektasi; hitungan: Hitungan; reason: Reason; rincian: Reason[]; policyVersion: number };
export type SaranWithheld = { kind: 'withheld'; hilang: string[]; reason: Reason; policyVersion: number };
export type SaranRating = Saran | SaranWithheld;

export type RhkDinilai<I = string | number> = { id: I; label: string; jenis: JenisRhk; klasifikasi: RhkKlasifikasi };

const join = (labels: string[]) => labels.join('; ');

/**
 * Rating Hasil Kerja from the RHKs' classifications, by the 6/2022 guidance: most or all above
 * and no UTAMA below → Di Atas; most or all below → Di Bawah; otherwise (most or all as
 * expected, or only a small part of the UTAMA below) → Sesuai. The RHKs counted are the UTAMA
 * ones; the policy may count TAMBAHAN too (`ratingHasilKerja.hitungTambahan`), but a TAMBAHAN
 * RHK below never bars Di Atas, which the guidance ties to the UTAMA results.
 */
export function suggestRatingHasilKerja(rhk: readonly RhkDinilai[], policy: ScoringPolicy): SaranRating {
  const policyVersion = policy.version;
  const counted = rhk.filter((r) => r.jenis === 'UTAMA' || policy.ratingHasilKerja.hitungTambahan);
  if (!rhk.some((r) => r.jenis === 'UTAMA')) return { kind: 'withheld', hilang: [], reason: reason('scoring.ratingHasil.noUtama'), policyVersion };
  const withheld = counted.filter((r) => r.klasifikasi.kind === 'withheld').map((r) => r.label);
  if (withheld.length > 0) return { kind: 'withheld', hilang: withheld, reason: reason('scoring.ratingHasil.withheld', { daftar: join(withheld) }), policyVersion };

  const kelasOf = (r: RhkDinilai) => (r.klasifikasi as Extract<RhkKlasifikasi, { kind: 'kelas' }>).kelas;
  const hitungan = count(counted.map(kelasOf));
  const utamaBawah = counted.filter((r) => r.jenis === 'UTAMA' && kelasOf(r) === 'DI_BAWAH').map((r) => r.label);
  // "most below" sinks the rating; one below does not (that is "a small part")
  const rating = byMajority(hitungan, 'SEBAGIAN_BESAR', utamaBawah.length === 0);
  const dihitung = asParam(policy.ratingHasilKerja.hitungTambahan ? 'scoring.dihitung.utamaTambahan' : 'scoring.dihitung.utama');
  const params = { ...hitungan, dihitung, rating: EKSPEKTASI_LABEL[rating] };
  const labelsOf = (k: Ekspektasi) => join(counted.filter((r) => kelasOf(r) === k).map((r) => r.label));
  const why =
    rating === 'DI_BAWAH'
      ? reason('scoring.ratingHasil.diBawah', { ...params, daftar: labelsOf('DI_BAWAH') })
      : rating === 'DI_ATAS'
        ? reason('scoring.ratingHasil.diAtas', { ...params, daftar: labelsOf('DI_ATAS') })
        : utamaBawah.length > 0 && hitungan.atas * 2 > hitungan.total
          ? reason('scoring.ratingHasil.sesuaiUtamaBawah', { ...params, daftar: join(utamaBawah) })
          : reason('scoring.ratingHasil.sesuai', params);
  const rincian = counted.map((r) => reason('scoring.rincian.rhk', { label: r.label, kelas: EKSPEKTASI_LABEL[kelasOf(r)] }));
  return { kind: 'saran', rating, hitungan, reason: why, rincian, policyVersion };
}

/** The appraiser's optional mark per BerAKHLAK value (three levels, like the rating). */
export type TandaPerilaku = Partial<Record<NilaiBerakhlak, Ekspektasi | null | undefined>>;

/**
 * Rating Perilaku Kerja from the marks on the seven values. 6/2022 sets no rule; the default
 * (policy `ratingPerilaku.diBawahBila`, SEBAGIAN_BESAR) reads the results guidance onto the
 * seven values: most (4 or more) above and none below → Di Atas; most below → Di Bawah; else
 * Sesuai. With SATU, one value below is enough for Di Bawah. No suggestion until all seven are
 * marked: the unmarked ones are named.
 */
export function suggestRatingPerilaku(tanda: TandaPerilaku, policy: ScoringPolicy): SaranRating {
  const policyVersion = policy.version;
  const marked = NILAI_BERAKHLAK.filter((n) => tanda[n]);
  if (marked.length === 0) return { kind: 'withheld', hilang: [...NILAI_BERAKHLAK], reason: reason('scoring.ratingPerilaku.noMarks'), policyVersion };
  const unmarked = NILAI_BERAKHLAK.filter((n) => !tanda[n]);
  if (unmarked.length > 0) {
    return { kind: 'withheld', hilang: unmarked, reason: reason('scoring.ratingPerilaku.withheld', { daftar: join(unmarked.map((n) => BERAKHLAK[n].nama)) }), policyVersion };
  }
  const kelas = NILAI_BERAKHLAK.map((n) => tanda[n]!);
  const hitungan = count(kelas);
  const rule = policy.ratingPerilaku.diBawahBila;
  const rating = byMajority(hitungan, rule);
  const labelsOf = (k: Ekspektasi) => join(NILAI_BERAKHLAK.filter((n) => tanda[n] === k).map((n) => BERAKHLAK[n].nama));
  const params = { ...hitungan, rating: EKSPEKTASI_LABEL[rating] };
  const why =
    rating === 'DI_BAWAH'
      ? reason(rule === 'SATU' ? 'scoring.ratingPerilaku.diBawahSatu' : 'scoring.ratingPerilaku.diBawahSebagianBesar', { ...params, daftar: labelsOf('DI_BAWAH') })
      : rating === 'DI_ATAS'
        ? reason('scoring.ratingPerilaku.diAtas', { ...params, daftar: labelsOf('DI_ATAS') })
        : reason('scoring.ratingPerilaku.sesuai', params);
  const rincian = NILAI_BERAKHLAK.map((n) => reason('scoring.rincian.perilaku', { nilai: BERAKHLAK[n].nama, kelas: EKSPEKTASI_LABEL[tanda[n]!] }));
  return { kind: 'saran', rating, hitungan, reason: why, rincian, policyVersion };
}
