import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import request from 'supertest';
import * as given from '../helpers/given.js';
import { csrf, loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { akhirHari, tanggalDi } from '../../src/domain/periode-laporan.js';
import { systemClock } from '../../src/clock.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import { seedDemo } from '../../src/db/seed.js';
import { seedPlanning } from '../../src/db/seed-planning.js';
import { seedMutasi } from '../../src/db/seed-mutasi.js';
import { seedLaporan } from '../../src/db/seed-laporan.js';
import { localBerkasStore } from '../../src/storage/berkas-store.js';

// Monitoring Pengisian (/monitoring, docs/domain/monitoring.md): the counts per unit against the
// database, the summary table against a recount, scope (HR the agency, a pimpinan their subtree,
// anyone else 404), the late list, the manual reminder once per person and day, and the Excel
// export read back.
//
// The world (given.organisasi) on the first period of a cycle of its own, the day after the
// employees' deadline:
//   kadis     SKP still a draft (no appraiser inside)      → no report  (late)
//   pimpinan  report rated                                 (not late)
//   penilai   report submitted                             (not late)
//   self      report a draft                               (late)
//   rekan     no report yet                                (late)
//   subtree   report returned                              (late)
//   outside   no report yet                                (late)
//   formula   no report yet, named "=HYPERLINK(…)"         (late; in `lain`, outside the pimpinan's subtree)

const clock = fixedClock('2000-01-01T00:00:00Z');
let t: TestApp;
let world: given.Organisasi;
let formula: given.GivenPegawai;
let periode: { id: number; nama: string; batasPegawai: Date };
let periode2: { id: number };
const agents = {} as Record<'admin' | 'pimpinan' | 'penilai' | 'self', Agent>;

beforeAll(async () => {
  t = await testApp({}, { clock });
  world = await given.organisasi(t);
  formula = await given.pegawai(t, { unitId: world.units.lain.id, penilai: world.people.kadis, nama: '=HYPERLINK("http://x.test","klik")' });
  const siklus = await given.siklusTerbuka(t);
  const ps = await given.periodeOf(t, siklus.id);
  periode = ps[0]!;
  periode2 = ps[1]!;
  const skp: Record<string, number> = {};
  for (const p of ['pimpinan', 'penilai', 'self', 'rekan', 'subtree', 'outside'] as const) skp[p] = (await given.skpDisetujui(t, world.people[p])).id;
  await given.skpDisetujui(t, formula);
  await given.faseSiklus(t, siklus.id, 'PELAKSANAAN');
  await given.laporan(t, skp.pimpinan!, periode.id, { status: 'DINILAI' });
  await given.laporan(t, skp.penilai!, periode.id, { status: 'DIAJUKAN' });
  await given.laporan(t, skp.self!, periode.id);
  await given.laporan(t, skp.subtree!, periode.id, { status: 'DIKEMBALIKAN' });
  // the day after the deadline, 10:00 WIB
  clock.set(new Date(akhirHari(periode.batasPegawai, 'Asia/Jakarta').getTime() + 3 * 3_600_000));
  agents.admin = await loginAs(t.app, 'admin');
  agents.pimpinan = await loginAs(t.app, world.people.pimpinan.login);
  agents.penilai = await loginAs(t.app, world.people.penilai.login);
  agents.self = await loginAs(t.app, world.people.self.login);
});
afterAll(async () => { await t?.close(); });

const num = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));
/** The counts of one row of the unit table (data-unit = a unit id, or 'jumlah'). */
function rowOf(html: string, unit: number | 'jumlah'): Record<string, number> {
  const m = new RegExp(`<tr[^>]*data-unit="${unit}"[^>]*>([\\s\\S]*?)</tr>`).exec(html);
  if (!m) throw new Error(`no row for unit ${unit}`);
  return Object.fromEntries([...m[1]!.matchAll(/data-k="(\w+)">([\d.]+)</g)].map((x) => [x[1]!, num(x[2]!)]));
}
const lateIds = (html: string) => [...html.matchAll(/<tr data-pegawai="(\d+)">/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
const ids = (...ps: { id: number }[]) => ps.map((p) => p.id).sort((a, b) => a - b);
const page = (agent: Agent, q: Record<string, string | number>) => agent.get(`/monitoring?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`);

/** The counts of a subtree straight from the rows (what the summary must agree with). */
async function direct(path: string, periodeId: number) {
  const r = await t.db.pool.query(
    `SELECT s.status AS skp, l.status AS lap FROM periode pe
       JOIN skp s ON s.siklus_id = pe.siklus_id AND s.periode_awal <= pe.selesai AND s.periode_akhir >= pe.mulai
       JOIN pegawai p ON p.id = s.pegawai_id AND p.aktif JOIN unit_kerja u ON u.id = p.unit_id
       LEFT JOIN laporan_periode l ON l.skp_id = s.id AND l.periode_id = pe.id
      WHERE pe.id = $1 AND u.path LIKE $2 || '%'`,
    [periodeId, path],
  );
  const n = (f: (x: { skp: string; lap: string | null }) => boolean) => r.rows.filter(f).length;
  return {
    skpDraft: n((x) => x.skp === 'DRAFT' || x.skp === 'DIKEMBALIKAN'), skpDiajukan: n((x) => x.skp === 'DIAJUKAN'), skpDisetujui: n((x) => x.skp === 'DISETUJUI'),
    lapBelum: n((x) => x.lap === null), lapDraft: n((x) => x.lap === 'DRAFT' || x.lap === 'DIKEMBALIKAN'), lapDiajukan: n((x) => x.lap === 'DIAJUKAN'), lapDinilai: n((x) => x.lap === 'DINILAI'),
  };
}

/** The summary table against a recount from the rows, for every period and unit: the rows that differ. */
const SUMMARY_DRIFT = `    WITH c AS (
      SELECT pe.id AS periode_id, p.unit_id, s.status::text AS k FROM periode pe
        JOIN skp s ON s.siklus_id = pe.siklus_id AND s.periode_awal <= pe.selesai AND s.periode_akhir >= pe.mulai
        JOIN pegawai p ON p.id = s.pegawai_id AND p.aktif
      UNION ALL
      SELECT l.periode_id, p.unit_id, 'L' || l.status::text FROM laporan_periode l JOIN skp s ON s.id = l.skp_id JOIN pegawai p ON p.id = s.pegawai_id AND p.aktif
    ), recount AS (
      SELECT periode_id, unit_id, count(*) FILTER (WHERE k = 'DRAFT')::int AS a, count(*) FILTER (WHERE k = 'DIAJUKAN')::int AS b, count(*) FILTER (WHERE k = 'DIKEMBALIKAN')::int AS c, count(*) FILTER (WHERE k = 'DISETUJUI')::int AS d,
             count(*) FILTER (WHERE k = 'LDRAFT')::int AS e, count(*) FILTER (WHERE k = 'LDIAJUKAN')::int AS f, count(*) FILTER (WHERE k = 'LDIKEMBALIKAN')::int AS g, count(*) FILTER (WHERE k = 'LDINILAI')::int AS h
        FROM c GROUP BY 1, 2
    ), kept AS (
      SELECT periode_id, unit_id, skp_draft AS a, skp_diajukan AS b, skp_dikembalikan AS c, skp_disetujui AS d, lap_draft AS e, lap_diajukan AS f, lap_dikembalikan AS g, lap_dinilai AS h
        FROM monitoring_ringkasan WHERE (skp_draft, skp_diajukan, skp_dikembalikan, skp_disetujui, lap_draft, lap_diajukan, lap_dikembalikan, lap_dinilai) <> (0, 0, 0, 0, 0, 0, 0, 0)
    )
    SELECT 'missing' AS what, * FROM (SELECT * FROM recount EXCEPT SELECT * FROM kept) x
    UNION ALL SELECT 'extra', * FROM (SELECT * FROM kept EXCEPT SELECT * FROM recount) y`;
async function summaryDrift() {
  return (await t.db.pool.query(SUMMARY_DRIFT)).rows;
}

describe('the counts', () => {
  it('per unit, drilling down, agree with the rows in the database', async () => {
    const { root, bidang, seksi, seksi2, lain } = world.units;
    const top = await page(agents.admin, { periode: periode.id, unit: root.id }).expect(200);
    expect(top.text).toContain('id="monitoring-chart"');
    for (const u of [bidang, lain]) {
      const want = await direct(u.path, periode.id);
      expect(rowOf(top.text, u.id)).toEqual(want);
    }
    // root's own staff (kadis) on a row of its own, and the total of the subtree
    expect(rowOf(top.text, 'jumlah')).toEqual(await direct(root.path, periode.id));
    expect(rowOf(top.text, 'jumlah')).toMatchObject({ skpDraft: 1, skpDisetujui: 7, lapBelum: 4, lapDraft: 2, lapDiajukan: 1, lapDinilai: 1 });
    const down = await page(agents.admin, { periode: periode.id, unit: bidang.id }).expect(200);
    for (const u of [seksi, seksi2]) expect(rowOf(down.text, u.id)).toEqual(await direct(u.path, periode.id));
    expect(rowOf(down.text, 'jumlah')).toEqual(await direct(bidang.path, periode.id));
  });

  it('for the whole agency agree with the rows, and the summary table with a recount', async () => {
    const all = await page(agents.admin, { periode: periode.id }).expect(200);
    expect(rowOf(all.text, 'jumlah')).toEqual(await direct('/', periode.id));
    expect(await summaryDrift()).toEqual([]);
  });

  it('follow the writes at once: a report submitted, an employee moved or made inactive', async () => {
    const { bidang, lain } = world.units;
    const before = rowOf((await page(agents.admin, { periode: periode.id, unit: world.units.root.id })).text, bidang.id);
    // self's draft submitted (as the report service writes it)
    const l = await t.db.prisma.laporanPeriode.findFirstOrThrow({ where: { periodeId: periode.id, skp: { pegawaiId: world.people.self.id } } });
    await t.db.prisma.laporanPeriode.update({ where: { id: l.id }, data: { status: 'DIAJUKAN' } });
    const after = rowOf((await page(agents.admin, { periode: periode.id, unit: world.units.root.id })).text, bidang.id);
    expect(after).toEqual({ ...before, lapDraft: before.lapDraft! - 1, lapDiajukan: before.lapDiajukan! + 1 });
    // a move to another unit takes the counts along; deactivation drops them; both undone
    await t.db.prisma.pegawai.update({ where: { id: world.people.rekan.id }, data: { unitId: lain.id } });
    const moved = (await page(agents.admin, { periode: periode.id, unit: world.units.root.id })).text;
    expect(rowOf(moved, bidang.id).lapBelum).toBe(after.lapBelum! - 1);
    expect(rowOf(moved, lain.id)).toEqual(await direct(lain.path, periode.id));
    await t.db.prisma.pegawai.update({ where: { id: world.people.rekan.id }, data: { unitId: world.people.rekan.unitId, aktif: false } });
    expect(rowOf((await page(agents.admin, { periode: periode.id, unit: world.units.root.id })).text, bidang.id).lapBelum).toBe(after.lapBelum! - 1);
    await t.db.prisma.pegawai.update({ where: { id: world.people.rekan.id }, data: { aktif: true } });
    await t.db.prisma.laporanPeriode.update({ where: { id: l.id }, data: { status: 'DRAFT' } });
    expect(rowOf((await page(agents.admin, { periode: periode.id, unit: world.units.root.id })).text, bidang.id)).toEqual(before);
    expect(await summaryDrift()).toEqual([]);
  });

  it('follow statements that update many rows at once, on a connection that first updated one', async () => {
    // PL/pgSQL keeps a trigger statement's plan for the connection's life: the one-row update
    // comes first, so the bulk ones run on the plan made for it (migration 20261209000000)
    const c = await t.db.pool.connect();
    try {
      await c.query('BEGIN');
      const pe = await c.query<{ id: number; unit_id: number }>(`SELECT id, unit_id FROM pegawai WHERE id = ANY($1::int[]) ORDER BY id`, [ids(...Object.values(world.people), formula)]);
      await c.query(`UPDATE skp SET status = status WHERE pegawai_id = $1`, [world.people.self.id]);
      // every SKP: some change status, the rest are written unchanged
      await c.query(`UPDATE skp SET status = CASE WHEN id % 2 = 0 THEN 'DIAJUKAN' ELSE status END::"StatusSkp" WHERE pegawai_id = ANY($1::int[])`, [pe.rows.map((r) => r.id)]);
      await c.query(`UPDATE laporan_periode SET status = status WHERE id = (SELECT min(id) FROM laporan_periode)`);
      await c.query(`UPDATE laporan_periode SET status = CASE WHEN status = 'DRAFT' THEN 'DIAJUKAN' ELSE status END::"StatusLaporan"`);
      // everyone moves to the next one's unit, and one is made inactive, in one statement each
      await c.query(`UPDATE pegawai SET aktif = aktif WHERE id = $1`, [world.people.self.id]);
      const units = pe.rows.map((r) => r.unit_id);
      await c.query(`UPDATE pegawai p SET unit_id = x.u FROM unnest($1::int[], $2::int[]) AS x(id, u) WHERE p.id = x.id`, [pe.rows.map((r) => r.id), [...units.slice(1), units[0]!]]);
      await c.query(`UPDATE pegawai SET aktif = false WHERE id = $1`, [world.people.rekan.id]);
      const drift = await c.query(`SELECT count(*)::int AS n FROM (${SUMMARY_DRIFT}) d`);
      expect(drift.rows[0].n).toBe(0);
      // and none of them pairs old and new rows by a join (the plan that went quadratic)
      const src = await c.query<{ proname: string; prosrc: string }>(`SELECT proname, prosrc FROM pg_proc WHERE proname LIKE 'monitoring\\_%\\_upd'`);
      expect(src.rows.map((r) => r.proname).sort()).toEqual(['monitoring_lap_upd', 'monitoring_pegawai_upd', 'monitoring_periode_upd', 'monitoring_skp_upd']);
      for (const r of src.rows) expect(r.prosrc, r.proname).not.toMatch(/old_rows\s+\w+\s+JOIN\s+new_rows/i);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
    expect(await summaryDrift()).toEqual([]);
  });

  it('before the deadline lists nobody as late', async () => {
    const res = await page(agents.admin, { periode: periode2.id, unit: world.units.root.id }).expect(200);
    expect(lateIds(res.text)).toEqual([]);
    expect(res.text).toContain('belum ada yang terlambat');
  });
});

describe('the late list, page by page', () => {
  it('lists 25 by name, then the rest after "Berikutnya", each once', async () => {
    // a unit of its own with 27 employees whose SKP is still a draft (no report: late)
    const u = await given.unit(t, { nama: 'Unit Banyak Terlambat' });
    const head = await given.pegawai(t, { unitId: u.id, jenis: 'PENGAWAS' });
    const staff = [head];
    for (let i = 0; i < 26; i++) staff.push(await given.pegawai(t, { unitId: u.id, penilai: head, nama: `Pegawai Antre ${String(i).padStart(2, '0')}` }));
    const first = await page(agents.admin, { periode: periode.id, unit: u.id }).expect(200);
    const one = [...first.text.matchAll(/<tr data-pegawai="(\d+)">/g)].map((m) => Number(m[1]));
    expect(one).toHaveLength(25);
    const next = /href="(\/monitoring\?[^"]*setelah=\d+[^"]*)#terlambat">Berikutnya</.exec(first.text.replace(/&amp;/g, '&'));
    expect(next).not.toBeNull();
    const second = await agents.admin.get(next![1]!).expect(200);
    const two = [...second.text.matchAll(/<tr data-pegawai="(\d+)">/g)].map((m) => Number(m[1]));
    expect(two).toHaveLength(2);
    expect(second.text).not.toContain('>Berikutnya<');
    expect([...one, ...two].sort((a, b) => a - b)).toEqual(ids(...staff));
    const byName = new Map(staff.map((p) => [p.id, p.nama]));
    const names = [...one, ...two].map((id) => byName.get(id)!);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('scope', () => {
  it('HR sees everyone late in a unit, with NIP, unit, appraiser and status', async () => {
    const res = await page(agents.admin, { periode: periode.id, unit: world.units.root.id }).expect(200);
    const { kadis, self, rekan, subtree, outside } = world.people;
    expect(lateIds(res.text)).toEqual(ids(kadis, self, rekan, subtree, outside, formula));
    const selfRow = new RegExp(`<tr data-pegawai="${self.id}">([\\s\\S]*?)</tr>`).exec(res.text)![1]!;
    expect(selfRow).toContain(self.nip);
    expect(selfRow).toContain(world.units.seksi.nama);
    expect(selfRow).toContain(world.people.penilai.nama);
    expect(selfRow).toContain('Draf');
  });

  it('a pimpinan sees their subtree only, starting at their unit', async () => {
    const mine = await agents.pimpinan.get(`/monitoring?periode=${periode.id}`).expect(200);
    expect(rowOf(mine.text, 'jumlah')).toEqual(await direct(world.units.bidang.path, periode.id));
    const { self, rekan, subtree } = world.people;
    expect(lateIds(mine.text)).toEqual(ids(self, rekan, subtree));
    expect(mine.text).not.toContain(world.people.outside.nama);
    await agents.pimpinan.get(`/monitoring?periode=${periode.id}&unit=${world.units.seksi.id}`).expect(200);
    await agents.pimpinan.get(`/monitoring?periode=${periode.id}&unit=${world.units.lain.id}`).expect(404);
    await agents.pimpinan.get(`/monitoring?periode=${periode.id}&unit=${world.units.root.id}`).expect(404);
    await agents.pimpinan.get(`/monitoring/unduh.xlsx?periode=${periode.id}&unit=${world.units.lain.id}`).expect(404);
  });

  it('anyone else finds no such page (404), nor a link to it', async () => {
    for (const who of ['penilai', 'self'] as const) {
      await agents[who].get('/monitoring').expect(404);
      await agents[who].get('/monitoring/unduh.xlsx').expect(404);
      const home = await agents[who].get('/').expect(200);
      expect(home.text).not.toContain('href="/monitoring"');
    }
    expect((await agents.admin.get('/').expect(200)).text).toContain('href="/monitoring"');
    await request(t.app).get('/monitoring').expect(303);
    await agents.admin.get('/monitoring?periode=999999').expect(404);
  });
});

describe('the manual reminder', () => {
  const send = async (agent: Agent, pegawaiId: number, p = periode.id) =>
    agent.post('/monitoring/pengingat').type('form').send({ _csrf: await csrf(agent, '/'), periodeId: String(p), pegawaiId: String(pegawaiId), unit: '' });

  it('goes once per person and day: a notification, a MANUAL reminder row, an audit entry', async () => {
    const self = world.people.self;
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { pegawaiId: self.id } });
    const first = await send(agents.pimpinan, self.id);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe(`/monitoring?periode=${periode.id}#terlambat`);
    const shown = await agents.pimpinan.get(first.headers.location!.replace(/#.*$/, '')).expect(200);
    expect(shown.text).toContain(`Pengingat dikirim kepada ${self.nama}.`);
    const row = new RegExp(`<tr data-pegawai="${self.id}">([\\s\\S]*?)</tr>`).exec(shown.text)![1]!;
    expect(row).toContain('Sudah diingatkan hari ini');
    const n = await t.db.prisma.notifikasi.findMany({ where: { userId: user.id, jenis: 'PENGINGAT' } });
    expect(n).toHaveLength(1);
    expect(n[0]!.params).toMatchObject({ periode: periode.nama, tanggal: periode.batasPegawai.toISOString().slice(0, 10) });
    expect(n[0]!.tautan).toMatch(/^\/laporan\/\d+$/);
    const r = await t.db.prisma.pengingat.findMany({ where: { pegawaiId: self.id, jenis: 'MANUAL' } });
    expect(r).toHaveLength(1);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'pengingat.send', entitasId: String(r[0]!.id) } })).toBe(1);

    // again the same day (by HR this time): said so, nothing more written
    const again = await send(agents.admin, self.id);
    expect(again.status).toBe(303);
    const said = await agents.admin.get(again.headers.location!.replace(/#.*$/, '')).expect(200);
    expect(said.text).toContain('sudah diingatkan hari ini');
    expect(await t.db.prisma.notifikasi.count({ where: { userId: user.id, jenis: 'PENGINGAT' } })).toBe(1);
    expect(await t.db.prisma.pengingat.count({ where: { pegawaiId: self.id, jenis: 'MANUAL' } })).toBe(1);

    // both at once: still one
    const [a, b] = await Promise.all([send(agents.admin, world.people.rekan.id), send(agents.pimpinan, world.people.rekan.id)]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(await t.db.prisma.pengingat.count({ where: { pegawaiId: world.people.rekan.id, jenis: 'MANUAL' } })).toBe(1);

    // the next day, once more
    clock.advanceDays(1);
    try {
      expect((await send(agents.admin, self.id)).status).toBe(303);
      expect(await t.db.prisma.pengingat.count({ where: { pegawaiId: self.id, jenis: 'MANUAL' } })).toBe(2);
      expect(await t.db.prisma.notifikasi.count({ where: { userId: user.id, jenis: 'PENGINGAT' } })).toBe(2);
    } finally {
      clock.advanceDays(-1);
    }
  });

  it('is refused (404) outside the scope, for someone not late, before the deadline, and to anyone else', async () => {
    const before = await t.db.prisma.pengingat.count();
    await send(agents.pimpinan, world.people.outside.id).then((r) => expect(r.status).toBe(404));
    await send(agents.admin, world.people.penilai.id).then((r) => expect(r.status).toBe(404)); // submitted
    await send(agents.admin, world.people.self.id, periode2.id).then((r) => expect(r.status).toBe(404)); // deadline ahead
    await send(agents.penilai, world.people.self.id).then((r) => expect(r.status).toBe(404));
    await send(agents.self, world.people.self.id).then((r) => expect(r.status).toBe(404));
    expect(await t.db.prisma.pengingat.count()).toBe(before);
  });
});

/** Reads an xlsx response body back with exceljs. */
async function readBack(res: request.Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body);
  return wb;
}
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('the Excel export', () => {
  it('holds the counts and every late person, text cells neutralised', async () => {
    const res = await agents.admin.get(`/monitoring/unduh.xlsx?periode=${periode.id}&unit=${world.units.root.id}`).buffer(true).parse(binary as never).expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="monitoring-\d{4}-1-T\d+\.xlsx"/);
    const wb = await readBack(res);
    const [ringkasan, terlambat] = wb.worksheets;
    const values = (ws: ExcelJS.Worksheet) => {
      const out: unknown[][] = [];
      ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
      return out;
    };
    const sum = values(ringkasan!);
    const total = sum.find((r) => r[0] === 'Jumlah')!;
    const want = await direct(world.units.root.path, periode.id);
    expect(total.slice(1)).toEqual([7 + 1, want.skpDraft, want.skpDiajukan, want.skpDisetujui, want.lapBelum, want.lapDraft, want.lapDiajukan, want.lapDinilai]);
    const late = values(terlambat!).slice(1);
    const { kadis, self, rekan, subtree, outside } = world.people;
    expect(late.map((r) => r[1]).sort()).toEqual([kadis, self, rekan, subtree, outside, formula].map((p) => p.nip).sort());
    // the name typed as a formula stays text, with the leading quote
    const f = late.find((r) => r[1] === formula.nip)!;
    expect(f[0]).toBe(`'${formula.nama}`);
    expect(JSON.stringify(late)).not.toMatch(/"formula"/);
    expect(late.find((r) => r[1] === self.nip)![4]).toBe('Draf');
  });

  it('before the deadline holds the counts and an empty late list', async () => {
    const res = await agents.pimpinan.get(`/monitoring/unduh.xlsx?periode=${periode2.id}`).buffer(true).parse(binary as never).expect(200);
    const wb = await readBack(res);
    expect(wb.worksheets[1]!.rowCount).toBe(1);
  });
});

describe('the demo', () => {
  // The demo seed, as `npm start` writes it (today's date): HR and the demo pimpinan open the page
  // on the latest period whose deadline has passed, and see people late in it.
  let demo: TestApp;
  beforeAll(async () => {
    demo = await testApp();
    const { logins } = await seedDemo(demo.db.pool);
    const roles = { penilai: logins.find((l) => l.role === 'penilai')!.login, pegawai: logins.find((l) => l.role === 'pegawai')!.login };
    const today = tanggalDi(systemClock.now(), 'Asia/Jakarta');
    const tahun = Number(today.slice(0, 4));
    await seedPlanning(demo.db, demo.app.locals.jobs as JobRunner, { tahun, demo: roles });
    await seedMutasi(demo.db, { tahun, skip: logins.map((l) => l.login), setujui: today >= `${tahun}-07-01` });
    await seedLaporan(demo.db, localBerkasStore(demo.config.berkasDir), { clock: systemClock, demo: roles });
  }, 120_000);
  afterAll(async () => { await demo?.close(); });

  it.each(['admin', 'pimpinan', 'kepalaDinas'] as const)('%s sees late people on the default page, with the chart', async (who) => {
    const agent = await loginAs(demo.app, who);
    const res = await agent.get('/monitoring').expect(200);
    expect(res.text).toContain('id="monitoring-chart"');
    expect(lateIds(res.text).length).toBeGreaterThan(0);
    expect(res.text).toContain('action="/monitoring/pengingat"');
  });

  it.each(['penilai', 'pegawai'] as const)('%s has no monitoring page (and no link to one)', async (who) => {
    const agent = await loginAs(demo.app, who);
    await agent.get('/monitoring').expect(404);
    expect((await agent.get('/').expect(200)).text).not.toContain('href="/monitoring"');
  });
});
