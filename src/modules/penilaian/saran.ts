import type { NilaiBerakhlak } from '../../domain/berakhlak.js';
import type { JenisRhk, JenisTarget } from '../../domain/skp-document.js';
import {
  capaian, classifyRhk, suggestRatingHasilKerja, suggestRatingPerilaku,
  type Angka, type Capaian, type Ekspektasi, type LebihBaik, type PenilaianKualitatif, type RhkKlasifikasi, type SaranRating, type ScoringPolicy, type TargetSkor,
} from '../../domain/scoring/index.js';

// The system's suggestions for a report being rated (docs/domain/scoring.md § Ratings), from the
// report's plan and realisasi and what the appraiser has entered so far: the judgement of each
// qualitative indicator and the mark on each BerAKHLAK value. Pure: the page shows it, and the
// rating stores it as shown. All the rules are the scoring module's; this only feeds it.

export type IndikatorRencana = {
  id: number;
  label: string;
  jenisTarget: JenisTarget;
  lebihBaik: LebihBaik;
  /** The target the capaian is measured against (chooseScoringTarget). */
  target: TargetSkor;
  realisasi: { angka: Angka | null; teks: string | null } | null;
};
export type RhkRencana = { id: number; label: string; jenis: JenisRhk; indikator: IndikatorRencana[] };

export type SaranPenilaian = {
  rhk: { id: number; label: string; jenis: JenisRhk; klasifikasi: RhkKlasifikasi<number>; indikator: { id: number; capaian: Capaian }[] }[];
  hasilKerja: SaranRating;
  perilaku: SaranRating;
};

export function saranPenilaian(
  rhk: readonly RhkRencana[],
  penilaian: ReadonlyMap<number, PenilaianKualitatif | null>,
  tanda: Partial<Record<NilaiBerakhlak, Ekspektasi | null>>,
  policy: ScoringPolicy,
): SaranPenilaian {
  const dinilai = rhk.map((r) => {
    const indikator = r.indikator.map((i) => ({
      id: i.id,
      label: i.label,
      capaian: capaian(i, i.realisasi ? { ...i.realisasi, penilaian: penilaian.get(i.id) ?? null } : null, i.target, policy),
    }));
    return { id: r.id, label: r.label, jenis: r.jenis, klasifikasi: classifyRhk(indikator, policy), indikator: indikator.map(({ id, capaian }) => ({ id, capaian })) };
  });
  return { rhk: dinilai, hasilKerja: suggestRatingHasilKerja(dinilai, policy), perilaku: suggestRatingPerilaku(tanda, policy) };
}

/** What a shown suggestion says, in one word a form can carry back: its rating, or "withheld". */
export const saranKode = (s: SaranRating): Ekspektasi | 'TIDAK_ADA' => (s.kind === 'saran' ? s.rating : 'TIDAK_ADA');

/** A rating differs from its suggestion (and needs a reason) only when a suggestion was given. */
export const menyimpang = (s: SaranRating, rating: Ekspektasi): boolean => s.kind === 'saran' && s.rating !== rating;
