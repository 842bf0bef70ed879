// Bahasa Indonesia: the Dokumen Evaluasi Kinerja and the Penetapan Predikat print (docs/domain/dokumen-evaluasi.md).
// The printed documents themselves are Indonesian always (official forms); these are the pages around them.
export const idDokumen = {
  'dokumen.belumFinal': 'Dokumen evaluasi hanya tersedia setelah evaluasi tahunan final.',
  'dokumen.title': 'Dokumen Evaluasi Kinerja {tahun}',
  'dokumen.nip': 'NIP',
  'dokumen.kembali': 'Kembali ke evaluasi tahunan',
  'dokumen.penjelasan': 'Dokumen diterbitkan saat pertama kali dibuka setelah evaluasi final dan tidak berubah lagi. Keputusan atas keberatan yang mengubah rating menerbitkan dokumen baru; dokumen lama tetap dapat dibaca dengan tanda "digantikan".',
  'dokumen.col.nomor': 'Nomor',
  'dokumen.col.status': 'Status',
  'dokumen.col.diterbitkan': 'Diterbitkan',
  'dokumen.col.predikat': 'Predikat',
  'dokumen.status.berlaku': 'Berlaku',
  'dokumen.status.digantikan': 'Digantikan oleh nomor {nomor}',
  'dokumen.status.keputusan': 'keputusan keberatan {tanggal}',
  'dokumen.status.menggantikan': 'diterbitkan ulang setelah keputusan keberatan, menggantikan nomor {nomor}',
  'dokumen.digantikanPada': 'digantikan {tanggal}',
  'dokumen.unduh': 'Unduh PDF',
  'dokumen.link': 'Dokumen Evaluasi Kinerja',
  'dokumen.penetapan.link': 'Cetak Penetapan Predikat Kinerja (PDF)',
  'audit.act.dokumenEvaluasi.issue': 'Terbitkan dokumen evaluasi kinerja',
  'audit.kind.dokumen_evaluasi': 'Dokumen evaluasi kinerja',
};
