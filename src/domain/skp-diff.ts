// What changed between two versions of an SKP document (the frozen JSON in skp_versi, or the
// working copy built the same way). RHKs and indicators are matched by their database id, which
// the document keeps, so a reworded RHK shows as "changed", not as removed + added.

import { NILAI_BERAKHLAK } from './berakhlak.js';

export type DocIndikator = {
  id?: number;
  aspek: string;
  teks: string;
  jenisTarget: string;
  targetAngka: string | null;
  targetMin: string | null;
  targetMax: string | null;
  satuan: string | null;
  targetTeks: string | null;
  lebihBaik: string;
  kumulatif: boolean;
};
export type DocRhk = {
  id: number;
  jenis: string;
  urutan: number;
  teks: string;
  rhkAtasan: string | null;
  perspektif: string | null;
  penugasanDari: string | null;
  indikator: DocIndikator[];
};
export type SkpDoc = {
  revisi: number;
  pendekatan: string;
  rhk: DocRhk[];
  ekspektasi: Record<string, string>;
  lampiran: { jenis: string; teks: string }[];
};

export type Kind = 'added' | 'removed' | 'changed';
export type IndikatorField = 'aspek' | 'teks' | 'target' | 'lebihBaik' | 'kumulatif';
export type RhkField = 'jenis' | 'teks' | 'rhkAtasan' | 'perspektif' | 'penugasanDari';

export type IndikatorDiff = { kind: Kind; dari: DocIndikator | null; ke: DocIndikator | null; fields: IndikatorField[] };
export type RhkDiff = { kind: Kind; id: number; dari: DocRhk | null; ke: DocRhk | null; fields: RhkField[]; indikator: IndikatorDiff[] };
export type EkspektasiDiff = { nilai: string; dari: string | null; ke: string | null };
export type LampiranDiff = { jenis: string; ditambah: string[]; dihapus: string[] };
export type SkpDiff = {
  pendekatan: { dari: string; ke: string } | null;
  rhk: RhkDiff[];
  ekspektasi: EkspektasiDiff[];
  lampiran: LampiranDiff[];
  /** Whether anything differs at all. */
  berubah: boolean;
};

const text = (v: string | null | undefined): string | null => {
  const s = (v ?? '').trim();
  return s === '' ? null : s;
};
const num = (v: string | null): number | null => (v === null || v === '' ? null : Number(v));

/** Whether two indicators have the same target (numbers compared by value: "12" = "12.0000"). */
export function sameTarget(a: DocIndikator, b: DocIndikator): boolean {
  return (
    a.jenisTarget === b.jenisTarget &&
    num(a.targetAngka) === num(b.targetAngka) &&
    num(a.targetMin) === num(b.targetMin) &&
    num(a.targetMax) === num(b.targetMax) &&
    text(a.satuan) === text(b.satuan) &&
    text(a.targetTeks) === text(b.targetTeks)
  );
}

function indikatorFields(a: DocIndikator, b: DocIndikator): IndikatorField[] {
  const f: IndikatorField[] = [];
  if (a.aspek !== b.aspek) f.push('aspek');
  if (text(a.teks) !== text(b.teks)) f.push('teks');
  if (!sameTarget(a, b)) f.push('target');
  if (a.lebihBaik !== b.lebihBaik) f.push('lebihBaik');
  if (a.kumulatif !== b.kumulatif) f.push('kumulatif');
  return f;
}

function rhkFields(a: DocRhk, b: DocRhk): RhkField[] {
  const f: RhkField[] = [];
  if (a.jenis !== b.jenis) f.push('jenis');
  for (const k of ['teks', 'rhkAtasan', 'perspektif', 'penugasanDari'] as const) if (text(a[k]) !== text(b[k])) f.push(k);
  return f;
}

/**
 * Indicators matched by id; an indicator without an id (older documents) is matched by its
 * position among the indicators of the same aspect.
 */
function diffIndikator(dari: DocIndikator[], ke: DocIndikator[]): IndikatorDiff[] {
  const key = (list: DocIndikator[]) => {
    const seen = new Map<string, number>();
    return list.map((i) => {
      if (i.id !== undefined) return `id:${i.id}`;
      const n = (seen.get(i.aspek) ?? 0) + 1;
      seen.set(i.aspek, n);
      return `pos:${i.aspek}:${n}`;
    });
  };
  const kd = key(dari);
  const kk = key(ke);
  const byKey = new Map(kd.map((k, i) => [k, dari[i]!]));
  const out: IndikatorDiff[] = [];
  const matched = new Set<string>();
  ke.forEach((b, i) => {
    const a = byKey.get(kk[i]!);
    if (!a) return out.push({ kind: 'added', dari: null, ke: b, fields: [] });
    matched.add(kk[i]!);
    const fields = indikatorFields(a, b);
    if (fields.length) out.push({ kind: 'changed', dari: a, ke: b, fields });
  });
  dari.forEach((a, i) => {
    if (!matched.has(kd[i]!)) out.push({ kind: 'removed', dari: a, ke: null, fields: [] });
  });
  return out;
}

/** Texts in `a` that are not in `b`, counting duplicates. */
function minus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const s of b) left.set(s, (left.get(s) ?? 0) + 1);
  return a.filter((s) => {
    const n = left.get(s) ?? 0;
    if (n > 0) {
      left.set(s, n - 1);
      return false;
    }
    return true;
  });
}

export function diffSkp(dari: SkpDoc, ke: SkpDoc): SkpDiff {
  const rhk: RhkDiff[] = [];
  const lama = new Map(dari.rhk.map((r) => [r.id, r]));
  const baru = new Set(ke.rhk.map((r) => r.id));
  for (const b of ke.rhk) {
    const a = lama.get(b.id);
    if (!a) {
      rhk.push({ kind: 'added', id: b.id, dari: null, ke: b, fields: [], indikator: b.indikator.map((i) => ({ kind: 'added', dari: null, ke: i, fields: [] })) });
      continue;
    }
    const fields = rhkFields(a, b);
    const indikator = diffIndikator(a.indikator, b.indikator);
    if (fields.length || indikator.length) rhk.push({ kind: 'changed', id: b.id, dari: a, ke: b, fields, indikator });
  }
  for (const a of dari.rhk) {
    if (!baru.has(a.id)) rhk.push({ kind: 'removed', id: a.id, dari: a, ke: null, fields: [], indikator: a.indikator.map((i) => ({ kind: 'removed', dari: i, ke: null, fields: [] })) });
  }

  const ekspektasi: EkspektasiDiff[] = [];
  const order = (n: string) => { const i = (NILAI_BERAKHLAK as readonly string[]).indexOf(n); return i < 0 ? 99 : i; };
  const nilai = [...new Set([...Object.keys(dari.ekspektasi ?? {}), ...Object.keys(ke.ekspektasi ?? {})])].sort((x, y) => order(x) - order(y));
  for (const n of nilai) {
    const a = text(dari.ekspektasi?.[n]);
    const b = text(ke.ekspektasi?.[n]);
    if (a !== b) ekspektasi.push({ nilai: n, dari: a, ke: b });
  }

  const lampiran: LampiranDiff[] = [];
  const jenis = [...new Set([...dari.lampiran, ...ke.lampiran].map((l) => l.jenis))];
  for (const j of jenis) {
    const a = dari.lampiran.filter((l) => l.jenis === j).map((l) => l.teks.trim());
    const b = ke.lampiran.filter((l) => l.jenis === j).map((l) => l.teks.trim());
    const ditambah = minus(b, a);
    const dihapus = minus(a, b);
    if (ditambah.length || dihapus.length) lampiran.push({ jenis: j, ditambah, dihapus });
  }

  const pendekatan = dari.pendekatan !== ke.pendekatan ? { dari: dari.pendekatan, ke: ke.pendekatan } : null;
  return { pendekatan, rhk, ekspektasi, lampiran, berubah: !!pendekatan || rhk.length + ekspektasi.length + lampiran.length > 0 };
}
