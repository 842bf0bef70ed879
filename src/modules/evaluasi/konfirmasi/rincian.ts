import { EKSPEKTASI_LABEL, reason, type Ekspektasi, type Reason, type SaranRating } from '../../../domain/scoring/index.js';

// The year-end computation's explanation as stored (saran_tahunan.rincian, written compact by
// src/modules/evaluasi/hitung/susun.ts serialSaran) read back into what the year page shows
// (docs/domain/evaluasi-konfirmasi.md): each rating with its reason, each piece's RHKs with their
// class (or what withholds it) and each indicator's capaian. Indicators are stored by id only;
// their labels come from the year's reports on the page.

type KompakRating = { rating: Ekspektasi | null; reason: Reason; hilang?: string[] };
type KompakIndikator = { id: number; persen?: number; kelas: Ekspektasi | null; reason?: Reason; penilaian?: string; dibatasi?: unknown };
type KompakRhk = { id: number; label: string; jenis: string; kelas: Ekspektasi | null; reason?: Reason; indikator?: KompakIndikator[] };
type KompakPotongan = { id: number; label: string; hari: number; rhk?: KompakRhk[]; hasilKerja?: KompakRating };

export type CapaianTampil = { kind: 'persen'; persen: number; kelas: Ekspektasi } | { kind: 'kualitatif'; kelas: Ekspektasi } | { kind: 'missing'; reason: Reason | null };
export type PotonganTampil = {
  id: number; label: string; hari: number;
  rhk: { id: number; label: string; jenis: string; klasifikasi: { kelas: Ekspektasi | null; reason: Reason | null }; indikator: { id: number; label: string; capaian: CapaianTampil }[] }[];
  hasilKerja: SaranRating | null;
};

const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isReason = (v: unknown): v is Reason => obj(v) && typeof v.key === 'string';

/** A stored rating (`{rating, reason, hilang?}`) as a suggestion, or null when it is not one. */
export function ratingTersimpan(v: unknown, policyVersion: number, rincian: Reason[] = []): SaranRating | null {
  if (!obj(v) || !isReason(v.reason)) return null;
  // the full shape (kind) as some tests write it
  if (v.kind === 'saran' || v.kind === 'withheld') return v as unknown as SaranRating;
  const r = v as unknown as KompakRating;
  if (r.rating === null || r.rating === undefined) return { kind: 'withheld', hilang: Array.isArray(r.hilang) ? r.hilang : [], reason: r.reason, policyVersion };
  return { kind: 'saran', rating: r.rating, hitungan: { atas: 0, sesuai: 0, bawah: 0, total: 0 }, reason: r.reason, rincian, policyVersion };
}

function capaianTampil(i: KompakIndikator): CapaianTampil {
  if (i.kelas && typeof i.persen === 'number') return { kind: 'persen', persen: i.persen, kelas: i.kelas };
  if (i.kelas) return { kind: 'kualitatif', kelas: i.kelas };
  return { kind: 'missing', reason: isReason(i.reason) ? i.reason : null };
}

/** The stored pieces with each indicator named by `labelOf` (its id when the page has no report naming it). */
export function potonganTersimpan(v: unknown, policyVersion: number, labelOf: (id: number) => string | undefined): PotonganTampil[] {
  if (!Array.isArray(v)) return [];
  return (v as KompakPotongan[]).filter(obj).map((p) => ({
    id: p.id,
    label: String(p.label ?? ''),
    hari: Number(p.hari ?? 0),
    rhk: (Array.isArray(p.rhk) ? p.rhk : []).map((r) => ({
      id: r.id,
      label: String(r.label ?? ''),
      jenis: String(r.jenis ?? ''),
      klasifikasi: { kelas: r.kelas ?? null, reason: isReason(r.reason) ? r.reason : null },
      indikator: (Array.isArray(r.indikator) ? r.indikator : []).map((i) => ({ id: i.id, label: labelOf(i.id) ?? `#${i.id}`, capaian: capaianTampil(i) })),
    })),
    hasilKerja: p.hasilKerja ? ratingTersimpan(p.hasilKerja, policyVersion) : null,
  }));
}

/** Each piece's own Rating Hasil Kerja in words, when the year has several pieces (the year's rating is the one covering the most days). */
export const perPotongan = (potongan: readonly PotonganTampil[]): Reason[] =>
  potongan.length < 2 ? [] : potongan.flatMap((p) => (p.hasilKerja?.kind === 'saran' ? [reason('scoring.tahun.potongan', { label: p.label, hari: p.hari, rating: EKSPEKTASI_LABEL[p.hasilKerja.rating] })] : []));
