import type { Actor } from './access.js';
import { akhirHari, awalHari, type ZonaWaktu } from './periode-laporan.js';

// Monitoring Pengisian's rules (docs/domain/monitoring.md). Pure: the caller passes the clock's now.

/**
 * The subtree an actor may watch, as a unit path prefix: HR (admin) the whole agency ('/'), a
 * pimpinan the unit they head and everything under it; anyone else none (null → 404).
 */
export function bolehMonitoring(a: Actor): string | null {
  if (a.isAdmin) return '/';
  if (a.isPimpinan && a.pimpinanPath) return a.pimpinanPath;
  return null;
}

type PeriodeZona = { id: number; mulai: Date; selesai: Date; batasPegawai: Date; zona: ZonaWaktu; siklus: { tahun: number } };

/**
 * The period shown when none is chosen: where lateness is known, so HR sees who is late at once.
 * The latest period (by its start, across cycles) whose employees' deadline has passed in its
 * cycle's zone; before any deadline has passed, the period today falls in, else the latest that
 * has started; nothing started anywhere: the first listed. Any other period is one choice away.
 */
export function pilihPeriode<P extends PeriodeZona>(list: readonly P[], now: Date): P | undefined {
  const started = list.filter((p) => now >= awalHari(p.mulai, p.zona)).sort((a, b) => b.mulai.getTime() - a.mulai.getTime());
  return started.find((p) => now >= akhirHari(p.batasPegawai, p.zona)) ?? started.find((p) => now < akhirHari(p.selesai, p.zona)) ?? started[0] ?? list[0];
}

export type Hitungan = {
  skpDraft: number; skpDiajukan: number; skpDikembalikan: number; skpDisetujui: number;
  lapDraft: number; lapDiajukan: number; lapDikembalikan: number; lapDinilai: number;
};

export type Ringkasan = {
  /** SKPs covering the period (= reports expected) */
  skp: number;
  /** a returned SKP is back with its employee: it counts as a draft */
  skpDraft: number; skpDiajukan: number; skpDisetujui: number;
  /** no report row yet */
  lapBelum: number;
  /** a returned report is back with its employee: it counts as a draft */
  lapDraft: number; lapDiajukan: number; lapDinilai: number;
  /** not submitted: late once the deadline has passed */
  terlambatJika: number;
  /** percentages of `skp`, whole numbers, for the bars */
  persen: { skpDraft: number; skpDiajukan: number; skpDisetujui: number; lapBelum: number; lapDraft: number; lapDiajukan: number; lapDinilai: number };
};

const pct = (n: number, of: number) => (of > 0 ? Math.round((n * 1000) / of) / 10 : 0);

/** The counts of the summary as the page shows them. */
export function ringkas(h: Hitungan): Ringkasan {
  const skp = h.skpDraft + h.skpDiajukan + h.skpDikembalikan + h.skpDisetujui;
  const skpDraft = h.skpDraft + h.skpDikembalikan;
  const lapDraft = h.lapDraft + h.lapDikembalikan;
  const lapBelum = Math.max(0, skp - lapDraft - h.lapDiajukan - h.lapDinilai);
  return {
    skp, skpDraft, skpDiajukan: h.skpDiajukan, skpDisetujui: h.skpDisetujui,
    lapBelum, lapDraft, lapDiajukan: h.lapDiajukan, lapDinilai: h.lapDinilai,
    terlambatJika: lapBelum + lapDraft,
    persen: {
      skpDraft: pct(skpDraft, skp), skpDiajukan: pct(h.skpDiajukan, skp), skpDisetujui: pct(h.skpDisetujui, skp),
      lapBelum: pct(lapBelum, skp), lapDraft: pct(lapDraft, skp), lapDiajukan: pct(h.lapDiajukan, skp), lapDinilai: pct(h.lapDinilai, skp),
    },
  };
}
