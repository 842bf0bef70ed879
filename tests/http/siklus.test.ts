import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../../src/jobs/runner.js';
import * as given from '../helpers/given.js';
import { loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: Agent;
/** An appraiser and an appraisee of the test's own (everyone else active gets an SKP too). */
let w: Awaited<ReturnType<typeof given.pegawaiWithPenilai>>;
const jobs = () => t.app.locals.jobs as JobRunner;
const version = async (id: number) => (await t.db.prisma.siklus.findUniqueOrThrow({ where: { id } })).version;

beforeAll(async () => {
  t = await testApp();
  admin = await loginAs(t.app, 'admin');
  w = await given.pegawaiWithPenilai(t);
});
afterAll(async () => { await t.close(); });

describe('the yearly cycle (docs/domain/siklus.md)', () => {
  let id: number;

  it('creates a cycle with quarterly periods by default, and refuses a second one for the same year', async () => {
    const res = await postForm(admin, '/siklus', { tahun: 2026, jenisPeriode: 'TRIWULANAN' }, '/siklus/baru');
    expect(res.status).toBe(303);
    id = Number(/\/siklus\/(\d+)/.exec(res.headers.location!)![1]);
    const s = await t.db.prisma.siklus.findUniqueOrThrow({ where: { id }, include: { periode: { orderBy: { urutan: 'asc' } } } });
    expect(s.fase).toBe('DRAFT');
    expect(s.periode.map((p) => p.nama)).toEqual(['Triwulan I', 'Triwulan II', 'Triwulan III', 'Triwulan IV']);
    const again = await postForm(admin, '/siklus', { tahun: 2026, jenisPeriode: 'BULANAN' }, '/siklus/baru');
    expect(again.status).toBe(409);
    expect(again.text).toContain('Siklus tahun 2026 sudah ada.');
    const bad = await postForm(admin, '/siklus', { tahun: 'dua ribu', jenisPeriode: 'TAHUNAN' }, '/siklus/baru');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('value="dua ribu"');
  });

  it('sets period deadlines, refusing ones out of order with a message on the row', async () => {
    const s = await t.db.prisma.siklus.findUniqueOrThrow({ where: { id }, include: { periode: { orderBy: { urutan: 'asc' } } } });
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const body = (batas: string) => {
      const params = new URLSearchParams();
      params.set('version', String(s.version));
      s.periode.forEach((p, i) => {
        params.append('id', String(p.id));
        params.append('mulai', iso(p.mulai));
        params.append('selesai', iso(p.selesai));
        params.append('batasPegawai', i === 0 ? batas : iso(p.batasPegawai));
        params.append('batasPenilai', iso(p.batasPenilai));
      });
      return params.toString();
    };
    const token = /name="_csrf" value="([^"]+)"/.exec((await admin.get(`/siklus/${id}`)).text)![1]!;
    const bad = await admin.post(`/siklus/${id}/periode`).type('form').send(`_csrf=${encodeURIComponent(token)}&${body('2026-03-01')}`);
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Batas laporan pegawai sebelum periode berakhir.');
    const ok = await admin.post(`/siklus/${id}/periode`).type('form').send(`_csrf=${encodeURIComponent(token)}&${body('2026-04-07')}`);
    expect(ok.status).toBe(303);
    const p1 = await t.db.prisma.periode.findFirstOrThrow({ where: { siklusId: id, urutan: 1 } });
    expect(iso(p1.batasPegawai)).toBe('2026-04-07');
  });

  it('opening planning asks first, saying what it will do; nothing moves until confirmed', async () => {
    const res = await postForm(admin, `/siklus/${id}/fase`, { version: await version(id), ke: 'PERENCANAAN' }, `/siklus/${id}`);
    expect(res.status).toBe(200);
    const aktif = await t.db.prisma.pegawai.count({ where: { aktif: true } });
    expect(res.text).toContain('Pindahkan siklus');
    expect(res.text).toContain(`SKP draf dibuat untuk ${new Intl.NumberFormat('id-ID').format(aktif)} pegawai aktif`);
    expect(res.text).toContain('name="confirmed" value="1"');
    expect(res.text).toContain(`href="/siklus/${id}">Batal</a>`);
    expect((await t.db.prisma.siklus.findUniqueOrThrow({ where: { id } })).fase).toBe('DRAFT');
  });

  it('opening planning creates a draft SKP with a snapshot for every active employee, as a background job', async () => {
    const res = await postForm(admin, `/siklus/${id}/fase`, { version: await version(id), ke: 'PERENCANAAN', confirmed: '1' }, `/siklus/${id}`);
    expect(res.status).toBe(303);
    await jobs().idle();
    const aktif = await t.db.prisma.pegawai.count({ where: { aktif: true } });
    expect(await t.db.prisma.skp.count({ where: { siklusId: id } })).toBe(aktif);
    const job = await t.db.prisma.job.findFirstOrThrow({ where: { siklusId: id } });
    expect(job).toMatchObject({ status: 'SELESAI', total: aktif, selesai: aktif });
    const skp = await t.db.prisma.skp.findUniqueOrThrow({ where: { siklusId_pegawaiId: { siklusId: id, pegawaiId: w.pegawai.id } } });
    expect(skp.snapshot).toMatchObject({ pegawai: { nip: w.pegawai.nip, nama: w.pegawai.nama }, penilai: { nama: w.penilai.nama, nip: w.penilai.nip } });
    const page = await admin.get(`/siklus/${id}`).expect(200);
    expect(page.text).toContain('<progress id="job-progress"');
  });

  it('running the bulk creation again (or after an interruption) doubles nothing and fills the gaps', async () => {
    const some = await t.db.prisma.skp.findMany({ where: { siklusId: id }, take: 5, orderBy: { id: 'desc' } });
    await t.db.prisma.skp.deleteMany({ where: { id: { in: some.map((s) => s.id) } } }); // as if interrupted
    expect((await postForm(admin, `/siklus/${id}/buat-skp`, {}, `/siklus/${id}`)).status).toBe(303);
    await jobs().idle();
    expect((await postForm(admin, `/siklus/${id}/buat-skp`, {}, `/siklus/${id}`)).status).toBe(303);
    await jobs().idle();
    const aktif = await t.db.prisma.pegawai.count({ where: { aktif: true } });
    expect(await t.db.prisma.skp.count({ where: { siklusId: id } })).toBe(aktif);
  });

  it('employees imported mid-year get a draft SKP in the open cycle', async () => {
    const jab = await t.db.prisma.jabatan.findFirstOrThrow({ where: { jenis: 'PELAKSANA', aktif: true }, include: { unit: true } });
    const csv = `nip,nama,jenis_asn,pangkat_golongan,kode_jabatan,kode_unit,nip_penilai,email\n199502142020121005,Rina Kartika Sari,PNS,III/a,${jab.kode},${jab.unit.kode},${w.penilai.nip},\n`;
    const token = /name="_csrf" value="([^"]+)"/.exec((await admin.get('/impor')).text)![1]!;
    const res = await admin.post('/impor').field('_csrf', token).attach('berkas', Buffer.from(csv), 'baru.csv');
    expect(res.status).toBe(303);
    const p = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: '199502142020121005' } });
    const skp = await t.db.prisma.skp.findUniqueOrThrow({ where: { siklusId_pegawaiId: { siklusId: id, pegawaiId: p.id } } });
    expect(skp.status).toBe('DRAFT');
    expect(skp.snapshot).toMatchObject({ pegawai: { nama: 'Rina Kartika Sari', jabatan: jab.nama } });
  });

  it('guards the next transition with a message saying what blocks it', async () => {
    const res = await postForm(admin, `/siklus/${id}/fase`, { version: await version(id), ke: 'PELAKSANAAN' }, `/siklus/${id}`);
    expect(res.status).toBe(409);
    expect(res.text).toMatch(/\d+ SKP belum disetujui pejabat penilai\./);
    expect((await t.db.prisma.siklus.findUniqueOrThrow({ where: { id } })).fase).toBe('PERENCANAAN');
  });

  it('is audited, and a stale form (version) is refused', async () => {
    expect(await t.db.prisma.auditLog.count({ where: { entitas: 'siklus', entitasId: String(id), aksi: 'siklus.fase.move' } })).toBe(1);
    const stale = await postForm(admin, `/siklus/${id}/fase`, { version: 1, ke: 'PELAKSANAAN' }, `/siklus/${id}`);
    expect(stale.status).toBe(409);
  });

  it('is for HR only', async () => {
    const pegawai = await loginAs(t.app, w.pegawai.login);
    await pegawai.get('/siklus').expect(403);
    await pegawai.get(`/siklus/${id}`).expect(403);
  });
});
