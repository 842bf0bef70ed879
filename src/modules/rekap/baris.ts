import { angkaKreditPotongan } from '../../domain/scoring/angka-kredit.js';
import type { JenjangJf } from '../../domain/jabatan.js';
import type { Predikat } from '../../domain/scoring/predikat.js';
import { round, toDecimalString } from '../../domain/scoring/rasional.js';
import type { BarisRekap, PotonganRekap } from './queries.js';

// The recap's rows as the exports and pages write them (docs/domain/rekap.md). Pure.

/** The objection status of a recap row: none, the three stages, or the decision (upheld / changed). */
export type StatusKeberatanRekap = 'TIDAK' | 'DIAJUKAN' | 'TANGGAPAN_DIMINTA' | 'DITANGGAPI' | 'DIPUTUS_TETAP' | 'DIPUTUS_UBAH';

export function statusKeberatan(r: Pick<BarisRekap, 'keberatanStatus' | 'keberatanKeputusan'>): StatusKeberatanRekap {
  if (r.keberatanStatus === null) return 'TIDAK';
  if (r.keberatanStatus === 'DIPUTUS') return r.keberatanKeputusan === 'UBAH' ? 'DIPUTUS_UBAH' : 'DIPUTUS_TETAP';
  return r.keberatanStatus;
}

/** The state of the year's evaluation in a recap row: none yet, confirmed by the appraiser, final. */
export type StatusEvaluasiRekap = 'BELUM' | 'DIKONFIRMASI' | 'FINAL';
export const statusEvaluasi = (r: Pick<BarisRekap, 'evaluasiStatus'>): StatusEvaluasiRekap => r.evaluasiStatus ?? 'BELUM';

const dayMonth = new Map<string, Intl.DateTimeFormat>();
/** "1 Jan" in the language's locale, from a calendar date (yyyy-mm-dd). */
export function hariBulan(iso: string, locale: string): string {
  let f = dayMonth.get(locale);
  if (!f) dayMonth.set(locale, (f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })));
  return f.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)).replace(/\.$/, '');
}

/** The year's SKP pieces in one cell: "1 Jan–30 Jun: Analis, Bidang A; 1 Jul–31 Des: Kepala Seksi, Seksi B". */
export const potonganTeks = (potongan: readonly PotonganRekap[], locale: string): string =>
  potongan
    .map((p) => {
      const who = [p.jabatan, p.unit].filter((x) => x).join(', ');
      return `${hariBulan(p.awal, locale)}–${hariBulan(p.akhir, locale)}${who ? `: ${who}` : ''}`;
    })
    .join('; ');

/** A numeric(…) text as a number for a spreadsheet cell (null stays empty). */
export const angka = (v: string | null): number | null => (v === null ? null : Number(v));

export type PotonganAkTampil = { jenjang: JenjangJf; bulan: number; /** AK of the piece at the year's predikat, 3 decimals; null until final */ ak: string | null };

const JENJANG = new Set(['PERTAMA', 'MUDA', 'MADYA', 'UTAMA', 'PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA']);

/**
 * The functional pieces of the year (saran_tahunan.ak) with each piece's angka kredit at
 * the final predikat (PermenPANRB 1/2023, the same arithmetic as finalisation): what the year's
 * total (evaluasi_tahunan.angka_kredit) is the sum of. Before the year is final there is no
 * predikat to count with: the pieces only.
 */
export function potonganAk(ak: unknown, predikat: Predikat | null, final: boolean): PotonganAkTampil[] {
  if (!Array.isArray(ak)) return [];
  return ak
    .filter((p): p is { jenjang: JenjangJf; bulan: number } => typeof p === 'object' && p !== null && JENJANG.has((p as { jenjang?: string }).jenjang ?? '') && Number.isInteger((p as { bulan?: number }).bulan))
    .map((p) => ({
      jenjang: p.jenjang,
      bulan: p.bulan,
      ak: final && predikat && p.bulan >= 0 && p.bulan <= 12 ? toDecimalString(round(angkaKreditPotongan({ jenjang: p.jenjang, bulan: p.bulan, predikat }).nilai, 3)) : null,
    }));
}
