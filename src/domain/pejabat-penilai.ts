import type { JenisJabatan } from './jabatan.js';

// Who may be an employee's pejabat penilai kinerja (docs/domain/penilai.md § Who may appraise).
// PermenPANRB 6/2022 Pasal 1 angka 9: "Pejabat Penilai Kinerja adalah atasan langsung pegawai
// dengan ketentuan paling rendah pejabat pengawas atau pejabat lain yang diberi pendelegasian
// kewenangan". So: at least a pejabat pengawas (JPT, administrator, pengawas), and a superior of
// the employee; a pelaksana or a JF only when a recorded delegation (Plt/Plh) gives them a post
// that qualifies. "Superior" is read from the unit tree: the appraiser's position heads the
// employee's unit or a unit above it (a unit head: a unit strictly above their own). Heads further
// up are accepted, not only the nearest: a vacant post leaves its staff to the next head, and the
// regulation's own examples let a JPT appraise a JF Ahli Madya (docs/domain/penilai.md).

/** Kinds of position that may appraise by themselves (at least pejabat pengawas). */
export const PENILAI_MINIMAL: ReadonlySet<JenisJabatan> = new Set(['JPT', 'ADMINISTRATOR', 'PENGAWAS']);

/** A position as the rule sees it: its kind and name, and the unit it heads (path and name), if any. */
export type Posisi = { jenis: JenisJabatan; nama: string; mengepalai: { nama: string; path: string } | null };

export type PegawaiDinilai = {
  /** The employee's unit: its materialised path ("/1/4/9/") and name. */
  unit: { nama: string; path: string };
  /** Whether the employee's own position heads that unit. */
  kepalaUnit: boolean;
};
export type CalonPenilai = { nama: string; posisi: Posisi };
/** A delegation in force that gives the candidate a post (Plt/Plh by a recorded decision). */
export type DelegasiPosisi = { jenis: 'PLT' | 'PLH'; nomorSk: string; posisi: Posisi };

/** Why not: a message key and its parameters (`jenis` is the kind of position, for its label). */
export type PenilaiProblem = { key: string; params: { nama: string; jabatan?: string; jenis?: JenisJabatan; unitPenilai?: string; unitPegawai?: string } };

/**
 * Whether a position is above the employee in the unit tree. A position that heads no unit cannot
 * be placed, so it is not refused on this ground (an organisation that records no unit heads
 * keeps working; the dashboard lists units without one).
 */
export function isAtasan(posisi: Posisi, pegawai: PegawaiDinilai): boolean {
  if (posisi.mengepalai === null) return true;
  const p = posisi.mengepalai.path;
  if (!pegawai.unit.path.startsWith(p)) return false;
  return !(pegawai.kepalaUnit && pegawai.unit.path === p);
}

/** A position fit to appraise this employee: at least pengawas, and above them. */
const fits = (posisi: Posisi, pegawai: PegawaiDinilai) => PENILAI_MINIMAL.has(posisi.jenis) && isAtasan(posisi, pegawai);

/**
 * Why `penilai` may not appraise `pegawai`, or null when they may: by their own position, or by a
 * post a delegation in force gives them. The message names the person, their position and the rule.
 */
export function penilaiProblem(pegawai: PegawaiDinilai, penilai: CalonPenilai, delegasi: readonly DelegasiPosisi[] = []): PenilaiProblem | null {
  if (fits(penilai.posisi, pegawai)) return null;
  if (delegasi.some((d) => fits(d.posisi, pegawai))) return null;
  const own = penilai.posisi;
  if (!PENILAI_MINIMAL.has(own.jenis)) {
    return { key: 'penilai.belowPengawas', params: { nama: penilai.nama, jabatan: own.nama, jenis: own.jenis } };
  }
  const unitPenilai = own.mengepalai?.nama ?? own.nama;
  if (pegawai.kepalaUnit && own.mengepalai?.path === pegawai.unit.path) {
    return { key: 'penilai.sameUnitHead', params: { nama: penilai.nama, unitPenilai, unitPegawai: pegawai.unit.nama } };
  }
  return { key: 'penilai.notAtasan', params: { nama: penilai.nama, unitPenilai, unitPegawai: pegawai.unit.nama } };
}
