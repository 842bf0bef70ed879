import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGINS, loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';
import * as given from '../helpers/given.js';

// The audit log: append-only in the database itself, and readable by the admin with filters.

let t: TestApp;
let admin: Agent;
let unitId: number;

/** Today's date in the agency's time zone (the filter's dates are Jakarta days). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

/** The rows of an /audit page: id, actor, aksi, entitas. */
function rows(html: string) {
  return [...html.matchAll(/<tr><td>[^<]*<\/td><td>([^<]*)<\/td><td data-aksi="([^"]*)">[^<]*<\/td><td data-entitas="([^"]*)">[^<]*<\/td><td>([^<]*)<\/td><td><a href="\/audit\/(\d+)">/g)].map((m) => ({
    actor: m[1]!, aksi: m[2]!, entitas: m[3]!, entitasId: m[4]!, id: Number(m[5]),
  }));
}

beforeAll(async () => {
  t = await testApp();
  admin = await loginAs(t.app, 'admin'); // auth.login by admin
  // A second actor: the demo employee (an employee made through the services here would add
  // its own unit, jabatan and pegawai entries to the log this file counts).
  await loginAs(t.app, 'pegawai'); // auth.login by that employee
  // a unit of its own, as a new root (making a parent for it would add a unit.create entry to the log this file counts)
  expect((await postForm(admin, '/unit', { kode: 'UJI.LIP', nama: 'Seksi Layanan Informasi', parentId: '' })).status).toBe(303);
  const unit = await t.db.prisma.unitKerja.findUniqueOrThrow({ where: { kode: 'UJI.LIP' } });
  unitId = unit.id;
  expect((await postForm(admin, `/unit/${unit.id}`, { kode: unit.kode, nama: 'Seksi Layanan Informasi Publik', parentId: '', aktif: '1', version: unit.version })).status).toBe(303);
});
afterAll(async () => { await t.close(); });

describe('append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on audit_log, whoever asks', async () => {
    const before = await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(before.rows[0]!.n).toBeGreaterThanOrEqual(5);
    await expect(t.db.pool.query("UPDATE audit_log SET aksi = 'x'")).rejects.toThrow(/append-only/);
    await expect(t.db.pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.db.pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(t.db.pool.query('DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)')).rejects.toThrow(/append-only/);
    // nor through Prisma
    await expect(t.db.prisma.auditLog.deleteMany({})).rejects.toThrow();
    await expect(t.db.prisma.auditLog.updateMany({ data: { actor: 'x' } })).rejects.toThrow();
    const after = await t.db.pool.query<{ n: number; x: number }>("SELECT count(*)::int AS n, count(*) FILTER (WHERE aksi = 'x' OR actor = 'x')::int AS x FROM audit_log");
    expect(after.rows[0]).toEqual({ n: before.rows[0]!.n, x: 0 });
  });

  it('still accepts new entries', async () => {
    await t.db.pool.query("INSERT INTO audit_log (actor, aksi, entitas) VALUES ('tes', 'tes.insert', 'tes')");
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'tes.insert' } })).toBe(1);
  });
});

describe('/audit', () => {
  it('lists the latest entries first, with the append-only notice', async () => {
    const res = await admin.get('/audit').expect(200);
    expect(res.text).toContain('Log audit hanya dapat ditambah');
    const list = rows(res.text);
    const ids = list.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(list.map((r) => r.aksi)).toEqual(expect.arrayContaining(['auth.login', 'unit.create', 'unit.update', 'seed.demo']));
  });

  it('filters by entitas', async () => {
    const list = rows((await admin.get('/audit?entitas=unit_kerja').expect(200)).text);
    expect(list.map((r) => r.aksi).sort()).toEqual(['unit.create', 'unit.update']);
    expect(list.every((r) => r.entitas === 'unit_kerja' && r.entitasId === String(unitId))).toBe(true);
  });

  it('filters by aksi prefix (wildcards typed by the user are literal)', async () => {
    expect(rows((await admin.get('/audit?aksi=unit.').expect(200)).text).map((r) => r.aksi).sort()).toEqual(['unit.create', 'unit.update']);
    expect(rows((await admin.get('/audit?aksi=unit.up').expect(200)).text).map((r) => r.aksi)).toEqual(['unit.update']);
    expect(rows((await admin.get('/audit?aksi=auth').expect(200)).text).map((r) => r.aksi)).toEqual(['auth.login', 'auth.login']);
    expect(rows((await admin.get('/audit?aksi=%25').expect(200)).text)).toEqual([]);
    expect(rows((await admin.get('/audit?aksi=_nit').expect(200)).text)).toEqual([]);
  });

  it('filters by actor (part of the name, any case)', async () => {
    const p = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: LOGINS.pegawai } });
    const byName = rows((await admin.get(`/audit?actor=${encodeURIComponent(p.nama.split(' ')[0]!.toLowerCase())}`).expect(200)).text);
    expect(byName).toHaveLength(1);
    expect(byName[0]).toMatchObject({ aksi: 'auth.login', actor: `${p.nama} (${p.nip})` });
    const byAdmin = rows((await admin.get('/audit?actor=admin&entitas=unit_kerja').expect(200)).text);
    expect(byAdmin.map((r) => r.aksi).sort()).toEqual(['unit.create', 'unit.update']);
  });

  it('filters by date range (Jakarta days)', async () => {
    const d = today();
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() - 86_400_000));
    // from yesterday (not only today) so a run across midnight does not flake
    const now = rows((await admin.get(`/audit?dari=${yesterday}&sampai=${d}&entitas=unit_kerja`).expect(200)).text);
    expect(now).toHaveLength(2);
    const past = await admin.get('/audit?dari=2020-01-01&sampai=2020-12-31').expect(200);
    expect(rows(past.text)).toEqual([]);
    expect(past.text).toContain('Tidak ada catatan yang cocok.');
    expect(rows((await admin.get(`/audit?dari=${yesterday}`).expect(200)).text).length).toBeGreaterThanOrEqual(4);
    const future = `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
    expect(rows((await admin.get(`/audit?dari=${future}`).expect(200)).text)).toEqual([]);
    expect(rows((await admin.get(`/audit?sampai=2020-01-01`).expect(200)).text)).toEqual([]);
  });

  it('takes a date as a whole day in Jakarta (UTC+7), at both ends', async () => {
    // 2025-03-10 23:59:59 and 2025-03-11 00:00:00 in Jakarta, and the last second of the 11th
    await t.db.pool.query(
      `INSERT INTO audit_log (at, actor, aksi, entitas) VALUES
         ('2025-03-10T16:59:59Z', 'tes', 'tes.malam', 'tes_tz'), ('2025-03-10T17:00:00Z', 'tes', 'tes.pagi', 'tes_tz'), ('2025-03-11T16:59:59Z', 'tes', 'tes.akhir', 'tes_tz')`,
    );
    const day = async (q: string) => rows((await admin.get(`/audit?entitas=tes_tz&${q}`).expect(200)).text).map((r) => r.aksi).sort();
    expect(await day('dari=2025-03-10&sampai=2025-03-10')).toEqual(['tes.malam']);
    expect(await day('dari=2025-03-11&sampai=2025-03-11')).toEqual(['tes.akhir', 'tes.pagi']);
    expect(await day('dari=2025-03-11')).toEqual(['tes.akhir', 'tes.pagi']);
    expect(await day('sampai=2025-03-10')).toEqual(['tes.malam']);
    expect(await day('dari=2025-03-12')).toEqual([]);
  });

  it('keeps the chosen filters in the form', async () => {
    const res = await admin.get('/audit?entitas=unit_kerja&aksi=unit.&actor=adm').expect(200);
    expect(res.text).toContain('<option value="unit_kerja" selected>');
    expect(res.text).toContain('value="unit."');
    expect(res.text).toContain('value="adm"');
  });

  it('shows a message for an invalid date instead of failing', async () => {
    for (const bad of ['2026-13-45', 'kemarin', '31-12-2026']) {
      const res = await admin.get(`/audit?dari=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('Tanggal tidak valid (format TTTT-BB-HH).');
      expect(res.text).toContain(`value="${bad}"`);
    }
    const sampai = await admin.get('/audit?sampai=2026-02-30');
    expect(sampai.status).toBe(200);
    expect(sampai.text).toContain('Tanggal tidak valid (format TTTT-BB-HH).');
  });

  it('keeps the other filters when a date is invalid', async () => {
    const res = await admin.get('/audit?aksi=auth.login&dari=kemarin').expect(200);
    expect(res.text).toContain('Tanggal tidak valid (format TTTT-BB-HH).');
    const listed = rows(res.text);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((r) => r.aksi.startsWith('auth.login'))).toBe(true);
  });

  it('pages backwards with "before"', async () => {
    const all = rows((await admin.get('/audit').expect(200)).text);
    const pivot = all[1]!.id;
    const older = rows((await admin.get(`/audit?before=${pivot}`).expect(200)).text);
    expect(older.length).toBeGreaterThan(0);
    expect(older.every((r) => r.id < pivot)).toBe(true);
  });

  /** The field table of a detail page: label → [before, after] as shown. */
  const fieldsOf = (html: string) =>
    Object.fromEntries([...html.matchAll(/<tr(?: class=changed)?>\s*<th scope="row">([^<]*)<\/th>\s*<td>([\s\S]*?)<\/td>\s*<td>([\s\S]*?)<\/td>/g)].map((m) => [m[1]!, [m[2]!.replace(/<[^>]+>/g, '').trim(), m[3]!.replace(/<[^>]+>/g, '').trim()]]));

  it('shows the before and after of a change field by field, in words', async () => {
    const entry = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'unit.update', entitasId: String(unitId) } });
    const res = await admin.get(`/audit/${entry.id}`).expect(200);
    expect(res.text).toContain(`#${entry.id}`);
    expect(res.text).toContain('Mengubah unit kerja');
    expect(res.text).toContain('<code>unit.update</code>'); // the code stays, small, for support
    expect(res.text).toContain('Unit kerja'); // the kind of record in words
    const f = fieldsOf(res.text);
    expect(f['Nama']).toEqual(['Seksi Layanan Informasi', 'Seksi Layanan Informasi Publik']);
    expect(f['Versi data']).toEqual(['1', '2']);
    expect(f['Aktif']).toEqual(['Ya', 'Ya']);
    expect(res.text).toMatch(/<tr class=changed>\s*<th scope="row">Nama<\/th>/);
    expect(res.text).toContain('Sebelum');
    expect(res.text).toContain('Sesudah');
  });

  it('shows a dash for the missing side of a creation', async () => {
    const entry = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'unit.create', entitasId: String(unitId) } });
    const res = await admin.get(`/audit/${entry.id}`).expect(200);
    const f = fieldsOf(res.text);
    expect(f['Kode']).toEqual(['—', 'UJI.LIP']);
    expect(res.text).toContain('Membuat unit kerja');
  });

  it('speaks English when the UI is switched, and shows an unknown field by its name', async () => {
    const { rows: [ins] } = await t.db.pool.query<{ id: string }>(`INSERT INTO audit_log (actor, aksi, entitas, entitas_id, before, after) VALUES ('sistem', 'skp.approve', 'skp', '9', '{"status":"DIAJUKAN","bidangBaru":1}', '{"status":"DISETUJUI","bidangBaru":2}') RETURNING id`);
    const en = await loginAs(t.app, 'admin');
    await postForm(en, '/bahasa', { lang: 'en', back: '/' });
    const res = await en.get(`/audit/${ins!.id}`).expect(200);
    expect(res.text).toContain('Approved the SKP');
    const f = fieldsOf(res.text);
    expect(f['Status']).toEqual(['Submitted', 'Approved']);
    expect(f['bidangBaru']).toEqual(['1', '2']);
    const list = await en.get('/audit?entitas=skp').expect(200);
    expect(list.text).toContain('Approved the SKP');
  });

  it('shows a record that is not a set of fields as it was stored', async () => {
    const { rows: [ins] } = await t.db.pool.query<{ id: string }>(`INSERT INTO audit_log (actor, aksi, entitas, before, after) VALUES ('sistem', 'siklus.periode.update', 'siklus', '[{"urutan":1}]', '[{"urutan":2}]') RETURNING id`);
    const res = await admin.get(`/audit/${ins!.id}`).expect(200);
    const [before, after] = [...res.text.matchAll(/<pre class="json">([\s\S]*?)<\/pre>/g)].map((m) => JSON.parse(m[1]!.replace(/&#34;/g, '"')));
    expect(before).toEqual([{ urutan: 1 }]);
    expect(after).toEqual([{ urutan: 2 }]);
  });

  it('answers 404 for an entry that does not exist', async () => {
    await admin.get('/audit/987654321').expect(404);
    await admin.get('/audit/0').expect(404);
  });
});

describe('renamed actions (docs/naming.md § Audit action names)', () => {
  // Entries keep the name they were written with (the log is append-only); the page shows the
  // current name and a filter on either name finds both.
  let oldId: number;
  let newId: number;
  beforeAll(async () => {
    const ins = (aksi: string) =>
      t.db.pool.query<{ id: string }>(`INSERT INTO audit_log (actor, aksi, entitas, entitas_id) VALUES ('sistem', $1, 'uji_rename', '1') RETURNING id`, [aksi]);
    oldId = Number((await ins('skp.setujui')).rows[0]!.id);
    newId = Number((await ins('skp.approve')).rows[0]!.id);
  });

  it('lists an entry stored under the old name with the current name', async () => {
    expect(rows((await admin.get('/audit?entitas=uji_rename').expect(200)).text).map((r) => r.aksi)).toEqual(['skp.approve', 'skp.approve']);
  });

  it('finds both entries by the current name, the old name, or a prefix of either', async () => {
    for (const q of ['skp.approve', 'skp.setujui', 'skp.appr', 'skp.setu']) {
      expect(rows((await admin.get(`/audit?entitas=uji_rename&aksi=${q}`).expect(200)).text), q).toHaveLength(2);
    }
    expect(rows((await admin.get('/audit?entitas=uji_rename&aksi=skp.submit').expect(200)).text)).toEqual([]);
    expect(rows((await admin.get('/audit?entitas=uji_rename&aksi=skp.approvex').expect(200)).text)).toEqual([]);
    expect(rows((await admin.get('/audit?entitas=uji_rename&aksi=skp.setujuix').expect(200)).text)).toEqual([]);
  });

  it('shows both names on the detail page of an old entry, and one name on a current one', async () => {
    expect((await admin.get(`/audit/${oldId}`).expect(200)).text).toContain('<code>skp.approve (skp.setujui)</code>');
    expect((await admin.get(`/audit/${newId}`).expect(200)).text).toContain('<code>skp.approve</code>');
  });

  it('maps old names straight to current ones, and no service writes an old name any more', async () => {
    const { RENAMED_AKSI, aksiAliases } = await import('../../src/modules/audit/actions.js');
    expect(Object.keys(RENAMED_AKSI)).toHaveLength(20);
    for (const now of Object.values(RENAMED_AKSI)) expect(Object.keys(RENAMED_AKSI)).not.toContain(now);
    expect(aksiAliases('skp.setujui')).toEqual(['skp.approve']);
    expect(aksiAliases('skp.approve')).toEqual(['skp.setujui']);
    expect(aksiAliases('skp.rhk')).toEqual([]); // old and new names both start with it
    const { readFileSync, readdirSync } = await import('node:fs');
    const files = (readdirSync('src', { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('actions.ts'));
    // every line that names an action says `aksi` (aksi: …, aksi.push(…)); none may carry an old name
    const lines = files.flatMap((f) => readFileSync(`src/${f}`, 'utf8').split('\n')).filter((l) => /\baksi\b/.test(l));
    expect(lines.length).toBeGreaterThan(20);
    for (const old of Object.keys(RENAMED_AKSI)) expect(lines.filter((l) => l.includes(`'${old}'`)), old).toEqual([]);
  });

  it('is what the planning and review services write: the current names only', async () => {
    const { RENAMED_AKSI } = await import('../../src/modules/audit/actions.js');
    const from = (await t.db.pool.query<{ id: string | null }>('SELECT max(id) AS id FROM audit_log')).rows[0]!.id ?? '0';
    const a = await given.pegawaiWithPenilai(t);
    await given.skpDisetujui(t, a.pegawai, { lampiran: 1 });
    const b = await given.pegawaiWithPenilai(t);
    await given.skpDikembalikan(t, b.pegawai);
    const written = (await t.db.pool.query<{ aksi: string }>('SELECT DISTINCT aksi FROM audit_log WHERE id > $1 ORDER BY aksi', [from])).rows.map((r) => r.aksi);
    expect(written).toEqual(expect.arrayContaining(['skp.approve', 'skp.indikator.create', 'skp.lampiran.create', 'skp.return', 'skp.rhk.create', 'skp.submit']));
    expect(written.filter((x) => Object.hasOwn(RENAMED_AKSI, x))).toEqual([]);
  });
});
