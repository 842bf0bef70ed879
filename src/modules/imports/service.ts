import type { AuditAksi } from '../audit/actions.js';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { createDraftsForPegawai } from '../skp/draft-sql.js';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { sqlOn } from '../../db/sql.js';
import type { Actor } from '../../domain/access.js';
import { findLoopsInBatch } from '../../domain/appraiser-chain.js';
import { isValidGolongan } from '../../domain/golongan.js';
import { penilaiProblem, type DelegasiPosisi, type Posisi } from '../../domain/pejabat-penilai.js';
import { hariIni } from '../../domain/delegasi.js';
import { LABELS } from '../../i18n/labels.js';
import { validateNip } from '../../domain/nip.js';
import { Conflict, Invalid, Refused, type Problem } from '../../errors.js';
import { hashPassword } from '../auth/password.js';
import type { CellIssue, ImportRow } from './parse.js';
import { exampleCodes, jabatanCodes } from './queries.js';

// Employee import: every row of the file is checked first against the file itself and the
// database (a handful of set-based queries, never one per row); any error rejects the whole
// file. A clean file is written in one transaction with set-based statements. Rows identical to
// the database are not touched, so importing the same file twice changes nothing.

export const REQUIRED_COLUMNS = ['nip', 'nama', 'jenis_asn', 'pangkat_golongan', 'kode_jabatan', 'kode_unit'] as const;
export const OPTIONAL_COLUMNS = ['nip_penilai', 'email'] as const;
export const COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
/** Columns holding NIPs: must be text in a spreadsheet (18 digits do not survive as a number). */
export const TEXT_COLUMNS = ['nip', 'nip_penilai'] as const;

export type ImportInput = { headers: string[]; rows: ImportRow[]; issues?: CellIssue[]; fileName?: string };
export type ImportSummary = { created: number; updated: number; unchanged: number };

type Q = pg.Pool | pg.PoolClient;
type JenisAsn = 'PNS' | 'PPPK';
type RawError = { row: number; column: string; value: string; key: string; params?: Record<string, string | number> };

type Target = {
  row: number;
  nip: string;
  nama: string;
  jenisAsn: JenisAsn;
  pangkatGolongan: string;
  /** undefined: the file has no email column, so an existing email is kept. */
  email: string | null | undefined;
  jabatanId: number;
  unitId: number;
  /** undefined: no nip_penilai column (existing appraiser kept); null: no appraiser. */
  penilaiNip: string | null | undefined;
};
type Existing = {
  id: number; nip: string; nama: string; jenis_asn: JenisAsn; pangkat_golongan: string; email: string | null;
  jabatan_id: number; unit_id: number; penilai_id: number | null; aktif: boolean; version: number;
};
type Plan = {
  creates: Target[];
  updates: { target: Target; before: Existing; refsChanged: boolean }[];
  unchanged: number;
  existing: Map<string, Existing>;
};

// ---- Normalisation ------------------------------------------------------------------------

/** "iii/A", "III - a", "Penata Muda (III/a)" → "III/a"; "PPPK IX", "Golongan ix" → "IX". */
export function normaliseGolongan(raw: string): string {
  let v = raw.trim().replace(/\s+/g, ' ');
  const paren = /\(([^)]+)\)\s*$/.exec(v);
  if (paren) v = paren[1]!.trim();
  v = v.replace(/^(pppk|golongan|gol\.?)\s*/i, '');
  const pns = /^(IV|III|II|I)\s*[/-]\s*([a-e])$/i.exec(v);
  if (pns) return `${pns[1]!.toUpperCase()}/${pns[2]!.toLowerCase()}`;
  if (/^[ivx]+$/i.test(v)) return v.toUpperCase();
  return v;
}

/** What Excel makes of an 18-digit number: "1.98501E+17" (or "1,98501E+17"). */
const SCIENTIFIC = /^\d+(?:[.,]\d+)?e\+?\d+$/i;
const stripNip = (v: string) => v.replace(/^'/, '').replace(/[\s.-]/g, '');
const emailSchema = z.email().max(200);

// ---- Validation ---------------------------------------------------------------------------

/** Checks every row; returns all errors (translated), or none. Writes nothing. */
/** The row errors, in file order (row, then column order), each a Problem with its place. */
function rowProblems(errors: RawError[]): Problem[] {
  const order = new Map<string, number>(COLUMNS.map((c, i) => [c, i]));
  return errors
    .sort((a, b) => a.row - b.row || (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99))
    .map((e) => ({ row: e.row, column: e.column, value: e.value.slice(0, 200), key: e.key, params: e.params }));
}

async function check(q: Q, input: ImportInput, lock: boolean): Promise<{ errors: RawError[]; plan: Plan | null }> {
  const errors: RawError[] = [];
  const add = (row: number, column: string, value: string, key: string, params?: Record<string, string | number>) => errors.push({ row, column, value, key, params });

  const missing = REQUIRED_COLUMNS.filter((c) => !input.headers.includes(c));
  if (missing.length) {
    add(1, missing.join(', '), '', 'import.missingColumns', { columns: missing.join(', ') });
    return { errors, plan: null };
  }
  const hasPenilai = input.headers.includes('nip_penilai');
  const hasEmail = input.headers.includes('email');

  // Cells the parser already rejected (a NIP stored as a number) are not checked again.
  const badCell = new Set<string>();
  for (const i of input.issues ?? []) {
    add(i.row, i.column, i.value, i.key, i.params);
    badCell.add(`${i.row}:${i.column}`);
  }

  // 1. Each row on its own.
  type Pre = {
    row: number; cells: Record<string, string>; nip: string | null; nama: string; jenisAsn: JenisAsn | null; gol: string;
    email: string | null | undefined; kodeJabatan: string; kodeUnit: string; penilaiNip: string | null | undefined; penilaiUsable: boolean;
  };
  const pre: Pre[] = [];
  for (const { row, cells } of input.rows) {
    const cell = (c: string) => cells[c] ?? '';
    let nip: string | null = null;
    if (!badCell.has(`${row}:nip`)) {
      const v = cell('nip').replace(/^'/, '');
      if (SCIENTIFIC.test(v)) add(row, 'nip', cell('nip'), 'import.nipAsNumber');
      else {
        const r = validateNip(v);
        if (r.ok) nip = r.nip;
        else add(row, 'nip', cell('nip'), r.code);
      }
    }
    const nama = cell('nama');
    if (nama === '') add(row, 'nama', nama, 'err.required');
    else if (nama.length < 3) add(row, 'nama', nama, 'err.minLength', { min: 3 });
    else if (nama.length > 200) add(row, 'nama', nama, 'err.maxLength', { max: 200 });

    const jenisRaw = cell('jenis_asn').toUpperCase();
    const jenisAsn = jenisRaw === 'PNS' || jenisRaw === 'PPPK' ? jenisRaw : null;
    if (!jenisAsn) add(row, 'jenis_asn', cell('jenis_asn'), jenisRaw === '' ? 'err.required' : 'import.jenisAsn');

    const gol = normaliseGolongan(cell('pangkat_golongan'));
    if (gol === '') add(row, 'pangkat_golongan', '', 'err.required');
    else if (jenisAsn && !isValidGolongan(jenisAsn, gol)) add(row, 'pangkat_golongan', cell('pangkat_golongan'), 'pegawai.golonganInvalid');

    let email: string | null | undefined;
    if (hasEmail) {
      email = cell('email') === '' ? null : cell('email');
      if (email !== null && !emailSchema.safeParse(email).success) add(row, 'email', email, 'err.email');
    }

    const kodeJabatan = cell('kode_jabatan');
    const kodeUnit = cell('kode_unit');
    if (kodeJabatan === '') add(row, 'kode_jabatan', '', 'err.required');
    if (kodeUnit === '') add(row, 'kode_unit', '', 'err.required');

    let penilaiNip: string | null | undefined;
    let penilaiUsable = false;
    if (hasPenilai && !badCell.has(`${row}:nip_penilai`)) {
      const v = cell('nip_penilai');
      if (v === '') penilaiNip = null;
      else if (SCIENTIFIC.test(v.replace(/^'/, ''))) add(row, 'nip_penilai', v, 'import.nipAsNumber');
      else {
        penilaiNip = stripNip(v);
        penilaiUsable = true;
      }
    }
    pre.push({ row, cells, nip, nama, jenisAsn, gol, email, kodeJabatan, kodeUnit, penilaiNip, penilaiUsable });
  }

  // 2. Within the file: a NIP may appear only once.
  const rowsByNip = new Map<string, number[]>();
  for (const p of pre) if (p.nip) rowsByNip.set(p.nip, [...(rowsByNip.get(p.nip) ?? []), p.row]);
  for (const p of pre) {
    const rows = p.nip ? rowsByNip.get(p.nip)! : [];
    if (rows.length > 1) add(p.row, 'nip', p.cells.nip ?? '', 'import.duplicateNip', { row: rows[0] === p.row ? rows[1]! : rows[0]! });
  }
  const fileNips = new Set(rowsByNip.keys());

  // 3. Against the database: four queries for the whole file.
  const jabKodes = [...new Set(pre.map((p) => p.kodeJabatan).filter(Boolean))];
  const unitKodes = [...new Set(pre.map((p) => p.kodeUnit).filter(Boolean))];
  const penilaiNips = pre.filter((p) => p.penilaiUsable).map((p) => p.penilaiNip as string);
  const allNips = [...new Set([...fileNips, ...penilaiNips])];
  // (One after another: inside the import transaction they share one connection.)
  const jabRows = await q.query<{ id: number; kode: string; aktif: boolean; unit_id: number }>(
    `SELECT j.id, j.kode, (j.aktif AND u.aktif) AS aktif, j.unit_id FROM jabatan j JOIN unit_kerja u ON u.id = j.unit_id WHERE j.kode = ANY($1::text[])`,
    [jabKodes],
  );
  const unitRows = await q.query<{ id: number; kode: string; aktif: boolean }>(`SELECT id, kode, aktif FROM unit_kerja WHERE kode = ANY($1::text[])`, [unitKodes]);
  const pegRows = await q.query<Existing>(
    `SELECT id, nip, nama, jenis_asn::text AS jenis_asn, pangkat_golongan, email, jabatan_id, unit_id, penilai_id, aktif, version
       FROM pegawai WHERE nip = ANY($1::text[]) ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
    [allNips],
  );
  const jabByKode = new Map(jabRows.rows.map((j) => [j.kode, j]));
  const unitByKode = new Map(unitRows.rows.map((u) => [u.kode, u]));
  const existing = new Map(pegRows.rows.map((p) => [p.nip, p]));

  // Ids for the appraiser graph: existing employees keep theirs, new rows get negative ones.
  const idOfNip = new Map<string, number>();
  for (const p of existing.values()) idOfNip.set(p.nip, p.id);
  let temp = 0;
  for (const nip of fileNips) if (!idOfNip.has(nip)) idOfNip.set(nip, --temp);

  const resolved = new Map<Pre, { jabatanId: number; unitId: number }>();
  const changes = new Map<number, number | null>();
  const rowOfId = new Map<number, Pre>();
  for (const p of pre) {
    const jab = p.kodeJabatan ? jabByKode.get(p.kodeJabatan) : undefined;
    const unit = p.kodeUnit ? unitByKode.get(p.kodeUnit) : undefined;
    if (p.kodeJabatan && (!jab || !jab.aktif)) add(p.row, 'kode_jabatan', p.kodeJabatan, 'import.unknownJabatan', { kode: p.kodeJabatan });
    if (p.kodeUnit && (!unit || !unit.aktif)) add(p.row, 'kode_unit', p.kodeUnit, 'import.unknownUnit', { kode: p.kodeUnit });
    if (jab?.aktif && unit?.aktif) {
      if (jab.unit_id !== unit.id) add(p.row, 'kode_unit', p.kodeUnit, 'import.jabatanUnitMismatch', { jabatan: p.kodeJabatan, unit: p.kodeUnit });
      else resolved.set(p, { jabatanId: jab.id, unitId: unit.id });
    }

    const selfId = p.nip ? idOfNip.get(p.nip)! : null;
    if (selfId !== null) rowOfId.set(selfId, p);
    if (p.penilaiNip === null && selfId !== null) changes.set(selfId, null);
    if (!p.penilaiUsable) continue;
    const pn = p.penilaiNip as string;
    const value = p.cells.nip_penilai ?? '';
    const known = existing.get(pn);
    if (p.nip !== null && pn === p.nip) add(p.row, 'nip_penilai', value, 'import.penilaiSelf');
    else if (known && !known.aktif) add(p.row, 'nip_penilai', value, 'import.penilaiInactive', { nip: pn });
    else if (!known && !fileNips.has(pn)) add(p.row, 'nip_penilai', value, 'import.unknownPenilai', { nip: pn });
    else if (selfId !== null) changes.set(selfId, idOfNip.get(pn)!);
  }

  // 3b. The appraiser rule (docs/domain/penilai.md): an empty cell takes the default appraiser (the
  // head of the unit, as the file leaves the positions), and every appraiser must be fit to appraise
  // the row's employee (src/domain/pejabat-penilai.ts). A few set-based queries for the whole file.
  await checkPenilaiRule(q, pre, resolved, existing, idOfNip, changes, add);

  // 4. Appraiser loops across the file and the database: the existing chains above every
  // appraiser the file names, in one recursive query.
  const startIds = [...new Set([...changes.values()].filter((id): id is number => id !== null && id > 0))];
  const chain = startIds.length
    ? await q.query<{ id: number; penilai_id: number | null; nama: string }>(
        `WITH RECURSIVE chain(id, penilai_id, nama) AS (
           SELECT id, penilai_id, nama FROM pegawai WHERE id = ANY($1::int[])
           UNION
           SELECT p.id, p.penilai_id, p.nama FROM pegawai p JOIN chain c ON p.id = c.penilai_id
         ) SELECT id, penilai_id, nama FROM chain`,
        [startIds],
      )
    : { rows: [] };
  const current = new Map<number, number | null>(chain.rows.map((r) => [r.id, r.penilai_id]));
  const nameOf = new Map<number, string>(chain.rows.map((r) => [r.id, r.nama]));
  for (const [id, p] of rowOfId) nameOf.set(id, p.nama || p.nip || String(id));
  for (const [id, loop] of findLoopsInBatch(current, changes)) {
    const p = rowOfId.get(id)!;
    add(p.row, 'nip_penilai', p.cells.nip_penilai ?? '', 'import.loop', { loop: loop.map((x) => nameOf.get(x) ?? String(x)).join(' → ') });
  }

  if (errors.length) return { errors, plan: null };

  // 5. The plan: new rows, changed rows, unchanged rows.
  const plan: Plan = { creates: [], updates: [], unchanged: 0, existing };
  for (const p of pre) {
    const refs = resolved.get(p)!;
    const target: Target = {
      row: p.row, nip: p.nip!, nama: p.nama, jenisAsn: p.jenisAsn!, pangkatGolongan: p.gol, email: p.email,
      jabatanId: refs.jabatanId, unitId: refs.unitId, penilaiNip: p.penilaiNip,
    };
    const before = existing.get(target.nip);
    if (!before) {
      plan.creates.push(target);
      continue;
    }
    const penilaiChanged =
      target.penilaiNip === undefined ? false : target.penilaiNip === null ? before.penilai_id !== null : existing.get(target.penilaiNip)?.id !== before.penilai_id;
    const refsChanged = penilaiChanged || before.jabatan_id !== target.jabatanId || before.unit_id !== target.unitId;
    const changed =
      refsChanged || before.nama !== target.nama || before.jenis_asn !== target.jenisAsn || before.pangkat_golongan !== target.pangkatGolongan ||
      (target.email !== undefined && before.email !== target.email);
    if (changed) plan.updates.push({ target, before, refsChanged });
    else plan.unchanged++;
  }
  return { errors, plan };
}

type PreRow = { row: number; cells: Record<string, string>; nip: string | null; nama: string; penilaiNip: string | null | undefined; penilaiUsable: boolean };
type JabatanInfo = { id: number; nama: string; jenis: Posisi['jenis']; unit_nama: string; unit_path: string; mengepalai: boolean; kepala_post: number | null };

/**
 * The appraiser rule over a whole file. Rows whose nip_penilai cell is empty get the default
 * appraiser (their `penilaiNip` and the planned appraiser change are set to it); every row with
 * an appraiser is checked against the rule, with the positions the file itself gives (an appraiser
 * in the file holds the position of their row). Errors go on the row's nip_penilai cell.
 */
async function checkPenilaiRule(
  q: Q,
  pre: PreRow[],
  res: Map<PreRow, { jabatanId: number; unitId: number }>,
  existing: Map<string, Existing>,
  idOfNip: Map<string, number>,
  changes: Map<number, number | null>,
  add: (row: number, column: string, value: string, key: string, params?: Record<string, string | number>) => void,
): Promise<void> {
  const fileRowOfNip = new Map<string, PreRow>();
  for (const p of pre) if (p.nip) fileRowOfNip.set(p.nip, p);
  /** The position an employee holds once the file is applied (a file row wins over the database). */
  const jabatanOfNip = (nip: string): number | null => {
    const p = fileRowOfNip.get(nip);
    if (p) return res.get(p)?.jabatanId ?? null;
    return existing.get(nip)?.jabatan_id ?? null;
  };
  const rows = pre.filter((p) => p.nip && res.has(p) && (p.penilaiNip === null || p.penilaiUsable));
  if (!rows.length) return;
  const info = async (ids: number[]) => {
    const r = await q.query<JabatanInfo>(
      `SELECT j.id, j.nama, j.jenis::text AS jenis, u.nama AS unit_nama, u.path AS unit_path, (u.kepala_jabatan_id = j.id) AS mengepalai,
              CASE WHEN u.kepala_jabatan_id = j.id THEN pu.kepala_jabatan_id ELSE u.kepala_jabatan_id END AS kepala_post
         FROM jabatan j JOIN unit_kerja u ON u.id = j.unit_id LEFT JOIN unit_kerja pu ON pu.id = u.parent_id
        WHERE j.id = ANY($1::int[])`,
      [ids],
    );
    return new Map(r.rows.map((j) => [j.id, { ...j, mengepalai: j.mengepalai === true }]));
  };
  const jab = await info([...new Set(rows.map((p) => res.get(p)!.jabatanId))]);

  // Defaults: the holders of each head post once the file is applied.
  const empty = rows.filter((p) => p.penilaiNip === null);
  const posts = [...new Set(empty.map((p) => jab.get(res.get(p)!.jabatanId)?.kepala_post).filter((x): x is number => typeof x === 'number'))];
  const holders = new Map<number, Set<string>>();
  if (posts.length) {
    const h = await q.query<{ nip: string; jabatan_id: number }>(`SELECT nip, jabatan_id FROM pegawai WHERE aktif AND jabatan_id = ANY($1::int[])`, [posts]);
    for (const r of h.rows) if (!fileRowOfNip.has(r.nip)) (holders.get(r.jabatan_id) ?? holders.set(r.jabatan_id, new Set()).get(r.jabatan_id)!).add(r.nip);
    for (const p of pre) {
      const j = res.get(p)?.jabatanId;
      const known = p.nip ? existing.get(p.nip) : undefined;
      if (p.nip && j !== undefined && posts.includes(j) && (!known || known.aktif)) (holders.get(j) ?? holders.set(j, new Set()).get(j)!).add(p.nip);
    }
  }
  const postNama = posts.length ? await info(posts) : new Map<number, JabatanInfo>();
  // Default appraisers who are neither in the file nor named by it: read them like the others.
  const unread = [...new Set([...holders.values()].flatMap((h) => [...h]))].filter((n) => !existing.has(n) && !fileRowOfNip.has(n));
  if (unread.length) {
    const more = await q.query<Existing>(
      `SELECT id, nip, nama, jenis_asn::text AS jenis_asn, pangkat_golongan, email, jabatan_id, unit_id, penilai_id, aktif, version FROM pegawai WHERE nip = ANY($1::text[])`,
      [unread],
    );
    for (const r of more.rows) {
      existing.set(r.nip, r);
      idOfNip.set(r.nip, r.id);
    }
  }
  for (const p of empty) {
    const post = jab.get(res.get(p)!.jabatanId)?.kepala_post ?? null;
    if (post === null) continue;
    const hs = [...(holders.get(post) ?? [])].filter((n) => n !== p.nip);
    if (hs.length > 1) {
      add(p.row, 'nip_penilai', '', 'penilai.defaultAmbiguous', { jabatan: postNama.get(post)?.nama ?? String(post), count: hs.length });
      continue;
    }
    if (hs.length === 1) {
      p.penilaiNip = hs[0]!;
      p.penilaiUsable = true;
      changes.set(idOfNip.get(p.nip!)!, idOfNip.get(hs[0]!)!);
    }
  }

  // The rule, for every row with an appraiser that exists (unknown NIPs were reported already).
  const checked = rows.filter((p) => p.penilaiUsable && typeof p.penilaiNip === 'string' && p.penilaiNip !== p.nip && (fileRowOfNip.has(p.penilaiNip) || existing.get(p.penilaiNip)?.aktif));
  const penilaiJab = [...new Set(checked.map((p) => jabatanOfNip(p.penilaiNip as string)).filter((x): x is number => x !== null && !jab.has(x)))];
  for (const [k, v] of await info(penilaiJab)) jab.set(k, v);
  const existingPenilai = [...new Set(checked.map((p) => existing.get(p.penilaiNip as string)?.id).filter((x): x is number => x !== undefined))];
  const delegasi = new Map<number, DelegasiPosisi[]>();
  if (existingPenilai.length) {
    const d = await q.query<{ penerima_id: number; jenis: 'PLT' | 'PLH'; nomor_sk: string; jabatan_id: number }>(
      `SELECT penerima_id, jenis::text AS jenis, nomor_sk, jabatan_id FROM delegasi
        WHERE penerima_id = ANY($1::int[]) AND dibatalkan_at IS NULL AND mulai <= $2::date AND selesai >= $2::date`,
      [existingPenilai, hariIni()],
    );
    for (const [k, v] of await info([...new Set(d.rows.map((r) => r.jabatan_id))].filter((x) => !jab.has(x)))) jab.set(k, v);
    for (const r of d.rows) {
      const j = jab.get(r.jabatan_id);
      if (j) (delegasi.get(r.penerima_id) ?? delegasi.set(r.penerima_id, []).get(r.penerima_id)!).push({ jenis: r.jenis, nomorSk: r.nomor_sk, posisi: posisiOf(j) });
    }
  }
  for (const p of checked) {
    const pn = p.penilaiNip as string;
    const own = jab.get(res.get(p)!.jabatanId);
    const pj = jabatanOfNip(pn);
    const penilaiPos = pj === null ? undefined : jab.get(pj);
    if (!own || !penilaiPos) continue;
    const known = existing.get(pn);
    const problem = penilaiProblem(
      { unit: { nama: own.unit_nama, path: own.unit_path }, kepalaUnit: own.mengepalai },
      { nama: fileRowOfNip.get(pn)?.nama || known?.nama || pn, posisi: posisiOf(penilaiPos) },
      known ? (delegasi.get(known.id) ?? []) : [],
    );
    if (problem) {
      const { jenis, ...params } = problem.params;
      add(p.row, 'nip_penilai', p.cells.nip_penilai ?? '', problem.key, { ...params, ...(jenis ? { jenis: `@${LABELS.jenisJabatan[jenis]}` } : {}) });
    }
  }
}

const posisiOf = (j: JabatanInfo): Posisi => ({ jenis: j.jenis, nama: j.nama, mengepalai: j.mengepalai ? { nama: j.unit_nama, path: j.unit_path } : null });

// ---- Commit -------------------------------------------------------------------------------

/**
 * Validates again under a lock and writes a clean file in one transaction. Throws Invalid
 * with every row error as its problems when anything is wrong; nothing is written then.
 * Two imports never run at once: the second waits and then sees the first one's result
 * (a double submit therefore finds every row unchanged).
 */
export async function commitImport(
  db: Db,
  actor: Actor,
  input: ImportInput,
  meta: { ip?: string | null } = {},
): Promise<ImportSummary> {
  const client = await db.pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL lock_timeout = '30s'`);
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('sikap.import.pegawai'))`);
    const { errors, plan } = await check(client, input, true);
    if (errors.length || !plan) throw new Invalid('import.errorsTitle', { count: errors.length }, rowProblems(errors));
    const summary = await write(client, actor, plan, input, meta.ip ?? null);
    // Employees who join mid-year get a draft SKP in every cycle open for planning.
    if (summary.created) {
      const fresh = await client.query<{ id: number }>('SELECT id FROM pegawai WHERE nip = ANY($1::text[])', [plan.creates.map((r) => r.nip)]);
      await createDraftsForPegawai(sqlOn(client), fresh.rows.map((r) => r.id));
    }
    await client.query('COMMIT');
    return summary;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => { broken = true; });
    const code = (e as { code?: unknown }).code;
    if (code === '55P03') throw new Refused('import.busy');
    if (code === '23505') throw new Conflict();
    throw e;
  } finally {
    client.release(broken);
  }
}

const snapshot = (v: { nip: string; nama: string; jenisAsn: string; pangkatGolongan: string; email: string | null; jabatanId: number; unitId: number; penilaiId: number | null }) => JSON.stringify(v);

async function write(c: pg.PoolClient, actor: Actor, plan: Plan, input: ImportInput, ip: string | null): Promise<ImportSummary> {
  const { creates, updates, existing } = plan;
  const summary = { created: creates.length, updated: updates.length, unchanged: plan.unchanged };
  if (creates.length === 0 && updates.length === 0) return summary;

  // New employees, with a login each. Their ids are drawn first, so a new row can name another
  // new row as its appraiser in the same INSERT (the foreign key is checked at statement end).
  const newId = new Map<string, number>();
  if (creates.length) {
    const ids = await c.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('pegawai', 'id'))::int AS id FROM generate_series(1, $1::int)`, [creates.length]);
    creates.forEach((r, i) => newId.set(r.nip, ids.rows[i]!.id));
  }
  const idOf = (nip: string) => existing.get(nip)?.id ?? newId.get(nip)!;
  const penilaiIdOf = (t: Target, before?: Existing): number | null =>
    t.penilaiNip === undefined ? (before?.penilai_id ?? null) : t.penilaiNip === null ? null : idOf(t.penilaiNip);
  if (creates.length) {
    await c.query(
      `INSERT INTO pegawai (id, nip, nama, jenis_asn, pangkat_golongan, email, jabatan_id, unit_id, penilai_id)
       SELECT x.id, x.nip, x.nama, x.jenis::"JenisAsn", x.gol, x.email, x.jab, x.unit, x.pid
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[])
              AS x(id, nip, nama, jenis, gol, email, jab, unit, pid)`,
      [
        creates.map((r) => newId.get(r.nip)!), creates.map((r) => r.nip), creates.map((r) => r.nama), creates.map((r) => r.jenisAsn),
        creates.map((r) => r.pangkatGolongan), creates.map((r) => r.email ?? null), creates.map((r) => r.jabatanId), creates.map((r) => r.unitId),
        creates.map((r) => penilaiIdOf(r)),
      ],
    );
    // No one knows this password: HR issues real ones with the reset-password button.
    const unusable = await hashPassword(randomBytes(32).toString('base64url'));
    await c.query(`INSERT INTO app_user (pegawai_id, password_hash) SELECT id, $2 FROM unnest($1::int[]) AS x(id)`, [[...newId.values()], unusable]);
  }

  if (updates.length) {
    const u = updates.map(({ target, before }) => ({ ...target, id: before.id, version: before.version, email: target.email === undefined ? before.email : target.email, penilaiId: penilaiIdOf(target, before) }));
    const res = await c.query(
      `UPDATE pegawai p
          SET nama = x.nama, jenis_asn = x.jenis::"JenisAsn", pangkat_golongan = x.gol, email = x.email, jabatan_id = x.jab, unit_id = x.unit,
              penilai_id = x.pid, version = p.version + 1, updated_at = now(),
              -- the file names appraisers by NIP only: one from the file replaces an appraiser
              -- outside the agency, an empty cell keeps that one (docs/domain/penilai.md)
              penilai_luar_id = CASE WHEN x.pid IS NULL THEN p.penilai_luar_id END
         FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[])
              AS x(id, version, nama, jenis, gol, email, jab, unit, pid)
        WHERE p.id = x.id AND p.version = x.version`,
      [
        u.map((r) => r.id), u.map((r) => r.version), u.map((r) => r.nama), u.map((r) => r.jenisAsn), u.map((r) => r.pangkatGolongan),
        u.map((r) => r.email), u.map((r) => r.jabatanId), u.map((r) => r.unitId), u.map((r) => r.penilaiId),
      ],
    );
    if (res.rowCount !== u.length) throw new Conflict();
  }

  // History: every new employee, and every change of position, unit or appraiser.
  const riwayat = [
    ...creates.map((r) => ({ id: newId.get(r.nip)!, ket: 'Impor: pegawai baru' })),
    ...updates.filter((x) => x.refsChanged).map((x) => ({ id: x.before.id, ket: 'Impor: perubahan data' })),
  ];
  if (riwayat.length) {
    await c.query(
      `INSERT INTO riwayat_pegawai (pegawai_id, jabatan_id, unit_id, penilai_id, penilai_luar_id, aktif, keterangan, oleh_user_id)
       SELECT p.id, p.jabatan_id, p.unit_id, p.penilai_id, p.penilai_luar_id, p.aktif, x.ket, $3
         FROM unnest($1::int[], $2::text[]) WITH ORDINALITY AS x(id, ket, n) JOIN pegawai p ON p.id = x.id
        ORDER BY x.n`,
      [riwayat.map((r) => r.id), riwayat.map((r) => r.ket), actor.userId],
    );
  }

  // Audit: one summary entry plus one per created / updated employee (before and after).
  const aksi: AuditAksi[] = ['pegawai.import'];
  const entitasId: (string | null)[] = [null];
  const before: (string | null)[] = [null];
  const after: (string | null)[] = [JSON.stringify({ file: input.fileName ?? null, rows: input.rows.length, ...summary })];
  for (const r of creates) {
    aksi.push('pegawai.import.create');
    entitasId.push(String(newId.get(r.nip)));
    before.push(null);
    after.push(snapshot({ nip: r.nip, nama: r.nama, jenisAsn: r.jenisAsn, pangkatGolongan: r.pangkatGolongan, email: r.email ?? null, jabatanId: r.jabatanId, unitId: r.unitId, penilaiId: penilaiIdOf(r) }));
  }
  for (const { target: r, before: b } of updates) {
    aksi.push('pegawai.import.update');
    entitasId.push(String(b.id));
    before.push(snapshot({ nip: b.nip, nama: b.nama, jenisAsn: b.jenis_asn, pangkatGolongan: b.pangkat_golongan, email: b.email, jabatanId: b.jabatan_id, unitId: b.unit_id, penilaiId: b.penilai_id }));
    after.push(snapshot({ nip: r.nip, nama: r.nama, jenisAsn: r.jenisAsn, pangkatGolongan: r.pangkatGolongan, email: r.email === undefined ? b.email : r.email, jabatanId: r.jabatanId, unitId: r.unitId, penilaiId: penilaiIdOf(r, b) }));
  }
  await c.query(
    `INSERT INTO audit_log (user_id, actor, aksi, entitas, entitas_id, before, after, ip)
     SELECT $1, $2, x.aksi, 'pegawai', x.eid, x.b::jsonb, x.a::jsonb, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS x(aksi, eid, b, a, n)
      ORDER BY x.n`,
    [actor.userId, actor.label, ip, aksi, entitasId, before, after],
  );
  return summary;
}

/** What the downloadable templates are built from: one plausible example row's codes and every active position. */
export async function templateCodes(db: Db) {
  const [example, jabatan] = await Promise.all([exampleCodes(db.sql), jabatanCodes(db.sql)]);
  return { example, jabatan };
}
