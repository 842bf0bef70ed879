import { z } from 'zod';
import { NILAI_BERAKHLAK, type NilaiBerakhlak } from '../../domain/berakhlak.js';
import { EKSPEKTASI, PENILAIAN_KUALITATIF, type Ekspektasi, type PenilaianKualitatif } from '../../domain/scoring/index.js';
import { UMPAN_BALIK_MAX } from '../../domain/frasa-umpan-balik.js';
import { id, idFilter, optionalText, tanggal, version } from '../../schemas/primitives.js';

// The appraiser's forms: rating a report (feedback per indicator and value, judgements, marks,
// both ratings with reasons), returning it, and HR's reopening for one person.

export const F = {
  frasaIndikator: (i: number) => `frasa_i_${i}`,
  umpanIndikator: (i: number) => `umpan_i_${i}`,
  penilaian: (i: number) => `penilaian_${i}`,
  frasaNilai: (n: NilaiBerakhlak) => `frasa_p_${n}`,
  umpanNilai: (n: NilaiBerakhlak) => `umpan_p_${n}`,
  tanda: (n: NilaiBerakhlak) => `tanda_${n}`,
} as const;

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(''), z.enum(values, { message: 'err.choice' })]).optional().transform((v) => (v ? v : null));
const frasa = z.string().trim().max(100, 'err.invalid').optional().transform((v) => (v ? v : null));
const bebas = optionalText(UMPAN_BALIK_MAX);
const saranShown = z.enum([...EKSPEKTASI, 'TIDAK_ADA']).optional().catch(undefined);

export type RatingInput = {
  version: number;
  ratingHasilKerja: Ekspektasi;
  ratingPerilaku: Ekspektasi;
  alasanHasilKerja: string | null;
  alasanPerilaku: string | null;
  /** The suggestions the form was shown with (the page's hidden fields). */
  saranHasilKerja?: Ekspektasi | 'TIDAK_ADA';
  saranPerilaku?: Ekspektasi | 'TIDAK_ADA';
  indikator: Map<number, { frasa: string | null; bebas: string | null; penilaian: PenilaianKualitatif | null }>;
  nilai: Map<NilaiBerakhlak, { frasa: string | null; bebas: string | null; tanda: Ekspektasi | null }>;
};

/**
 * The rating form of one report: fields for its indicators (`qualitative` ones also take the
 * judgement, which is required) and the seven values. Unknown fields are dropped.
 */
export function ratingForm(indikatorIds: readonly number[], qualitative: ReadonlySet<number>) {
  const shape: Record<string, z.ZodType> = {
    version,
    ratingHasilKerja: z.enum(EKSPEKTASI, { message: 'penilaian.err.ratingRequired' }),
    ratingPerilaku: z.enum(EKSPEKTASI, { message: 'penilaian.err.ratingRequired' }),
    alasanHasilKerja: optionalText(2000),
    alasanPerilaku: optionalText(2000),
    saranHasilKerja: saranShown,
    saranPerilaku: saranShown,
  };
  for (const i of indikatorIds) {
    shape[F.frasaIndikator(i)] = frasa;
    shape[F.umpanIndikator(i)] = bebas;
    if (qualitative.has(i)) shape[F.penilaian(i)] = z.enum(PENILAIAN_KUALITATIF, { message: 'penilaian.err.penilaianRequired' });
  }
  for (const n of NILAI_BERAKHLAK) {
    shape[F.frasaNilai(n)] = frasa;
    shape[F.umpanNilai(n)] = bebas;
    shape[F.tanda(n)] = choice(EKSPEKTASI);
  }
  return z.object(shape).transform((v): RatingInput => {
    const get = (k: string) => (v as Record<string, unknown>)[k] as string | null;
    return {
      version: v.version as number,
      ratingHasilKerja: v.ratingHasilKerja as Ekspektasi,
      ratingPerilaku: v.ratingPerilaku as Ekspektasi,
      alasanHasilKerja: v.alasanHasilKerja as string | null,
      alasanPerilaku: v.alasanPerilaku as string | null,
      saranHasilKerja: v.saranHasilKerja as RatingInput['saranHasilKerja'],
      saranPerilaku: v.saranPerilaku as RatingInput['saranPerilaku'],
      indikator: new Map(indikatorIds.map((i) => [i, { frasa: get(F.frasaIndikator(i)), bebas: get(F.umpanIndikator(i)), penilaian: (get(F.penilaian(i)) ?? null) as PenilaianKualitatif | null }])),
      nilai: new Map(NILAI_BERAKHLAK.map((n) => [n, { frasa: get(F.frasaNilai(n)), bebas: get(F.umpanNilai(n)), tanda: get(F.tanda(n)) as Ekspektasi | null }])),
    };
  });
}

/** The judgements and marks typed so far (a form shown again, or "recompute the suggestion"), read leniently. */
export function typedSoFar(body: Record<string, unknown>, indikatorIds: readonly number[]) {
  const penilaian = new Map<number, PenilaianKualitatif | null>();
  for (const i of indikatorIds) {
    const v = body[F.penilaian(i)];
    penilaian.set(i, typeof v === 'string' && (PENILAIAN_KUALITATIF as readonly string[]).includes(v) ? (v as PenilaianKualitatif) : null);
  }
  const tanda: Partial<Record<NilaiBerakhlak, Ekspektasi | null>> = {};
  for (const n of NILAI_BERAKHLAK) {
    const v = body[F.tanda(n)];
    tanda[n] = typeof v === 'string' && (EKSPEKTASI as readonly string[]).includes(v) ? (v as Ekspektasi) : null;
  }
  return { penilaian, tanda };
}

/** Returning a report: the reason, and the day it stays open until (a calendar date in the cycle's zone). */
export const returnForm = z.object({
  version,
  alasan: z.string({ message: 'penilaian.err.alasanMin' }).trim().min(10, 'penilaian.err.alasanMin').max(2000, 'err.maxLength'),
  dibukaSampai: tanggal,
});

/** HR reopening one person's report of a period: which SKP and period, why, until when. */
export const reopenForm = z.object({
  skpId: id,
  periodeId: id,
  alasan: z.string({ message: 'penilaian.err.alasanMin' }).trim().min(10, 'penilaian.err.alasanMin').max(2000, 'err.maxLength'),
  dibukaSampai: tanggal,
});

export const antrianQuery = z.object({ siklusId: idFilter, periodeId: idFilter });
