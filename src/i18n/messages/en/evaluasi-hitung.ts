import type { idEvaluasiHitung } from '../id/evaluasi-hitung.js';

// English: the year-end computation (docs/domain/evaluasi-hitung.md).
export const enEvaluasiHitung: Record<keyof typeof idEvaluasiHitung, string> = {
  'evaluasiHitung.judul': 'Annual evaluation suggestions',
  'evaluasiHitung.penjelasan': "The system computes each employee's suggested Rating Hasil Kerja, Rating Perilaku Kerja and predikat for the year from every period and every SKP of the year. A rating an appraiser has confirmed or changed is never overwritten; computing again is safe.",
  'evaluasiHitung.tombol': 'Compute the annual evaluation suggestions',
  'evaluasiHitung.dimulai': 'The annual evaluation suggestions are being computed. Progress shows on this page.',
  'evaluasiHitung.faseSalah': 'The annual evaluation suggestions of {tahun} can only be computed in the Penilaian or Kalibrasi phase (now: {fase}).',
  'evaluasiHitung.hanyaFase': 'Can be computed in the Penilaian and Kalibrasi phases.',
  'evaluasiHitung.kemajuan': '{done} of {total} employees',
  'evaluasiHitung.antri': 'queued',
  'evaluasiHitung.berjalan': 'computing',
  'evaluasiHitung.selesai': 'done',
  'evaluasiHitung.gagal': 'failed: {pesan}',
  'evaluasiHitung.hasil': 'Last result: {total} employees computed, {ditahan} of them with the suggestion withheld (data incomplete).',
  'evaluasiHitung.hasilWaktu': 'Computed {waktu}.',
  'evaluasiHitung.belumAda': 'Not computed yet for this cycle.',
  'evaluasiHitung.kepalaUnit.belumDitetapkan': "Unit head: the Rating Hasil Kerja waits for the organisation predikat of {unit}, which has not been set (SE MenPANRB 3/2023).",
  'audit.act.siklus.startHitungTahunan': 'Started computing the annual evaluation suggestions',
};
