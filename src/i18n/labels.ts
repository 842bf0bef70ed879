import type { ZonaWaktu } from '../domain/periode-laporan.js';
import type * as E from '../../prisma/generated/enums.js';
import type { Kind as DiffKind, IndikatorField, RhkField } from '../domain/skp-diff.js';
import type { MessageKey } from './messages/id/index.js';
import type { AuditAksi, AuditEntitas } from '../modules/audit/actions.js';

// The message keys of values that come from a fixed set (a database enum, a form's fields):
// one table per set, typed so that every value has a key and every key exists in Indonesian,
// and checked against every language by tests/unit/messages.test.ts. Views and services look a
// label up here (`t(labels.status[skp.status])`) instead of building a key from a string, so a
// test can see every key the app can ask for. Views reach the tables as `locals.labels`.

type LebihBaik = 'TINGGI' | 'RENDAH';
type GabungPeriode = import('../domain/target-periode.js').GabungPeriode;
/** The dates of a period, as the cycle's form names its fields. */
type PeriodeField = 'mulai' | 'selesai' | 'batasPegawai' | 'batasPenilai';
/** The import file's columns (the import service's COLUMNS; the test compares the two). */
type ImportColumn = 'nip' | 'nama' | 'jenis_asn' | 'pangkat_golongan' | 'kode_jabatan' | 'kode_unit' | 'nip_penilai' | 'email';
/** How the error page names what went wrong. */
type ErrorKind = '404' | '403' | '500' | '4xx';
/** The fields of an RHK or an indicator that the version diff lists by name. */
type DiffField = Exclude<RhkField, 'teks'> | Exclude<IndikatorField, 'teks' | 'target'>;
/** Where a delegation stands today (src/modules/delegasi/service.ts). */
type StatusDelegasi = 'BERLAKU' | 'AKAN' | 'BERAKHIR' | 'DIBATALKAN';
/** The two ends of a version comparison. */
type VersiEnd = 'dari' | 'ke';
// ── rekap ──
type StatusKeberatanRekap = import('../modules/rekap/baris.js').StatusKeberatanRekap;
type StatusEvaluasiRekap = import('../modules/rekap/baris.js').StatusEvaluasiRekap;

export const LABELS = {
  /** What moving a cycle into each phase does, said before the move is confirmed. */
  confirmFase: { DRAFT: 'siklus.confirm.DRAFT', PERENCANAAN: 'siklus.confirm.PERENCANAAN', PELAKSANAAN: 'siklus.confirm.PELAKSANAAN', PENILAIAN: 'siklus.confirm.PENILAIAN', KALIBRASI: 'siklus.confirm.KALIBRASI', SELESAI: 'siklus.confirm.SELESAI', ARSIP: 'siklus.confirm.ARSIP' } satisfies Record<E.FaseSiklus, MessageKey>,
  zonaWaktu: { 'Asia/Jakarta': 'zona.Asia/Jakarta', 'Asia/Makassar': 'zona.Asia/Makassar', 'Asia/Jayapura': 'zona.Asia/Jayapura' } satisfies Record<ZonaWaktu, MessageKey>,
  fase: { DRAFT: 'fase.DRAFT', PERENCANAAN: 'fase.PERENCANAAN', PELAKSANAAN: 'fase.PELAKSANAAN', PENILAIAN: 'fase.PENILAIAN', KALIBRASI: 'fase.KALIBRASI', SELESAI: 'fase.SELESAI', ARSIP: 'fase.ARSIP' } satisfies Record<E.FaseSiklus, MessageKey>,
  status: { DRAFT: 'status.DRAFT', DIAJUKAN: 'status.DIAJUKAN', DIKEMBALIKAN: 'status.DIKEMBALIKAN', DISETUJUI: 'status.DISETUJUI' } satisfies Record<E.StatusSkp, MessageKey>,
  jenisJabatan: { JPT: 'jenis.JPT', ADMINISTRATOR: 'jenis.ADMINISTRATOR', PENGAWAS: 'jenis.PENGAWAS', PELAKSANA: 'jenis.PELAKSANA', FUNGSIONAL: 'jenis.FUNGSIONAL' } satisfies Record<E.JenisJabatan, MessageKey>,
  asn: { PNS: 'asn.PNS', PPPK: 'asn.PPPK' } satisfies Record<E.JenisAsn, MessageKey>,
  kategoriJf: { KEAHLIAN: 'jf.KEAHLIAN', KETERAMPILAN: 'jf.KETERAMPILAN' } satisfies Record<E.KategoriJf, MessageKey>,
  jenjangJf: { PERTAMA: 'jenjang.PERTAMA', MUDA: 'jenjang.MUDA', MADYA: 'jenjang.MADYA', UTAMA: 'jenjang.UTAMA', PEMULA: 'jenjang.PEMULA', TERAMPIL: 'jenjang.TERAMPIL', MAHIR: 'jenjang.MAHIR', PENYELIA: 'jenjang.PENYELIA' } satisfies Record<E.JenjangJf, MessageKey>,
  jenisDelegasi: { PLT: 'delegasi.jenis.PLT', PLH: 'delegasi.jenis.PLH' } satisfies Record<E.JenisDelegasi, MessageKey>,
  jenisDelegasiPanjang: { PLT: 'delegasi.jenisPanjang.PLT', PLH: 'delegasi.jenisPanjang.PLH' } satisfies Record<E.JenisDelegasi, MessageKey>,
  statusDelegasi: { BERLAKU: 'delegasi.status.BERLAKU', AKAN: 'delegasi.status.AKAN', BERAKHIR: 'delegasi.status.BERAKHIR', DIBATALKAN: 'delegasi.status.DIBATALKAN' } satisfies Record<StatusDelegasi, MessageKey>,
  jenisKeputusan: { SETUJUI: 'review.keputusanJenis.SETUJUI', KEMBALIKAN: 'review.keputusanJenis.KEMBALIKAN' } satisfies Record<E.JenisKeputusan, MessageKey>,
  jenisPeriode: { BULANAN: 'periode.BULANAN', TRIWULANAN: 'periode.TRIWULANAN', SEMESTERAN: 'periode.SEMESTERAN' } satisfies Record<E.JenisPeriode, MessageKey>,
  periodeField: { mulai: 'periode.mulai', selesai: 'periode.selesai', batasPegawai: 'periode.batasPegawai', batasPenilai: 'periode.batasPenilai' } satisfies Record<PeriodeField, MessageKey>,
  pendekatan: { KUANTITATIF: 'pendekatan.KUANTITATIF', KUALITATIF: 'pendekatan.KUALITATIF' } satisfies Record<E.Pendekatan, MessageKey>,
  jenisRhk: { UTAMA: 'jenisRhk.UTAMA', TAMBAHAN: 'jenisRhk.TAMBAHAN' } satisfies Record<E.JenisRhk, MessageKey>,
  perspektif: { PENERIMA_LAYANAN: 'perspektif.PENERIMA_LAYANAN', PROSES_BISNIS: 'perspektif.PROSES_BISNIS', PENGUATAN_INTERNAL: 'perspektif.PENGUATAN_INTERNAL', ANGGARAN: 'perspektif.ANGGARAN' } satisfies Record<E.Perspektif, MessageKey>,
  aspek: { KUANTITAS: 'aspek.KUANTITAS', KUALITAS: 'aspek.KUALITAS', WAKTU: 'aspek.WAKTU', BIAYA: 'aspek.BIAYA' } satisfies Record<E.Aspek, MessageKey>,
  lampiran: { DUKUNGAN_SUMBER_DAYA: 'lampiran.DUKUNGAN_SUMBER_DAYA', SKEMA_PERTANGGUNGJAWABAN: 'lampiran.SKEMA_PERTANGGUNGJAWABAN', KONSEKUENSI: 'lampiran.KONSEKUENSI' } satisfies Record<E.JenisLampiran, MessageKey>,
  jenisTarget: { ANGKA: 'jenisTarget.ANGKA', RENTANG: 'jenisTarget.RENTANG', KUALITATIF: 'jenisTarget.KUALITATIF' } satisfies Record<E.JenisTarget, MessageKey>,
  gabungPeriode: { JUMLAH: 'gabungPeriode.JUMLAH', RATA_RATA: 'gabungPeriode.RATA_RATA', TERAKHIR: 'gabungPeriode.TERAKHIR' } satisfies Record<GabungPeriode, MessageKey>,
  importColumn: { nip: 'import.col.nip', nama: 'import.col.nama', jenis_asn: 'import.col.jenis_asn', pangkat_golongan: 'import.col.pangkat_golongan', kode_jabatan: 'import.col.kode_jabatan', kode_unit: 'import.col.kode_unit', nip_penilai: 'import.col.nip_penilai', email: 'import.col.email' } satisfies Record<ImportColumn, MessageKey>,
  errorTitle: { '404': 'error.title404', '403': 'error.title403', '500': 'error.title500', '4xx': 'error.title4xx' } satisfies Record<ErrorKind, MessageKey>,
  skp: {
    rhkTambah: { UTAMA: 'skp.rhkTambah.UTAMA', TAMBAHAN: 'skp.rhkTambah.TAMBAHAN' } satisfies Record<E.JenisRhk, MessageKey>,
    rhkEmpty: { UTAMA: 'skp.rhkEmpty.UTAMA', TAMBAHAN: 'skp.rhkEmpty.TAMBAHAN' } satisfies Record<E.JenisRhk, MessageKey>,
    lampiranPlaceholder: { DUKUNGAN_SUMBER_DAYA: 'skp.lampiranPlaceholder.DUKUNGAN_SUMBER_DAYA', SKEMA_PERTANGGUNGJAWABAN: 'skp.lampiranPlaceholder.SKEMA_PERTANGGUNGJAWABAN', KONSEKUENSI: 'skp.lampiranPlaceholder.KONSEKUENSI' } satisfies Record<E.JenisLampiran, MessageKey>,
    jenisTargetHint: { KUANTITATIF: 'skp.jenisTargetHint.KUANTITATIF', KUALITATIF: 'skp.jenisTargetHint.KUALITATIF' } satisfies Record<E.Pendekatan, MessageKey>,
  },
  review: {
    jenisRhk: { UTAMA: 'review.jenis.UTAMA', TAMBAHAN: 'review.jenis.TAMBAHAN' } satisfies Record<E.JenisRhk, MessageKey>,
    perspektif: { PENERIMA_LAYANAN: 'review.perspektif.PENERIMA_LAYANAN', PROSES_BISNIS: 'review.perspektif.PROSES_BISNIS', PENGUATAN_INTERNAL: 'review.perspektif.PENGUATAN_INTERNAL', ANGGARAN: 'review.perspektif.ANGGARAN' } satisfies Record<E.Perspektif, MessageKey>,
    pendekatan: { KUANTITATIF: 'review.pendekatan.KUANTITATIF', KUALITATIF: 'review.pendekatan.KUALITATIF' } satisfies Record<E.Pendekatan, MessageKey>,
    notWaiting: { DRAFT: 'review.notWaiting.DRAFT', DIKEMBALIKAN: 'review.notWaiting.DIKEMBALIKAN', DISETUJUI: 'review.notWaiting.DISETUJUI', DIAJUKAN: 'review.notWaiting.DIAJUKAN' } satisfies Record<E.StatusSkp, MessageKey>,
    lebihBaik: { TINGGI: 'review.lebihBaik.TINGGI', RENDAH: 'review.lebihBaik.RENDAH' } satisfies Record<LebihBaik, MessageKey>,
    lampiran: { DUKUNGAN_SUMBER_DAYA: 'review.lampiran.DUKUNGAN_SUMBER_DAYA', SKEMA_PERTANGGUNGJAWABAN: 'review.lampiran.SKEMA_PERTANGGUNGJAWABAN', KONSEKUENSI: 'review.lampiran.KONSEKUENSI' } satisfies Record<E.JenisLampiran, MessageKey>,
    aspek: { KUANTITAS: 'review.aspek.KUANTITAS', KUALITAS: 'review.aspek.KUALITAS', WAKTU: 'review.aspek.WAKTU', BIAYA: 'review.aspek.BIAYA' } satisfies Record<E.Aspek, MessageKey>,
    diffKind: { added: 'review.kind.added', removed: 'review.kind.removed', changed: 'review.kind.changed' } satisfies Record<DiffKind, MessageKey>,
    diffField: { jenis: 'review.field.jenis', rhkAtasan: 'review.field.rhkAtasan', perspektif: 'review.field.perspektif', penugasanDari: 'review.field.penugasanDari', aspek: 'review.field.aspek', lebihBaik: 'review.field.lebihBaik', gabungPeriode: 'review.field.gabungPeriode', targetPeriode: 'review.field.targetPeriode', rencanaAksi: 'review.field.rencanaAksi' } satisfies Record<DiffField, MessageKey>,
    versi: { dari: 'review.dari', ke: 'review.ke' } satisfies Record<VersiEnd, MessageKey>,
  },
  /** A decision on an SKP (keputusan_skp.jenis). */
  keputusan: { SETUJUI: 'review.keputusan.SETUJUI', KEMBALIKAN: 'review.keputusan.KEMBALIKAN' } satisfies Record<E.JenisKeputusan, MessageKey>,
  auditAksi: {
    'auth.login': 'audit.act.auth.login',
    'auth.changePassword': 'audit.act.auth.changePassword',
    'unit.create': 'audit.act.unit.create',
    'unit.update': 'audit.act.unit.update',
    'jabatan.create': 'audit.act.jabatan.create',
    'jabatan.update': 'audit.act.jabatan.update',
    'pegawai.create': 'audit.act.pegawai.create',
    'pegawai.update': 'audit.act.pegawai.update',
    'pegawai.deactivate': 'audit.act.pegawai.deactivate',
    'pegawai.reactivate': 'audit.act.pegawai.reactivate',
    'pegawai.resetPassword': 'audit.act.pegawai.resetPassword',
    'pegawai.import': 'audit.act.pegawai.import',
    'pegawai.import.create': 'audit.act.pegawai.import.create',
    'pegawai.import.update': 'audit.act.pegawai.import.update',
    'siklus.create': 'audit.act.siklus.create',
    'siklus.periode.update': 'audit.act.siklus.periode.update',
    'siklus.fase.move': 'audit.act.siklus.fase.move',
    'siklus.startBulkDrafts': 'audit.act.siklus.startBulkDrafts',
    'skp.pendekatan.update': 'audit.act.skp.pendekatan.update',
    'skp.rhk.create': 'audit.act.skp.rhk.create',
    'skp.rhk.update': 'audit.act.skp.rhk.update',
    'skp.rhk.delete': 'audit.act.skp.rhk.delete',
    'skp.indikator.create': 'audit.act.skp.indikator.create',
    'skp.indikator.update': 'audit.act.skp.indikator.update',
    'skp.indikator.delete': 'audit.act.skp.indikator.delete',
    'skp.lampiran.create': 'audit.act.skp.lampiran.create',
    'skp.lampiran.delete': 'audit.act.skp.lampiran.delete',
    'skp.submit': 'audit.act.skp.submit',
    'skp.approve': 'audit.act.skp.approve',
    'skp.return': 'audit.act.skp.return',
    'skp.ekspektasi.update': 'audit.act.skp.ekspektasi.update',
    'skp.copyLastYear': 'audit.act.skp.copyLastYear',
    'skp.applyTemplat': 'audit.act.skp.applyTemplat',
    'skp.periodePlan.update': 'audit.act.skp.periodePlan.update',
    'templat.create': 'audit.act.templat.create',
    'templat.update': 'audit.act.templat.update',
    'templat.delete': 'audit.act.templat.delete',
    'templat.apply': 'audit.act.templat.apply',
    'pejabatLuar.create': 'audit.act.pejabatLuar.create',
    'pejabatLuar.update': 'audit.act.pejabatLuar.update',
    'pejabatLuar.deactivate': 'audit.act.pejabatLuar.deactivate',
    'pejabatLuar.reactivate': 'audit.act.pejabatLuar.reactivate',
    'pejabatLuar.createLogin': 'audit.act.pejabatLuar.createLogin',
    'pejabatLuar.resetPassword': 'audit.act.pejabatLuar.resetPassword',
    'seed.demo': 'audit.act.seed.demo',
    'unit.kepala.update': 'audit.act.unit.kepala.update',
    'delegasi.create': 'audit.act.delegasi.create',
    'delegasi.cancel': 'audit.act.delegasi.cancel',
    'pegawai.move': 'audit.act.pegawai.move',
    'skp.close': 'audit.act.skp.close',
    'skp.startSuccessor': 'audit.act.skp.startSuccessor',
    'skp.penilai.move': 'audit.act.skp.penilai.move',
    // ── laporan
    'laporan.save': 'audit.act.laporan.save',
    'laporan.submit': 'audit.act.laporan.submit',
    'laporan.fillFromNotes': 'audit.act.laporan.fillFromNotes',
    'laporan.bukti.create': 'audit.act.laporan.bukti.create',
    'laporan.bukti.delete': 'audit.act.laporan.bukti.delete',
    'catatanProgres.create': 'audit.act.catatanProgres.create',
    // ── penilaian ──
    'laporan.rate': 'audit.act.laporan.rate',
    'laporan.return': 'audit.act.laporan.return',
    'laporan.reopen': 'audit.act.laporan.reopen',
    // ── linimasa ──
    'umpanBalik.create': 'audit.act.umpanBalik.create',
    'dialogKinerja.create': 'audit.act.dialogKinerja.create',
    'dialogKinerja.update': 'audit.act.dialogKinerja.update',
    // ── mail ──
    'email.resend': 'audit.act.email.resend',
    'preferensi.update': 'audit.act.preferensi.update',
    // ── monitoring ──
    'pengingat.send': 'audit.act.pengingat.send',
    // ── evaluasi: konfirmasi ──
    'evaluasi.confirm': 'audit.act.evaluasi.confirm',
    'evaluasi.override': 'audit.act.evaluasi.override',
    // ── evaluasi: finalisasi ──
    'siklus.policy.update': 'audit.act.siklus.policy.update',
    'kalibrasiUnit.finalize': 'audit.act.kalibrasiUnit.finalize',
    // ── evaluasi: kalibrasi ──
    'predikatOrganisasi.set': 'audit.act.predikatOrganisasi.set',
    'kalibrasiUnit.justify': 'audit.act.kalibrasiUnit.justify',
    // ── evaluasi: hitung ──
    'siklus.startHitungTahunan': 'audit.act.siklus.startHitungTahunan',
    // ── rekap ──
    'rekap.export': 'audit.act.rekap.export',
    // ── keberatan ──
    'keberatan.create': 'audit.act.keberatan.create',
    'keberatan.tanggapan.request': 'audit.act.keberatan.tanggapan.request',
    'keberatan.tanggapan.create': 'audit.act.keberatan.tanggapan.create',
    'keberatan.decide': 'audit.act.keberatan.decide',
    'evaluasi.reviseByKeberatan': 'audit.act.evaluasi.reviseByKeberatan',
    // ── dokumen evaluasi ──
    'dokumenEvaluasi.issue': 'audit.act.dokumenEvaluasi.issue',
  } satisfies Record<AuditAksi, MessageKey>,
  auditEntitas: { user: 'audit.kind.user', unit_kerja: 'audit.kind.unit_kerja', jabatan: 'audit.kind.jabatan', pegawai: 'audit.kind.pegawai', siklus: 'audit.kind.siklus', skp: 'audit.kind.skp', skp_templat: 'audit.kind.skp_templat', pejabat_luar: 'audit.kind.pejabat_luar', sistem: 'audit.kind.sistem', delegasi: 'audit.kind.delegasi', /* ── laporan */ laporan_periode: 'audit.kind.laporan_periode', catatan_progres: 'audit.kind.catatan_progres',
    // ── linimasa ──
    umpan_balik: 'audit.kind.umpan_balik', dialog_kinerja: 'audit.kind.dialog_kinerja',
    // ── mail ──
    email_keluar: 'audit.kind.email_keluar',
    // ── monitoring ──
    pengingat: 'audit.kind.pengingat',
    // ── evaluasi: konfirmasi ──
    evaluasi_tahunan: 'audit.kind.evaluasi_tahunan',
    // ── evaluasi: finalisasi ──
    kalibrasi_unit: 'audit.kind.kalibrasi_unit',
    // ── evaluasi: kalibrasi ──
    penetapan_predikat: 'audit.kind.penetapan_predikat',
    // ── keberatan ──
    keberatan: 'audit.kind.keberatan',
    // ── dokumen evaluasi ──
    dokumen_evaluasi: 'audit.kind.dokumen_evaluasi' } satisfies Record<AuditEntitas, MessageKey>,
  /** The fields audit entries record (any other field is shown by its name). */
  auditField: { id: 'audit.f.id', kode: 'audit.f.kode', nama: 'audit.f.nama', parentId: 'audit.f.parentId', path: 'audit.f.path', aktif: 'audit.f.aktif', version: 'audit.f.version', createdAt: 'audit.f.createdAt', updatedAt: 'audit.f.updatedAt', jenis: 'audit.f.jenis', unitId: 'audit.f.unitId', jabatanId: 'audit.f.jabatanId', penilaiId: 'audit.f.penilaiId', nip: 'audit.f.nip', jenisAsn: 'audit.f.jenisAsn', pangkatGolongan: 'audit.f.pangkatGolongan', email: 'audit.f.email', alasan: 'audit.f.alasan', alasanNonaktif: 'audit.f.alasanNonaktif', status: 'audit.f.status', revisi: 'audit.f.revisi', fase: 'audit.f.fase', tahun: 'audit.f.tahun', jenisPeriode: 'audit.f.jenisPeriode', pendekatan: 'audit.f.pendekatan', teks: 'audit.f.teks', rhkAtasanId: 'audit.f.rhkAtasanId', perspektif: 'audit.f.perspektif', penugasanDari: 'audit.f.penugasanDari', aspek: 'audit.f.aspek', jenisTarget: 'audit.f.jenisTarget', targetAngka: 'audit.f.targetAngka', targetMin: 'audit.f.targetMin', targetMax: 'audit.f.targetMax', satuan: 'audit.f.satuan', targetTeks: 'audit.f.targetTeks', lebihBaik: 'audit.f.lebihBaik', kumulatif: 'audit.f.kumulatif', catatan: 'audit.f.catatan', ekspektasi: 'audit.f.ekspektasi', job: 'audit.f.job', dariSkp: 'audit.f.dariSkp', rhk: 'audit.f.rhk', lampiran: 'audit.f.lampiran', siklusId: 'audit.f.siklusId', diterapkan: 'audit.f.diterapkan', dilewati: 'audit.f.dilewati', skp: 'audit.f.skp', data: 'audit.f.data', urutan: 'audit.f.urutan', mulai: 'audit.f.mulai', selesai: 'audit.f.selesai', batasPegawai: 'audit.f.batasPegawai', batasPenilai: 'audit.f.batasPenilai', instansi: 'audit.f.instansi', unitKerja: 'audit.f.unitKerja', pegawai: 'audit.f.pegawai', pppk: 'audit.f.pppk', users: 'audit.f.users', created: 'audit.f.created', updated: 'audit.f.updated', unchanged: 'audit.f.unchanged', tmt: 'audit.f.tmt', periodeAwal: 'audit.f.periodeAwal', periodeAkhir: 'audit.f.periodeAkhir', penerus: 'audit.f.penerus', sebelumnya: 'audit.f.sebelumnya', penilaiLuarId: 'audit.f.penilaiLuarId', dicatatOleh: 'audit.f.dicatatOleh', username: 'audit.f.username' } satisfies Record<string, MessageKey>,
  templat: {
    jenisRhk: { UTAMA: 'templat.jenis.UTAMA', TAMBAHAN: 'templat.jenis.TAMBAHAN' } satisfies Record<E.JenisRhk, MessageKey>,
    perspektif: { PENERIMA_LAYANAN: 'templat.perspektif.PENERIMA_LAYANAN', PROSES_BISNIS: 'templat.perspektif.PROSES_BISNIS', PENGUATAN_INTERNAL: 'templat.perspektif.PENGUATAN_INTERNAL', ANGGARAN: 'templat.perspektif.ANGGARAN' } satisfies Record<E.Perspektif, MessageKey>,
    aspek: { KUANTITAS: 'templat.aspek.KUANTITAS', KUALITAS: 'templat.aspek.KUALITAS', WAKTU: 'templat.aspek.WAKTU', BIAYA: 'templat.aspek.BIAYA' } satisfies Record<E.Aspek, MessageKey>,
    lampiran: { DUKUNGAN_SUMBER_DAYA: 'templat.lampiran.DUKUNGAN_SUMBER_DAYA', SKEMA_PERTANGGUNGJAWABAN: 'templat.lampiran.SKEMA_PERTANGGUNGJAWABAN', KONSEKUENSI: 'templat.lampiran.KONSEKUENSI' } satisfies Record<E.JenisLampiran, MessageKey>,
  },
  // ── laporan: the periodic report (docs/domain/laporan.md)
  laporan: {
    status: { DRAFT: 'laporan.status.DRAFT', DIAJUKAN: 'laporan.status.DIAJUKAN', DIKEMBALIKAN: 'laporan.status.DIKEMBALIKAN', DINILAI: 'laporan.status.DINILAI' } satisfies Record<E.StatusLaporan, MessageKey>,
    peristiwa: { DIAJUKAN: 'laporan.peristiwa.DIAJUKAN', DIKEMBALIKAN: 'laporan.peristiwa.DIKEMBALIKAN', DINILAI: 'laporan.peristiwa.DINILAI', DIBUKA_HR: 'laporan.peristiwa.DIBUKA_HR' } satisfies Record<E.PeristiwaLaporan, MessageKey>,
    tutup: { fase: 'laporan.tutup.fase', belumMulai: 'laporan.tutup.belumMulai', lewatBatas: 'laporan.tutup.lewatBatas' } satisfies Record<'fase' | 'belumMulai' | 'lewatBatas', MessageKey>,
    ekspektasi: { DI_ATAS: 'scoring.ekspektasi.DI_ATAS', SESUAI: 'scoring.ekspektasi.SESUAI', DI_BAWAH: 'scoring.ekspektasi.DI_BAWAH' } satisfies Record<E.Ekspektasi, MessageKey>,
    penilaian: { TIDAK_TERCAPAI: 'scoring.penilaian.TIDAK_TERCAPAI', TERCAPAI: 'scoring.penilaian.TERCAPAI', MELAMPAUI: 'scoring.penilaian.MELAMPAUI' } satisfies Record<E.PenilaianKualitatif, MessageKey>,
    predikat: { SANGAT_BAIK: 'scoring.predikat.SANGAT_BAIK', BAIK: 'scoring.predikat.BAIK', BUTUH_PERBAIKAN: 'scoring.predikat.BUTUH_PERBAIKAN', KURANG: 'scoring.predikat.KURANG', SANGAT_KURANG: 'scoring.predikat.SANGAT_KURANG' } satisfies Record<E.PredikatKinerja, MessageKey>,
  },
  // ── linimasa: the timeline's entries (ratings read the laporan tables) ──
  linimasa: {
    peristiwa: { DIAJUKAN: 'linimasa.riwayat.DIAJUKAN', DIKEMBALIKAN: 'linimasa.riwayat.DIKEMBALIKAN', DINILAI: 'linimasa.riwayat.DINILAI', DIBUKA_HR: 'linimasa.riwayat.DIBUKA_HR' } satisfies Record<E.PeristiwaLaporan, MessageKey>,
  },
  // ── notifikasi: one line per kind of event (bell, list, e-mail subject) ──
  notifikasi: {
    jenis: { LAPORAN_DIAJUKAN: 'notifikasi.jenis.LAPORAN_DIAJUKAN', LAPORAN_DIKEMBALIKAN: 'notifikasi.jenis.LAPORAN_DIKEMBALIKAN', LAPORAN_DINILAI: 'notifikasi.jenis.LAPORAN_DINILAI', UMPAN_BALIK: 'notifikasi.jenis.UMPAN_BALIK', SKP_DIAJUKAN: 'notifikasi.jenis.SKP_DIAJUKAN', SKP_DIKEMBALIKAN: 'notifikasi.jenis.SKP_DIKEMBALIKAN', SKP_DISETUJUI: 'notifikasi.jenis.SKP_DISETUJUI', TENGGAT_H3: 'notifikasi.jenis.TENGGAT_H3', TENGGAT_LEWAT: 'notifikasi.jenis.TENGGAT_LEWAT', LAPORAN_DIBUKA_HR: 'notifikasi.jenis.LAPORAN_DIBUKA_HR', PENGINGAT: 'notifikasi.jenis.PENGINGAT', EMAIL_GAGAL: 'notifikasi.jenis.EMAIL_GAGAL', EVALUASI_SIAP: 'notifikasi.jenis.EVALUASI_SIAP', EVALUASI_FINAL: 'notifikasi.jenis.EVALUASI_FINAL', KEBERATAN_DIAJUKAN: 'notifikasi.jenis.KEBERATAN_DIAJUKAN', KEBERATAN_TANGGAPAN_DIMINTA: 'notifikasi.jenis.KEBERATAN_TANGGAPAN_DIMINTA', KEBERATAN_DITANGGAPI: 'notifikasi.jenis.KEBERATAN_DITANGGAPI', KEBERATAN_DIPUTUS: 'notifikasi.jenis.KEBERATAN_DIPUTUS' } satisfies Record<E.JenisNotifikasi, MessageKey>,
  },
  // ── mail: the outbox's statuses, and each kind as the notification settings name it ──
  email: {
    status: { ANTRI: 'email.status.ANTRI', TERKIRIM: 'email.status.TERKIRIM', GAGAL: 'email.status.GAGAL' } satisfies Record<E.StatusEmail, MessageKey>,
    jenis: { LAPORAN_DIAJUKAN: 'email.jenis.LAPORAN_DIAJUKAN', LAPORAN_DIKEMBALIKAN: 'email.jenis.LAPORAN_DIKEMBALIKAN', LAPORAN_DINILAI: 'email.jenis.LAPORAN_DINILAI', UMPAN_BALIK: 'email.jenis.UMPAN_BALIK', SKP_DIAJUKAN: 'email.jenis.SKP_DIAJUKAN', SKP_DIKEMBALIKAN: 'email.jenis.SKP_DIKEMBALIKAN', SKP_DISETUJUI: 'email.jenis.SKP_DISETUJUI', TENGGAT_H3: 'email.jenis.TENGGAT_H3', TENGGAT_LEWAT: 'email.jenis.TENGGAT_LEWAT', LAPORAN_DIBUKA_HR: 'email.jenis.LAPORAN_DIBUKA_HR', PENGINGAT: 'email.jenis.PENGINGAT', EMAIL_GAGAL: 'email.jenis.EMAIL_GAGAL', EVALUASI_SIAP: 'email.jenis.EVALUASI_SIAP', EVALUASI_FINAL: 'email.jenis.EVALUASI_FINAL', KEBERATAN_DIAJUKAN: 'email.jenis.KEBERATAN_DIAJUKAN', KEBERATAN_TANGGAPAN_DIMINTA: 'email.jenis.KEBERATAN_TANGGAPAN_DIMINTA', KEBERATAN_DITANGGAPI: 'email.jenis.KEBERATAN_DITANGGAPI', KEBERATAN_DIPUTUS: 'email.jenis.KEBERATAN_DIPUTUS' } satisfies Record<E.JenisNotifikasi, MessageKey>,
  },
  // ── rekap: the objection status and the evaluation's state as the recaps name them (docs/domain/rekap.md) ──
  rekap: {
    keberatan: { TIDAK: 'rekap.keberatan.TIDAK', DIAJUKAN: 'rekap.keberatan.DIAJUKAN', TANGGAPAN_DIMINTA: 'rekap.keberatan.TANGGAPAN_DIMINTA', DITANGGAPI: 'rekap.keberatan.DITANGGAPI', DIPUTUS_TETAP: 'rekap.keberatan.DIPUTUS_TETAP', DIPUTUS_UBAH: 'rekap.keberatan.DIPUTUS_UBAH' } satisfies Record<StatusKeberatanRekap, MessageKey>,
    statusEvaluasi: { BELUM: 'rekap.evaluasi.BELUM', DIKONFIRMASI: 'rekap.evaluasi.DIKONFIRMASI', FINAL: 'rekap.evaluasi.FINAL' } satisfies Record<StatusEvaluasiRekap, MessageKey>,
  },
  // ── keberatan: an objection's stage, its decision, how its decider acts (docs/domain/keberatan.md) ──
  keberatan: {
    status: { DIAJUKAN: 'keberatan.status.DIAJUKAN', TANGGAPAN_DIMINTA: 'keberatan.status.TANGGAPAN_DIMINTA', DITANGGAPI: 'keberatan.status.DITANGGAPI', DIPUTUS: 'keberatan.status.DIPUTUS' } satisfies Record<E.StatusKeberatan, MessageKey>,
    keputusan: { TETAP: 'keberatan.keputusan.TETAP', UBAH: 'keberatan.keputusan.UBAH' } satisfies Record<E.KeputusanKeberatan, MessageKey>,
    sebagai: { atasan: 'keberatan.sebagai.atasan', delegasi: 'keberatan.sebagai.delegasi', luar: 'keberatan.sebagai.luar', atasNama: 'keberatan.sebagai.atasNama', hr: 'keberatan.sebagai.hr' } satisfies Record<import('../domain/keberatan.js').PutusSebagai['sebagai'], MessageKey>,
  },
} as const;
export type Labels = typeof LABELS;

