import { Router, type Request, type Response } from 'express';
import ExcelJS from 'exceljs';
import type { RouterDeps } from '../router-deps.js';
import { GOLONGAN_PNS, GOLONGAN_PPPK } from '../../domain/golongan.js';
import { requireAdmin } from '../../web/auth.js';
import { Refused } from '../../errors.js';
import { statusOf } from '../../web/errors.js';
import { refusalLocals } from '../../web/form.js';
import { flash, t } from '../../web/locals.js';
import { uploadWithCsrf } from '../../web/upload.js';
import { csvLine, safeRow } from '../../export/spreadsheet-cells.js';
import { MAX_ROWS, parseUpload } from './parse.js';
import { COLUMNS, commitImport, REQUIRED_COLUMNS, templateCodes, TEXT_COLUMNS } from './service.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function importRoutes({ db, config }: Pick<RouterDeps, 'db' | 'config'>): Router {
  const r = Router();
  const upload = uploadWithCsrf({ field: 'berkas', maxBytes: config.uploadMaxBytes });

  const page = (res: Response, status: number, extra: Partial<ReturnType<typeof refusalLocals>> & { fileName?: string } = {}) => {
    res.status(status).render('imports/upload', {
      columns: COLUMNS.map((name) => ({ name, required: (REQUIRED_COLUMNS as readonly string[]).includes(name) })),
      maxRows: MAX_ROWS,
      maxMb: Math.max(1, Math.round(config.uploadMaxBytes / (1024 * 1024))),
      formError: extra.formError,
      fileName: extra.fileName ?? null,
      problems: extra.problems ?? [],
      problemCount: extra.problemCount ?? 0,
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
      const summary = await commitImport(db, req.user!, { ...table, fileName }, { ip: req.ip ?? null });
      flash(req, 'success', t(res, 'import.done', summary));
      res.redirect(303, '/impor');
    } catch (e) {
      if (e instanceof Refused) return page(res, statusOf(e), { fileName, ...refusalLocals(e, res.locals.t) });
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
async function exampleRow(db: RouterDeps['db']): Promise<Record<(typeof COLUMNS)[number], string>> {
  const f = (await templateCodes(db)).example;
  return {
    nip: '199203152019031002',
    nama: 'Contoh Nama Pegawai, S.Kom.',
    jenis_asn: 'PNS',
    pangkat_golongan: 'III/a',
    kode_jabatan: f?.kodeJabatan ?? 'KODE.JABATAN',
    kode_unit: f?.kodeUnit ?? 'KODE.UNIT',
    nip_penilai: f?.nipPenilai ?? '',
    email: 'contoh.pegawai@instansi.go.id',
  };
}

/** The XLSX template: the import sheet (NIP columns as text) and the valid codes. */
async function templateXlsx(db: RouterDeps['db']): Promise<Buffer> {
  const [example, { jabatan }] = await Promise.all([exampleRow(db), templateCodes(db)]);
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
    { header: 'kode_unit', key: 'unitKode', width: 28 },
    { header: 'nama_unit', key: 'unitNama', width: 52 },
  ];
  wj.addRows(jabatan.map(safeRow));
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
