import { afterAll, beforeAll, expect, it } from 'vitest';
import { csrf, loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';

// The period form refuses dates outside the cycle's year and overlapping periods, with the
// message on the field and what was typed kept; touching periods and January deadlines save.

let t: TestApp;
let admin: Agent;
let id: number;
beforeAll(async () => {
  t = await testApp();
  admin = await loginAs(t.app, 'admin');
  const res = await postForm(admin, '/siklus', { tahun: 2030, jenisPeriode: 'SEMESTERAN' }, '/siklus/baru');
  id = Number(/\/siklus\/(\d+)/.exec(res.headers.location!)![1]);
});
afterAll(async () => { await t.close(); });

type Row = [mulai: string, selesai: string, batasPegawai: string, batasPenilai: string];
async function save(rows: Row[], extra: Record<string, string> = {}) {
  const s = await t.db.prisma.siklus.findUniqueOrThrow({ where: { id }, include: { periode: { orderBy: { urutan: 'asc' } } } });
  const params = new URLSearchParams({ _csrf: await csrf(admin, `/siklus/${id}`), version: String(s.version), ...extra });
  s.periode.forEach((p, i) => {
    const [mulai, selesai, bp, bn] = rows[i]!;
    params.append('id', String(p.id));
    params.append('mulai', mulai);
    params.append('selesai', selesai);
    params.append('batasPegawai', bp);
    params.append('batasPenilai', bn);
  });
  return admin.post(`/siklus/${id}/periode`).type('form').send(params.toString());
}

it.each<[string, Row[], string]>([
  ['a start on 31 Dec of the previous year', [['2029-12-31', '2030-06-30', '2030-07-05', '2030-07-10'], ['2030-07-01', '2030-12-31', '2031-01-05', '2031-01-10']], 'Tanggal harus di dalam tahun siklus'],
  ['an end on 1 Jan of the next year', [['2030-01-01', '2030-06-30', '2030-07-05', '2030-07-10'], ['2030-07-01', '2031-01-01', '2031-01-05', '2031-01-10']], 'Tanggal harus di dalam tahun siklus'],
  ['a deadline in February of the next year', [['2030-01-01', '2030-06-30', '2030-07-05', '2030-07-10'], ['2030-07-01', '2030-12-31', '2031-01-05', '2031-02-01']], 'paling lambat 31 Januari'],
  ['periods sharing one day', [['2030-01-01', '2030-07-01', '2030-07-05', '2030-07-10'], ['2030-07-01', '2030-12-31', '2031-01-05', '2031-01-10']], 'tumpang tindih'],
])('refuses %s: 422, the message on the field, the typed dates kept', async (_name, rows, message) => {
  const res = await save(rows);
  expect(res.status).toBe(422);
  expect(res.text).toContain(message);
  expect(res.text).toContain(`value="${rows[1]![1]}"`);
  const kept = await t.db.prisma.periode.findFirstOrThrow({ where: { siklusId: id, urutan: 2 } });
  expect(kept.selesai.toISOString().slice(0, 10)).toBe('2030-12-31'); // nothing saved
});

it('saves periods from 1 Jan to 31 Dec that touch, with deadlines on 31 Jan of the next year', async () => {
  const res = await save([['2030-01-01', '2030-06-29', '2030-07-05', '2030-07-10'], ['2030-06-30', '2030-12-31', '2031-01-31', '2031-01-31']]);
  expect(res.status).toBe(303);
  const p2 = await t.db.prisma.periode.findFirstOrThrow({ where: { siklusId: id, urutan: 2 } });
  expect(p2.mulai.toISOString().slice(0, 10)).toBe('2030-06-30');
  expect(p2.batasPenilai.toISOString().slice(0, 10)).toBe('2031-01-31');
});

const ROWS: Row[] = [['2030-01-01', '2030-06-29', '2030-07-05', '2030-07-10'], ['2030-06-30', '2030-12-31', '2031-01-31', '2031-01-31']];

it('the cycle keeps the agency time zone its deadlines are read in: WIB by default, WIT when chosen (issue 10 § 6)', async () => {
  expect((await t.db.prisma.siklus.findUniqueOrThrow({ where: { id } })).zonaWaktu).toBe('Asia/Jakarta');
  const page = await admin.get(`/siklus/${id}`);
  expect(page.text).toContain('WIB — Waktu Indonesia Barat');
  expect((await save(ROWS, { zonaWaktu: 'Asia/Jayapura' })).status).toBe(303);
  expect((await t.db.prisma.siklus.findUniqueOrThrow({ where: { id } })).zonaWaktu).toBe('Asia/Jayapura');
  expect((await admin.get(`/siklus/${id}`)).text).toMatch(/<option value="Asia\/Jayapura" selected>/);
});

it('refuses a time zone that is not WIB, WITA or WIT, keeping the typed dates', async () => {
  const rows: Row[] = [['2030-01-01', '2030-06-29', '2030-07-06', '2030-07-10'], ROWS[1]!];
  const res = await save(rows, { zonaWaktu: 'Europe/Paris' });
  expect(res.status).toBe(422);
  expect(res.text).toContain('value="2030-07-06"');
  expect((await t.db.prisma.siklus.findUniqueOrThrow({ where: { id } })).zonaWaktu).toBe('Asia/Jayapura');
});
