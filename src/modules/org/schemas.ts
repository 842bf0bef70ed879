import { z } from 'zod';
import { validateNip } from '../../domain/nip.js';
import { id, idFilter, optionalId, version } from '../../schemas/primitives.js';
import { jabatanJfProblems } from '../../domain/jabatan.js';


const optionalText = (max: number) =>
  z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

export const nipField = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const r = validateNip(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.code });
      return z.NEVER;
    }
    return r.nip;
  });

export const unitForm = z.object({
  kode: z.string().trim().min(1, 'err.required').max(30).regex(/^[A-Za-z0-9._-]+$/, 'org.kodeFormat'),
  nama: z.string().trim().min(3, 'err.minLength').max(200),
  parentId: optionalId,
  /** A unit kerja mandiri: its head uses the JPT form (a checkbox: absent = no). */
  mandiri: z.union([z.literal('1'), z.literal('on'), z.literal('')]).optional().transform((v) => v === '1' || v === 'on'),
});
export const unitUpdate = unitForm.extend({ version, aktif: z.enum(['1', '0']).default('1').transform((v) => v === '1'), kepalaJabatanId: optionalId });

/** An optional choice of a fixed set: '' or nothing is null. */
const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(''), z.enum(values, { message: 'err.choice' })]).optional().transform((v): T[number] | null => (v ? (v as T[number]) : null));
/** A checkbox: checked sends '1' (or 'on'), unchecked sends nothing. */
const checkbox = z.union([z.literal('1'), z.literal('on'), z.literal('')]).optional().transform((v) => v === '1' || v === 'on');

const jabatanFields = z.object({
  kode: z.string().trim().min(1, 'err.required').max(30).regex(/^[A-Za-z0-9._-]+$/, 'org.kodeFormat'),
  nama: z.string().trim().min(3, 'err.minLength').max(200),
  jenis: z.enum(['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL'], { message: 'err.choice' }),
  unitId: id,
  kategoriJf: optionalChoice(['KEAHLIAN', 'KETERAMPILAN']),
  jenjangJf: optionalChoice(['PERTAMA', 'MUDA', 'MADYA', 'UTAMA', 'PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA']),
  /** This position heads its unit (UnitKerja.kepalaJabatanId). */
  kepalaUnit: checkbox,
});
/** A JF's kategori and jenjang must fit (src/domain/jabatan.ts): every problem on its field. */
const jfRule = (v: { jenis: Parameters<typeof jabatanJfProblems>[0]; kategoriJf: Parameters<typeof jabatanJfProblems>[1]; jenjangJf: Parameters<typeof jabatanJfProblems>[2] }, ctx: z.RefinementCtx) => {
  for (const p of jabatanJfProblems(v.jenis, v.kategoriJf, v.jenjangJf)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.key });
};
export const jabatanForm = jabatanFields.superRefine(jfRule);
export const jabatanUpdate = jabatanFields.extend({ version, aktif: z.enum(['1', '0']).default('1').transform((v) => v === '1') }).superRefine(jfRule);
export type JabatanInput = z.infer<typeof jabatanForm>;

export const pegawaiForm = z.object({
  nip: nipField,
  nama: z.string().trim().min(3, 'err.minLength').max(200),
  jenisAsn: z.enum(['PNS', 'PPPK'], { message: 'err.choice' }),
  pangkatGolongan: z.string().trim().min(1, 'err.required').max(60),
  email: z.union([z.literal(''), z.email('err.email').max(200)]).optional().transform((v) => (v ? v : null)),
  jabatanId: id,
  penilaiNip: z
    .string()
    .trim()
    .max(30)
    .optional()
    .transform((v) => (v ? v.replace(/\s/g, '') : null)),
  /** Or an appraiser outside the agency (docs/domain/penilai.md § Officials outside the agency); never both. */
  penilaiLuarId: optionalId,
});
export type PegawaiInput = z.infer<typeof pegawaiForm>;
export const pegawaiUpdate = pegawaiForm.extend({ version });

export const deactivateForm = z.object({ version, alasan: z.string().trim().min(1, 'err.required').min(5, 'err.minLength').max(300) });
export const reactivateForm = z.object({ version });

export const pegawaiQuery = z.object({
  q: optionalText(100),
  unitId: idFilter,
  penilai: idFilter,
  status: z.enum(['aktif', 'nonaktif', 'semua']).default('aktif').catch('aktif'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
  /** The last row of the previous page (keyset paging for "next" links). */
  setelah: idFilter,
});
export type PegawaiQuery = z.infer<typeof pegawaiQuery>;
