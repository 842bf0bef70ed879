// Delegations (docs/domain/penilai.md § Delegations): a Plt (pelaksana tugas) fills a vacant post,
// a Plh (pelaksana harian) stands in while the holder is away; each by a decision (nomor SK) for a
// span of days. During those days, the agency's own days (Asia/Jakarta), the delegate acts in
// place of the post's holder as appraiser (src/domain/acting.ts).

/** The agency's time zone: a day starts and ends at midnight WIB. */
export const ZONA_INSTANSI = 'Asia/Jakarta';

const dayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: ZONA_INSTANSI, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today (or the day of `now`) in the agency's time zone, as yyyy-mm-dd. */
export const hariIni = (now: Date = new Date()): string => dayFmt.format(now);

/** A calendar date column (PostgreSQL `date`, read as UTC midnight) as yyyy-mm-dd. */
export const tanggalDari = (d: Date): string => d.toISOString().slice(0, 10);

export type MasaDelegasi = { mulai: string; selesai: string; dibatalkan: boolean };

/** Whether a delegation is in force on `hari` (yyyy-mm-dd): from mulai to selesai inclusive, unless cancelled. */
export const berlakuPada = (d: MasaDelegasi, hari: string): boolean => !d.dibatalkan && d.mulai <= hari && hari <= d.selesai;

/** Whether two spans of days share at least one day. */
export const bertumpuk = (a: { mulai: string; selesai: string }, b: { mulai: string; selesai: string }): boolean => a.mulai <= b.selesai && b.mulai <= a.selesai;
