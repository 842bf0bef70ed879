import { z } from 'zod';
import { deepFreeze } from '../deep-freeze.js';
import { Refused } from '../../errors.js';
import { EKSPEKTASI } from './reason.js';

// The scoring policy of a cycle (siklus.policy; docs/domain/scoring.md § The policy). Every
// number and variant the suggestions depend on lives here, so that a past year recomputes the
// way it was computed then: the version is recorded with every suggestion. None of these values
// is set by PermenPANRB 6/2022, which leaves the ratings to the appraiser's judgement; the
// defaults are SIKAP's reading of the sources named beside each one.

/** Which share of a group sinks it to "below expectation". */
export const DI_BAWAH_BILA = ['SATU', 'SEBAGIAN_BESAR'] as const;
export type DiBawahBila = (typeof DI_BAWAH_BILA)[number];

const persen = z.number().finite();

const policyV1 = z
  .object({
    version: z.literal(1),
    capaian: z
      .object({
        // the top of the 8/2021 nilai capaian scale (and of PP 30/2019's): more counts no more
        maksimum: persen.default(120),
        // the 8/2021 lower-is-better formula goes negative past twice the target; read as 0
        minimum: persen.default(0),
        // capaian is rounded to this many decimals, and classified as rounded (what is shown is what counts)
        desimal: z.number().int().min(0).max(6).default(2),
      })
      .prefault({}),
    indikator: z
      .object({
        // 8/2021: capaian above 110% is the top band ("c > 110% → 120"); at 110% it is not
        diAtasLebihDari: persen.default(110),
        // the target met: 100%
        sesuaiMinimal: persen.default(100),
      })
      .prefault({}),
    rhk: z
      .object({
        // one indicator below expectation makes its RHK below expectation (a commitment missed)
        diBawahBila: z.enum(DI_BAWAH_BILA).default('SATU'),
      })
      .prefault({}),
    ratingHasilKerja: z
      .object({
        // 6/2022 guidance speaks of the hasil kerja utama; whether TAMBAHAN counts is not confirmed
        hitungTambahan: z.boolean().default(false),
      })
      .prefault({}),
    ratingPerilaku: z
      .object({
        // the same shape as the results guidance: most of the seven values below
        diBawahBila: z.enum(DI_BAWAH_BILA).default('SEBAGIAN_BESAR'),
      })
      .prefault({}),
    // a unit head's Rating Hasil Kerja is their unit's organisation predikat (SE MenPANRB 3/2023):
    // how the five organisation levels map onto the three ratings is not in the text, so a setting
    kepalaUnit: z
      .object({
        ISTIMEWA: z.enum(EKSPEKTASI).default('DI_ATAS'),
        BAIK: z.enum(EKSPEKTASI).default('SESUAI'),
        BUTUH_PERBAIKAN: z.enum(EKSPEKTASI).default('DI_BAWAH'),
        KURANG: z.enum(EKSPEKTASI).default('DI_BAWAH'),
        SANGAT_KURANG: z.enum(EKSPEKTASI).default('DI_BAWAH'),
      })
      .prefault({}),
    // the distribution of employee predikat by the organisation's (SE MenPANRB 3/2023; distribusi.ts)
    distribusi: z
      .object({
        // "sebagian besar (maksimal 70%)" read also as a minimum (more than half): not confirmed, so off
        sebagianBesarMinimum: z.boolean().default(false),
        // below this many people a unit's deviations are warnings (percentages of a few people mislead)
        minimumOrang: z.number().int().min(1).max(1000).default(10),
        // the SE calls the pattern a consideration: a violation needs a justification; true blocks finalisation
        blokir: z.boolean().default(false),
      })
      .prefault({}),
    // PP 30/2019 Pasal 59: an objection within 14 days of receiving the result; whether 6/2022 counts
    // calendar or working days is not confirmed, so calendar days, and the number is a setting
    keberatan: z
      .object({
        hari: z.number().int().min(1).max(90).default(14),
      })
      .prefault({}),
  })
  .superRefine((p, ctx) => {
    const { minimum, maksimum } = p.capaian;
    const { sesuaiMinimal, diAtasLebihDari } = p.indikator;
    // otherwise a class could never be reached
    if (!(minimum <= sesuaiMinimal && sesuaiMinimal <= diAtasLebihDari && diAtasLebihDari < maksimum)) {
      ctx.addIssue({ code: 'custom', path: ['indikator'], message: 'scoring.policy.thresholdOrder' });
    }
  });

export const scoringPolicySchema = policyV1;
export type ScoringPolicy = z.output<typeof scoringPolicySchema>;
/** What may be stored: any part may be left out and reads as the default. */
export type ScoringPolicyInput = z.input<typeof scoringPolicySchema>;

export const POLICY_VERSIONS = [1] as const;
export const DEFAULT_POLICY: ScoringPolicy = Object.freeze(scoringPolicySchema.parse({ version: 1 }));

/**
 * A stored policy (siklus.policy) as today's model. `{}` (what every cycle holds today) is
 * version 1 with every default. A version this code does not know is refused rather than read
 * as something else, and so is a policy whose thresholds make a class unreachable.
 */
export function parsePolicy(stored: unknown): ScoringPolicy {
  const obj = stored === null || stored === undefined ? {} : stored;
  if (typeof obj !== 'object' || Array.isArray(obj)) throw new Refused('scoring.policy.invalid', { detail: typeof obj });
  // Every report page reads its cycle's policy: the same few texts, validated once each (frozen,
  // so a shared result cannot be changed by a reader; bounded).
  const key = JSON.stringify(obj);
  const known = parsedPolicies.get(key);
  if (known) return known;
  const p = validatePolicy(obj);
  if (parsedPolicies.size >= 100) parsedPolicies.clear();
  parsedPolicies.set(key, deepFreeze(p));
  return p;
}
const parsedPolicies = new Map<string, ScoringPolicy>();

function validatePolicy(obj: object): ScoringPolicy {
  const version = (obj as { version?: unknown }).version ?? 1;
  if (!(POLICY_VERSIONS as readonly unknown[]).includes(version)) throw new Refused('scoring.policy.unknownVersion', { version: String(version) });
  const r = scoringPolicySchema.safeParse({ ...obj, version });
  if (!r.success) throw new Refused('scoring.policy.invalid', { detail: z.prettifyError(r.error) });
  return r.data;
}
