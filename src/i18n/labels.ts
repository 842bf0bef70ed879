import type * as E from '../../prisma/generated/enums.js';
import type { Kind as DiffKind, IndikatorField, RhkField } from '../domain/skp-diff.js';
import type { MessageKey } from './messages/id/index.js';

// The message keys of values that come from a fixed set (a database enum, a form's fields):
// one table per set, typed so that every value has a key and every key exists in Indonesian,
// and checked against every language by tests/unit/messages.test.ts. Views and services look a
// label up here (`t(labels.status[skp.status])`) instead of building a key from a string, so a
// test can see every key the app can ask for. Views reach the tables as `locals.labels`.

type LebihBaik = 'TINGGI' | 'RENDAH';
/** The dates of a period, as the cycle's form names its fields. */
type PeriodeField = 'mulai' | 'selesai' | 'batasPegawai' | 'batasPenilai';
/** The import file's columns (the import service's COLUMNS; the test compares the two). */
type ImportColumn = 'nip' | 'nama' | 'jenis_asn' | 'pangkat_golongan' | 'kode_jabatan' | 'kode_unit' | 'nip_penilai' | 'email';
/** How the error page names what went wrong. */
type ErrorKind = '404' | '403' | '500' | '4xx';
/** The fields of an RHK or an indicator that the version diff lists by name. */
type DiffField = Exclude<RhkField, 'teks'> | Exclude<IndikatorField, 'teks' | 'target'>;
/** The two ends of a version comparison. */
type VersiEnd = 'dari' | 'ke';

export const LABELS = {
  fase: { DRAFT: 'fase.DRAFT', PERENCANAAN: 'fase.PERENCANAAN', PELAKSANAAN: 'fase.PELAKSANAAN', PENILAIAN: 'fase.PENILAIAN', KALIBRASI: 'fase.KALIBRASI', SELESAI: 'fase.SELESAI', ARSIP: 'fase.ARSIP' } satisfies Record<E.FaseSiklus, MessageKey>,
  status: { DRAFT: 'status.DRAFT', DIAJUKAN: 'status.DIAJUKAN', DIKEMBALIKAN: 'status.DIKEMBALIKAN', DISETUJUI: 'status.DISETUJUI' } satisfies Record<E.StatusSkp, MessageKey>,
  jenisJabatan: { JPT: 'jenis.JPT', ADMINISTRATOR: 'jenis.ADMINISTRATOR', PENGAWAS: 'jenis.PENGAWAS', PELAKSANA: 'jenis.PELAKSANA', FUNGSIONAL: 'jenis.FUNGSIONAL' } satisfies Record<E.JenisJabatan, MessageKey>,
  asn: { PNS: 'asn.PNS', PPPK: 'asn.PPPK' } satisfies Record<E.JenisAsn, MessageKey>,
  jenisPeriode: { BULANAN: 'periode.BULANAN', TRIWULANAN: 'periode.TRIWULANAN', SEMESTERAN: 'periode.SEMESTERAN' } satisfies Record<E.JenisPeriode, MessageKey>,
  periodeField: { mulai: 'periode.mulai', selesai: 'periode.selesai', batasPegawai: 'periode.batasPegawai', batasPenilai: 'periode.batasPenilai' } satisfies Record<PeriodeField, MessageKey>,
  pendekatan: { KUANTITATIF: 'pendekatan.KUANTITATIF', KUALITATIF: 'pendekatan.KUALITATIF' } satisfies Record<E.Pendekatan, MessageKey>,
  jenisRhk: { UTAMA: 'jenisRhk.UTAMA', TAMBAHAN: 'jenisRhk.TAMBAHAN' } satisfies Record<E.JenisRhk, MessageKey>,
  perspektif: { PENERIMA_LAYANAN: 'perspektif.PENERIMA_LAYANAN', PROSES_BISNIS: 'perspektif.PROSES_BISNIS', PENGUATAN_INTERNAL: 'perspektif.PENGUATAN_INTERNAL', ANGGARAN: 'perspektif.ANGGARAN' } satisfies Record<E.Perspektif, MessageKey>,
  aspek: { KUANTITAS: 'aspek.KUANTITAS', KUALITAS: 'aspek.KUALITAS', WAKTU: 'aspek.WAKTU', BIAYA: 'aspek.BIAYA' } satisfies Record<E.Aspek, MessageKey>,
  lampiran: { DUKUNGAN_SUMBER_DAYA: 'lampiran.DUKUNGAN_SUMBER_DAYA', SKEMA_PERTANGGUNGJAWABAN: 'lampiran.SKEMA_PERTANGGUNGJAWABAN', KONSEKUENSI: 'lampiran.KONSEKUENSI' } satisfies Record<E.JenisLampiran, MessageKey>,
  jenisTarget: { ANGKA: 'jenisTarget.ANGKA', RENTANG: 'jenisTarget.RENTANG', KUALITATIF: 'jenisTarget.KUALITATIF' } satisfies Record<E.JenisTarget, MessageKey>,
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
    diffField: { jenis: 'review.field.jenis', rhkAtasan: 'review.field.rhkAtasan', perspektif: 'review.field.perspektif', penugasanDari: 'review.field.penugasanDari', aspek: 'review.field.aspek', lebihBaik: 'review.field.lebihBaik', kumulatif: 'review.field.kumulatif' } satisfies Record<DiffField, MessageKey>,
    versi: { dari: 'review.dari', ke: 'review.ke' } satisfies Record<VersiEnd, MessageKey>,
  },
  /** A decision on an SKP (keputusan_skp.jenis). */
  keputusan: { SETUJUI: 'review.keputusan.SETUJUI', KEMBALIKAN: 'review.keputusan.KEMBALIKAN' } satisfies Record<E.JenisKeputusan, MessageKey>,
  templat: {
    jenisRhk: { UTAMA: 'templat.jenis.UTAMA', TAMBAHAN: 'templat.jenis.TAMBAHAN' } satisfies Record<E.JenisRhk, MessageKey>,
    perspektif: { PENERIMA_LAYANAN: 'templat.perspektif.PENERIMA_LAYANAN', PROSES_BISNIS: 'templat.perspektif.PROSES_BISNIS', PENGUATAN_INTERNAL: 'templat.perspektif.PENGUATAN_INTERNAL', ANGGARAN: 'templat.perspektif.ANGGARAN' } satisfies Record<E.Perspektif, MessageKey>,
    aspek: { KUANTITAS: 'templat.aspek.KUANTITAS', KUALITAS: 'templat.aspek.KUALITAS', WAKTU: 'templat.aspek.WAKTU', BIAYA: 'templat.aspek.BIAYA' } satisfies Record<E.Aspek, MessageKey>,
    lampiran: { DUKUNGAN_SUMBER_DAYA: 'templat.lampiran.DUKUNGAN_SUMBER_DAYA', SKEMA_PERTANGGUNGJAWABAN: 'templat.lampiran.SKEMA_PERTANGGUNGJAWABAN', KONSEKUENSI: 'templat.lampiran.KONSEKUENSI' } satisfies Record<E.JenisLampiran, MessageKey>,
  },
} as const;
export type Labels = typeof LABELS;

