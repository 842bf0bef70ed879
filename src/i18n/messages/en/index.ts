import type { MessageKey } from '../id/index.js';
import { en as core } from './core.js';
import { enSiklus } from './siklus.js';
import { enSkp } from './skp.js';
import { enReview } from './review.js';
import { enCetak } from './cetak.js';
import { enGuard } from './guard.js';
import { enAudit } from './audit.js';
import { enScoring } from './scoring.js';
import { enMutasi } from './mutasi.js';
import { enPenilai } from './penilai.js';
import { enLuar } from './luar.js';
// ── notifikasi ──
import { enNotifikasi } from './notifikasi.js';
// ── mail ──
import { enEmail } from './email.js';
// ── linimasa ──
import { enLinimasa } from './linimasa.js';
// ── laporan
import { enLaporan } from './laporan.js';
// ── penilaian ──
import { enPenilaian } from './penilaian.js';
// ── monitoring ──
import { enMonitoring } from './monitoring.js';
// ── evaluasi: finalisasi ──
import { enFinalisasi } from './finalisasi.js';
// ── evaluasi: kalibrasi ──
import { enKalibrasi } from './kalibrasi.js';
// ── evaluasi: konfirmasi ──
import { enEvaluasi } from './evaluasi.js';
// ── evaluasi: hitung ──
import { enEvaluasiHitung } from './evaluasi-hitung.js';
// ── dokumen ──
import { enDokumen } from './dokumen.js';
// ── keberatan ──
import { enKeberatan } from './keberatan.js';
// ── rekap ──
import { enRekap } from './rekap.js';

/** English: one file per feature, each typed against its Indonesian file, so no key is missing. */
export const enParts = { core, siklus: enSiklus, skp: enSkp, review: enReview, cetak: enCetak, guard: enGuard, audit: enAudit, scoring: enScoring, penilai: enPenilai, mutasi: enMutasi, luar: enLuar, /* ── laporan */ laporan: enLaporan, /* ── penilaian ── */ penilaian: enPenilaian, /* ── linimasa ── */ linimasa: enLinimasa, /* ── notifikasi ── */ notifikasi: enNotifikasi, /* ── mail ── */ email: enEmail, /* ── monitoring ── */ monitoring: enMonitoring, /* ── evaluasi: hitung ── */ evaluasiHitung: enEvaluasiHitung, /* ── evaluasi: konfirmasi ── */ evaluasi: enEvaluasi, /* ── evaluasi: kalibrasi ── */ kalibrasi: enKalibrasi, /* ── evaluasi: finalisasi ── */ finalisasi: enFinalisasi, /* ── dokumen ── */ dokumen: enDokumen, /* ── keberatan ── */ keberatan: enKeberatan, /* ── rekap ── */ rekap: enRekap };
export const en: Record<MessageKey, string> = { ...core, ...enSiklus, ...enSkp, ...enReview, ...enCetak, ...enGuard, ...enAudit, ...enScoring, ...enPenilai, ...enMutasi, ...enLuar, /* ── laporan */ ...enLaporan, /* ── penilaian ── */ ...enPenilaian, /* ── linimasa ── */ ...enLinimasa, /* ── notifikasi ── */ ...enNotifikasi, /* ── mail ── */ ...enEmail, /* ── monitoring ── */ ...enMonitoring, /* ── evaluasi: hitung ── */ ...enEvaluasiHitung, /* ── evaluasi: konfirmasi ── */ ...enEvaluasi, /* ── evaluasi: kalibrasi ── */ ...enKalibrasi, /* ── evaluasi: finalisasi ── */ ...enFinalisasi, /* ── dokumen ── */ ...enDokumen, /* ── keberatan ── */ ...enKeberatan, /* ── rekap ── */ ...enRekap };
