import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { isZonaWaktu, tanggalDi } from '../../domain/periode-laporan.js';
import { CSV_BOM, csvRow, safeRow, type CellValue } from '../../export/spreadsheet-cells.js';
import { LABELS } from '../../i18n/labels.js';
import { angka, potonganTeks, statusEvaluasi, statusKeberatan } from './baris.js';
import { semuaAk, semuaRekap, type BarisRekap } from './queries.js';
import { eksporSumber, tampilAk, type EksporSumber, type FormatEkspor, type JenisEkspor } from './service.js';
import type { RekapQuery } from './schemas.js';

// The recap exports (docs/domain/rekap.md § Exports): the year's recap, the TPP list (Excel and
// CSV) and the angka kredit list, each written straight to the response: the rows read in keyset
// pages, each Excel row committed as it is written (exceljs's streaming writer), each CSV page
// written at once, and the writer waiting whenever the client is slower than the database, so the
// file is never whole in memory. Every row passes through safeRow / csvRow
// (src/export/spreadsheet-cells.ts): a name typed as "=HYPERLINK(…)" stays text.

type T = (key: string, params?: Record<string, string | number>) => string;
export type Konteks = { t: T; locale: string };

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

/** The export asked for, after its checks and audit entry; `write` then streams it to `out`. */
export async function rekapEkspor(db: Db, actor: Actor, q: RekapQuery, jenis: JenisEkspor, format: FormatEkspor) {
  const src = await eksporSumber(db, actor, q, jenis, format);
  const write = (out: Writable, k: Konteks): Promise<void> => {
    if (jenis === 'tpp') return format === 'csv' ? writeTppCsv(db, src, out, k) : writeTppXlsx(db, src, out, k);
    return jenis === 'tahunan' ? writeTahunan(db, src, out, k) : writeAk(db, src, out, k);
  };
  return { filename: src.filename, contentType: MIME[format], write };
}

/**
 * The writer's pause: `wait(full)` waits, when the response's buffer is full, until it drains, so
 * a slow client never makes the file pile up in memory; it answers true once the client has gone
 * away (the writer then stops: nobody reads on). One listener of each kind per download, whatever
 * the number of pauses (the compression middleware hands 'drain' listeners to its own stream).
 */
function pause(out: Writable): (full: boolean) => Promise<boolean> {
  let wake: (() => void) | null = null;
  const fire = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  out.on('drain', fire);
  out.on('close', fire);
  return async (full) => {
    if (out.destroyed) return true;
    if (!full) return false;
    await new Promise<void>((resolve) => (wake = resolve));
    return out.destroyed;
  };
}
const needDrain = (out: Writable) => out.writableNeedDrain;

/**
 * A streamed workbook without a style sheet: every cell is a string, a number or a date (a date
 * gets Excel's built-in short date, shown in the reader's locale), and the writer is twice as
 * fast without styles (bench/README.md § The year's recaps).
 */
const workbook = (out: Writable) => {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  wb.creator = 'SIKAP';
  return wb;
};
const row = (ws: ExcelJS.Worksheet, cells: CellValue[]) => ws.addRow(safeRow(cells)).commit();
const judul = (src: EksporSumber, k: Konteks, key: string) => [k.t(key), String(src.siklus.tahun), src.unit ? src.unit.nama : k.t('rekap.seluruhInstansi')];

const predikatLabel = (k: Konteks, p: BarisRekap['predikat']) => (p ? k.t(LABELS.laporan.predikat[p]) : '');
const ekspektasiLabel = (k: Konteks, e: BarisRekap['ratingHasilKerja']) => (e ? k.t(LABELS.laporan.ekspektasi[e]) : '');
const zona = (src: EksporSumber) => (isZonaWaktu(src.siklus.zonaWaktu) ? src.siklus.zonaWaktu : 'Asia/Jakarta');
/** The day a moment fell on in the agency's zone, as a date cell (midnight UTC of that day: a spreadsheet date has no zone). */
const hariDi = (at: string | Date, src: EksporSumber): string => tanggalDi(new Date(at), zona(src));
const tanggalSel = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function writeTahunan(db: Db, src: EksporSumber, out: Writable, k: Konteks): Promise<void> {
  const wb = workbook(out);
  const wait = pause(out);
  const ws = wb.addWorksheet(k.t('rekap.xlsx.sheetTahunan'));
  ws.columns = [
    { width: 22 }, { width: 32 }, { width: 32 }, { width: 32 }, { width: 60 },
    ...src.periode.map(() => ({ width: 16 })),
    { width: 16 }, { width: 18 }, { width: 18 }, { width: 10 }, { width: 12 }, { width: 16 }, { width: 22 },
  ];
  row(ws, judul(src, k, 'rekap.xlsx.judulTahunan'));
  row(ws, []);
  row(ws, [
    k.t('rekap.col.nip'), k.t('rekap.col.nama'), k.t('rekap.col.unit'), k.t('rekap.col.jabatan'), k.t('rekap.col.potongan'),
    ...src.periode.map((p) => k.t('rekap.col.predikatPeriode', { periode: p.nama })),
    k.t('rekap.col.predikatTahunan'), k.t('rekap.col.ratingHasilKerja'), k.t('rekap.col.ratingPerilaku'), k.t('rekap.col.nilai'), k.t('rekap.col.angkaKredit'),
    k.t('rekap.col.statusEvaluasi'), k.t('rekap.col.keberatan'),
  ]);
  for await (const batch of semuaRekap(db.sql, src.siklus.id, src.path)) {
    for (const r of batch) {
      const perPeriode = new Map(r.periode.map((p) => [p.periodeId, p]));
      row(ws, [
        r.nip, r.nama, r.unit, r.jabatan, potonganTeks(r.potongan, k.locale),
        ...src.periode.map((p) => predikatLabel(k, perPeriode.get(p.id)?.predikat ?? null)),
        predikatLabel(k, r.predikat), ekspektasiLabel(k, r.ratingHasilKerja), ekspektasiLabel(k, r.ratingPerilaku),
        angka(r.nilai), angka(r.angkaKredit),
        k.t(LABELS.rekap.statusEvaluasi[statusEvaluasi(r)]), k.t(LABELS.rekap.keberatan[statusKeberatan(r)]),
      ]);
    }
    if (await wait(needDrain(out))) return;
  }
  ws.commit();
  await wb.commit();
}

/** One TPP row per employee and period the year's pieces cover: the period's predikat, whether it is final and since when (docs/domain/rekap.md § Final). */
function* barisTpp(src: EksporSumber, k: Konteks, r: BarisRekap): Generator<{ cells: CellValue[]; tanggal: string | null }> {
  const nama = new Map(src.periode.map((p) => [p.id, p.nama]));
  for (const p of r.periode) {
    const tanggal = p.dinilaiAt ? hariDi(p.dinilaiAt, src) : null;
    yield {
      cells: [r.nip, r.nama, r.unit, p.golongan || r.golongan, nama.get(p.periodeId) ?? '', predikatLabel(k, p.predikat), k.t(p.predikat ? 'rekap.final.ya' : 'rekap.final.tidak')],
      tanggal,
    };
  }
}
const kolomTpp = (k: Konteks) => [
  k.t('rekap.col.nip'), k.t('rekap.col.nama'), k.t('rekap.col.unit'), k.t('rekap.col.golongan'), k.t('rekap.col.periode'), k.t('rekap.col.predikat'), k.t('rekap.col.final'), k.t('rekap.col.tanggalFinal'),
];

async function writeTppXlsx(db: Db, src: EksporSumber, out: Writable, k: Konteks): Promise<void> {
  const wb = workbook(out);
  const wait = pause(out);
  const ws = wb.addWorksheet(k.t('rekap.xlsx.sheetTpp'));
  ws.columns = [{ width: 22 }, { width: 32 }, { width: 32 }, { width: 14 }, { width: 16 }, { width: 18 }, { width: 8 }, { width: 14 }];
  row(ws, judul(src, k, 'rekap.xlsx.judulTpp'));
  row(ws, []);
  row(ws, kolomTpp(k));
  for await (const batch of semuaRekap(db.sql, src.siklus.id, src.path, 'tpp')) {
    for (const r of batch) for (const b of barisTpp(src, k, r)) row(ws, [...b.cells, b.tanggal ? tanggalSel(b.tanggal) : null]);
    if (await wait(needDrain(out))) return;
  }
  ws.commit();
  await wb.commit();
}

/** The CSV: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), `;` between cells, CRLF, dates as yyyy-mm-dd; no title rows. */
async function writeTppCsv(db: Db, src: EksporSumber, out: Writable, k: Konteks): Promise<void> {
  const wait = pause(out);
  /** Writes, then waits while the buffer is full; true when the client has gone away. */
  const put = async (s: string) => (out.destroyed ? true : wait(!out.write(s)));
  if (await put(CSV_BOM + csvRow(kolomTpp(k)))) return;
  for await (const batch of semuaRekap(db.sql, src.siklus.id, src.path, 'tpp')) {
    let chunk = '';
    for (const r of batch) for (const b of barisTpp(src, k, r)) chunk += csvRow([...b.cells, b.tanggal ?? '']);
    if (await put(chunk)) return;
  }
}

async function writeAk(db: Db, src: EksporSumber, out: Writable, k: Konteks): Promise<void> {
  const wb = workbook(out);
  const wait = pause(out);
  const ws = wb.addWorksheet(k.t('rekap.xlsx.sheetAk'));
  ws.columns = [{ width: 22 }, { width: 32 }, { width: 32 }, { width: 32 }, { width: 16 }, { width: 10 }, { width: 12 }, { width: 16 }, { width: 14 }, { width: 16 }];
  row(ws, judul(src, k, 'rekap.xlsx.judulAk'));
  row(ws, []);
  row(ws, [
    k.t('rekap.col.nip'), k.t('rekap.col.nama'), k.t('rekap.col.unit'), k.t('rekap.col.jabatan'), k.t('rekap.col.jenjang'), k.t('rekap.col.bulan'),
    k.t('rekap.col.akPotongan'), k.t('rekap.col.predikatTahunan'), k.t('rekap.col.angkaKredit'), k.t('rekap.col.statusEvaluasi'),
  ]);
  for await (const batch of semuaAk(db.sql, src.siklus.id, src.path)) {
    for (const raw of batch) {
      const r = tampilAk(raw);
      // one line per functional piece; the year's predikat and total on each (the total is the sum of the pieces)
      const pieces = r.potongan.length ? r.potongan : [{ jenjang: null, bulan: null, ak: null }];
      for (const p of pieces) {
        row(ws, [
          r.nip, r.nama, r.unit, r.jabatan, p.jenjang ? k.t(LABELS.jenjangJf[p.jenjang]) : '', p.bulan, angka(p.ak),
          predikatLabel(k, r.predikat), angka(r.angkaKredit), k.t(LABELS.rekap.statusEvaluasi[r.evaluasiStatus ?? 'BELUM']),
        ]);
      }
    }
    if (await wait(needDrain(out))) return;
  }
  ws.commit();
  await wb.commit();
}
