import { Router, type Request, type Response } from 'express';
import ExcelJS from 'exceljs';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { GOLONGAN_PNS, GOLONGAN_PPPK } from '../../domain/golongan.js';
import { requireAdmin } from '../../web/auth.js';
import { HttpError } from '../../web/errors.js';
import { flash, t } from '../../web/locals.js';
import { uploadWithCsrf } from '../../web/upload.js';
import { csvLine, safeRow } from '../../export/spreadsheet-cells.js';
import { ImportFileError, MAX_ROWS, parseUpload } from './parse.js';
import { COLUMNS, commitImport, ImportRejected, REQUIRED_COLUMNS, TEXT_COLUMNS, type ImportRowError } from './service.js';

/** At most this many errors are listed on the page (the count says how many there are). */
const MAX_SHOWN = 1000;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function importRoutes({ db, config }: { db: Db; config: Config }): Router {
  const r = Router();
  const upload = uploadWithCsrf({ field: 'berkas', maxBytes: config.uploadMaxBytes });

  const page = (res: Response, status: number, extra: { formError?: string; importErrors?: ImportRowError[]; fileName?: string } = {}) => {
    const all = extra.importErrors ?? [];
    res.status(status).render('imports/upload', {
      columns: COLUMNS.map((name) => ({ name, required: (REQUIRED_COLUMNS as readonly string[]).includes(name) })),
      maxRows: MAX_ROWS,
      maxMb: Math.max(1, Math.round(config.uploadMaxBytes / (1024 * 1024))),
      formError: extra.formError,
      fileName: extra.fileName ?? null,
      importErrors: all.slice(0, MAX_SHOWN),
      errorCount: all.length,
    });
  };

  r.get('/impor', requireAdmin, (_req, res) => page(res, 200));

  r.post('/impor', requireAdmin, upload, async (req: Request, res: Response) => {
    if (req.uploadError) return page(res, req.uploadError.status, { formError: t(res, req.uploadError.key, req.uploadError.params) });
    const file = req.file;
    if (!file || (file.size === 0 && !file.originalname)) return page(res, 422, { formError: t(res, 'import.noFile') });
    const fileName = file.originalname;
    try {
      const table = await parseUpload(file.buffer, { textColumns: TEXT_COLUMNS });
      const summary = await commitImport(db, req.user!, { ...table, fileName }, res.locals.t, { ip: req.ip ?? null });
      flash(req, 'success', t(res, 'import.done', summary));
      res.redirect(303, '/impor');
    } catch (e) {
      if (e instanceof ImportRejected) return page(res, 422, { fileName, importErrors: e.errors, formError: t(res, 'import.errorsTitle', { count: res.locals.fmt.number(e.errors.length) }) });
      if (e instanceof ImportFileError) return page(res, 422, { fileName, formError: t(res, e.key, e.params) });
      if (e instanceof HttpError && e.status === 409) return page(res, 409, { fileName, formError: t(res, e.key, e.params) });
      throw e;
    }
  });

  r.get('/impor/templat.csv', requireAdmin, async (_req, res) => {
    const example = await exampleRow(db);
    // Semicolons and a BOM: Excel with Indonesian regional settings opens this in columns.
    const body = '\uFEFF' + [csvLine(COLUMNS), csvLine(COLUMNS.map((c) => example[c]))].join('\r\n') + '\r\n';
    res.attachment('templat-impor-pegawai.csv').type('text/csv; charset=utf-8').send(body);
  });

  r.get('/impor/templat.xlsx', requireAdmin, async (_req, res) => {
    const buf = await templateXlsx(db);
    res.attachment('templat-impor-pegawai.xlsx').type(XLSX_MIME).send(buf);
  });

  return r;
}


/** One plausible row built from the real data: a pelaksana position, its unit, its appraiser. */
async function exampleRow(db: Db): Promise<Record<(typeof COLUMNS)[number], string>> {
  const found = await db.pool.query<{ kode_jabatan: string; kode_unit: string; nip_penilai: string | null }>(
    `SELECT j.kode AS kode_jabatan, u.kode AS kode_unit, pn.nip AS nip_penilai
       FROM jabatan j JOIN unit_kerja u ON u.id = j.unit_id
       LEFT JOIN LATERAL (SELECT p.penilai_id FROM pegawai p WHERE p.jabatan_id = j.id AND p.aktif AND p.penilai_id IS NOT NULL ORDER BY p.id LIMIT 1) h ON TRUE
       LEFT JOIN pegawai pn ON pn.id = h.penilai_id AND pn.aktif
      WHERE j.aktif AND u.aktif
      ORDER BY (j.jenis = 'PELAKSANA') DESC, (pn.nip IS NOT NULL) DESC, j.id
      LIMIT 1`,
  );
  const f = found.rows[0];
  return {
    nip: '199203152019031002',
    nama: 'Contoh Nama Pegawai, S.Kom.',
    jenis_asn: 'PNS',
    pangkat_golongan: 'III/a',
    kode_jabatan: f?.kode_jabatan ?? 'KODE.JABATAN',
    kode_unit: f?.kode_unit ?? 'KODE.UNIT',
    nip_penilai: f?.nip_penilai ?? '',
    email: 'contoh.pegawai@instansi.go.id',
  };
}

/** The XLSX template: the import sheet (NIP columns as text) and the valid codes. */
async function templateXlsx(db: Db): Promise<Buffer> {
  const [example, jabatan] = await Promise.all([
    exampleRow(db),
    db.pool.query<{ kode: string; nama: string; jenis: string; unit_kode: string; unit_nama: string }>(
      `SELECT j.kode, j.nama, j.jenis::text AS jenis, u.kode AS unit_kode, u.nama AS unit_nama
         FROM jabatan j JOIN unit_kerja u ON u.id = j.unit_id
        WHERE j.aktif AND u.aktif ORDER BY u.path, j.kode`,
    ),
  ]);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SIKAP';
  const bold = (ws: ExcelJS.Worksheet) => {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };

  const ws = wb.addWorksheet('Pegawai');
  const widths: Record<string, number> = { nip: 22, nama: 36, jenis_asn: 11, pangkat_golongan: 18, kode_jabatan: 32, kode_unit: 28, nip_penilai: 22, email: 32 };
  ws.columns = COLUMNS.map((c) => ({ key: c, width: widths[c] ?? 16, style: (TEXT_COLUMNS as readonly string[]).includes(c) ? { numFmt: '@' } : {} }));
  ws.addRow([...COLUMNS]);
  ws.addRow(safeRow(COLUMNS.map((c) => example[c])));
  bold(ws);
  const last = MAX_ROWS + 1;
  const colLetter = (c: string) => String.fromCharCode(65 + COLUMNS.indexOf(c as (typeof COLUMNS)[number]));
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`${colLetter('jenis_asn')}2:${colLetter('jenis_asn')}${last}`, { type: 'list', allowBlank: true, formulae: ['"PNS,PPPK"'], showErrorMessage: true });
  const golRows = GOLONGAN_PNS.length + GOLONGAN_PPPK.length + 1;
  validations.add(`${colLetter('pangkat_golongan')}2:${colLetter('pangkat_golongan')}${last}`, { type: 'list', allowBlank: true, formulae: [`Golongan!$B$2:$B$${golRows}`], showErrorMessage: true });

  const wj = wb.addWorksheet('Jabatan');
  wj.columns = [
    { header: 'kode_jabatan', key: 'kode', width: 32 },
    { header: 'nama_jabatan', key: 'nama', width: 48 },
    { header: 'jenis', key: 'jenis', width: 16 },
    { header: 'kode_unit', key: 'unit_kode', width: 28 },
    { header: 'nama_unit', key: 'unit_nama', width: 52 },
  ];
  wj.addRows(jabatan.rows.map(safeRow));
  bold(wj);

  const wg = wb.addWorksheet('Golongan');
  wg.columns = [
    { header: 'jenis_asn', key: 'jenis', width: 11 },
    { header: 'pangkat_golongan', key: 'kode', width: 18 },
    { header: 'pangkat', key: 'pangkat', width: 28 },
  ];
  wg.addRows([...GOLONGAN_PNS.map((g) => ({ jenis: 'PNS', kode: g.kode, pangkat: g.pangkat })), ...GOLONGAN_PPPK.map((k) => ({ jenis: 'PPPK', kode: k, pangkat: '' }))].map(safeRow));
  bold(wg);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
