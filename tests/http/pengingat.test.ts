import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, testApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { createDb, type Db } from '../../src/db/client.js';
import { createJobRunner } from '../../src/app.js';
import { periksaPengingat } from '../../src/modules/pengingat/service.js';
import { notifikasiText } from '../../src/modules/notifikasi/render.js';
import { formatters } from '../../src/i18n/index.js';
import { CRON_PENGINGAT, PERIKSA_PENGINGAT, pengingatTasks } from '../../src/modules/pengingat/jobs.js';

// The automatic reminders (docs/domain/pengingat.md): "3 days left" and "deadline passed", per
// period and person concerned, each at most once, decided in the cycle's time zone by the clock.

const clock = fixedClock('2026-01-15T03:00:00Z');
let t: TestApp;
let siklusId: number;
let periode: Awaited<ReturnType<typeof given.periodeOf>>;
/** No report at all (a draft SKP only). */
let kosong: given.GivenPegawai;
/** An approved SKP and a submitted report in every period. */
let diajukan: given.GivenPegawai;
/** An approved SKP, the report returned in every period. */
let dikembalikan: given.GivenPegawai;
/** An approved SKP, the report a draft in every period. */
let draft: given.GivenPegawai;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const minusDays = (d: Date, n: number) => iso(new Date(d.getTime() - n * 86_400_000));
/** The instant of a local wall-clock time in a zone given as "+07:00". */
const at = (day: string, time: string, offset: string) => new Date(`${day}T${time}${offset}`);
const plusMs = (d: Date, ms: number) => new Date(d.getTime() + ms);

const reminders = (periodeId: number, pegawaiId: number) =>
  t.db.prisma.pengingat.findMany({ where: { periodeId, pegawaiId }, orderBy: { id: 'asc' }, select: { jenis: true, tanggal: true } });
const kinds = async (periodeId: number, pegawaiId: number) => (await reminders(periodeId, pegawaiId)).map((r) => r.jenis);
const notes = async (pegawaiId: number) => {
  const u = await t.db.prisma.user.findUniqueOrThrow({ where: { pegawaiId } });
  return t.db.prisma.notifikasi.findMany({ where: { userId: u.id, jenis: { in: ['TENGGAT_H3', 'TENGGAT_LEWAT'] } }, orderBy: { id: 'asc' }, include: { email: true } });
};
const run = (db: Db, now: Date) => periksaPengingat(db, now, { batch: 7 }); // small batches: the keyset loop is exercised

beforeAll(async () => {
  t = await testApp({}, { clock });
  ({ id: siklusId } = await given.siklusTerbuka(t));
  const team = await given.pegawaiWithPenilai(t);
  kosong = await given.pegawai(t, { unitId: team.unitId, penilai: team.penilai });
  diajukan = await given.pegawai(t, { unitId: team.unitId, penilai: team.penilai });
  dikembalikan = await given.pegawai(t, { unitId: team.unitId, penilai: team.penilai });
  draft = team.pegawai;
  await t.db.prisma.pegawai.update({ where: { id: kosong.id }, data: { email: 'kosong@contoh.go.id' } });
  const skpDiajukan = await given.skpDisetujui(t, diajukan, { rhk: 1, indikator: 1 });
  const skpDikembalikan = await given.skpDisetujui(t, dikembalikan, { rhk: 1, indikator: 1 });
  const skpDraft = await given.skpDisetujui(t, draft, { rhk: 1, indikator: 1 });
  periode = await given.periodeOf(t, siklusId);
  for (const p of periode) {
    await given.laporan(t, skpDiajukan.id, p.id, { status: 'DIAJUKAN' });
    await given.laporan(t, skpDikembalikan.id, p.id, { status: 'DIKEMBALIKAN', at: new Date(p.mulai) }); // open until a week after the period began: long closed
    await given.laporan(t, skpDraft.id, p.id, { status: 'DRAFT' });
  }
  await given.faseSiklus(t, siklusId, 'PELAKSANAAN');
});
afterAll(async () => { await t?.close(); });

/** One period's whole story in one zone: nothing before H-3, H-3 once, nothing more until the deadline closes, then "passed" once. */
async function boundaries(urutan: number, zona: string, offset: string) {
  await t.db.prisma.siklus.update({ where: { id: siklusId }, data: { zonaWaktu: zona } });
  const p = periode[urutan - 1]!;
  const batas = iso(p.batasPegawai);
  const h3 = at(minusDays(p.batasPegawai, 3), '00:00:00.000', offset);
  const tutup = plusMs(at(batas, '23:59:59.999', offset), 1);

  await run(t.db, plusMs(h3, -1));
  expect(await kinds(p.id, kosong.id)).toEqual([]);

  await run(t.db, h3);
  expect(await kinds(p.id, kosong.id)).toEqual(['TENGGAT_H3']);
  expect(await kinds(p.id, draft.id)).toEqual(['TENGGAT_H3']);
  expect(await kinds(p.id, dikembalikan.id)).toEqual(['TENGGAT_H3']); // returned: not submitted now
  expect(await kinds(p.id, diajukan.id)).toEqual([]);

  await run(t.db, plusMs(h3, 60_000)); // the next tick: nothing again
  await run(t.db, plusMs(tutup, -1)); // the last moment of the deadline day
  expect(await kinds(p.id, kosong.id)).toEqual(['TENGGAT_H3']);

  await run(t.db, tutup);
  await run(t.db, plusMs(tutup, 15 * 60_000));
  expect(await kinds(p.id, kosong.id)).toEqual(['TENGGAT_H3', 'TENGGAT_LEWAT']);
  expect(await kinds(p.id, draft.id)).toEqual(['TENGGAT_H3', 'TENGGAT_LEWAT']);
  expect(await kinds(p.id, dikembalikan.id)).toEqual(['TENGGAT_H3']); // submitted once: not late (laporanTerlambat)
  expect(await kinds(p.id, diajukan.id)).toEqual([]);
  expect((await reminders(p.id, kosong.id)).map((r) => iso(r.tanggal))).toEqual([batas, batas]);
  const n = (await notes(kosong.id)).filter((x) => (x.params as { periode?: string }).periode === p.nama);
  expect(n.map((x) => [x.jenis, x.kunci, x.tautan, x.params])).toEqual([
    ['TENGGAT_H3', `pengingat:TENGGAT_H3:${p.id}:${kosong.id}`, '/laporan', { periode: p.nama, tanggal: batas }],
    ['TENGGAT_LEWAT', `pengingat:TENGGAT_LEWAT:${p.id}:${kosong.id}`, '/laporan', { periode: p.nama, tanggal: batas }],
  ]);
  expect(n.map((x) => x.email?.kepada)).toEqual(['kosong@contoh.go.id', 'kosong@contoh.go.id']); // and into the outbox
}

describe('the automatic reminders of a period', () => {
  it('WIB: H-3 from the start of the third day before the deadline, "passed" from the end of the deadline day, each once', async () => {
    await boundaries(1, 'Asia/Jakarta', '+07:00');
  });
  it('WITA: the same boundaries an hour earlier in UTC', async () => {
    await boundaries(2, 'Asia/Makassar', '+08:00');
  });
  it('WIT: two hours earlier', async () => {
    await boundaries(3, 'Asia/Jayapura', '+09:00');
  });

  it('the notification reads in the reader\'s language, with the deadline formatted, and leads to the report list', async () => {
    const p = periode[0]!;
    const n = (await notes(kosong.id)).find((x) => x.jenis === 'TENGGAT_LEWAT' && (x.params as { periode: string }).periode === p.nama)!;
    const tanggal = formatters('id').date(p.batasPegawai);
    expect(notifikasiText('id', n.jenis, n.params)).toBe(`Batas laporan ${p.nama} sudah lewat (${tanggal}) dan laporan Anda belum diajukan`);
    expect(notifikasiText('en', n.jenis, n.params)).toContain(`The ${p.nama} report was due on ${formatters('en').date(p.batasPegawai)}`);
    const me = await loginAs(t.app, kosong.login);
    await me.get(n.tautan).expect(200);
  });

  it('nothing for a cycle that is not carrying out the year', async () => {
    await t.db.prisma.siklus.update({ where: { id: siklusId }, data: { zonaWaktu: 'Asia/Jakarta', fase: 'KALIBRASI' } });
    const p = periode[3]!;
    await run(t.db, at(iso(p.batasPegawai), '12:00:00', '+07:00'));
    expect(await kinds(p.id, kosong.id)).toEqual([]);
    await t.db.prisma.siklus.update({ where: { id: siklusId }, data: { fase: 'PELAKSANAAN' } });
  });

  it('"passed" still goes out, once, for a deadline weeks gone (the first check that sees it)', async () => {
    const p = periode[0]!;
    await run(t.db, at(minusDays(p.batasPegawai, -40), '12:00:00', '+07:00'));
    expect(await kinds(p.id, kosong.id)).toEqual(['TENGGAT_H3', 'TENGGAT_LEWAT']);
  });
});

describe('two app instances on one database', () => {
  let dbB: Db;
  beforeAll(() => { dbB = createDb(t.url, 5); });
  afterAll(async () => { await dbB.close(); });

  it('checking at the same moment, they write and notify each reminder exactly once', async () => {
    const p = periode[3]!;
    const now = at(minusDays(p.batasPegawai, 1), '09:00:00', '+07:00');
    const [a, b] = await Promise.all([run(t.db, now), run(dbB, now)]);
    const rows = await t.db.prisma.pengingat.count({ where: { periodeId: p.id, jenis: 'TENGGAT_H3' } });
    expect(rows).toBeGreaterThanOrEqual(3);
    expect(a.total + b.total).toBe(rows);
    const kunci = await t.db.prisma.notifikasi.groupBy({ by: ['kunci'], where: { kunci: { startsWith: `pengingat:TENGGAT_H3:${p.id}:` } }, _count: true });
    expect(kunci.every((k) => k._count === 1)).toBe(true);
    for (const who of [kosong, draft, dikembalikan]) expect(await kinds(p.id, who.id)).toEqual(['TENGGAT_H3']);
  });

  it('through the job queue: each instance asked to check, one reminder per person', async () => {
    const p = periode[3]!;
    const when = fixedClock(plusMs(at(iso(p.batasPegawai), '23:59:59.999', '+07:00'), 1));
    const jobsA = createJobRunner(t.db, { clock: when, config: t.config });
    const jobsB = createJobRunner(dbB, { clock: when, config: t.config });
    try {
      await Promise.all([jobsA.send(PERIKSA_PENGINGAT, {}), jobsB.send(PERIKSA_PENGINGAT, {})]);
      await Promise.all([jobsA.idle(), jobsB.idle()]);
      await Promise.all([jobsA.send(PERIKSA_PENGINGAT, {}), jobsB.send(PERIKSA_PENGINGAT, {})]);
      await Promise.all([jobsA.idle(), jobsB.idle()]);
    } finally {
      await Promise.all([jobsA.stop(), jobsB.stop()]);
    }
    expect(await kinds(p.id, kosong.id)).toEqual(['TENGGAT_H3', 'TENGGAT_LEWAT']);
    expect(await kinds(p.id, diajukan.id)).toEqual([]);
    const lewat = (await notes(kosong.id)).filter((x) => x.jenis === 'TENGGAT_LEWAT' && (x.params as { periode: string }).periode === p.nama);
    expect(lewat).toHaveLength(1);
  });

  it('the task is on pg-boss\'s cron outside tests (every 15 minutes, UTC)', async () => {
    expect(pengingatTasks({ config: { env: 'test' } })[PERIKSA_PENGINGAT]!.cron).toBeUndefined();
    const jobs = createJobRunner(t.db, { clock, config: { ...t.config, env: 'production' } });
    try {
      await jobs.idle(); // starts it
      const r = await t.db.pool.query(`SELECT cron, options->>'tz' AS tz FROM pgboss.schedule WHERE name = $1`, [PERIKSA_PENGINGAT]);
      expect(r.rows).toEqual([{ cron: CRON_PENGINGAT, tz: 'UTC' }]);
      expect(CRON_PENGINGAT).toBe('*/15 * * * *');
    } finally {
      await jobs.stop();
      await t.db.pool.query(`DELETE FROM pgboss.schedule WHERE name = $1`, [PERIKSA_PENGINGAT]);
    }
  });
});
