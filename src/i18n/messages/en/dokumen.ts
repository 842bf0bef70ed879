import type { idDokumen } from '../id/dokumen.js';

// English: the Dokumen Evaluasi Kinerja and the Penetapan Predikat print (docs/domain/dokumen-evaluasi.md).
// The printed documents themselves are Indonesian always (official forms); these are the pages around them.
export const enDokumen: Record<keyof typeof idDokumen, string> = {
  'dokumen.belumFinal': 'The evaluation document is available only once the annual evaluation is final.',
  'dokumen.title': 'Performance Evaluation Document {tahun}',
  'dokumen.nip': 'NIP',
  'dokumen.kembali': 'Back to the annual evaluation',
  'dokumen.penjelasan': 'A document is issued the first time it is opened after the evaluation is final, and never changes afterwards. An objection decision that changes a rating issues a new document; the old one stays readable, marked "superseded".',
  'dokumen.col.nomor': 'Number',
  'dokumen.col.status': 'Status',
  'dokumen.col.diterbitkan': 'Issued',
  'dokumen.col.predikat': 'Predikat',
  'dokumen.status.berlaku': 'Current',
  'dokumen.status.digantikan': 'Superseded by number {nomor}',
  'dokumen.status.keputusan': 'objection decision of {tanggal}',
  'dokumen.status.menggantikan': 're-issued after the objection decision, replacing number {nomor}',
  'dokumen.digantikanPada': 'superseded {tanggal}',
  'dokumen.unduh': 'Download PDF',
  'dokumen.link': 'Performance Evaluation Document',
  'dokumen.penetapan.link': 'Print the Penetapan Predikat Kinerja (PDF)',
  'audit.act.dokumenEvaluasi.issue': 'Issue a performance evaluation document',
  'audit.kind.dokumen_evaluasi': 'Performance evaluation document',
};
