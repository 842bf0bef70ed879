import type { Actor } from './access.js';

// May this actor act as the appraiser of this SKP, and how (docs/domain/penilai.md § Acting as
// appraiser). The one decision the review service (review, approve, return, ekspektasi), the SKP
// Bawahan list and the SKP scope rest on; `actingSkpWhere` below and `actingSkpSql` in
// src/modules/skp/review/queries.ts are its set-based forms for queries (tests/http/acting.test.ts
// proves the three agree). Other ways of acting (an official outside the agency, the SKP's own
// appraiser after a move) are added here, as one more case each.

/** A delegation in force today that the actor received (loaded with the actor, src/modules/auth/authenticate.ts). */
export type DelegasiAktor = { id: number; jenis: 'PLT' | 'PLH'; nomorSk: string; jabatanId: number };

/** What of an SKP decides who appraises it. */
export type DinilaiOleh = {
  pegawaiId: number;
  /** The SKP's appraiser outside the agency (skp.penilai_luar_id), who acts by their own login. */
  penilaiLuarId: number | null;
  /** The employee's appraiser (pegawai.penilai_id). */
  penilaiId: number | null;
  /**
   * The post that appraises the employee: the appraiser's position; without an appraiser, the
   * head post above them in the unit tree (their unit's head, or for a unit head the parent
   * unit's). See `jabatanPenilaiOf`.
   */
  jabatanPenilaiId: number | null;
};

/** How the actor acts: as the appraiser, or under a delegation in the name of the post's appraiser (`penilaiId`, null for a vacant post). */
export type Acting =
  | { sebagai: 'penilai'; penilaiId: number; penilaiLuarId: null; delegasi: null }
  | { sebagai: 'delegasi'; penilaiId: number | null; penilaiLuarId: null; delegasi: DelegasiAktor }
  /** an official outside the agency, logged in as themselves (docs/domain/penilai.md § Officials outside the agency) */
  | { sebagai: 'luar'; penilaiId: null; penilaiLuarId: number; delegasi: null }
  /** HR recording that official's decision on their behalf, with the signed document */
  | { sebagai: 'atasNama'; penilaiId: null; penilaiLuarId: number; delegasi: null };

export function actingAs(actor: Actor, skp: DinilaiOleh): Acting | null {
  if (actor.pejabatLuarId !== null) return actor.pejabatLuarId === skp.penilaiLuarId ? { sebagai: 'luar', penilaiId: null, penilaiLuarId: actor.pejabatLuarId, delegasi: null } : null;
  const me = actor.pegawaiId;
  if (me === null || me === skp.pegawaiId) return null; // nobody appraises their own SKP
  if (skp.penilaiId === me) return { sebagai: 'penilai', penilaiId: me, penilaiLuarId: null, delegasi: null };
  const d = skp.jabatanPenilaiId === null ? undefined : actor.delegasi.find((x) => x.jabatanId === skp.jabatanPenilaiId);
  if (d) return { sebagai: 'delegasi', penilaiId: skp.penilaiId, penilaiLuarId: null, delegasi: d };
  return null;
}

/** The employee relations `jabatanPenilaiOf` reads (include them with PEGAWAI_PENILAI_INCLUDE). */
export type PegawaiPenilaiRefs = {
  penilaiId: number | null;
  penilai: { jabatanId: number } | null;
  unit: { kepalaJabatanId: number | null };
  jabatan: { mengepalai: { parent: { kepalaJabatanId: number | null } | null } | null };
};
/** The Prisma include that loads what `jabatanPenilaiOf` reads (under `pegawai`). */
export const PEGAWAI_PENILAI_INCLUDE = {
  penilai: { select: { jabatanId: true } },
  unit: { select: { kepalaJabatanId: true } },
  jabatan: { select: { mengepalai: { select: { parent: { select: { kepalaJabatanId: true } } } } } },
} as const;

/** The post that appraises an employee (see DinilaiOleh.jabatanPenilaiId). */
export function jabatanPenilaiOf(p: PegawaiPenilaiRefs): number | null {
  if (p.penilaiId !== null) return p.penilai?.jabatanId ?? null;
  if (p.jabatan.mengepalai) return p.jabatan.mengepalai.parent?.kepalaJabatanId ?? null;
  return p.unit.kepalaJabatanId;
}

/** What `dinilaiOleh` reads of an SKP: its own appraiser (skp.penilai_id and their post) and its employee's relations. */
export type SkpPenilaiRefs = { pegawaiId: number; penilaiId: number | null; penilaiLuarId: number | null; penilai: { jabatanId: number } | null; pegawai: PegawaiPenilaiRefs };

/**
 * An SKP as `actingAs` takes it: the SKP's own appraiser decides (docs/domain/mutasi.md), and
 * the post that appraises is that appraiser's position; an SKP without one falls back to the
 * head post above its employee.
 */
export const dinilaiOleh = (skp: SkpPenilaiRefs): DinilaiOleh => ({
  pegawaiId: skp.pegawaiId,
  penilaiLuarId: skp.penilaiLuarId,
  penilaiId: skp.penilaiId,
  jabatanPenilaiId: jabatanPenilaiOf({ ...skp.pegawai, penilaiId: skp.penilaiId, penilai: skp.penilai }),
});

/** Prisma where-fragments over Skp: the SKPs `actingAs` can say yes to (any of them). */
export function actingSkpWhere(a: Actor): object[] {
  if (a.pejabatLuarId !== null) return [{ penilaiLuarId: a.pejabatLuarId }];
  if (a.pegawaiId === null) return [];
  const out: object[] = [{ penilaiId: a.pegawaiId }];
  const posts = a.delegasi.map((d) => d.jabatanId);
  if (posts.length) {
    out.push({
      pegawaiId: { not: a.pegawaiId },
      OR: [
        { penilai: { is: { jabatanId: { in: posts } } } },
        { penilaiId: null, pegawai: { jabatan: { mengepalai: { is: null } }, unit: { kepalaJabatanId: { in: posts } } } },
        { penilaiId: null, pegawai: { jabatan: { mengepalai: { is: { parent: { is: { kepalaJabatanId: { in: posts } } } } } } } },
      ],
    });
  }
  return out;
}
