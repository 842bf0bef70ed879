import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../clock.js';
import type { Actor } from '../../domain/access.js';
import { safeRow, type CellValue } from '../../export/spreadsheet-cells.js';
import { LABELS } from '../../i18n/labels.js';
import { semuaTerlambat } from './queries.js';
import { monitoringExportSource, periodeKunci } from './service.js';
import type { MonitoringQuery } from './schemas.js';

// The Excel export of Monitoring Pengisian (docs/domain/monitoring.md § Export): the same scope,
// period and unit as the page, written with exceljs's streaming writer straight to the response,
// the late list read from the database in keyset pages, so neither the file nor the list is ever
// whole in memory. Every row passes through safeRow (src/export/spreadsheet-cells.ts): a name or
// unit typed as "=…" stays text.

type T = (key: string, params?: Record<string, string | number>) => string;

/**
 * The export of the page's period and unit: scope and period are checked here (NotFound before
 * anything is written); `write` then streams the workbook to `out` (the response).
 */
export async function monitoringExport(db: Db, clock: Clock, actor: Actor, q: MonitoringQuery): Promise<{ filename: string; write: (out: Writable, t: T) => Promise<void> }> {
  const page = await monitoringExportSource(db, clock, actor, q);
  const p = page.periode!;
  const filename = `monitoring-${p.siklus.tahun}-${p.urutan}${page.unit ? `-${page.unit.kode.replace(/[^\w.-]+/g, '_')}` : ''}.xlsx`;
  return { filename, write: (out, t) => writeXlsx(db, page, out, t) };
}

async function writeXlsx(db: Db, page: Awaited<ReturnType<typeof monitoringExportSource>>, out: Writable, t: T): Promise<void> {
  const periode = page.periode!;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'SIKAP';
  const row = (ws: ExcelJS.Worksheet, cells: CellValue[]) => ws.addRow(safeRow(cells)).commit();
  /** Waits while the response's buffer is full, so a slow client never makes the file pile up in memory. */
  const drain = async () => {
    if ((out as Writable & { writableNeedDrain?: boolean }).writableNeedDrain) await once(out, 'drain');
  };

  const ringkasan = wb.addWorksheet(t('monitoring.xlsx.sheetRingkasan'));
  ringkasan.columns = [{ width: 40 }, ...Array.from({ length: 8 }, () => ({ width: 14 }))];
  row(ringkasan, [t('monitoring.xlsx.judul'), `${periode.nama} ${periode.siklus.tahun}`, page.unit ? page.unit.nama : t('monitoring.seluruhInstansi')]);
  row(ringkasan, []);
  row(ringkasan, [
    t('monitoring.col.unit'), t('monitoring.col.skp'), t('monitoring.skp.draft'), t('monitoring.skp.diajukan'), t('monitoring.skp.disetujui'),
    t('monitoring.lap.belum'), t('monitoring.lap.draft'), t('monitoring.lap.diajukan'), t('monitoring.lap.dinilai'),
  ]);
  const counts = (r: NonNullable<typeof page.total>) => [r.skp, r.skpDraft, r.skpDiajukan, r.skpDisetujui, r.lapBelum, r.lapDraft, r.lapDiajukan, r.lapDinilai];
  for (const b of page.baris) row(ringkasan, [b.sendiri ? t('monitoring.unitSendiri', { nama: b.unit!.nama }) : b.unit!.nama, ...counts(b.ringkasan)]);
  row(ringkasan, [t('monitoring.col.jumlah'), ...counts(page.total!)]);
  ringkasan.commit();

  const terlambat = wb.addWorksheet(t('monitoring.xlsx.sheetTerlambat'));
  terlambat.columns = [{ width: 36 }, { width: 22, style: { numFmt: '@' } }, { width: 36 }, { width: 36 }, { width: 22 }, { width: 16 }];
  row(terlambat, [t('monitoring.col.nama'), t('monitoring.col.nip'), t('monitoring.col.unit'), t('monitoring.col.penilai'), t('monitoring.col.status'), t('monitoring.col.diingatkan')]);
  if (page.lewat) {
    for await (const batch of semuaTerlambat(db.sql, periodeKunci(periode), page.path, page.hariIni!)) {
      for (const r of batch) {
        row(terlambat, [r.nama, r.nip, r.unit, r.penilai ?? '', t(r.status ? LABELS.laporan.status[r.status] : 'monitoring.lap.belum'), r.diingatkan ? t('common.yes') : '']);
      }
      await drain();
    }
  }
  terlambat.commit();
  await wb.commit();
}
