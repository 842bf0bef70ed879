import type { idNotifikasi } from '../id/notifikasi.js';

// English: notifications, reminders and monitoring (keys as in ../id/notifikasi.ts).
export const enNotifikasi: Record<keyof typeof idNotifikasi, string> = {
  'notifikasi.jenis.LAPORAN_DIAJUKAN': '{nama} submitted the {periode} report',
  'notifikasi.jenis.LAPORAN_DIKEMBALIKAN': 'Your {periode} report was returned for correction until {sampai}',
  'notifikasi.jenis.LAPORAN_DINILAI': 'Your {periode} report has been rated',
  'notifikasi.jenis.UMPAN_BALIK': '{dari} gave you feedback',
  'notifikasi.jenis.SKP_DIAJUKAN': '{nama} submitted their {tahun} SKP',
  'notifikasi.jenis.SKP_DIKEMBALIKAN': 'Your {tahun} SKP was returned for correction',
  'notifikasi.jenis.SKP_DISETUJUI': 'Your {tahun} SKP was approved',
  'notifikasi.jenis.TENGGAT_H3': 'The {periode} report is due in 3 days: {tanggal}',
  'notifikasi.jenis.TENGGAT_LEWAT': 'The {periode} report was due on {tanggal} and yours has not been submitted',
  'notifikasi.jenis.LAPORAN_DIBUKA_HR': 'HR reopened your {periode} report until {sampai}',
  'notifikasi.jenis.PENGINGAT': '{oleh} reminds you: your {periode} report has not been submitted (due {tanggal})',
  // ── bell ──
  'notifikasi.bell': 'Notifications',
  'notifikasi.bell.unread': 'unread',
  'notifikasi.title': 'Notifications',
  'notifikasi.empty': 'No notifications yet.',
  'notifikasi.emptyOlder': 'No older notifications.',
  'notifikasi.belumDibaca': 'Unread',
  'notifikasi.tandaiDibaca': 'Mark as read',
  'notifikasi.bacaSemua': 'Mark all as read',
  'notifikasi.bacaSemua.done': '{n} notifications marked as read.',
  'notifikasi.pager': 'Notification pages',
  'notifikasi.terbaru': 'Newest',
  'notifikasi.lebihLama': 'Older',
  'notifikasi.jenis.EMAIL_GAGAL': '{jumlah} e-mails failed after all their attempts: check the addresses and resend',
  'notifikasi.jenis.EVALUASI_SIAP': 'The {tahun} annual evaluation suggestions are ready: {jumlah} employees wait for your confirmation',
  'notifikasi.jenis.EVALUASI_FINAL': 'Your {tahun} annual performance evaluation is final: predikat {predikat}',
};
