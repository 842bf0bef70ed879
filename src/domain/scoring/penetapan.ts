import type { Actor } from '../access.js';
import type { DelegasiAktor } from '../acting.js';

// Who sets a unit's Predikat Kinerja Organisasi (docs/domain/kalibrasi.md § Who sets what;
// PermenPANRB 6/2022 Pasal 24: the organisation's performance is evaluated by the organisation
// above it). A unit's by the head (pimpinan) of its parent unit: whoever holds the parent's head
// post, or its Plt/Plh under a delegation in force. The agency itself (a root unit) by the official
// outside the agency who appraises its head, logged in as themselves, or HR recording that
// official's decision on their behalf. Nobody sets the predikat of a unit whose head post they
// hold or act for.

export type UnitPenetapan = {
  parentId: number | null;
  /** the unit's own head post */
  kepalaJabatanId: number | null;
  /** the parent unit's head post (null for a root, or a parent without one) */
  kepalaIndukJabatanId: number | null;
  /** for a root: the official outside the agency who appraises the holder of its head post */
  penilaiLuarKepalaId: number | null;
};

export type Penetap =
  | { sebagai: 'pimpinan'; penetapPegawaiId: number; penetapLuarId: null; delegasi: DelegasiAktor | null }
  | { sebagai: 'luar'; penetapPegawaiId: null; penetapLuarId: number; delegasi: null }
  | { sebagai: 'atasNama'; penetapPegawaiId: null; penetapLuarId: number; delegasi: null };

/** How `actor` (in position `jabatanId`) may set the unit's predikat, or null when they may not. */
export function penetapPredikat(actor: Pick<Actor, 'pegawaiId' | 'pejabatLuarId' | 'isAdmin' | 'delegasi'>, jabatanId: number | null, u: UnitPenetapan): Penetap | null {
  const holds = (post: number | null) => post !== null && (jabatanId === post || actor.delegasi.some((d) => d.jabatanId === post));
  if (u.parentId === null) {
    if (u.penilaiLuarKepalaId === null) return null;
    if (actor.pejabatLuarId !== null) return actor.pejabatLuarId === u.penilaiLuarKepalaId ? { sebagai: 'luar', penetapPegawaiId: null, penetapLuarId: actor.pejabatLuarId, delegasi: null } : null;
    if (actor.isAdmin && !holds(u.kepalaJabatanId)) return { sebagai: 'atasNama', penetapPegawaiId: null, penetapLuarId: u.penilaiLuarKepalaId, delegasi: null };
    return null;
  }
  if (actor.pejabatLuarId !== null || actor.pegawaiId === null) return null;
  if (holds(u.kepalaJabatanId)) return null; // never one's own unit
  const post = u.kepalaIndukJabatanId;
  if (post === null) return null;
  if (jabatanId === post) return { sebagai: 'pimpinan', penetapPegawaiId: actor.pegawaiId, penetapLuarId: null, delegasi: null };
  const d = actor.delegasi.find((x) => x.jabatanId === post);
  return d ? { sebagai: 'pimpinan', penetapPegawaiId: actor.pegawaiId, penetapLuarId: null, delegasi: d } : null;
}
