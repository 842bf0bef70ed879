import type { Actor } from './access.js';
import type { DelegasiAktor } from './acting.js';
import { akhirHari, tanggalDi, type ZonaWaktu } from './periode-laporan.js';

// Objections to the final annual evaluation (docs/domain/keberatan.md; PP 30/2019 Pasal 59): the
// window in which an employee may file one, and who decides it. Pure: the caller passes "now"
// from the one clock (src/clock.ts) and the records as loaded.

const DAY = 86_400_000;

/** 'YYYY-MM-DD' plus `days` calendar days. */
const plusDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export type JendelaKeberatan =
  | { buka: true; /** the last day on which filing is allowed ('YYYY-MM-DD', the agency's calendar) */ batasTanggal: string; tutupAt: Date }
  | { buka: false; sebab: 'belumDiberitahu' }
  | { buka: false; sebab: 'lewatBatas'; batasTanggal: string; tutupAt: Date };

/**
 * Whether an objection may be filed now. The window counts `hari` calendar days from the day the
 * employee was notified of the final result (evaluasi_tahunan.diberitahu_at), read in the cycle's
 * time zone: notified on day D, the last day of the window is D + hari, and filing is allowed
 * until that day ends in the zone (the day of notification itself is not counted, as days are
 * counted in Indonesian administrative law). Not notified yet: no window.
 */
export function jendelaKeberatan(args: { diberitahuAt: Date | null; zona: ZonaWaktu; hari: number; now: Date }): JendelaKeberatan {
  const { diberitahuAt, zona, hari, now } = args;
  if (!diberitahuAt) return { buka: false, sebab: 'belumDiberitahu' };
  const batasTanggal = plusDays(tanggalDi(diberitahuAt, zona), hari);
  const tutupAt = akhirHari(batasTanggal, zona);
  return now < tutupAt ? { buka: true, batasTanggal, tutupAt } : { buka: false, sebab: 'lewatBatas', batasTanggal, tutupAt };
}

/** The decider (atasan pejabat penilai) fixed at filing: an employee, an official outside the agency, or none in the system. */
export type Pemutus = { pemutusId: number | null; pemutusLuarId: number | null };

/**
 * Who decides an objection, from the evaluation's appraiser: an employee appraiser → their own
 * appraiser (an employee, or an official outside the agency); an appraiser outside the agency →
 * nobody in the system (their superior is not recorded: HR records the decision on their behalf,
 * naming them). An employee appraiser without an appraiser of their own: 'tanpaAtasan' (refused).
 */
export function tentukanPemutus(e: { pegawaiId: number; penilai: { penilaiId: number | null; penilaiLuarId: number | null } | null; penilaiLuarId: number | null }): Pemutus | 'tanpaAtasan' {
  if (e.penilai) {
    const { penilaiId, penilaiLuarId } = e.penilai;
    if (penilaiId !== null && penilaiId !== e.pegawaiId) return { pemutusId: penilaiId, pemutusLuarId: null };
    if (penilaiLuarId !== null) return { pemutusId: null, pemutusLuarId: penilaiLuarId };
    return 'tanpaAtasan';
  }
  if (e.penilaiLuarId !== null) return { pemutusId: null, pemutusLuarId: null };
  return 'tanpaAtasan';
}

/** What of an objection decides who may decide it. */
export type KeberatanPihak = {
  /** the employee who objected */
  pegawaiId: number;
  /** the appraiser who gave the rating (evaluasi_tahunan.penilai_id / penilai_luar_id) */
  penilaiId: number | null;
  penilaiLuarId: number | null;
  pemutusId: number | null;
  pemutusLuarId: number | null;
  /** the decider's position (a Plt/Plh of it acts for them) */
  pemutusJabatanId: number | null;
};

/** Whether the actor is a party to the objection: the employee, or the appraiser whose rating it is. */
export const pihakKeberatan = (a: Actor, k: KeberatanPihak): boolean =>
  (a.pegawaiId !== null && (a.pegawaiId === k.pegawaiId || a.pegawaiId === k.penilaiId)) || (a.pejabatLuarId !== null && a.pejabatLuarId === k.penilaiLuarId);

/**
 * How a decider acts: in person (`atasan`), as Plt/Plh of the decider's post (`delegasi`), as the
 * official outside the agency by their own login (`luar`), HR on that official's behalf
 * (`atasNama`), or HR recording the decision of the appraiser's superior who is not in the system
 * (`hr`, the appraiser is an official outside the agency).
 */
export type PutusSebagai =
  | { sebagai: 'atasan' | 'luar' | 'atasNama' | 'hr'; delegasi: null }
  | { sebagai: 'delegasi'; delegasi: DelegasiAktor };

/**
 * How the actor may decide the objection, or null. Nobody decides an objection against their own
 * rating: the employee and the appraiser are refused ('pihak') even when they hold or act for the
 * decider's post.
 */
export function pemutusAs(a: Actor, k: KeberatanPihak): PutusSebagai | 'pihak' | null {
  if (pihakKeberatan(a, k)) return 'pihak';
  if (k.pemutusLuarId !== null) {
    if (a.pejabatLuarId === k.pemutusLuarId) return { sebagai: 'luar', delegasi: null };
    if (a.isAdmin && a.pejabatLuarId === null) return { sebagai: 'atasNama', delegasi: null };
    return null;
  }
  if (a.pejabatLuarId !== null) return null;
  if (k.pemutusId !== null) {
    if (a.pegawaiId === k.pemutusId) return { sebagai: 'atasan', delegasi: null };
    const d = k.pemutusJabatanId === null ? undefined : a.delegasi.find((x) => x.jabatanId === k.pemutusJabatanId);
    return d ? { sebagai: 'delegasi', delegasi: d } : null;
  }
  return a.isAdmin ? { sebagai: 'hr', delegasi: null } : null;
}
