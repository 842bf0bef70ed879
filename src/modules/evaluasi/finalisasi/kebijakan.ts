import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../domain/access.js';
import { policyEditable } from '../../../domain/siklus.js';
import { DEFAULT_POLICY, parsePolicy, scoringPolicySchema, type ScoringPolicy, type ScoringPolicyInput } from '../../../domain/scoring/policy.js';
import { Conflict, NotFound, Refused } from '../../../errors.js';
import { LABELS } from '../../../i18n/labels.js';
import { audit } from '../../audit/service.js';
import { KEBIJAKAN_FIELDS, KEBIJAKAN_GROUPS, OPSI_LABEL, policyValues } from './kebijakan-schemas.js';

// The cycle's scoring policy screen (docs/domain/finalisasi.md § The policy settings): HR views
// and edits siklus.policy while the cycle is DRAFT … PENILAIAN; from KALIBRASI on it is frozen,
// so a recomputation of the year gives the ratings the appraisers confirmed and calibrated. The
// objection window stays settable (it changes no rating; docs/domain/keberatan.md § The window).
// Anyone but HR finds no such page (404).

/** Only HR sees the policy and finalises; anyone else finds nothing. */
export function assertHr(actor: Actor): void {
  if (!actor.isAdmin) throw new NotFound();
}

/** The stored policy as today's model; a policy the code cannot read is refused by parsePolicy. */
const storedPolicy = (stored: unknown): ScoringPolicy => parsePolicy(stored);

/** The policy without the settings that stay settable once frozen (KEBIJAKAN_FIELDS' bebasBeku). */
const tanpaBebasBeku = (p: ScoringPolicy): Record<string, unknown> => {
  const out = JSON.parse(JSON.stringify(p)) as Record<string, Record<string, unknown>>;
  for (const f of KEBIJAKAN_FIELDS) if (f.bebasBeku) delete out[f.path[0]]![f.path[1]];
  return out;
};

/** What the page shows: the cycle, the policy as form values, each field's default and kind, and whether it may be edited. */
export async function kebijakanPage(db: Db, actor: Actor, siklusId: number) {
  assertHr(actor);
  const s = await db.prisma.siklus.findUnique({ where: { id: siklusId }, select: { id: true, tahun: true, fase: true, version: true, policy: true } });
  if (!s) throw new NotFound();
  const policy = storedPolicy(s.policy);
  const bawaan = policyValues(DEFAULT_POLICY);
  return {
    siklus: { id: s.id, tahun: s.tahun, fase: s.fase, version: s.version },
    values: policyValues(policy),
    fields: KEBIJAKAN_FIELDS.map((f) => ({ ...f, bawaan: bawaan[f.name]! })),
    groups: KEBIJAKAN_GROUPS,
    opsiLabel: OPSI_LABEL,
    editable: policyEditable(s.fase),
  };
}

/**
 * Saves the cycle's policy (every setting). Refused once the cycle is in KALIBRASI or later
 * (frozen); a form loaded before someone else changed the cycle is a Conflict. Sending the policy
 * the cycle already has changes nothing (a double submit): no write, no audit entry.
 * Returns whether anything changed.
 */
export async function saveKebijakan(db: Db, actor: Actor, siklusId: number, version: number, input: ScoringPolicyInput): Promise<boolean> {
  assertHr(actor);
  const parsed = scoringPolicySchema.safeParse(input);
  if (!parsed.success) throw new Refused('scoring.policy.invalid', { detail: parsed.error.issues.map((i) => i.path.join('.')).join(', ') });
  const after = parsed.data;
  return db.prisma.$transaction(async (tx) => {
    const s = await tx.siklus.findUnique({ where: { id: siklusId }, select: { id: true, tahun: true, fase: true, version: true, policy: true } });
    if (!s) throw new NotFound();
    const before = storedPolicy(s.policy);
    // frozen from KALIBRASI on, except the settings that change no computed rating (the objection window)
    if (!policyEditable(s.fase) && !isDeepStrictEqual(tanpaBebasBeku(before), tanpaBebasBeku(after))) throw new Refused('kebijakan.frozen', { tahun: s.tahun, fase: `@${LABELS.fase[s.fase]}` });
    if (isDeepStrictEqual({ ...before }, { ...after })) return false;
    const { count } = await tx.siklus.updateMany({ where: { id: siklusId, version, fase: s.fase }, data: { policy: after, version: { increment: 1 }, updatedAt: new Date() } });
    if (count === 0) throw new Conflict();
    await audit(tx, actor, { aksi: 'siklus.policy.update', entitas: 'siklus', entitasId: siklusId, before, after });
    return true;
  });
}
