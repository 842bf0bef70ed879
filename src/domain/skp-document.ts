import { z } from 'zod';
import { BERAKHLAK, NILAI_BERAKHLAK, type NilaiBerakhlak, type PerilakuBerakhlak } from './berakhlak.js';
import { GABUNG_PERIODE } from './target-periode.js';

// The SKP document (PermenPANRB 6/2022: the SKP form and its lampiran): who is appraised and by
// whom as they were when the SKP was opened, the approach, the RHKs (UTAMA / TAMBAHAN) with the
// appraiser's RHK they intervene or, for a JPT, their perspective, each RHK's indicators with
// their targets, the ekspektasi khusus pimpinan per BerAKHLAK value, and the lampiran.
//
// This file is the one description of that content. The frozen versions (skp_versi), the
// working copy, template data, the diff, the printed labels and the copy operations (copy from
// last year, apply a template) all derive from the field tables below: a new indicator field is
// added here (and to the database and the form), not in each of them.

// ---- Choices ------------------------------------------------------------------------------------

export const PENDEKATAN = ['KUANTITATIF', 'KUALITATIF'] as const;
export const JENIS_RHK = ['UTAMA', 'TAMBAHAN'] as const;
export const PERSPEKTIF = ['PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN'] as const;
export const ASPEK = ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'] as const;
export const JENIS_TARGET = ['ANGKA', 'RENTANG', 'KUALITATIF'] as const;
export const LEBIH_BAIK = ['TINGGI', 'RENDAH'] as const;
export const JENIS_LAMPIRAN = ['DUKUNGAN_SUMBER_DAYA', 'SKEMA_PERTANGGUNGJAWABAN', 'KONSEKUENSI'] as const;

export type Pendekatan = (typeof PENDEKATAN)[number];
export type JenisRhk = (typeof JENIS_RHK)[number];
export type Perspektif = (typeof PERSPEKTIF)[number];
export type Aspek = (typeof ASPEK)[number];
export type JenisTarget = (typeof JENIS_TARGET)[number];
export type JenisLampiran = (typeof JENIS_LAMPIRAN)[number];

/** The labels of the official form, in Indonesian whatever the reader's language (the PDF). */
export const LABEL_RESMI = {
  aspek: { KUANTITAS: 'Kuantitas', KUALITAS: 'Kualitas', WAKTU: 'Waktu', BIAYA: 'Biaya' } satisfies Record<Aspek, string>,
  perspektif: {
    PENERIMA_LAYANAN: 'Perspektif Penerima Layanan',
    PROSES_BISNIS: 'Perspektif Proses Bisnis',
    PENGUATAN_INTERNAL: 'Perspektif Penguatan Internal',
    ANGGARAN: 'Perspektif Anggaran',
  } satisfies Record<Perspektif, string>,
  jenisRhk: { UTAMA: 'A. UTAMA', TAMBAHAN: 'B. TAMBAHAN' } satisfies Record<JenisRhk, string>,
  lampiran: {
    DUKUNGAN_SUMBER_DAYA: 'DUKUNGAN SUMBER DAYA',
    SKEMA_PERTANGGUNGJAWABAN: 'SKEMA PERTANGGUNGJAWABAN',
    KONSEKUENSI: 'KONSEKUENSI',
  } satisfies Record<JenisLampiran, string>,
};

// ---- Field tables ---------------------------------------------------------------------------------

/**
 * How a field is stored and compared. `decimal` is kept in the document as the database prints a
 * numeric ("12", "2.5") and compared by value; `text` and `optionalText` are compared trimmed
 * with blank = absent. `column` is the database column (null: not a column of the table, such
 * as the text of the linked RHK); `sql` the type a copy from JSON casts to. `diff` names the
 * part of the document a change of the field is reported under.
 */
type Kind = 'enum' | 'text' | 'optionalText' | 'decimal' | 'boolean';
type FieldDef = { schema: z.ZodType; kind: Kind; column: string | null; sql: string; diff: string };

/** A decimal as stored in the document: the database's numeric printed as text. */
const desimal = z.string().refine((s) => s.trim() !== '' && Number.isFinite(Number(s)), 'skp.err.number').nullable();

export const INDIKATOR_FIELDS = {
  aspek: { schema: z.enum(ASPEK), kind: 'enum', column: 'aspek', sql: '"Aspek"', diff: 'aspek' },
  teks: { schema: z.string().min(1), kind: 'text', column: 'teks', sql: 'text', diff: 'teks' },
  jenisTarget: { schema: z.enum(JENIS_TARGET), kind: 'enum', column: 'jenis_target', sql: '"JenisTarget"', diff: 'target' },
  targetAngka: { schema: desimal.default(null), kind: 'decimal', column: 'target_angka', sql: 'numeric', diff: 'target' },
  targetMin: { schema: desimal.default(null), kind: 'decimal', column: 'target_min', sql: 'numeric', diff: 'target' },
  targetMax: { schema: desimal.default(null), kind: 'decimal', column: 'target_max', sql: 'numeric', diff: 'target' },
  satuan: { schema: z.string().max(60).nullable().default(null), kind: 'optionalText', column: 'satuan', sql: 'text', diff: 'target' },
  targetTeks: { schema: z.string().nullable().default(null), kind: 'optionalText', column: 'target_teks', sql: 'text', diff: 'target' },
  // documents and templates written before these existed read as the defaults of the column
  lebihBaik: { schema: z.enum(LEBIH_BAIK).default('TINGGI'), kind: 'enum', column: 'lebih_baik', sql: 'text', diff: 'lebihBaik' },
  // how the periods combine (sum, average, last value); replaced a yes/no `kumulatif`, which
  // older documents still carry (legacyKumulatif below reads it as JUMLAH / TERAKHIR)
  gabungPeriode: { schema: z.enum(GABUNG_PERIODE).default('TERAKHIR'), kind: 'enum', column: 'gabung_periode', sql: '"GabungPeriode"', diff: 'gabungPeriode' },
} as const satisfies Record<string, FieldDef>;

export const RHK_FIELDS = {
  jenis: { schema: z.enum(JENIS_RHK), kind: 'enum', column: 'jenis', sql: '"JenisRhk"', diff: 'jenis' },
  teks: { schema: z.string().min(1), kind: 'text', column: 'teks', sql: 'text', diff: 'teks' },
  // the text of the appraiser's RHK this one intervenes: tied to one cycle, so never copied
  rhkAtasan: { schema: z.string().nullable().default(null), kind: 'optionalText', column: null, sql: 'text', diff: 'rhkAtasan' },
  perspektif: { schema: z.enum(PERSPEKTIF).nullable().default(null), kind: 'enum', column: 'perspektif', sql: '"Perspektif"', diff: 'perspektif' },
  penugasanDari: { schema: z.string().max(200).nullable().default(null), kind: 'optionalText', column: 'penugasan_dari', sql: 'text', diff: 'penugasanDari' },
} as const satisfies Record<string, FieldDef>;

type Defs = Record<string, FieldDef>;
type Shape<T extends Defs> = { [K in keyof T]: T[K]['schema'] };
const shapeOf = <T extends Defs>(defs: T) => Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, d.schema])) as Shape<T>;

export type IndikatorField = keyof typeof INDIKATOR_FIELDS;
export type RhkField = keyof typeof RHK_FIELDS;
/** The names under which the diff reports a changed indicator / RHK. */
export type IndikatorDiffField = (typeof INDIKATOR_FIELDS)[IndikatorField]['diff'];
export type RhkDiffField = (typeof RHK_FIELDS)[RhkField]['diff'];

/** The indicator fields in the order of the table. */
export const INDIKATOR_FIELD_NAMES = Object.keys(INDIKATOR_FIELDS) as IndikatorField[];
export const RHK_FIELD_NAMES = Object.keys(RHK_FIELDS) as RhkField[];
/** The fields that together make an indicator's target. */
export const TARGET_FIELD_NAMES = INDIKATOR_FIELD_NAMES.filter((f) => INDIKATOR_FIELDS[f].diff === 'target');

// ---- Schemas --------------------------------------------------------------------------------------

/** What an indicator says (no id, no position): shared by the document, templates and copies. */
export const indikatorIsi = z.object(shapeOf(INDIKATOR_FIELDS));
export type IndikatorIsi = z.output<typeof indikatorIsi>;

/**
 * Documents and templates written before gabungPeriode carry `kumulatif: true|false`: read as
 * JUMLAH / TERAKHIR (the migration backfilled the column the same way). Wraps an indicator schema.
 */
export const legacyKumulatif = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => {
    if (v === null || typeof v !== 'object' || 'gabungPeriode' in v || !('kumulatif' in v)) return v;
    const { kumulatif, ...rest } = v as Record<string, unknown>;
    return { ...rest, gabungPeriode: kumulatif === true ? 'JUMLAH' : 'TERAKHIR' };
  }, schema);

/** An indicator's target for one period of the cycle (target_periode): the kind is the year's. */
export const targetPeriodeDokumen = z.object({
  periodeId: z.number().int(),
  targetAngka: desimal.default(null),
  targetMin: desimal.default(null),
  targetMax: desimal.default(null),
  targetTeks: z.string().nullable().default(null),
});
export type TargetPeriodeDokumen = z.output<typeof targetPeriodeDokumen>;

/** One line of an RHK's rencana aksi for one period (rencana_aksi). */
export const rencanaAksiDokumen = z.object({ id: z.number().int().optional(), periodeId: z.number().int(), teks: z.string() });
export type RencanaAksiDokumen = z.output<typeof rencanaAksiDokumen>;

/**
 * An indicator in a document, with its stable id (the row survives revisions: docs/domain/skp.md
 * § Revisions); documents older than the ids have none (the diff then pairs by position), and
 * documents older than the period targets none of those.
 */
export const indikatorDokumen = legacyKumulatif(indikatorIsi.extend({ id: z.number().int().optional(), targetPeriode: z.array(targetPeriodeDokumen).default([]) }));
export type IndikatorDokumen = z.output<typeof indikatorDokumen>;

export const rhkDokumen = z.object({
  id: z.number().int(),
  urutan: z.number().int(),
  ...shapeOf(RHK_FIELDS),
  indikator: z.array(indikatorDokumen).default([]),
  rencanaAksi: z.array(rencanaAksiDokumen).default([]),
});
export type RhkDokumen = z.output<typeof rhkDokumen>;

/** A period of the cycle as the document names it (the periodic columns of rencana aksi and targets). */
export const periodeDokumen = z.object({ id: z.number().int(), urutan: z.number().int(), nama: z.string() });
export type PeriodeDokumen = z.output<typeof periodeDokumen>;

/** What an RHK says, without its id, position and link: what a template and a copy carry. */
export const rhkIsi = z.object(shapeOf(RHK_FIELDS)).omit({ rhkAtasan: true });
export type RhkIsi = z.output<typeof rhkIsi>;

export const lampiranIsi = z.object({ jenis: z.enum(JENIS_LAMPIRAN), teks: z.string() });

/** A person as the SKP recorded them when it was opened (skp.snapshot); missing parts read as blank. */
export const orang = z.object({
  nama: z.string().default(''),
  nip: z.string().default(''),
  pangkatGolongan: z.string().default(''),
  jenisAsn: z.string().optional(),
  jabatan: z.string().default(''),
  jenisJabatan: z.string().optional(),
  /** For an official outside the agency: the instansi (there is no unit of this agency). */
  unit: z.string().default(''),
  /** Heads a unit kerja mandiri (its form is the JPT form); snapshots made before it was kept lack it. */
  pimpinanUnitMandiri: z.boolean().optional(),
  /** An official outside the agency (an appraiser such as the Sekda; docs/domain/penilai.md). */
  luar: z.boolean().optional(),
});
export type Orang = z.output<typeof orang>;
export const identitas = z.object({ pegawai: orang.default(() => orang.parse({})), penilai: orang.nullable().default(null) });
export type Identitas = z.output<typeof identitas>;

/** A BerAKHLAK value with its statements, as the document was signed with them. */
export const perilakuDokumen = z.object({ nama: z.string(), perilaku: z.array(z.string()) });

export const skpDokumen = z.object({
  revisi: z.number().int(),
  pendekatan: z.enum(PENDEKATAN),
  /** The identity snapshot; documents frozen before it was kept have none. */
  snapshot: identitas.nullable().default(null),
  rhk: z.array(rhkDokumen),
  ekspektasi: z.partialRecord(z.enum(NILAI_BERAKHLAK), z.string()).default({}),
  lampiran: z.array(lampiranIsi).default([]),
  /**
   * The BerAKHLAK statements the version was approved with (domain/berakhlak.ts at that time), so
   * that it prints what was signed after the wording in code changes. Documents frozen before
   * they were kept have none and read with today's wording (`berakhlakDari`).
   */
  berakhlak: z.partialRecord(z.enum(NILAI_BERAKHLAK), perilakuDokumen).optional(),
  /** The cycle's periods when frozen (rencana aksi and period targets refer to them); none in older documents. */
  periode: z.array(periodeDokumen).default([]),
});
export type SkpDokumen = z.output<typeof skpDokumen>;

/**
 * A stored document (skp_versi.data) as today's model: the one place where documents written by
 * earlier code are read, with the defaults above filling what they lacked.
 */
export function parseDokumen(data: unknown): SkpDokumen {
  const r = skpDokumen.safeParse(data);
  if (!r.success) throw new Error(`SKP document does not match the model: ${z.prettifyError(r.error)}`);
  return r.data;
}

/** Today's statements, as a document keeps them (a copy: the document never shares the constant). */
export const berakhlakKini = (): Record<NilaiBerakhlak, PerilakuBerakhlak> =>
  Object.fromEntries(NILAI_BERAKHLAK.map((n) => [n, { nama: BERAKHLAK[n].nama, perilaku: [...BERAKHLAK[n].perilaku] }])) as unknown as Record<NilaiBerakhlak, PerilakuBerakhlak>;

/**
 * The BerAKHLAK statements a document shows: the ones frozen into it, and today's wording for
 * a document (or a value) frozen before the statements were kept.
 */
export function berakhlakDari(doc: { berakhlak?: Partial<Record<NilaiBerakhlak, PerilakuBerakhlak>> | null }): Record<NilaiBerakhlak, PerilakuBerakhlak> {
  const kini = berakhlakKini();
  return Object.fromEntries(NILAI_BERAKHLAK.map((n) => [n, doc.berakhlak?.[n] ?? kini[n]])) as unknown as Record<NilaiBerakhlak, PerilakuBerakhlak>;
}

/** The identity snapshot of an SKP (skp.snapshot), blank where it lacks something. */
export const parseIdentitas = (v: unknown): Identitas => identitas.catch(() => identitas.parse({})).parse(v ?? {});

/**
 * Whether this SKP uses the JPT form: RHKs under a perspective instead of an intervened
 * leader's RHK (PermenPANRB 6/2022, the form "bagi Pejabat Pimpinan Tinggi dan Pimpinan Unit
 * Kerja Mandiri"): a JPT, or the head of a unit kerja mandiri. Decided by the SKP's own snapshot,
 * not the employee's current position or unit, so an SKP keeps its form if the person moves or
 * the unit stops (or starts) being mandiri.
 */
export const usesJptForm = (skp: { snapshot: unknown }): boolean => {
  const p = parseIdentitas(skp.snapshot).pegawai;
  return p.jenisJabatan === 'JPT' || p.pimpinanUnitMandiri === true;
};

// ---- Deriving from the tables ------------------------------------------------------------------------

/** The fields of `defs` taken from `row` (a database row, a form's output, a document). */
function pick<T extends Defs, R extends { [K in keyof T]?: unknown }>(defs: T, row: R, names: (keyof T)[]) {
  return Object.fromEntries(names.map((k) => [k, row[k]])) as { [K in keyof T]: R[K] };
}

/** A decimal as the document keeps it (Prisma's Decimal, a number or null). */
const asDesimal = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** An indicator row (Prisma) as document content: decimals as text. */
export function indikatorIsiDari(row: { [K in IndikatorField]: unknown }): IndikatorIsi {
  const out: Record<string, unknown> = {};
  for (const f of INDIKATOR_FIELD_NAMES) out[f] = INDIKATOR_FIELDS[f].kind === 'decimal' ? asDesimal(row[f]) : row[f];
  return out as IndikatorIsi;
}

/** The indicator fields of a form's output or a document, to write to the database. */
export const indikatorData = <R extends { [K in IndikatorField]: unknown }>(row: R) => pick(INDIKATOR_FIELDS, row, INDIKATOR_FIELD_NAMES);

/** The RHK fields that are columns (what a copy carries): all but the link to the appraiser's RHK. */
export const RHK_COPY_FIELDS = RHK_FIELD_NAMES.filter((f) => RHK_FIELDS[f].column !== null) as Exclude<RhkField, 'rhkAtasan'>[];
export const rhkIsiDari = <R extends { [K in (typeof RHK_COPY_FIELDS)[number]]: unknown }>(row: R) => pick(RHK_FIELDS, row, RHK_COPY_FIELDS);

/** The database columns of the indicator fields, in table order (for set-based copies). */
export const INDIKATOR_COLUMNS = INDIKATOR_FIELD_NAMES.map((f) => INDIKATOR_FIELDS[f].column);
export const RHK_COPY_COLUMNS = RHK_COPY_FIELDS.map((f) => RHK_FIELDS[f].column);

/** SQL reading each field from a jsonb value `alias` (template data) with the column's type. */
const fromJson = <T extends Defs>(defs: T, names: (keyof T & string)[], alias: string) =>
  names.map((f) => (defs[f]!.sql === 'text' ? `${alias}->>'${f}'` : `(${alias}->>'${f}')::${defs[f]!.sql}`));
export const indikatorFromJson = (alias: string) => fromJson(INDIKATOR_FIELDS, INDIKATOR_FIELD_NAMES, alias);
export const rhkFromJson = (alias: string) => fromJson(RHK_FIELDS, RHK_COPY_FIELDS, alias);

const blank = (v: unknown): string | null => {
  const s = typeof v === 'string' ? v.trim() : '';
  return s === '' ? null : s;
};
const asNumber = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

/** Whether field `f` has the same value in both: decimals by value ("12" = "12.0000"), text trimmed. */
function same(kind: Kind, a: unknown, b: unknown): boolean {
  if (kind === 'decimal') return asNumber(a) === asNumber(b);
  if (kind === 'text' || kind === 'optionalText') return blank(a) === blank(b);
  return a === b;
}

/** The diff names under which `a` and `b` differ, each once, in table order. */
export function changedFields<T extends Defs>(defs: T, a: { [K in keyof T]?: unknown }, b: { [K in keyof T]?: unknown }): T[keyof T]['diff'][] {
  const out: string[] = [];
  for (const [f, d] of Object.entries(defs)) if (!out.includes(d.diff) && !same(d.kind, a[f], b[f])) out.push(d.diff);
  return out as T[keyof T]['diff'][];
}

/** Which target fields each kind of target uses (the others stay empty). */
export const TARGET_FIELDS_OF = {
  ANGKA: ['targetAngka', 'satuan'],
  RENTANG: ['targetMin', 'targetMax', 'satuan'],
  KUALITATIF: ['targetTeks'],
} as const satisfies Record<JenisTarget, readonly IndikatorField[]>;

/** The indicator with the target fields its kind does not use emptied (a form may send them all). */
export function keepOwnTarget<T extends { jenisTarget: JenisTarget } & { [K in IndikatorField]?: unknown }>(v: T): T {
  const own: readonly string[] = TARGET_FIELDS_OF[v.jenisTarget];
  const out: Record<string, unknown> = { ...v };
  for (const f of TARGET_FIELD_NAMES) if (f !== 'jenisTarget' && !own.includes(f)) out[f] = null;
  return out as T;
}

/** Whether two indicators have the same target. */
export const sameTarget = (a: IndikatorIsi, b: IndikatorIsi): boolean => TARGET_FIELD_NAMES.every((f) => same(INDIKATOR_FIELDS[f].kind, a[f], b[f]));
