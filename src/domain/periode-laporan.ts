import { isClosed, type Fase } from './siklus.js';

// When a period's report may be written (docs/domain/laporan.md § When a report is open). Pure:
// the caller passes "now" from the one clock (src/clock.ts).
//
// - The agency's time zone is a setting of the cycle (siklus.zona_waktu): WIB, WITA or WIT.
//   Indonesia keeps no daylight saving, so each is a fixed offset from UTC.
// - A report opens at the start of the period's first day and closes at the end of the
//   employee's deadline day (periode.batas_pegawai), both in that time zone.
// - A report returned by the appraiser, or reopened by HR for one person, stays open past the
//   deadline until its `dibukaSampai` moment.
// - Reports are written while the cycle carries out or appraises the year (PELAKSANAAN,
//   PENILAIAN); a closed cycle (SELESAI, ARSIP) is read-only, as is one in KALIBRASI.

export const ZONA_WAKTU = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 } as const;
export type ZonaWaktu = keyof typeof ZONA_WAKTU;
/** The common Indonesian abbreviation of each zone. */
export const ZONA_SINGKAT: Record<ZonaWaktu, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

export const isZonaWaktu = (z: string): z is ZonaWaktu => Object.hasOwn(ZONA_WAKTU, z);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A calendar date (a DATE column, read as UTC midnight, or 'YYYY-MM-DD') as its UTC-midnight time. */
function dayStartUtc(d: Date | string): number {
  const s = typeof d === 'string' ? d : d.toISOString().slice(0, 10);
  const t = Date.parse(`${s.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t)) throw new Error(`not a date: ${String(d)}`);
  return t;
}

/** The moment a calendar day begins in the zone. */
export const awalHari = (d: Date | string, zona: ZonaWaktu): Date => new Date(dayStartUtc(d) - ZONA_WAKTU[zona] * HOUR);
/** The moment a calendar day ends in the zone (the first instant of the next day). */
export const akhirHari = (d: Date | string, zona: ZonaWaktu): Date => new Date(dayStartUtc(d) + DAY - ZONA_WAKTU[zona] * HOUR);

/** The calendar date ('YYYY-MM-DD') that `at` falls on in the zone. */
export const tanggalDi = (at: Date, zona: ZonaWaktu): string => new Date(at.getTime() + ZONA_WAKTU[zona] * HOUR).toISOString().slice(0, 10);

export type PeriodeWaktu = { mulai: Date | string; selesai: Date | string; batasPegawai: Date | string };

export const FASE_LAPORAN: readonly Fase[] = ['PELAKSANAAN', 'PENILAIAN'];

export type LaporanBuka =
  | { buka: true; tutupAt: Date; /** open only because it was returned or reopened */ diperpanjang: boolean }
  | { buka: false; sebab: 'fase' | 'belumMulai' | 'lewatBatas'; tutupAt: Date | null };

/**
 * Whether an employee may write (save, submit) a period's report now. `dibukaSampai` is the
 * report's own extension (a return or an HR reopen), null when it has none.
 */
export function laporanBuka(args: { fase: Fase; zona: ZonaWaktu; periode: PeriodeWaktu; now: Date; dibukaSampai?: Date | null }): LaporanBuka {
  const { fase, zona, periode, now, dibukaSampai } = args;
  const tutup = akhirHari(periode.batasPegawai, zona);
  if (isClosed(fase) || !FASE_LAPORAN.includes(fase)) return { buka: false, sebab: 'fase', tutupAt: null };
  if (now < awalHari(periode.mulai, zona)) return { buka: false, sebab: 'belumMulai', tutupAt: tutup };
  if (now < tutup) return { buka: true, tutupAt: tutup, diperpanjang: false };
  if (dibukaSampai && now < dibukaSampai) return { buka: true, tutupAt: dibukaSampai, diperpanjang: true };
  return { buka: false, sebab: 'lewatBatas', tutupAt: dibukaSampai && dibukaSampai > tutup ? dibukaSampai : tutup };
}

/** A report is late when its deadline has passed and it was never submitted. */
export const laporanTerlambat = (args: { zona: ZonaWaktu; periode: PeriodeWaktu; now: Date; diajukan: boolean }): boolean =>
  !args.diajukan && args.now >= akhirHari(args.periode.batasPegawai, args.zona);

/**
 * The default "open until" of a returned report: the end of the day `hari` days after today
 * in the zone (seven by default, issue-10 rule), as a calendar date for the form.
 */
export function defaultDibukaSampai(now: Date, zona: ZonaWaktu, hari = 7): string {
  return new Date(dayStartUtc(tanggalDi(now, zona)) + hari * DAY).toISOString().slice(0, 10);
}

/** The days of a period that an SKP covers (its periode_awal … periode_akhir), or null when none. */
export function hariDicakup(periode: { mulai: Date | string; selesai: Date | string }, skp: { periodeAwal: Date | string; periodeAkhir: Date | string }): { mulai: string; selesai: string; hari: number } | null {
  const a = Math.max(dayStartUtc(periode.mulai), dayStartUtc(skp.periodeAwal));
  const b = Math.min(dayStartUtc(periode.selesai), dayStartUtc(skp.periodeAkhir));
  if (b < a) return null;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { mulai: iso(a), selesai: iso(b), hari: Math.round((b - a) / DAY) + 1 };
}
