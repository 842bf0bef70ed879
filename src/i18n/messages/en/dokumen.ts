import type { idDokumen } from '../id/dokumen.js';

// English: the Dokumen Evaluasi Kinerja and the Penetapan Predikat print (docs/domain/dokumen-evaluasi.md).
export const enDokumen: Record<keyof typeof idDokumen, string> = {
  'dokumen.belumFinal': 'The evaluation document is available only once the annual evaluation is final.',
};
