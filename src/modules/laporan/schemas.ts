import { z } from 'zod';
import { angka, id, optionalId, optionalText, tanggal, text, version } from '../../schemas/primitives.js';

// The forms of the periodic report (docs/domain/laporan.md). The report form's fields are named
// by the row they belong to, so one schema serves every plan: the service keeps the ones its
// report's plan has and ignores the rest.

/** Field names of the report form, per indicator (its id) and per rencana aksi (its id). */
export const FIELD = {
  angka: (indikatorId: number) => `ra_${indikatorId}`,
  teks: (indikatorId: number) => `rt_${indikatorId}`,
  sumber: (indikatorId: number) => `rs_${indikatorId}`,
  persen: (aksiId: number) => `ap_${aksiId}`,
  keterangan: (aksiId: number) => `ak_${aksiId}`,
} as const;

const PER_ROW = [
  { re: /^ra_(\d+)$/, kind: 'angka', schema: angka },
  { re: /^rt_(\d+)$/, kind: 'teks', schema: optionalText(2000) },
  { re: /^rs_(\d+)$/, kind: 'sumber', schema: optionalText(300) },
  {
    re: /^ap_(\d+)$/,
    kind: 'persen',
    schema: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const s = (v ?? '').trim().replace(/\s*%$/, '');
        if (s === '') return null;
        if (!/^\d{1,3}$/.test(s) || Number(s) > 100) {
          ctx.addIssue({ code: 'custom', message: 'laporan.err.persen' });
          return z.NEVER;
        }
        return Number(s);
      }),
  },
  { re: /^ak_(\d+)$/, kind: 'keterangan', schema: optionalText(500) },
] as const;

export type BarisLaporan = {
  realisasi: Map<number, { angka?: number | null; teks?: string | null; sumber?: string | null }>;
  aksi: Map<number, { persen?: number | null; keterangan?: string | null }>;
};

/**
 * The report form: the narrative and, per row, the realisasi (a number written the Indonesian
 * way, or text), its source, and each rencana aksi's progress (0–100 %). An error is reported
 * on the field it belongs to.
 */
export const laporanForm = z
  .object({
    version,
    prestasi: optionalText(5000),
    kendala: optionalText(5000),
    rencanaPerbaikan: optionalText(5000),
  })
  .catchall(z.unknown())
  .transform((v, ctx) => {
    const baris: BarisLaporan = { realisasi: new Map(), aksi: new Map() };
    for (const [key, raw] of Object.entries(v)) {
      const def = PER_ROW.find((d) => d.re.test(key));
      if (!def) continue;
      const rowId = Number(def.re.exec(key)![1]);
      const r = (def.schema as z.ZodType).safeParse(typeof raw === 'string' ? raw : '');
      if (!r.success) {
        for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', path: [key], message: issue.message });
        continue;
      }
      if (def.kind === 'persen' || def.kind === 'keterangan') baris.aksi.set(rowId, { ...baris.aksi.get(rowId), [def.kind]: r.data as never });
      else baris.realisasi.set(rowId, { ...baris.realisasi.get(rowId), [def.kind]: r.data as never });
    }
    return { version: v.version, prestasi: v.prestasi, kendala: v.kendala, rencanaPerbaikan: v.rencanaPerbaikan, ...baris };
  });
export type LaporanInput = z.output<typeof laporanForm>;

/** A step on the report that only needs the version it was shown (fill from notes). */
export const versiForm = z.object({ version });

/** The live capaian of one row as the employee types (public/js/laporan.js). */
export const capaianQuery = z.object({ indikatorId: id, angka, teks: optionalText(2000) });

/** An http(s) link: anything else (javascript:, data:, file:) is refused. */
export const tautan = z
  .string()
  .trim()
  .max(2000, 'err.maxLength')
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'laporan.err.url' });
      return z.NEVER;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'laporan.err.url' });
      return z.NEVER;
    }
    return u.toString();
  });

/** Evidence: a file (multipart, field `berkas`) or a link, for the report or one indicator. */
export const buktiForm = z.object({ indikatorId: optionalId, url: tautan, keterangan: optionalText(300) });
export type BuktiInput = z.output<typeof buktiForm>;

/** A progress note: which SKP, the day, what was done, and optionally a link (or a file). */
export const catatanForm = z.object({ skpId: id, tanggal, teks: text(3, 2000), url: tautan });
export type CatatanInput = z.output<typeof catatanForm>;
