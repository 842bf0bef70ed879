import { z } from 'zod';
import { id, optionalText, tanggal, text, version } from '../../schemas/primitives.js';

// The delegation form (Plt/Plh) and its cancellation.

const nip = z.string().trim().max(30).transform((v) => v.replace(/\s/g, ''));
const optionalTanggal = z.union([z.literal(''), tanggal]).optional().transform((v) => (v ? v : null));

export const delegasiForm = z
  .object({
    jenis: z.enum(['PLT', 'PLH'], { message: 'err.choice' }),
    nomorSk: text(3, 100),
    tanggalSk: optionalTanggal,
    mulai: tanggal,
    selesai: tanggal,
    jabatanId: id,
    pemberiNip: nip.optional().transform((v) => (v ? v : null)),
    penerimaNip: nip.pipe(z.string().min(1, 'err.required')),
    keterangan: optionalText(300),
  })
  .superRefine((v, ctx) => {
    if (v.selesai < v.mulai) ctx.addIssue({ code: 'custom', path: ['selesai'], message: 'delegasi.selesaiBeforeMulai' });
  });
export type DelegasiInput = z.infer<typeof delegasiForm>;

export const cancelForm = z.object({ version });
