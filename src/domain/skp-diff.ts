// What changed between two versions of an SKP document (the frozen JSON in skp_versi, or the
// working copy built the same way). RHKs and indicators are matched by their database id, which
// the document keeps, so a reworded RHK shows as "changed", not as removed + added.

import { NILAI_BERAKHLAK } from './berakhlak.js';
import {
  changedFields, INDIKATOR_FIELDS, RHK_FIELDS,
  type IndikatorDiffField, type IndikatorDokumen, type RhkDiffField, type RhkDokumen, type SkpDokumen,
} from './skp-document.js';

// The fields compared, and the names a change is reported under, come from the document model
// (domain/skp-document.ts): an indicator's target fields are reported together as "target".
export { sameTarget } from './skp-document.js';
export type DocIndikator = IndikatorDokumen;
export type DocRhk = RhkDokumen;
/** What the diff reads of a document (the identity snapshot and the BerAKHLAK wording are not compared). */
export type SkpDoc = Omit<SkpDokumen, 'snapshot' | 'berakhlak'>;

export type Kind = 'added' | 'removed' | 'changed';
/** Besides the model's fields: an indicator's period targets, an RHK's rencana aksi (each compared as a whole). */
export type IndikatorField = IndikatorDiffField | 'targetPeriode';
export type RhkField = RhkDiffField | 'rencanaAksi';

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

const num = (v: string | null | undefined): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
/** The period targets as comparable text: by period, decimals by value, statements trimmed. */
const periodTargets = (i: DocIndikator) =>
  JSON.stringify([...(i.targetPeriode ?? [])].sort((x, y) => x.periodeId - y.periodeId).map((t) => [t.periodeId, num(t.targetAngka), num(t.targetMin), num(t.targetMax), text(t.targetTeks)]));
/** The rencana aksi as comparable text: per period, in order, trimmed. */
const rencanaAksi = (r: DocRhk) => JSON.stringify((r.rencanaAksi ?? []).map((a) => [a.periodeId, a.teks.trim()]).sort((x, y) => Number(x[0]) - Number(y[0])));

const indikatorFields = (a: DocIndikator, b: DocIndikator): IndikatorField[] => {
  const out: IndikatorField[] = changedFields(INDIKATOR_FIELDS, a, b);
  if (periodTargets(a) !== periodTargets(b)) out.push('targetPeriode');
  return out;
};
const rhkFields = (a: DocRhk, b: DocRhk): RhkField[] => {
  const out: RhkField[] = changedFields(RHK_FIELDS, a, b);
  if (rencanaAksi(a) !== rencanaAksi(b)) out.push('rencanaAksi');
  return out;
};

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
  const ea: Record<string, string | undefined> = dari.ekspektasi ?? {};
  const eb: Record<string, string | undefined> = ke.ekspektasi ?? {};
  const nilai = [...new Set([...Object.keys(ea), ...Object.keys(eb)])].sort((x, y) => order(x) - order(y));
  for (const n of nilai) {
    const a = text(ea[n]);
    const b = text(eb[n]);
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
