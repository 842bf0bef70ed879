import { z } from 'zod';
import { DI_BAWAH_BILA, type ScoringPolicy, type ScoringPolicyInput } from '../../../domain/scoring/policy.js';
import { EKSPEKTASI } from '../../../domain/scoring/reason.js';
import { parseAngka, version } from '../../../schemas/primitives.js';

// The cycle's scoring policy as a form (docs/domain/finalisasi.md § The policy settings): one
// flat field per setting of scoringPolicySchema v1, each with its own message, so a wrong value
// comes back next to its field and every other typed value stays.

export type JenisField = 'persen' | 'bulat' | 'pilihan' | 'yaTidak' | 'ekspektasi';

export type KebijakanField = {
  /** the form field's name */
  name: string;
  /** where it lives in the policy */
  path: readonly [string, string];
  jenis: JenisField;
  /** the choices of a `pilihan` field */
  pilihan?: readonly string[];
  /**
   * A setting because the regulation text was not confirmed (issue 12: "make it a setting of the
   * cycle's policy with the stated default"); the others are SIKAP's reading of a source.
   */
  belumDikonfirmasi: boolean;
  /** message keys: the field's label, and why its default is what it is */
  label: string;
  hint: string;
  /** still settable once the policy is frozen (KALIBRASI on): it changes no computed rating (docs/domain/keberatan.md § The window) */
  bebasBeku?: boolean;
};

export const KEBIJAKAN_FIELDS: readonly KebijakanField[] = [
  { name: 'capaianMaksimum', path: ['capaian', 'maksimum'], jenis: 'persen', belumDikonfirmasi: false, label: 'kebijakan.field.capaianMaksimum', hint: 'kebijakan.hint.capaianMaksimum' },
  { name: 'capaianMinimum', path: ['capaian', 'minimum'], jenis: 'persen', belumDikonfirmasi: false, label: 'kebijakan.field.capaianMinimum', hint: 'kebijakan.hint.capaianMinimum' },
  { name: 'capaianDesimal', path: ['capaian', 'desimal'], jenis: 'bulat', belumDikonfirmasi: false, label: 'kebijakan.field.capaianDesimal', hint: 'kebijakan.hint.capaianDesimal' },
  { name: 'indikatorDiAtasLebihDari', path: ['indikator', 'diAtasLebihDari'], jenis: 'persen', belumDikonfirmasi: false, label: 'kebijakan.field.indikatorDiAtasLebihDari', hint: 'kebijakan.hint.indikatorDiAtasLebihDari' },
  { name: 'indikatorSesuaiMinimal', path: ['indikator', 'sesuaiMinimal'], jenis: 'persen', belumDikonfirmasi: false, label: 'kebijakan.field.indikatorSesuaiMinimal', hint: 'kebijakan.hint.indikatorSesuaiMinimal' },
  { name: 'rhkDiBawahBila', path: ['rhk', 'diBawahBila'], jenis: 'pilihan', pilihan: DI_BAWAH_BILA, belumDikonfirmasi: false, label: 'kebijakan.field.rhkDiBawahBila', hint: 'kebijakan.hint.rhkDiBawahBila' },
  { name: 'hitungTambahan', path: ['ratingHasilKerja', 'hitungTambahan'], jenis: 'yaTidak', belumDikonfirmasi: true, label: 'kebijakan.field.hitungTambahan', hint: 'kebijakan.hint.hitungTambahan' },
  { name: 'perilakuDiBawahBila', path: ['ratingPerilaku', 'diBawahBila'], jenis: 'pilihan', pilihan: DI_BAWAH_BILA, belumDikonfirmasi: false, label: 'kebijakan.field.perilakuDiBawahBila', hint: 'kebijakan.hint.perilakuDiBawahBila' },
  { name: 'kepalaUnit_ISTIMEWA', path: ['kepalaUnit', 'ISTIMEWA'], jenis: 'ekspektasi', belumDikonfirmasi: true, label: 'kebijakan.field.kepalaUnit_ISTIMEWA', hint: 'kebijakan.hint.kepalaUnit_ISTIMEWA' },
  { name: 'kepalaUnit_BAIK', path: ['kepalaUnit', 'BAIK'], jenis: 'ekspektasi', belumDikonfirmasi: true, label: 'kebijakan.field.kepalaUnit_BAIK', hint: 'kebijakan.hint.kepalaUnit_BAIK' },
  { name: 'kepalaUnit_BUTUH_PERBAIKAN', path: ['kepalaUnit', 'BUTUH_PERBAIKAN'], jenis: 'ekspektasi', belumDikonfirmasi: true, label: 'kebijakan.field.kepalaUnit_BUTUH_PERBAIKAN', hint: 'kebijakan.hint.kepalaUnit_BUTUH_PERBAIKAN' },
  { name: 'kepalaUnit_KURANG', path: ['kepalaUnit', 'KURANG'], jenis: 'ekspektasi', belumDikonfirmasi: true, label: 'kebijakan.field.kepalaUnit_KURANG', hint: 'kebijakan.hint.kepalaUnit_KURANG' },
  { name: 'kepalaUnit_SANGAT_KURANG', path: ['kepalaUnit', 'SANGAT_KURANG'], jenis: 'ekspektasi', belumDikonfirmasi: true, label: 'kebijakan.field.kepalaUnit_SANGAT_KURANG', hint: 'kebijakan.hint.kepalaUnit_SANGAT_KURANG' },
  { name: 'sebagianBesarMinimum', path: ['distribusi', 'sebagianBesarMinimum'], jenis: 'yaTidak', belumDikonfirmasi: true, label: 'kebijakan.field.sebagianBesarMinimum', hint: 'kebijakan.hint.sebagianBesarMinimum' },
  { name: 'minimumOrang', path: ['distribusi', 'minimumOrang'], jenis: 'bulat', belumDikonfirmasi: false, label: 'kebijakan.field.minimumOrang', hint: 'kebijakan.hint.minimumOrang' },
  { name: 'blokir', path: ['distribusi', 'blokir'], jenis: 'yaTidak', belumDikonfirmasi: true, label: 'kebijakan.field.blokir', hint: 'kebijakan.hint.blokir' },
  // ── keberatan: the objection window (PP 30/2019 Pasal 59; calendar days not confirmed) ──
  { name: 'keberatanHari', path: ['keberatan', 'hari'], jenis: 'bulat', belumDikonfirmasi: true, label: 'kebijakan.field.keberatanHari', hint: 'kebijakan.hint.keberatanHari', bebasBeku: true },
];

/** The groups the page shows the fields in, in order, with their headings. */
export const KEBIJAKAN_GROUPS = [
  { id: 'capaian', label: 'kebijakan.group.capaian' },
  { id: 'indikator', label: 'kebijakan.group.indikator' },
  { id: 'rhk', label: 'kebijakan.group.rhk' },
  { id: 'ratingHasilKerja', label: 'kebijakan.group.ratingHasilKerja' },
  { id: 'ratingPerilaku', label: 'kebijakan.group.ratingPerilaku' },
  { id: 'kepalaUnit', label: 'kebijakan.group.kepalaUnit' },
  { id: 'distribusi', label: 'kebijakan.group.distribusi' },
  { id: 'keberatan', label: 'kebijakan.group.keberatan', bebasBeku: true },
] as const;

/** The words of each choice a field offers (its form value → message key). */
export const OPSI_LABEL: Readonly<Record<string, string>> = {
  SATU: 'kebijakan.opsi.SATU',
  SEBAGIAN_BESAR: 'kebijakan.opsi.SEBAGIAN_BESAR',
  ya: 'kebijakan.opsi.ya',
  tidak: 'kebijakan.opsi.tidak',
  DI_ATAS: 'kebijakan.opsi.DI_ATAS',
  SESUAI: 'kebijakan.opsi.SESUAI',
  DI_BAWAH: 'kebijakan.opsi.DI_BAWAH',
};

/** A percentage as typed here ("110", "112,5"), between -1000 and 1000. */
const persen = z.string({ message: 'kebijakan.err.wajib' }).transform((v, ctx) => {
  const n = parseAngka(v);
  if (n === null) ctx.addIssue({ code: 'custom', message: 'kebijakan.err.wajib' });
  else if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: 'kebijakan.err.angka' });
  else if (n < -1000 || n > 1000) ctx.addIssue({ code: 'custom', message: 'kebijakan.err.persenRentang' });
  else return n;
  return z.NEVER;
});

/** A whole number between `min` and `max`; `rentang` is the message when outside. */
const bulat = (min: number, max: number, rentang: string) =>
  z.string({ message: 'kebijakan.err.wajib' }).transform((v, ctx) => {
    const n = parseAngka(v);
    if (n === null) ctx.addIssue({ code: 'custom', message: 'kebijakan.err.wajib' });
    else if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: 'kebijakan.err.angka' });
    else if (!Number.isInteger(n)) ctx.addIssue({ code: 'custom', message: 'kebijakan.err.bulat' });
    else if (n < min || n > max) ctx.addIssue({ code: 'custom', message: rentang });
    else return n;
    return z.NEVER;
  });

const yaTidak = z.enum(['ya', 'tidak'], { message: 'kebijakan.err.pilihan' }).transform((v) => v === 'ya');
const pilihan = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'kebijakan.err.pilihan' });

const RENTANG: Record<string, [number, number, string]> = {
  capaianDesimal: [0, 6, 'kebijakan.err.desimalRentang'],
  minimumOrang: [1, 1000, 'kebijakan.err.minimumOrangRentang'],
  keberatanHari: [1, 90, 'kebijakan.err.keberatanHariRentang'],
};

const shape: Record<string, z.ZodType> = { version };
for (const f of KEBIJAKAN_FIELDS) {
  if (f.jenis === 'persen') shape[f.name] = persen;
  else if (f.jenis === 'bulat') shape[f.name] = bulat(...RENTANG[f.name]!);
  else if (f.jenis === 'yaTidak') shape[f.name] = yaTidak;
  else if (f.jenis === 'ekspektasi') shape[f.name] = pilihan(EKSPEKTASI);
  else shape[f.name] = pilihan(f.pilihan as readonly [string, ...string[]]);
}

/**
 * The policy form: every field checked on its own, then the order of the thresholds (each
 * class must stay reachable: minimum ≤ sesuaiMinimal ≤ diAtasLebihDari < maksimum), with the
 * message on the field that breaks it. Gives the policy to store (version 1, every setting).
 */
export const kebijakanForm = z
  .object(shape)
  .superRefine((v, ctx) => {
    const n = v as Record<string, number>;
    if (n.capaianMinimum! > n.indikatorSesuaiMinimal!) ctx.addIssue({ code: 'custom', path: ['capaianMinimum'], message: 'kebijakan.err.minimumDiAtasSesuai' });
    if (n.indikatorSesuaiMinimal! > n.indikatorDiAtasLebihDari!) ctx.addIssue({ code: 'custom', path: ['indikatorSesuaiMinimal'], message: 'kebijakan.err.sesuaiDiAtasDiAtas' });
    if (n.indikatorDiAtasLebihDari! >= n.capaianMaksimum!) ctx.addIssue({ code: 'custom', path: ['indikatorDiAtasLebihDari'], message: 'kebijakan.err.diAtasTidakDiBawahMaksimum' });
  })
  .transform((v) => {
    const out: Record<string, Record<string, unknown>> = {};
    for (const f of KEBIJAKAN_FIELDS) (out[f.path[0]] ??= {})[f.path[1]] = (v as Record<string, unknown>)[f.name];
    return { version: (v as { version: number }).version, policy: { version: 1, ...out } as ScoringPolicyInput };
  });

/** The policy as the form's values (numbers the Indonesian way: "12,5"). */
export function policyValues(p: ScoringPolicy): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of KEBIJAKAN_FIELDS) {
    const v = (p as unknown as Record<string, Record<string, unknown>>)[f.path[0]]![f.path[1]];
    out[f.name] = typeof v === 'boolean' ? (v ? 'ya' : 'tidak') : typeof v === 'number' ? String(v).replace('.', ',') : String(v);
  }
  return out;
}
