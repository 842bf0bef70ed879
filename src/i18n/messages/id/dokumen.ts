// Bahasa Indonesia: the Dokumen Evaluasi Kinerja and the Penetapan Predikat print (docs/domain/dokumen-evaluasi.md).
export const idDokumen = {
  'dokumen.belumFinal': 'Dokumen evaluasi hanya tersedia setelah evaluasi tahunan final.',
};
