import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { notify } from '../../src/modules/notifikasi/notify.js';

// The bell and the notification list (docs/domain/notifikasi.md): each workflow event tells the
// person it concerns, through the real forms (and a refused action tells nobody); the bell's count
// on every page; opening one marks it read and goes where it leads (an internal path only);
// marking one or all read; someone else's notification is not found; the list is keyset-paged.

let t: TestApp;
const clock = fixedClock('2026-01-01T03:00:00Z');
const day = (d: Date) => d.toISOString().slice(0, 10);
let team: Awaited<ReturnType<typeof given.pegawaiWithPenilai>>;
let skp: given.GivenSkp;
let periode: Awaited<ReturnType<typeof given.periodeOf>>;
let penilai: Agent;
let pegawai: Agent;
let admin: Agent;
/** SKPs drafted while the cycle plans, for the SKP events. */
let submitter: given.GivenPegawai; let toSubmit: given.GivenSkp;
let toReturn: given.GivenSkp;
let emptyOwner: given.GivenPegawai; let empty: given.GivenSkp;
let late: given.GivenPegawai;
let lateSkp: given.GivenSkp;

const userOf = async (pegawaiId: number) => (await t.db.prisma.user.findUniqueOrThrow({ where: { pegawaiId } })).id;
const notifs = async (pegawaiId: number) => t.db.prisma.notifikasi.findMany({ where: { userId: await userOf(pegawaiId) }, orderBy: { id: 'asc' } });
const lastOf = async (pegawaiId: number) => (await notifs(pegawaiId)).at(-1);
const bellOf = (html: string) => html.match(/<span class="bell-count">([^<]*)<\/span>/)?.[1] ?? null;

beforeAll(async () => {
  t = await testApp({}, { clock });
  team = await given.pegawaiWithPenilai(t);
  skp = await given.skpDisetujui(t, team.pegawai, { rhk: 1, indikator: 1 });
  periode = await given.periodeOf(t, skp.siklusId);
  submitter = await given.pegawai(t, { penilai: team.penilai });
  toSubmit = await given.skp(t, submitter, { rhk: 1 });
  const b = await given.pegawai(t, { penilai: team.penilai });
  toReturn = await given.skpDiajukan(t, b);
  emptyOwner = await given.pegawai(t, { penilai: team.penilai });
  empty = await given.skp(t, emptyOwner, { rhk: 0 });
  late = await given.pegawai(t, { penilai: team.penilai });
  lateSkp = await given.skpDisetujui(t, late);
  penilai = await loginAs(t.app, team.penilai.login);
  pegawai = await loginAs(t.app, team.pegawai.login);
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => { await t?.close(); });

describe('SKP events', () => {
  it('submitted → the appraiser, with a link to the review; a refused submission tells nobody', async () => {
    const before = (await notifs(team.penilai.id)).length;
    const refused = await postForm(penilai, `/skp/${empty.id}/ajukan`, { version: String(empty.version), confirmed: '1' });
    expect(refused.status).toBe(403); // not the owner
    const owner = await loginAs(t.app, emptyOwner.login);
    const blocked = await postForm(owner, `/skp/${empty.id}/ajukan`, { version: String(empty.version), confirmed: '1' });
    expect(blocked.status).toBe(409); // no RHK: refused with the problems
    expect((await notifs(team.penilai.id)).length).toBe(before);

    const me = await loginAs(t.app, submitter.login);
    const ok = await postForm(me, `/skp/${toSubmit.id}/ajukan`, { version: String(toSubmit.version), confirmed: '1' });
    expect(ok.status).toBe(303);
    const n = await lastOf(team.penilai.id);
    expect(n).toMatchObject({ jenis: 'SKP_DIAJUKAN', tautan: `/skp/${toSubmit.id}/tinjau`, dibacaAt: null });
    const nama = (await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: toSubmit.pegawaiId } })).nama;
    expect(n!.params).toMatchObject({ nama, tahun: expect.any(Number) });
    expect((await notifs(team.penilai.id)).length).toBe(before + 1);
    const list = await penilai.get('/notifikasi').expect(200);
    expect(list.text).toContain(`${nama} mengajukan SKP`);
  });

  it('an SKP addressed to an official outside the agency tells their login, who opens it from their bell', async () => {
    const pejabat = await given.pejabatLuar(t, { login: true });
    const kepala = await given.pegawai(t, { penilaiLuar: pejabat });
    const s = await given.skp(t, kepala, { rhk: 1 });
    const me = await loginAs(t.app, kepala.login);
    expect((await postForm(me, `/skp/${s.id}/ajukan`, { version: String(s.version), confirmed: '1' })).status).toBe(303);
    const luarUser = await t.db.prisma.user.findFirstOrThrow({ where: { pejabatLuarId: pejabat.id } });
    const [n] = await t.db.prisma.notifikasi.findMany({ where: { userId: luarUser.id } });
    expect(n).toMatchObject({ jenis: 'SKP_DIAJUKAN', tautan: `/skp/${s.id}/tinjau`, params: { nama: kepala.nama } });
    const luar = await loginAs(t.app, pejabat.login!);
    expect(bellOf((await luar.get('/').expect(200)).text)).toBe('1');
    expect((await luar.get('/notifikasi').expect(200)).text).toContain(`${kepala.nama} mengajukan SKP`);
    const open = await postForm(luar, `/notifikasi/${n!.id}/buka`, {}, '/notifikasi');
    expect(open.headers.location).toBe(`/skp/${s.id}/tinjau`);
    await luar.get(`/skp/${s.id}/tinjau`).expect(200);
  });

  it('a Plh in force for the appraiser\'s post is told too (one not yet in force is not), as the acting rule lets them act', async () => {
    const plh = await given.pegawai(t, { penilai: team.penilai });
    const later = await given.pegawai(t, { penilai: team.penilai });
    await given.delegasi(t, { jabatanId: team.penilai.jabatanId, pemberi: team.penilai, penerima: plh, mulai: 0, selesai: 0 });
    await given.delegasi(t, { jabatanId: team.penilai.jabatanId, pemberi: team.penilai, penerima: later, mulai: 1, selesai: 3 });
    const owner = await given.pegawai(t, { penilai: team.penilai });
    const s = await given.skp(t, owner, { rhk: 1 });
    const before = (await notifs(team.penilai.id)).length;
    expect((await postForm(await loginAs(t.app, owner.login), `/skp/${s.id}/ajukan`, { version: String(s.version), confirmed: '1' })).status).toBe(303);
    expect((await notifs(team.penilai.id)).length).toBe(before + 1);
    expect(await lastOf(plh.id)).toMatchObject({ jenis: 'SKP_DIAJUKAN', tautan: `/skp/${s.id}/tinjau` });
    expect((await notifs(later.id)).filter((n) => n.jenis === 'SKP_DIAJUKAN')).toEqual([]);
    // the Plh opens it from the bell and may act on it
    const agent = await loginAs(t.app, plh.login);
    const n = (await lastOf(plh.id))!;
    expect((await postForm(agent, `/notifikasi/${n.id}/buka`, {}, '/notifikasi')).headers.location).toBe(`/skp/${s.id}/tinjau`);
    await agent.get(`/skp/${s.id}/tinjau`).expect(200);
  });

  it('approved and returned → the employee, with a link to their SKP; a second decision is refused and tells nobody', async () => {
    const s = await given.skpNow(t, toSubmit.id);
    const ok = await postForm(penilai, `/skp/${s.id}/setujui`, { version: String(s.version), confirmed: '1' });
    expect(ok.status).toBe(303);
    expect(await lastOf(s.pegawaiId)).toMatchObject({ jenis: 'SKP_DISETUJUI', tautan: `/skp/${s.id}` });
    const count = (await notifs(s.pegawaiId)).length;
    const again = await postForm(penilai, `/skp/${s.id}/setujui`, { version: String(s.version), confirmed: '1' });
    expect(again.status).toBe(409);
    expect((await notifs(s.pegawaiId)).length).toBe(count);

    const r = await given.skpNow(t, toReturn.id);
    const back = await postForm(penilai, `/skp/${r.id}/kembalikan`, { version: String(r.version), alasan: 'Target perlu dirinci per triwulan', confirmed: '1' });
    expect(back.status).toBe(303);
    expect(await lastOf(r.pegawaiId)).toMatchObject({ jenis: 'SKP_DIKEMBALIKAN', tautan: `/skp/${r.id}` });
  });
});

describe('report events', () => {
  beforeAll(async () => {
    await t.db.prisma.siklus.update({ where: { id: skp.siklusId }, data: { fase: 'PELAKSANAAN' } });
    // the first period's deadline day, in the morning (WIB): still open for the employee
    clock.set(`${day(periode[0]!.batasPegawai)}T03:00:00Z`);
  });

  it('submitted → the appraiser (the rating page); rated → the employee (their report); a rating of a rated report tells nobody', async () => {
    const l = await given.laporan(t, skp.id, periode[0]!.id);
    const ind = skp.rhk[0]!.indikator[0]!;
    const sent = await postForm(pegawai, `/laporan/${l.id}/ajukan`, { version: String(l.version), [`ra_${ind}`]: '12', prestasi: 'Capaian sesuai rencana', kendala: '', rencanaPerbaikan: '', confirmed: '1' }, `/laporan/${l.id}`);
    expect(sent.status).toBe(303);
    const n = await lastOf(team.penilai.id);
    expect(n).toMatchObject({ jenis: 'LAPORAN_DIAJUKAN', tautan: `/penilaian/${l.id}`, params: { nama: team.pegawai.nama, periode: periode[0]!.nama } });

    const v = (await t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { id: l.id } })).version;
    const body = { version: String(v), saranHasilKerja: 'SESUAI', saranPerilaku: 'TIDAK_ADA', ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI' };
    const rated = await postForm(penilai, `/penilaian/${l.id}/nilai`, body);
    expect(rated.status).toBe(303);
    expect(await lastOf(team.pegawai.id)).toMatchObject({ jenis: 'LAPORAN_DINILAI', tautan: `/laporan/${l.id}`, params: { periode: periode[0]!.nama } });
    const count = (await notifs(team.pegawai.id)).length;
    expect((await postForm(penilai, `/penilaian/${l.id}/nilai`, body)).status).toBe(409);
    expect((await notifs(team.pegawai.id)).length).toBe(count);
  });

  it('returned → the employee, with the open-until date in their language', async () => {
    const l = await given.laporan(t, skp.id, periode[1]!.id, { status: 'DIAJUKAN' });
    const sampai = day(new Date(clock.now().getTime() + 7 * 86_400_000));
    const done = await postForm(penilai, `/penilaian/${l.id}/kembalikan`, { version: String(l.version), alasan: 'Bukti dukung belum lengkap', dibukaSampai: sampai, confirmed: '1' });
    expect(done.status).toBe(303);
    const n = await lastOf(team.pegawai.id);
    expect(n).toMatchObject({ jenis: 'LAPORAN_DIKEMBALIKAN', tautan: `/laporan/${l.id}` });
    expect(typeof (n!.params as { sampai: string }).sampai).toBe('string');
    const list = await pegawai.get('/notifikasi').expect(200);
    expect(list.text).toMatch(new RegExp(`Laporan ${periode[1]!.nama} Anda dikembalikan untuk diperbaiki sampai \\d{1,2} \\w+ \\d{4}`));
  });

  it('reopened by HR → the employee', async () => {
    const draft = await given.laporan(t, lateSkp.id, periode[0]!.id);
    const saved = clock.now();
    clock.set(`${day(new Date(periode[0]!.batasPegawai.getTime() + 3 * 86_400_000))}T03:00:00Z`);
    try {
      const sampai = day(new Date(clock.now().getTime() + 5 * 86_400_000));
      const ok = await postForm(admin, `/pegawai/${late.id}/buka-laporan`, { skpId: String(lateSkp.id), periodeId: String(periode[0]!.id), alasan: 'Sakit selama batas waktu', dibukaSampai: sampai });
      expect(ok.status).toBe(303);
      expect(await lastOf(late.id)).toMatchObject({ jenis: 'LAPORAN_DIBUKA_HR', tautan: `/laporan/${draft.id}`, params: { periode: periode[0]!.nama } });
    } finally {
      clock.set(saved);
    }
  });
});

describe('feedback', () => {
  it('received → the employee, naming the giver; refused feedback (not their appraiser) tells nobody', async () => {
    const before = (await notifs(team.pegawai.id)).length;
    const stranger = await loginAs(t.app, (await given.pegawaiWithPenilai(t)).penilai.login);
    const no = await postForm(stranger, '/umpan-balik', { pegawaiId: String(team.pegawai.id), teks: 'Tidak berhak memberi ini' });
    expect([403, 404]).toContain(no.status);
    expect((await notifs(team.pegawai.id)).length).toBe(before);
    const ok = await postForm(penilai, '/umpan-balik', { pegawaiId: String(team.pegawai.id), teks: 'Laporan bulanan sudah rapi.' }, `/linimasa/${team.pegawai.id}`);
    expect(ok.status).toBe(303);
    expect(await lastOf(team.pegawai.id)).toMatchObject({ jenis: 'UMPAN_BALIK', tautan: '/linimasa', params: { dari: team.penilai.nama } });
    expect((await notifs(team.pegawai.id)).length).toBe(before + 1);
  });
});

describe('the bell and the list', () => {
  let who: given.GivenPegawai;
  let agent: Agent;
  beforeAll(async () => {
    who = await given.pegawai(t);
    agent = await loginAs(t.app, who.login);
  });

  it('shows the unread count on every page (none: no number), and "99+" above 99', async () => {
    expect(bellOf((await agent.get('/').expect(200)).text)).toBeNull();
    await notify(t.db.sql, [1, 2, 3].map((i) => ({ pegawaiId: who.id, jenis: 'UMPAN_BALIK' as const, params: { dari: `Pemberi ${i}` }, tautan: '/linimasa' })));
    expect(bellOf((await agent.get('/').expect(200)).text)).toBe('3');
    expect(bellOf((await agent.get('/linimasa').expect(200)).text)).toBe('3');
    expect(bellOf((await agent.get('/akun/password').expect(200)).text)).toBe('3');
    // a 404 page is a page too
    expect(bellOf((await agent.get('/tidak-ada').expect(404)).text)).toBe('3');
    const many = await given.pegawai(t);
    await notify(t.db.sql, Array.from({ length: 120 }, () => ({ pegawaiId: many.id, jenis: 'PENGINGAT' as const, tautan: '/laporan' })));
    expect(bellOf((await (await loginAs(t.app, many.login)).get('/').expect(200)).text)).toBe('99+');
  });

  it('opening one marks it read and goes where it leads; marking one read stays on the list', async () => {
    const [a, b] = (await notifs(who.id)).slice(-2);
    const open = await postForm(agent, `/notifikasi/${b!.id}/buka`, {}, '/notifikasi');
    expect(open.status).toBe(303);
    expect(open.headers.location).toBe('/linimasa');
    expect((await t.db.prisma.notifikasi.findUniqueOrThrow({ where: { id: b!.id } })).dibacaAt?.toISOString()).toBe(clock.now().toISOString());
    expect(bellOf((await agent.get('/').expect(200)).text)).toBe('2');
    const mark = await postForm(agent, `/notifikasi/${a!.id}/baca`, {}, '/notifikasi');
    expect(mark.status).toBe(303);
    expect(mark.headers.location).toBe('/notifikasi');
    const list = await agent.get('/notifikasi').expect(200);
    expect(bellOf(list.text)).toBe('1');
    expect(list.text.match(/class="notif notif-baru"/g)).toHaveLength(1);
    // opening a read one again still leads there and keeps its first reading time
    expect((await postForm(agent, `/notifikasi/${b!.id}/buka`, {}, '/notifikasi')).headers.location).toBe('/linimasa');
  });

  it('marks all read at once', async () => {
    const res = await postForm(agent, '/notifikasi/baca-semua', {}, '/notifikasi');
    expect(res.status).toBe(303);
    const list = await agent.get('/notifikasi').expect(200);
    expect(bellOf(list.text)).toBeNull();
    expect(list.text).toContain('1 notifikasi ditandai sudah dibaca.');
    expect(list.text).not.toContain('action="/notifikasi/baca-semua"');
    expect(await t.db.prisma.notifikasi.count({ where: { userId: await userOf(who.id), dibacaAt: null } })).toBe(0);
  });

  it('someone else\'s notification is not found, to open or to mark; a form without its token is refused', async () => {
    const theirs = (await notifs(team.pegawai.id)).at(-1)!;
    expect((await postForm(agent, `/notifikasi/${theirs.id}/buka`, {}, '/notifikasi')).status).toBe(404);
    expect((await postForm(agent, `/notifikasi/${theirs.id}/baca`, {}, '/notifikasi')).status).toBe(404);
    expect((await postForm(agent, '/notifikasi/999999999/buka', {}, '/notifikasi')).status).toBe(404);
    expect((await t.db.prisma.notifikasi.findUniqueOrThrow({ where: { id: theirs.id } })).dibacaAt).toBeNull();
    expect((await agent.post(`/notifikasi/${theirs.id}/baca`).type('form').send({})).status).toBe(403);
    expect((await agent.get('/notifikasi').expect(200)).text).not.toContain(`data-id="${theirs.id}"`);
  });

  it('leads only inside the app: a stored link to another site goes to the list', async () => {
    for (const tautan of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      await notify(t.db.sql, [{ pegawaiId: who.id, jenis: 'PENGINGAT', tautan }]);
      const n = (await notifs(who.id)).at(-1)!;
      expect((await postForm(agent, `/notifikasi/${n.id}/buka`, {}, '/notifikasi')).headers.location).toBe('/notifikasi');
    }
  });

  it('pages newest first by keyset, without gaps or repeats', async () => {
    const p = await given.pegawai(t);
    for (let i = 1; i <= 25; i++) await notify(t.db.sql, [{ pegawaiId: p.id, jenis: 'UMPAN_BALIK', params: { dari: `Orang ${i}` }, tautan: '/linimasa' }]);
    const a = await loginAs(t.app, p.login);
    const ids = (html: string) => [...html.matchAll(/<li class="notif[^"]*" data-id="(\d+)">/g)].map((m) => Number(m[1]));
    const first = await a.get('/notifikasi').expect(200);
    const all = (await notifs(p.id)).map((n) => n.id).reverse();
    expect(ids(first.text)).toEqual(all.slice(0, 20));
    expect(first.text).toContain('Orang 25 memberi Anda umpan balik');
    const next = first.text.match(/href="\?sebelum=([^"]+)" rel="next"/)![1]!;
    const second = await a.get(`/notifikasi?sebelum=${next}`).expect(200);
    expect(ids(second.text)).toEqual(all.slice(20));
    expect(second.text).not.toContain('rel="next"');
    // a broken cursor is the first page
    expect(ids((await a.get('/notifikasi?sebelum=rusak').expect(200)).text)).toEqual(all.slice(0, 20));
  });

  it('shows the list in English for an English reader', async () => {
    await postForm(agent, '/bahasa', { lang: 'en', back: '/notifikasi' }, '/notifikasi');
    const list = await agent.get('/notifikasi').expect(200);
    expect(list.text).toContain('<h1>Notifications</h1>');
    await postForm(agent, '/bahasa', { lang: 'id', back: '/notifikasi' }, '/notifikasi');
  });
});
