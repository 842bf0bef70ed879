import { akhirHari, awalHari, type ZonaWaktu } from './periode-laporan.js';

// Automatic reminders of a period's report deadline (docs/domain/pengingat.md). Pure: the caller
// passes "now" from the one clock (src/clock.ts) and the cycle's time zone.
//
// - TENGGAT_H3 ("3 days left"): from the start of the day three days before the employee's
//   deadline (periode.batas_pegawai) until the deadline closes, both in the cycle's zone.
// - TENGGAT_LEWAT ("deadline passed"): from the end of the deadline day, as long as the cycle is
//   open (the caller checks the phase): someone still late weeks later is told once, when the check
//   first sees it.

export type JenisPengingatOtomatis = 'TENGGAT_H3' | 'TENGGAT_LEWAT';

/** How many calendar days before the deadline day the "3 days left" reminder starts. */
export const H_SEBELUM = 3;
const DAY = 86_400_000;

/** The calendar date `days` after `d` ('YYYY-MM-DD'). */
const tambahHari = (d: Date | string, days: number): string => {
  const s = typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
  return new Date(Date.parse(`${s}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
};

/** The moment the "3 days left" reminder becomes due. */
export const mulaiH3 = (batasPegawai: Date | string, zona: ZonaWaktu): Date => awalHari(tambahHari(batasPegawai, -H_SEBELUM), zona);

/** Which automatic reminder of a period is due at `now`, if any (at most one at a time). */
export function pengingatJatuh(args: { batasPegawai: Date | string; zona: ZonaWaktu; now: Date }): JenisPengingatOtomatis | null {
  const { batasPegawai, zona, now } = args;
  const tutup = akhirHari(batasPegawai, zona);
  if (now >= tutup) return 'TENGGAT_LEWAT';
  return now >= mulaiH3(batasPegawai, zona) ? 'TENGGAT_H3' : null;
}

/** The notification's at-most-once key of an automatic reminder. */
export const kunciPengingat = (jenis: JenisPengingatOtomatis, periodeId: number, pegawaiId: number): string => `pengingat:${jenis}:${periodeId}:${pegawaiId}`;
