import { formatIngat } from '../../domain/angka-format.js';
import { formatReason, type Capaian, type ReasonParams, type TargetSkor } from '../../domain/scoring/index.js';

// How a capaian reads on the page and in the live answer (public/js/laporan.js): one shape, so
// that the first render and the figures that come back as the employee types look the same.

type Translate = (key: string, params?: ReasonParams) => string;
const NUMBER = formatIngat(new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 }));

export type CapaianTampil = {
  kind: Capaian['kind'];
  /** "112,5 %" or null when there is no number. */
  persen: string | null;
  /** The bar's value (a <meter>, 0 … the policy's maximum), null without a number. */
  nilai: number | null;
  maks: number;
  kelas: string | null;
  kelasLabel: string | null;
  /** The rule in words, with its numbers (or why there is none). */
  rule: string;
  batas: string | null;
  /** The target used, and whose it is (the period's or the year's). */
  target: string;
  sumber: string;
};

/** A target as people read it: "12 dokumen", "80–90 %", or the statement. */
export function targetTeks(jenisTarget: string, target: TargetSkor, satuan: string | null, teks: string | null): string {
  const n = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : NUMBER(Number(String(v))));
  if (jenisTarget === 'ANGKA') return `${n(target.targetAngka)} ${satuan ?? ''}`.trim();
  if (jenisTarget === 'RENTANG') return `${n(target.targetMin)}–${n(target.targetMax)} ${satuan ?? ''}`.trim();
  return teks ?? '';
}

export function capaianTampil(
  c: Capaian,
  ind: { jenisTarget: string; satuan: string | null; target: TargetSkor; targetTeks: string | null; targetSumber: 'PERIODE' | 'TAHUN' },
  maks: number,
  t: Translate,
): CapaianTampil {
  const say = (r: { key: string; params: ReasonParams }) => formatReason(r, t);
  const base = {
    kind: c.kind,
    maks,
    target: targetTeks(ind.jenisTarget, ind.target, ind.satuan, ind.targetTeks),
    sumber: t(ind.targetSumber === 'PERIODE' ? 'laporan.targetPeriode' : 'laporan.targetTahun'),
  };
  const kelasLabel = (k: string) => t(k === 'DI_ATAS' ? 'scoring.ekspektasi.DI_ATAS' : k === 'SESUAI' ? 'scoring.ekspektasi.SESUAI' : 'scoring.ekspektasi.DI_BAWAH');
  if (c.kind === 'persen') return { ...base, persen: `${NUMBER(c.persen)} %`, nilai: Math.max(0, Math.min(c.persen, maks)), kelas: c.kelas, kelasLabel: kelasLabel(c.kelas), rule: say(c.rule), batas: c.batas ? say(c.batas) : null };
  if (c.kind === 'kualitatif') return { ...base, persen: null, nilai: null, kelas: c.kelas, kelasLabel: kelasLabel(c.kelas), rule: say(c.rule), batas: null };
  return { ...base, persen: null, nilai: null, kelas: null, kelasLabel: null, rule: say(c.reason), batas: null };
}

const waktuFmt = new Map<string, Intl.DateTimeFormat>();

/**
 * A deadline as people read it in the cycle's time zone: the last minute before the moment a
 * report closes ("5 April 2026 23.59 WIT"), in the page's language's date style.
 */
export function batasTampil(tutupAt: Date | null | undefined, zona: string, singkat: string, locale: string): string {
  if (!tutupAt) return '—';
  const key = `${locale}|${zona}`;
  let f = waktuFmt.get(key);
  if (!f) waktuFmt.set(key, (f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zona })));
  return `${f.format(new Date(tutupAt.getTime() - 60_000))} ${singkat}`;
}
