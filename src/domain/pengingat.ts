import { akhirHari, awalHari, type ZonaWaktu } from './periode-laporan.js';

// Automatic reminders of a period's report deadline (docs/domain/pengingat.md). Pure: the caller
// passes "now" from the one clock (src/clock.ts) and the cycle's time zone.
//
// - TENGGAT_H3 ("3 days left"): from the start of the day three days before the employee's
//   deadline (periode.batas_pegawai) until the deadline closes, both in the cycle's zone.
// - TENGGAT_LEWAT ("deadline passed"): from the end of the deadline day, for a limited window
//   (LEWAT_JENDELA_HARI) so that a cycle opened late, or an installation started mid-year, does not
//   tell people of deadlines long gone.

export type JenisPengingatOtomatis = 'TENGGAT_H3' | 'TENGGAT_LEWAT';

/** How many calendar days before the deadline day the "3 days left" reminder starts. */
export const H_SEBELUM = 3;
/** How long after the deadline closes the "deadline passed" reminder may still go out. */
export const LEWAT_JENDELA_HARI = 30;

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
  if (now >= tutup) return now.getTime() < tutup.getTime() + LEWAT_JENDELA_HARI * DAY ? 'TENGGAT_LEWAT' : null;
  return now >= mulaiH3(batasPegawai, zona) ? 'TENGGAT_H3' : null;
}

/** The notification's at-most-once key of an automatic reminder. */
export const kunciPengingat = (jenis: JenisPengingatOtomatis, periodeId: number, pegawaiId: number): string => `pengingat:${jenis}:${periodeId}:${pegawaiId}`;
