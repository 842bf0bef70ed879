// Bahasa Indonesia: notifications (the bell, the list, the e-mails), reminders and monitoring.
// `notifikasi.jenis.<JENIS>` is the one line that tells of the event, in the bell and as the
// e-mail's subject; its parameters are listed in src/modules/notifikasi/render.ts.
export const idNotifikasi = {
  'notifikasi.jenis.LAPORAN_DIAJUKAN': '{nama} mengajukan laporan {periode}',
  'notifikasi.jenis.LAPORAN_DIKEMBALIKAN': 'Laporan {periode} Anda dikembalikan untuk diperbaiki sampai {sampai}',
  'notifikasi.jenis.LAPORAN_DINILAI': 'Laporan {periode} Anda sudah dinilai',
  'notifikasi.jenis.UMPAN_BALIK': '{dari} memberi Anda umpan balik',
  'notifikasi.jenis.SKP_DIAJUKAN': '{nama} mengajukan SKP {tahun}',
  'notifikasi.jenis.SKP_DIKEMBALIKAN': 'SKP {tahun} Anda dikembalikan untuk diperbaiki',
  'notifikasi.jenis.SKP_DISETUJUI': 'SKP {tahun} Anda disetujui',
  'notifikasi.jenis.TENGGAT_H3': 'Batas laporan {periode} tinggal 3 hari: {tanggal}',
  'notifikasi.jenis.TENGGAT_LEWAT': 'Batas laporan {periode} sudah lewat ({tanggal}) dan laporan Anda belum diajukan',
  'notifikasi.jenis.LAPORAN_DIBUKA_HR': 'Laporan {periode} Anda dibuka kembali oleh SDM sampai {sampai}',
  'notifikasi.jenis.PENGINGAT': '{oleh} mengingatkan: laporan {periode} Anda belum diajukan (batas {tanggal})',
  // ── bell ── the bell in the top bar and the list /notifikasi
  'notifikasi.bell': 'Notifikasi',
  'notifikasi.bell.unread': 'belum dibaca',
  'notifikasi.title': 'Notifikasi',
  'notifikasi.empty': 'Belum ada notifikasi.',
  'notifikasi.emptyOlder': 'Tidak ada notifikasi yang lebih lama.',
  'notifikasi.belumDibaca': 'Belum dibaca',
  'notifikasi.tandaiDibaca': 'Tandai sudah dibaca',
  'notifikasi.bacaSemua': 'Tandai semua sudah dibaca',
  'notifikasi.bacaSemua.done': '{n} notifikasi ditandai sudah dibaca.',
  'notifikasi.pager': 'Halaman notifikasi',
  'notifikasi.terbaru': 'Terbaru',
  'notifikasi.lebihLama': 'Lebih lama',
  'notifikasi.jenis.EMAIL_GAGAL': '{jumlah} e-mail gagal dikirim setelah semua percobaan: periksa alamatnya dan kirim ulang',
  'notifikasi.jenis.EVALUASI_SIAP': 'Saran evaluasi tahunan {tahun} siap: {jumlah} pegawai menunggu konfirmasi Anda',
  'notifikasi.jenis.EVALUASI_FINAL': 'Evaluasi kinerja tahunan {tahun} Anda sudah final: predikat {predikat}',
};
