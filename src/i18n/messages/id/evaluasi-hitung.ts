// Bahasa Indonesia: the year-end computation (docs/domain/evaluasi-hitung.md).
export const idEvaluasiHitung = {
  'evaluasiHitung.judul': 'Saran evaluasi tahunan',
  'evaluasiHitung.penjelasan': 'Sistem menghitung saran Rating Hasil Kerja, Rating Perilaku Kerja dan predikat tahunan setiap pegawai dari semua periode dan semua SKP tahun ini. Rating yang sudah dikonfirmasi atau diubah pejabat penilai tidak pernah ditimpa; menghitung ulang aman.',
  'evaluasiHitung.tombol': 'Hitung saran evaluasi tahunan',
  'evaluasiHitung.dimulai': 'Perhitungan saran evaluasi tahunan dimulai. Kemajuannya tampil di halaman ini.',
  'evaluasiHitung.faseSalah': 'Saran evaluasi tahunan {tahun} hanya dapat dihitung pada fase Penilaian atau Kalibrasi (sekarang: {fase}).',
  'evaluasiHitung.hanyaFase': 'Dapat dihitung pada fase Penilaian dan Kalibrasi.',
  'evaluasiHitung.kemajuan': '{done} dari {total} pegawai',
  'evaluasiHitung.antri': 'menunggu giliran',
  'evaluasiHitung.berjalan': 'sedang dihitung',
  'evaluasiHitung.selesai': 'selesai',
  'evaluasiHitung.gagal': 'gagal: {pesan}',
  'evaluasiHitung.hasil': 'Hasil terakhir: {total} pegawai dihitung, {ditahan} di antaranya saran ditahan (data belum lengkap).',
  'evaluasiHitung.hasilWaktu': 'Dihitung {waktu}.',
  'evaluasiHitung.belumAda': 'Belum pernah dihitung untuk siklus ini.',
  'evaluasiHitung.kepalaUnit.belumDitetapkan': 'Kepala unit: Rating Hasil Kerja menunggu predikat kinerja organisasi {unit}, yang belum ditetapkan (SE MenPANRB 3/2023).',
  'audit.act.siklus.startHitungTahunan': 'Memulai perhitungan saran evaluasi tahunan',
};
