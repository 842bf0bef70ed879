import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { csrf, loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { capaian, chooseScoringTarget, parsePolicy } from '../../src/domain/scoring/index.js';
import { parseDokumen } from '../../src/domain/skp-document.js';

// The employee's timeline (/linimasa), continuous feedback (/umpan-balik), dialog kinerja
// (/dialog-kinerja) and the capaian chart: who may see and add what, validation in Indonesian
// with the input kept, the version check, the order of the entries, paging, and the chart's
// numbers against the scoring module's.

// 10:00 WIB on 2 December 2026
const clock = fixedClock('2026-12-02T03:00:00Z');
let t: TestApp;
let world: given.Organisasi;
let skp: given.GivenSkp;
const agents = {} as Record<'self' | 'penilai' | 'pimpinan' | 'admin' | 'rekan', Agent>;

beforeAll(async () => {
  t = await testApp({}, { clock });
  world = await given.organisasi(t);
  await given.siklusTerbuka(t);
  for (const p of ['pimpinan', 'penilai'] as const) await given.skpDisetujui(t, world.people[p]);
  skp = await given.skpDisetujui(t, world.people.self, { rhk: 1, indikator: 2 });
  for (const p of ['self', 'penilai', 'pimpinan', 'rekan'] as const) agents[p] = await loginAs(t.app, world.people[p].login!);
  agents.admin = await loginAs(t.app, 'admin');
});
afterAll(async () => { await t?.close(); });

const post = async (agent: Agent, path: string, body: Record<string, string>, from = '/') => agent.post(path).type('form').send({ _csrf: await csrf(agent, from), ...body });
const entries = (html: string) => [...html.matchAll(/<li class="entri entri-(\w+)" data-kind="\w+" data-id="(\d+)">/g)].map((m) => `${m[1]}:${m[2]}`);
const unescapeHtml = (s: string) => s.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('continuous feedback', () => {
  it('the appraiser gives feedback; the employee sees it on their timeline; it is audited', async () => {
    const self = world.people.self;
    const page = await agents.penilai.get(`/linimasa/${self.id}`).expect(200);
    expect(page.text).toContain('action="/umpan-balik"');
    const res = await post(agents.penilai, '/umpan-balik', { pegawaiId: String(self.id), teks: 'Laporan bulanan sudah rapi;\npertahankan ketepatan waktunya.', kaitkanSkp: '1' }, `/linimasa/${self.id}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/linimasa/${self.id}`);
    const row = await t.db.prisma.umpanBalik.findFirstOrThrow({ where: { pegawaiId: self.id }, orderBy: { id: 'desc' } });
    expect(row).toMatchObject({ skpId: skp.id, dariPegawaiId: world.people.penilai.id, at: clock.now() });
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'umpanBalik.create', entitasId: String(row.id) } });
    expect(audit.actor).toContain(world.people.penilai.nama);
    const mine = await agents.self.get('/linimasa').expect(200);
    expect(mine.text).toContain('Laporan bulanan sudah rapi;');
    expect(mine.text).toContain(world.people.penilai.nama);
    expect(entries(mine.text)).toContain(`umpanBalik:${row.id}`);
    // the employee cannot write feedback to themselves
    expect(mine.text).not.toContain('action="/umpan-balik"');
  });

  it('a double submit stores one feedback', async () => {
    const self = world.people.self;
    const before = await t.db.prisma.umpanBalik.count({ where: { pegawaiId: self.id } });
    const body = { pegawaiId: String(self.id), teks: 'Terima kasih atas laporan yang lengkap.' };
    const token = await csrf(agents.penilai, `/linimasa/${self.id}`);
    const [a, b] = await Promise.all([0, 1].map(() => agents.penilai.post('/umpan-balik').type('form').send({ _csrf: token, ...body })));
    expect([a!.status, b!.status]).toEqual([303, 303]);
    expect(await t.db.prisma.umpanBalik.count({ where: { pegawaiId: self.id } })).toBe(before + 1);
  });

  it('refuses empty or too long feedback in Indonesian and keeps what was typed', async () => {
    const self = world.people.self;
    const empty = await post(agents.penilai, '/umpan-balik', { pegawaiId: String(self.id), teks: '   ' }, `/linimasa/${self.id}`);
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Wajib diisi.');
    const long = 'Sangat panjang. '.repeat(130);
    const tooLong = await post(agents.penilai, '/umpan-balik', { pegawaiId: String(self.id), teks: long, kaitkanSkp: '1' }, `/linimasa/${self.id}`);
    expect(tooLong.status).toBe(422);
    expect(tooLong.text).toContain('Maksimal 2000 karakter.');
    expect(tooLong.text).toContain(long.trim());
    expect(tooLong.text).toMatch(/name="kaitkanSkp" value="1" checked/);
  });

  it('only the appraiser gives feedback: the employee 403, anyone outside 404', async () => {
    const { self, rekan, subtree } = world.people;
    const own = await post(agents.self, '/umpan-balik', { pegawaiId: String(self.id), teks: 'Saya hebat.' });
    expect(own.status).toBe(403);
    expect(own.text).toContain('Hanya pejabat penilai pegawai ini yang dapat melakukannya.');
    expect((await post(agents.self, '/umpan-balik', { pegawaiId: String(rekan.id), teks: 'Halo.' })).status).toBe(404);
    expect((await post(agents.penilai, '/umpan-balik', { pegawaiId: String(subtree.id), teks: 'Halo.' })).status).toBe(404);
    // the pimpinan sees the employee (their subtree) but does not appraise them
    expect((await post(agents.pimpinan, '/umpan-balik', { pegawaiId: String(self.id), teks: 'Halo.' })).status).toBe(403);
    expect(await t.db.prisma.umpanBalik.count({ where: { teks: { in: ['Saya hebat.', 'Halo.'] } } })).toBe(0);
  });
});

describe('dialog kinerja', () => {
  it('the appraiser records a meeting; both see it; it is audited', async () => {
    const self = world.people.self;
    const form = await agents.penilai.get(`/dialog-kinerja/baru?pegawaiId=${self.id}`).expect(200);
    expect(form.text).toContain('value="2026-12-02"'); // today by the clock, in WIB
    const res = await post(agents.penilai, '/dialog-kinerja', { pegawaiId: String(self.id), tanggal: '2026-11-20', topik: 'Kendala pengumpulan data lapangan', tindakan: 'Jadwal kunjungan disusun bersama', tindakLanjut: '2026-12-10' }, `/dialog-kinerja/baru?pegawaiId=${self.id}`);
    expect(res.status).toBe(303);
    const d = await t.db.prisma.dialogKinerja.findFirstOrThrow({ where: { pegawaiId: self.id }, orderBy: { id: 'desc' } });
    expect(d).toMatchObject({ penilaiId: world.people.penilai.id, skpId: skp.id, tanggal: new Date('2026-11-20T00:00:00Z'), tindakLanjut: new Date('2026-12-10T00:00:00Z'), version: 1 });
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'dialogKinerja.create', entitasId: String(d.id) } })).toBe(1);
    for (const a of [agents.self.get('/linimasa'), agents.penilai.get(`/linimasa/${self.id}`)]) {
      const page = await a.expect(200);
      expect(page.text).toContain('Kendala pengumpulan data lapangan');
      expect(page.text).toContain('20 November 2026');
      expect(entries(page.text)).toEqual(expect.arrayContaining([`dialog:${d.id}`, `tindakLanjut:${d.id}`]));
    }
  });

  it('refuses a meeting after today and a follow-up before the meeting, in Indonesian, keeping the input', async () => {
    const self = world.people.self;
    const base = { pegawaiId: String(self.id), topik: 'Rencana pelatihan', tindakan: 'Daftar diklat teknis' };
    const future = await post(agents.penilai, '/dialog-kinerja', { ...base, tanggal: '2026-12-03', tindakLanjut: '' });
    expect(future.status).toBe(422);
    expect(future.text).toContain('Tanggal pertemuan tidak boleh setelah hari ini.');
    expect(future.text).toContain('Daftar diklat teknis');
    expect(future.text).toContain('value="2026-12-03"');
    const today = await post(agents.penilai, '/dialog-kinerja', { ...base, tanggal: '2026-12-02', tindakLanjut: '2026-12-01' });
    expect(today.status).toBe(422);
    expect(today.text).toContain('Tanggal tindak lanjut tidak boleh sebelum tanggal pertemuan.');
    expect(today.text).toContain('Rencana pelatihan');
    const bad = await post(agents.penilai, '/dialog-kinerja', { ...base, tanggal: '2026-02-30', topik: '' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Tanggal tidak valid');
    expect(bad.text).toContain('Wajib diisi.');
    expect(await t.db.prisma.dialogKinerja.count({ where: { topik: 'Rencana pelatihan' } })).toBe(0);
    // today is allowed, as is a follow-up on the same day
    expect((await post(agents.penilai, '/dialog-kinerja', { ...base, tanggal: '2026-12-02', tindakLanjut: '2026-12-02' })).status).toBe(303);
  });

  it('an edit carries the version: a stale form is told, nothing lost', async () => {
    const self = world.people.self;
    const d = await t.db.prisma.dialogKinerja.findFirstOrThrow({ where: { pegawaiId: self.id, topik: 'Kendala pengumpulan data lapangan' } });
    const form = await agents.penilai.get(`/dialog-kinerja/${d.id}/ubah`).expect(200);
    expect(form.text).toContain('value="2026-11-20"');
    const ok = await post(agents.penilai, `/dialog-kinerja/${d.id}`, { version: String(d.version), tanggal: '2026-11-21', topik: 'Kendala data lapangan (diperbaiki)', tindakan: d.tindakan, tindakLanjut: '' }, `/dialog-kinerja/${d.id}/ubah`);
    expect(ok.status).toBe(303);
    const stale = await post(agents.penilai, `/dialog-kinerja/${d.id}`, { version: String(d.version), tanggal: '2026-11-22', topik: 'Versi kedua yang basi', tindakan: 'Tindakan lain', tindakLanjut: '' }, `/dialog-kinerja/${d.id}/ubah`);
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Data ini baru saja diubah oleh orang lain.');
    expect(stale.text).toContain('Versi kedua yang basi');
    const now = await t.db.prisma.dialogKinerja.findUniqueOrThrow({ where: { id: d.id } });
    expect(now).toMatchObject({ topik: 'Kendala data lapangan (diperbaiki)', tanggal: new Date('2026-11-21T00:00:00Z'), tindakLanjut: null, version: d.version + 1 });
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'dialogKinerja.update', entitasId: String(d.id) } })).toBe(1);
    // the employee and the pimpinan read it but do not edit it
    expect((await agents.self.get(`/dialog-kinerja/${d.id}/ubah`)).status).toBe(403);
    expect((await agents.pimpinan.get(`/dialog-kinerja/${d.id}/ubah`)).status).toBe(403);
    expect((await agents.rekan.get(`/dialog-kinerja/${d.id}/ubah`)).status).toBe(404);
  });
});

describe('the timeline', () => {
  it('shows every kind of entry, newest first, with the history of the reports and the rating', async () => {
    const { self, penilai } = world.people;
    const tw1 = await given.laporanLangsung(t, skp, 1, {
      status: 'DINILAI',
      riwayat: [
        { jenis: 'DIAJUKAN', at: new Date('2026-04-03T02:00:00Z'), olehPegawaiId: self.id },
        { jenis: 'DIKEMBALIKAN', at: new Date('2026-04-05T02:00:00Z'), alasan: 'Bukti dukung belum lengkap', sampai: new Date('2026-04-12T17:00:00Z'), olehPegawaiId: penilai.id },
        { jenis: 'DIAJUKAN', at: new Date('2026-04-07T02:00:00Z'), olehPegawaiId: self.id },
        { jenis: 'DINILAI', at: new Date('2026-04-10T05:00:00Z'), olehPegawaiId: penilai.id },
        { jenis: 'DIBUKA_HR', at: new Date('2026-04-20T05:00:00Z'), alasan: 'Salah unggah berkas' },
      ],
      penilaian: { at: new Date('2026-04-10T05:00:00Z'), hasil: 'DI_ATAS', perilaku: 'SESUAI', predikat: 'BAIK', penilaiId: penilai.id },
    });
    const catatan = await given.catatanProgresLangsung(t, skp, '2026-03-15', 'Menyusun draf pedoman');
    const riwayat = await t.db.prisma.riwayatLaporan.findMany({ where: { laporanId: tw1.id }, orderBy: { at: 'asc' } });
    const rating = await t.db.prisma.penilaianPeriode.findUniqueOrThrow({ where: { laporanId: tw1.id } });
    const feedback = await t.db.prisma.umpanBalik.findMany({ where: { pegawaiId: self.id }, orderBy: { id: 'desc' } });
    const dialogs = await t.db.prisma.dialogKinerja.findMany({ where: { pegawaiId: self.id }, orderBy: { tanggal: 'desc' } });
    const [dToday, dNov] = dialogs as [(typeof dialogs)[0], (typeof dialogs)[0]];
    const page = await agents.self.get('/linimasa').expect(200);
    // same time: the kind decides (a rating before the history line written with it); same kind: the later id first
    expect(entries(page.text)).toEqual([
      ...feedback.map((f) => `umpanBalik:${f.id}`), // 2 December, 10:00 WIB (by the clock)
      `tindakLanjut:${dToday.id}`, // a date (read as 07:00 WIB): the follow-up agreed for the day of the meeting,
      `dialog:${dToday.id}`, // after the meeting itself
      `dialog:${dNov.id}`, // 21 November
      `riwayat:${riwayat[4]!.id}`,
      `penilaian:${rating.id}`,
      `riwayat:${riwayat[3]!.id}`,
      `riwayat:${riwayat[2]!.id}`,
      `riwayat:${riwayat[1]!.id}`,
      `riwayat:${riwayat[0]!.id}`,
      `catatan:${catatan.id}`,
    ]);
    expect(page.text).toContain('Bukti dukung belum lengkap');
    expect(page.text).toContain('Salah unggah berkas');
    expect(page.text).toContain('dibuka kembali oleh admin kepegawaian');
    expect(page.text).toContain('Predikat Kinerja');
    expect(page.text).toContain('<strong>Baik</strong>');
    expect(page.text).toContain('Di Atas Ekspektasi');
    expect(page.text).toContain('15 Maret 2026');
    expect(page.text).toContain('Menyusun draf pedoman');
    expect(page.text).toContain(`href="/laporan/${tw1.id}"`);
    // the appraiser sees the same entries
    const theirs = await agents.penilai.get(`/linimasa/${self.id}`).expect(200);
    expect(entries(theirs.text)).toEqual(entries(page.text));
    // English: the same page, English words, dates still written out
    await post(agents.self, '/bahasa', { lang: 'en', back: '/linimasa' });
    const en = await agents.self.get('/linimasa').expect(200);
    expect(en.text).toContain('My performance timeline');
    expect(en.text).toContain('reopened by HR');
    expect(en.text).toContain('15 March 2026');
    await post(agents.self, '/bahasa', { lang: 'id', back: '/linimasa' });
  });

  it('is seen by the employee, their appraiser, the pimpinan of their unit and HR; anyone else gets 404', async () => {
    const { self, rekan, subtree, kadis } = world.people;
    for (const a of [agents.self.get(`/linimasa/${self.id}`), agents.penilai.get(`/linimasa/${self.id}`), agents.pimpinan.get(`/linimasa/${self.id}`), agents.admin.get(`/linimasa/${self.id}`)]) await a.expect(200);
    const forbidden = await agents.rekan.get(`/linimasa/${self.id}`).expect(404);
    const missing = await agents.rekan.get('/linimasa/999999').expect(404);
    expect(forbidden.text).not.toContain(self.nama);
    expect(forbidden.text.replace(`/linimasa/${self.id}"`, '/linimasa/X"')).toBe(missing.text.replace('/linimasa/999999"', '/linimasa/X"'));
    await agents.penilai.get(`/linimasa/${subtree.id}`).expect(404);
    await agents.pimpinan.get(`/linimasa/${kadis.id}`).expect(404);
    await agents.self.get(`/linimasa/${rekan.id}`).expect(404);
    // HR has no timeline of their own
    await agents.admin.get('/linimasa').expect(404);
    // the pimpinan reads, the appraiser writes
    const seen = await agents.pimpinan.get(`/linimasa/${self.id}`).expect(200);
    expect(seen.text).not.toContain('action="/umpan-balik"');
    expect(seen.text).not.toContain('/dialog-kinerja/baru');
  });

  it('pages a long history by a cursor: every entry once, in order', async () => {
    const { rekan, penilai } = world.people;
    const base = Date.parse('2026-06-01T00:00:00Z');
    await t.db.prisma.umpanBalik.createMany({ data: Array.from({ length: 95 }, (_, i) => ({ pegawaiId: rekan.id, dariPegawaiId: penilai.id, teks: `Catatan ke-${i}`, at: new Date(base + Math.floor(i / 2) * 3_600_000) })) });
    const seen: string[] = [];
    let url: string | null = `/linimasa/${rekan.id}`;
    let pages = 0;
    while (url) {
      const res: { text: string } = await agents.penilai.get(url).expect(200);
      const e = entries(res.text);
      expect(e.length).toBeLessThanOrEqual(40);
      seen.push(...e);
      const next: string | undefined = /href="\?sebelum=([^"]+)" rel="next"/.exec(res.text)?.[1];
      url = next ? `/linimasa/${rekan.id}?sebelum=${unescapeHtml(next)}` : null;
      pages++;
    }
    expect(pages).toBe(3);
    const all = await t.db.prisma.umpanBalik.findMany({ where: { pegawaiId: rekan.id }, orderBy: [{ at: 'desc' }, { id: 'desc' }] });
    expect(seen).toEqual(all.map((f) => `umpanBalik:${f.id}`));
    // a cursor that is not one is the first page
    const junk = await agents.penilai.get(`/linimasa/${rekan.id}?sebelum=kemarin`).expect(200);
    expect(entries(junk.text).slice(0, 3)).toEqual(seen.slice(0, 3));
  });
});

describe('the capaian chart', () => {
  it('plots the capaian of the scoring module for each period; a missing period is a gap', async () => {
    const { self } = world.people;
    const [ind1, ind2] = skp.rhk[0]!.indikator as [number, number];
    // a period target for TW II on the first indicator, in the frozen plan the reports were written against
    const versi = await t.db.prisma.skpVersi.findFirstOrThrow({ where: { skpId: skp.id }, orderBy: { revisi: 'desc' } });
    const periode = await t.db.prisma.periode.findMany({ where: { siklusId: skp.siklusId }, orderBy: { urutan: 'asc' } });
    const doc = parseDokumen(versi.data);
    doc.rhk[0]!.indikator[0]!.targetPeriode = [{ periodeId: periode[1]!.id, targetAngka: '5', targetMin: null, targetMax: null, targetTeks: null }];
    await t.db.prisma.skpVersi.update({ where: { id: versi.id }, data: { data: doc as object } });
    // TW I (rated above): realisasi on both; TW II: only the first (against its period target), the second has a row without a number;
    // TW III: no report at all; TW IV: the employee's draft
    await t.db.prisma.realisasi.createMany({ data: [{ laporanId: (await t.db.prisma.laporanPeriode.findFirstOrThrow({ where: { skpId: skp.id, periodeId: periode[0]!.id } })).id, indikatorId: ind1, angka: '10' }, { laporanId: (await t.db.prisma.laporanPeriode.findFirstOrThrow({ where: { skpId: skp.id, periodeId: periode[0]!.id } })).id, indikatorId: ind2, angka: '15,5'.replace(',', '.') }] });
    await given.laporanLangsung(t, skp, 2, { status: 'DIAJUKAN', realisasi: { [ind1]: { angka: '6' }, [ind2]: { angka: null } } });
    await given.laporanLangsung(t, skp, 4, { status: 'DRAFT', realisasi: { [ind1]: { angka: '11' } } });

    const policy = parsePolicy((await t.db.prisma.siklus.findUniqueOrThrow({ where: { id: skp.siklusId } })).policy);
    const plan = parseDokumen((await t.db.prisma.skpVersi.findUniqueOrThrow({ where: { id: versi.id } })).data).rhk[0]!.indikator;
    const expected = (i: 0 | 1, urutan: number, angka: string | null | undefined) => {
      if (angka === undefined || angka === null) return null;
      const ind = plan[i]!;
      const c = capaian(ind, { angka }, chooseScoringTarget(ind, ind.targetPeriode.find((x) => x.periodeId === periode[urutan - 1]!.id)).target, policy);
      return c.kind === 'persen' ? c.persen : null;
    };
    const chartOf = (html: string) => JSON.parse(unescapeHtml(/data-capaian="([^"]+)"/.exec(html)![1]!)) as { labels: string[]; datasets: { label: string; data: (number | null)[] }[] };

    const mine = chartOf((await agents.self.get('/linimasa').expect(200)).text);
    expect(mine.labels).toEqual(periode.map((p) => p.nama));
    expect(mine.datasets.map((d) => d.data)).toEqual([
      [expected(0, 1, '10'), expected(0, 2, '6'), null, expected(0, 4, '11')],
      [expected(1, 1, '15.5'), null, null, null],
    ]);
    // the numbers themselves: 10/12 → 83,33; 6 against the period target 5 → 120 (the policy's cap); 15,5/12 → 129,17 → 120
    expect(mine.datasets[0]!.data).toEqual([83.33, 120, null, 91.67]);
    expect(mine.datasets[1]!.data).toEqual([120, null, null, null]);
    // the appraiser sees the same, without the employee's draft
    const theirs = await agents.penilai.get(`/linimasa/${self.id}`).expect(200);
    expect(chartOf(theirs.text).datasets.map((d) => d.data)).toEqual([[83.33, 120, null, null], [120, null, null, null]]);
    // the table beside it says the same in words, for screen readers: a gap is never 0
    expect(theirs.text).toContain('data-kind="tanpaLaporan"');
    expect(theirs.text).toContain('data-kind="missing"');
    expect(theirs.text).toContain('83,33 %');
    expect(theirs.text).not.toMatch(/data-persen="0"/);
    // Chart.js from its package, through /static, and the page's script: no inline script
    const vendor = /<script src="(\/static\/vendor\/chart\.umd\.min\.js\?v=[\w-]+)" defer>/.exec(theirs.text)?.[1];
    expect(vendor).toBeDefined();
    const js = await agents.penilai.get(vendor!).expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.text.length).toBeGreaterThan(100_000);
    expect(theirs.text).toMatch(/<script src="\/static\/js\/capaian-chart\.js\?v=[\w-]+" defer><\/script>/);
    expect(theirs.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('acting as the appraiser', () => {
  // last: from here on the Plh acts for the appraiser's post
  it('a Plh for the appraiser’s post sees the timeline and gives feedback in their own name', async () => {
    const { self, penilai, subtree } = world.people;
    const outsider = await loginAs(t.app, subtree.login!);
    await outsider.get(`/linimasa/${self.id}`).expect(404);
    await given.delegasi(t, { jabatanId: penilai.jabatanId, pemberi: penilai, penerima: subtree });
    const plh = await loginAs(t.app, subtree.login!);
    const page = await plh.get(`/linimasa/${self.id}`).expect(200);
    expect(page.text).toContain('action="/umpan-balik"');
    const res = await post(plh, '/umpan-balik', { pegawaiId: String(self.id), teks: 'Dari Plh: lanjutkan pendataan.' }, `/linimasa/${self.id}`);
    expect(res.status).toBe(303);
    const row = await t.db.prisma.umpanBalik.findFirstOrThrow({ where: { teks: 'Dari Plh: lanjutkan pendataan.' } });
    expect(row.dariPegawaiId).toBe(subtree.id);
  });
});
