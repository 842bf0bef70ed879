import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { csrf, loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';

// The employee's half of the periodic report loop (docs/domain/laporan.md), through HTTP with the
// real login and a fixed clock: progress notes pulled into the report, evidence (content-checked,
// stored once), the draft with Indonesian decimals, the live capaian, conflicts, submission once.

const unescape = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200)]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
const SVG = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const clock = fixedClock('2026-05-02T03:00:00Z');
let t: TestApp;
let tahun: number;
let siklusId: number;
let team: Awaited<ReturnType<typeof given.pegawaiWithPenilai>>;
let skp: given.GivenSkp;
let periode: Awaited<ReturnType<typeof given.periodeOf>>;
let me: Agent;
let penilai: Agent;
let stranger: Agent;

beforeAll(async () => {
  t = await testApp({}, { clock });
  team = await given.pegawaiWithPenilai(t);
  skp = await given.skpDisetujui(t, team.pegawai, { rhk: 1, indikator: 2 });
  ({ id: siklusId, tahun } = await given.siklusTerbuka(t));
  periode = await given.periodeOf(t, siklusId);
  const other = await given.pegawai(t);
  await given.faseSiklus(t, siklusId, 'PELAKSANAAN');
  clock.set(`${tahun}-05-02T03:00:00Z`); // Triwulan II, 10:00 WIB; Triwulan I's deadline (5 April) has passed
  me = await loginAs(t.app, team.pegawai.login);
  penilai = await loginAs(t.app, team.penilai.login);
  stranger = await loginAs(t.app, other.login);
});
afterAll(async () => { await t?.close(); });

const reportOf = (periodeIdx: number) => t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { skpId_periodeId: { skpId: skp.id, periodeId: periode[periodeIdx]!.id } } });
const ind = (k: number) => skp.rhk[0]!.indikator[k]!;

describe('my reports (/laporan)', () => {
  it('lists each started period on my SKP with status, deadline in the cycle\'s zone and the late marker', async () => {
    const res = await me.get('/laporan').expect(200);
    const text = unescape(res.text);
    expect(text).toContain(periode[0]!.nama);
    expect(text).toContain(periode[1]!.nama);
    expect(text).not.toContain(periode[2]!.nama); // not started
    expect(text).toContain(`5 April ${tahun} pukul 23.59 WIB`);
    expect(text).toContain('Terlambat'); // Q1, never submitted
    expect(await t.db.prisma.laporanPeriode.count({ where: { skpId: skp.id } })).toBe(2);
    const q2 = await reportOf(1);
    expect(text).toContain(`href="/laporan/${q2.id}"`);
    // a second look makes no second report
    await me.get('/laporan').expect(200);
    expect(await t.db.prisma.laporanPeriode.count({ where: { skpId: skp.id } })).toBe(2);
    // the nav and the home page link to it
    expect((await me.get('/').expect(200)).text).toContain('href="/laporan"');
  });
});

describe('progress notes (/catatan-progres)', () => {
  it('logs a note on a day of my SKP; refuses a day in the future or outside the SKP, keeping what was typed', async () => {
    const ok = await me.post('/catatan-progres').field('_csrf', await csrf(me, '/catatan-progres')).field('skpId', String(skp.id)).field('tanggal', `${tahun}-04-10`).field('teks', 'Menyusun 5 dokumen layanan').attach('berkas', PDF, 'notulen.pdf');
    expect(ok.status).toBe(303);
    expect((await postForm(me, '/catatan-progres', { skpId: skp.id, tanggal: `${tahun}-04-20`, teks: 'Rapat koordinasi layanan', url: 'https://contoh.go.id/notula' }, '/catatan-progres')).status).toBe(303);
    // today in WIB is 2 May: 3 May is the future (just above), 2 May is fine (at)
    const future = await postForm(me, '/catatan-progres', { skpId: skp.id, tanggal: `${tahun}-05-03`, teks: 'Catatan dari masa depan' }, '/catatan-progres');
    expect(future.status).toBe(409);
    expect(future.text).toContain('Tanggal tidak boleh di masa depan');
    expect(future.text).toContain('Catatan dari masa depan');
    const before = await postForm(me, '/catatan-progres', { skpId: skp.id, tanggal: `${tahun - 1}-12-31`, teks: 'Tahun lalu' }, '/catatan-progres');
    expect(before.status).toBe(409);
    expect(before.text).toContain('di dalam periode SKP');
    const page = await me.get('/catatan-progres').expect(200);
    expect(page.text).toContain('Menyusun 5 dokumen layanan');
    expect(page.text).toContain('notulen.pdf');
    // someone else's SKP is not found
    expect((await postForm(stranger, '/catatan-progres', { skpId: skp.id, tanggal: `${tahun}-04-10`, teks: 'Menyusup' }, '/catatan-progres')).status).toBe(404);
  });
});

describe('the report of a period', () => {
  let id: number;
  let version: () => Promise<number>;
  const form = async (over: Record<string, string> = {}) => ({
    version: String(await version()),
    [`ra_${ind(0)}`]: '12,5',
    [`rs_${ind(0)}`]: 'Aplikasi arsip',
    [`ra_${ind(1)}`]: '',
    prestasi: (await reportOf(1)).prestasi ?? '',
    kendala: 'Jaringan lambat',
    rencanaPerbaikan: '',
    ...over,
  });

  beforeAll(async () => {
    id = (await reportOf(1)).id;
    version = async () => (await t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { id } })).version;
  });

  it('shows the plan, the missing realisasi as missing, and the period\'s notes to start from', async () => {
    const res = await me.get(`/laporan/${id}`).expect(200);
    expect(res.text).toContain('id="laporan-form"');
    expect(res.text).toContain('Realisasi belum diisi');
    expect(res.text).toContain('Menyusun 5 dokumen layanan');
    expect(res.text).toContain('/js/laporan.js');
    expect(res.text).not.toMatch(/<script>(?!<\/script>)/); // no inline script
    expect(res.text).not.toMatch(/\sstyle="/);
  });

  it('fills the achievements from the notes when empty (with their evidence), once', async () => {
    const res = await postForm(me, `/laporan/${id}/dari-catatan`, { version: await version() }, `/laporan/${id}`);
    expect(res.status).toBe(303);
    const l = await t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { id } });
    expect(l.prestasi).toBe(`10 April ${tahun}: Menyusun 5 dokumen layanan\n20 April ${tahun}: Rapat koordinasi layanan`);
    const bukti = await t.db.prisma.buktiDukung.findMany({ where: { laporanId: id }, orderBy: { id: 'asc' } });
    expect(bukti.map((b) => [b.berkasId !== null, b.url])).toEqual([[true, null], [false, 'https://contoh.go.id/notula']]);
    const again = await postForm(me, `/laporan/${id}/dari-catatan`, { version: await version() }, `/laporan/${id}`);
    expect(again.status).toBe(409);
    expect(again.text).toContain('Prestasi sudah terisi');
  });

  it('saves the draft with Indonesian decimals and shows the capaian with the rule in words', async () => {
    const res = await postForm(me, `/laporan/${id}`, await form(), `/laporan/${id}`);
    expect(res.status).toBe(303);
    const r = await t.db.prisma.realisasi.findMany({ where: { laporanId: id } });
    expect(r.map((x) => [x.indikatorId, x.angka?.toString(), x.sumberData])).toEqual([[ind(0), '12.5', 'Aplikasi arsip']]); // the empty one is missing, not 0
    const page = unescape((await me.get(`/laporan/${id}`).expect(200)).text);
    expect(page).toContain('value="12,5"');
    expect(page).toContain('104,17 %');
    expect(page).toMatch(/<meter class="capaian-bar" min="0" max="120"[^>]*value="104.17"/);
    expect(page).toContain('Lebih tinggi lebih baik: 12,5 dari 12');
    expect(page).toContain('Jaringan lambat');
    const audit = await t.db.prisma.auditLog.findFirst({ where: { aksi: 'laporan.save', entitasId: String(id) } });
    expect(audit).not.toBeNull();
  });

  it('refuses what is not a number next to its field, keeping everything typed', async () => {
    const res = await postForm(me, `/laporan/${id}`, await form({ [`ra_${ind(1)}`]: 'dua belas', kendala: 'Kendala yang tidak boleh hilang' }), `/laporan/${id}`);
    expect(res.status).toBe(422);
    expect(res.text).toMatch(new RegExp(`id="f-ra_${ind(1)}-err">`));
    expect(res.text).toContain('value="dua belas"');
    expect(res.text).toContain('Kendala yang tidak boleh hilang');
  });

  it('tells the second of two saves of the same version that someone else changed it, keeping what they typed', async () => {
    const v = await version();
    const token = await csrf(me, `/laporan/${id}`);
    const [a, b] = await Promise.all([
      me.post(`/laporan/${id}`).type('form').send({ _csrf: token, ...(await form({ version: String(v), kendala: 'Tab pertama' })) }),
      me.post(`/laporan/${id}`).type('form').send({ _csrf: token, ...(await form({ version: String(v), kendala: 'Tab kedua' })) }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([303, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.text).toContain('diubah oleh orang lain');
    expect(loser.text).toContain(a.status === 409 ? 'Tab pertama' : 'Tab kedua');
    expect(await version()).toBe(v + 1);
  });

  it('computes the live capaian on the server from what is typed (CSRF token required)', async () => {
    const token = await csrf(me, `/laporan/${id}`);
    const res = await me.post(`/laporan/${id}/capaian`).set('x-csrf-token', token).type('form').send({ indikatorId: String(ind(1)), angka: '6' }).expect(200);
    expect(res.body).toMatchObject({ kind: 'persen', persen: '50 %', nilai: 50, maks: 120, kelas: 'DI_BAWAH', kelasLabel: 'Di Bawah Ekspektasi', sumber: 'target tahunan' });
    expect(res.body.rule).toContain('Lebih tinggi lebih baik: 6 dari 12');
    const above = await me.post(`/laporan/${id}/capaian`).set('x-csrf-token', token).type('form').send({ indikatorId: String(ind(1)), angka: '15' }).expect(200);
    expect(above.body).toMatchObject({ persen: '120 %', kelas: 'DI_ATAS' }); // 125 capped at the policy's 120
    const empty = await me.post(`/laporan/${id}/capaian`).set('x-csrf-token', token).type('form').send({ indikatorId: String(ind(1)), angka: '' }).expect(200);
    expect(empty.body).toMatchObject({ kind: 'missing', persen: null });
    await me.post(`/laporan/${id}/capaian`).type('form').send({ indikatorId: String(ind(1)), angka: '6' }).expect(403);
    await stranger.post(`/laporan/${id}/capaian`).set('x-csrf-token', await csrf(stranger, '/')).type('form').send({ indikatorId: String(ind(1)), angka: '6' }).expect(404);
  });

  describe('evidence', () => {
    const upload = async (bytes: Buffer, nama: string, fields: Record<string, string> = {}) => {
      let req = me.post(`/laporan/${id}/bukti`).field('_csrf', await csrf(me, `/laporan/${id}`));
      for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
      return req.attach('berkas', bytes, nama);
    };

    it('stores a file checked by its content, the same file twice once, for the report or one indicator', async () => {
      const berkasBefore = await t.db.prisma.berkas.count();
      const file = Buffer.from('%PDF-1.4\n% laporan kegiatan triwulan\n%%EOF\n');
      expect((await upload(file, 'laporan-kegiatan.pdf', { keterangan: 'Laporan kegiatan' })).status).toBe(303);
      expect((await upload(file, 'salinan.pdf', { indikatorId: String(ind(0)) })).status).toBe(303);
      expect(await t.db.prisma.berkas.count()).toBe(berkasBefore + 1);
      const rows = await t.db.prisma.buktiDukung.findMany({ where: { laporanId: id, berkasId: { not: null } }, orderBy: { id: 'desc' }, take: 2 });
      expect(rows[0]!.berkasId).toBe(rows[1]!.berkasId);
      expect(rows[0]!.indikatorId).toBe(ind(0));
      const link = await postForm(me, `/laporan/${id}/bukti`, { url: 'https://sikap.contoh.go.id/dokumen/1', keterangan: 'Dokumen di aplikasi' }, `/laporan/${id}`);
      expect(link.status).toBe(303);
    });

    it.each([
      ['an executable named .pdf', EXE, 'laporan.pdf'],
      ['an HTML file named .png', HTML, 'foto.png'],
      ['an SVG with script', SVG, 'grafik.svg'],
    ])('refuses %s with a clear message, keeping the rest of the form', async (_name, bytes, nama) => {
      const before = await t.db.prisma.buktiDukung.count({ where: { laporanId: id } });
      const res = await upload(bytes, nama, { keterangan: 'Keterangan yang tetap ada' });
      expect(res.status).toBe(409);
      expect(unescape(res.text)).toContain(`Berkas ${nama} tidak diterima`);
      expect(res.text).toContain('value="Keterangan yang tetap ada"');
      expect(await t.db.prisma.buktiDukung.count({ where: { laporanId: id } })).toBe(before);
    });

    it('refuses a link that is not http(s)', async () => {
      const res = await postForm(me, `/laporan/${id}/bukti`, { url: 'javascript:alert(1)' }, `/laporan/${id}`);
      expect(res.status).toBe(422);
      expect(res.text).toContain('diawali http:// atau https://');
    });

    it('serves a file only to those who may see the report, as a download that is never sniffed', async () => {
      const b = await t.db.prisma.buktiDukung.findFirstOrThrow({ where: { laporanId: id, berkasId: { not: null } } });
      for (const agent of [me, penilai]) {
        const res = await agent.get(`/bukti/${b.id}`).expect(200);
        expect(res.headers['content-disposition']).toMatch(/^attachment/);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['content-type']).toMatch(/^application\/pdf/);
      }
      const hidden = await stranger.get(`/bukti/${b.id}`);
      expect(hidden.status).toBe(404);
      expect(hidden.text).not.toContain('%PDF');
      expect((await stranger.get('/bukti/999999')).status).toBe(404);
      // the appraiser reads the report but may not change its evidence
      expect((await postForm(penilai, `/bukti/${b.id}/hapus`, {}, `/laporan/${id}`)).status).toBe(403);
    });

    it('deletes a piece of evidence while the report is editable', async () => {
      const b = await t.db.prisma.buktiDukung.findFirstOrThrow({ where: { laporanId: id, url: { not: null }, keterangan: 'Dokumen di aplikasi' } });
      expect((await postForm(me, `/bukti/${b.id}/hapus`, {}, `/laporan/${id}`)).status).toBe(303);
      expect(await t.db.prisma.buktiDukung.count({ where: { id: b.id } })).toBe(0);
      expect((await t.db.prisma.auditLog.count({ where: { aksi: 'laporan.bukti.delete', entitasId: String(id) } }))).toBe(1);
    });
  });

  it('refuses to submit an incomplete report with the list of what is missing', async () => {
    const res = await postForm(me, `/laporan/${id}/ajukan`, await form(), `/laporan/${id}`);
    expect(res.status).toBe(409);
    expect(res.text).toContain('Laporan belum dapat diajukan');
    expect(res.text).toContain('IKI 1.2');
    expect((await t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
  });

  it('asks first, then submits once: a double submit makes one submission, and a submitted report is refused', async () => {
    const body = await form({ [`ra_${ind(1)}`]: '11' });
    const ask = await postForm(me, `/laporan/${id}/ajukan`, body, `/laporan/${id}`);
    expect(ask.status).toBe(200);
    expect(ask.text).toContain('name="confirmed" value="1"');
    expect((await t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
    const token = await csrf(me, `/laporan/${id}`);
    const [a, b] = await Promise.all([0, 1].map(() => me.post(`/laporan/${id}/ajukan`).type('form').send({ _csrf: token, ...body, confirmed: '1' })));
    expect([a!.status, b!.status].sort()).toEqual([303, 409]);
    const loser = a!.status === 409 ? a! : b!;
    expect(loser.text).toMatch(/sudah diajukan|diubah oleh orang lain/);
    const l = await t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { id } });
    expect(l.status).toBe('DIAJUKAN');
    expect(l.diajukanAt?.toISOString()).toBe(clock.now().toISOString());
    expect(await t.db.prisma.riwayatLaporan.count({ where: { laporanId: id, jenis: 'DIAJUKAN' } })).toBe(1);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'laporan.submit', entitasId: String(id) } })).toBe(1);
    // submitting again, or editing, is refused with a clear message
    const again = await postForm(me, `/laporan/${id}/ajukan`, { ...body, version: String(l.version) }, `/laporan/${id}`);
    expect(again.status).toBe(409);
    expect(again.text).toContain('sudah diajukan');
    const edit = await postForm(me, `/laporan/${id}`, { ...body, version: String(l.version) }, `/laporan/${id}`);
    expect(edit.status).toBe(409);
    expect(edit.text).toContain('sudah diajukan');
    const late = await me.post(`/laporan/${id}/bukti`).field('_csrf', token).attach('berkas', PDF, 'telat.pdf');
    expect(late.status).toBe(409);
    // the page is read-only now, for the owner and the appraiser
    const page = await me.get(`/laporan/${id}`).expect(200);
    expect(page.text).not.toContain('id="laporan-form"');
    expect(page.text).toContain('sudah diajukan');
    expect((await penilai.get(`/laporan/${id}`).expect(200)).text).toContain('Diajukan');
    await stranger.get(`/laporan/${id}`).expect(404);
  });
});

describe('a period closes at the end of its deadline day in the cycle\'s time zone', () => {
  // Triwulan I: deadline 5 April. The end of that day is 17:00 UTC in WIB (UTC+7), 15:00 UTC in WIT (UTC+9).
  const save = async () => {
    const l = await reportOf(0);
    return postForm(me, `/laporan/${l.id}`, { version: String(l.version), kendala: `Simpan ${clock.now().toISOString()}` }, `/laporan/${l.id}`);
  };
  const zona = (z: string) => t.db.prisma.siklus.update({ where: { id: siklusId }, data: { zonaWaktu: z } });
  afterAll(async () => {
    await zona('Asia/Jakarta');
    clock.set(`${tahun}-05-02T03:00:00Z`);
  });

  it.each([
    ['Asia/Jakarta', '16:59:59', 303],
    ['Asia/Jakarta', '17:00:00', 409],
    ['Asia/Jayapura', '14:59:59', 303],
    ['Asia/Jayapura', '15:00:00', 409],
    ['Asia/Jayapura', '16:00:00', 409], // still open in WIB, closed in WIT
  ])('%s at %s UTC on 5 April → %i', async (z, time, status) => {
    await zona(z);
    clock.set(`${tahun}-04-05T${time}Z`);
    const res = await save();
    expect(res.status).toBe(status);
    if (status === 409) expect(res.text).toContain('Batas waktu laporan periode ini sudah lewat');
  });

  it('shows the deadline in the zone', async () => {
    await zona('Asia/Jayapura');
    clock.set(`${tahun}-04-03T00:00:00Z`);
    expect(unescape((await me.get('/laporan').expect(200)).text)).toContain(`5 April ${tahun} pukul 23.59 WIT`);
  });

  it('a closed cycle is read-only', async () => {
    await zona('Asia/Jakarta');
    clock.set(`${tahun}-04-03T00:00:00Z`);
    await given.faseSiklus(t, siklusId, 'SELESAI');
    try {
      const res = await save();
      expect(res.status).toBe(409);
      expect(res.text).toContain('tidak dalam tahap pelaksanaan atau penilaian');
      const l = await reportOf(0);
      expect((await me.get(`/laporan/${l.id}`).expect(200)).text).not.toContain('id="laporan-form"');
    } finally {
      await given.faseSiklus(t, siklusId, 'PELAKSANAAN');
    }
  });
});
