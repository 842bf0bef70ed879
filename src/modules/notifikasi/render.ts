import type { JenisNotifikasi } from '../../../prisma/generated/client.js';
import { formatters, translate, type Lang } from '../../i18n/index.js';
import { LABELS } from '../../i18n/labels.js';

// A notification's text, rendered when it is shown or sent, in the reader's language
// (docs/domain/notifikasi.md). Parameters per kind, as notify() callers must give them:
//   LAPORAN_DIAJUKAN {nama, periode} · LAPORAN_DIKEMBALIKAN {periode, sampai} · LAPORAN_DINILAI {periode}
//   UMPAN_BALIK {dari} · SKP_DIAJUKAN {nama, tahun} · SKP_DIKEMBALIKAN {tahun} · SKP_DISETUJUI {tahun}
//   TENGGAT_H3 / TENGGAT_LEWAT {periode, tanggal} · LAPORAN_DIBUKA_HR {periode, sampai}
//   PENGINGAT {oleh, periode, tanggal} · EMAIL_GAGAL {jumlah} (to HR, in the app only)
//   EVALUASI_SIAP {tahun, jumlah} (to an appraiser) · EVALUASI_FINAL {tahun, predikat: '@scoring.predikat.…'}
//   KEBERATAN_DIAJUKAN / KEBERATAN_TANGGAPAN_DIMINTA / KEBERATAN_DITANGGAPI {nama, tahun}
//   KEBERATAN_DIPUTUS {tahun, keputusan: '@keberatan.keputusan.…'}
// `tanggal` and `sampai` are ISO dates or instants, formatted here for the reader; a period is its
// name as stored ("Triwulan I"); a value starting with "@" is a message key, translated here.

const DATE_PARAMS = new Set(['tanggal', 'sampai']);

export function notifikasiText(lang: Lang, jenis: JenisNotifikasi, params: unknown): string {
  const f = formatters(lang);
  const out: Record<string, string | number> = {};
  if (params && typeof params === 'object') {
    for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
      if (typeof v !== 'string' && typeof v !== 'number') continue;
      if (DATE_PARAMS.has(k) && typeof v === 'string') {
        const d = new Date(v);
        out[k] = Number.isNaN(d.getTime()) ? v : f.date(d);
      } else out[k] = v;
    }
  }
  return translate(lang, LABELS.notifikasi.jenis[jenis], out);
}
