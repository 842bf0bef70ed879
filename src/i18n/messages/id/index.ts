import { id as core } from './core.js';
import { idSiklus } from './siklus.js';
import { idSkp } from './skp.js';
import { idReview } from './review.js';
import { idCetak } from './cetak.js';
import { idGuard } from './guard.js';
import { idAudit } from './audit.js';
import { idScoring } from './scoring.js';
import { idMutasi } from './mutasi.js';
import { idPenilai } from './penilai.js';
import { idLuar } from './luar.js';
// ── notifikasi ──
import { idNotifikasi } from './notifikasi.js';
// ── mail ──
import { idEmail } from './email.js';
// ── linimasa ──
import { idLinimasa } from './linimasa.js';
// ── laporan
import { idLaporan } from './laporan.js';
// ── penilaian ──
import { idPenilaian } from './penilaian.js';
// ── monitoring ──
import { idMonitoring } from './monitoring.js';
// ── evaluasi: finalisasi ──
import { idFinalisasi } from './finalisasi.js';
// ── evaluasi: kalibrasi ──
import { idKalibrasi } from './kalibrasi.js';
// ── evaluasi: konfirmasi ──
import { idEvaluasi } from './evaluasi.js';
// ── evaluasi: hitung ──
import { idEvaluasiHitung } from './evaluasi-hitung.js';
// ── dokumen ──
import { idDokumen } from './dokumen.js';
// ── keberatan ──
import { idKeberatan } from './keberatan.js';
// ── rekap ──
import { idRekap } from './rekap.js';

/** Bahasa Indonesia, the reference language: the feature files, merged (tests check no key is defined twice). */
export const idParts = { core, siklus: idSiklus, skp: idSkp, review: idReview, cetak: idCetak, guard: idGuard, audit: idAudit, scoring: idScoring, penilai: idPenilai, mutasi: idMutasi, luar: idLuar, /* ── laporan */ laporan: idLaporan, /* ── penilaian ── */ penilaian: idPenilaian, /* ── linimasa ── */ linimasa: idLinimasa, /* ── notifikasi ── */ notifikasi: idNotifikasi, /* ── mail ── */ email: idEmail, /* ── monitoring ── */ monitoring: idMonitoring, /* ── evaluasi: hitung ── */ evaluasiHitung: idEvaluasiHitung, /* ── evaluasi: konfirmasi ── */ evaluasi: idEvaluasi, /* ── evaluasi: kalibrasi ── */ kalibrasi: idKalibrasi, /* ── evaluasi: finalisasi ── */ finalisasi: idFinalisasi, /* ── dokumen ── */ dokumen: idDokumen, /* ── keberatan ── */ keberatan: idKeberatan, /* ── rekap ── */ rekap: idRekap };
export const id = { ...core, ...idSiklus, ...idSkp, ...idReview, ...idCetak, ...idGuard, ...idAudit, ...idScoring, ...idPenilai, ...idMutasi, ...idLuar, /* ── laporan */ ...idLaporan, /* ── penilaian ── */ ...idPenilaian, /* ── linimasa ── */ ...idLinimasa, /* ── notifikasi ── */ ...idNotifikasi, /* ── mail ── */ ...idEmail, /* ── monitoring ── */ ...idMonitoring, /* ── evaluasi: hitung ── */ ...idEvaluasiHitung, /* ── evaluasi: konfirmasi ── */ ...idEvaluasi, /* ── evaluasi: kalibrasi ── */ ...idKalibrasi, /* ── evaluasi: finalisasi ── */ ...idFinalisasi, /* ── dokumen ── */ ...idDokumen, /* ── keberatan ── */ ...idKeberatan, /* ── rekap ── */ ...idRekap };
export type MessageKey = keyof typeof id;
