import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { frasaById } from '../../src/domain/frasa-umpan-balik.js';
import { NILAI_BERAKHLAK } from '../../src/domain/berakhlak.js';
import { akhirHari } from '../../src/domain/periode-laporan.js';

// The appraiser's answer to a period's report (issue 10 § 3, docs/domain/penilaian.md): the queue
// (submitted reports only), rating with feedback phrases and explained suggestions, an override
// that needs a reason, return with an open-until date, HR's reopening for one person; through
// the real forms, on a fixed clock.

let t: TestApp;
let team: Awaited<ReturnType<typeof given.pegawaiWithPenilai>>;
let skp: given.GivenSkp;
let periode: Awaited<ReturnType<typeof given.periodeOf>>;
let penilai: Agent;
let pegawai: Agent;
let admin: Agent;
/** People made while the cycle plans (an SKP drafted later starts on the day it is made, and would cover none of the first period). */
let other: given.GivenPegawai; let otherSkp: given.GivenSkp;
let late: given.GivenPegawai; let lateSkp: given.GivenSkp;
let fresh: given.GivenPegawai; let freshSkp: given.GivenSkp;
let stranger: Awaited<ReturnType<typeof given.pegawaiWithPenilai>>;
let waiting: given.GivenLaporan;
const clock = fixedClock('2026-01-01T03:00:00Z');
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The cycle moves on to carrying out the year (PELAKSANAAN). The demo's other SKPs would block the guarded move, so this one write is direct. */
const pelaksanaan = (siklusId: number) => t.db.prisma.siklus.update({ where: { id: siklusId }, data: { fase: 'PELAKSANAAN' } });

/** A rating form as the page shows it for a one-indicator report, with `over` on top. */
const ratingBody = (l: given.GivenLaporan, over: Record<string, string> = {}) => ({
  version: String(l.version),
  saranHasilKerja: 'SESUAI',
  saranPerilaku: 'TIDAK_ADA',
  ratingHasilKerja: 'SESUAI',
  ratingPerilaku: 'SESUAI',
  ...over,
});

const laporanNow = (id: number) => t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { id }, include: { penilaian: true, riwayat: true, realisasi: true, tandaPerilaku: true } });

beforeAll(async () => {
  t = await testApp({}, { clock });
  team = await given.pegawaiWithPenilai(t);
  skp = await given.skpDisetujui(t, team.pegawai, { rhk: 1, indikator: 1 });
  periode = await given.periodeOf(t, skp.siklusId);
  other = await given.pegawai(t, { penilai: team.penilai });
  otherSkp = await given.skpDisetujui(t, other);
  late = await given.pegawai(t, { penilai: team.penilai });
  lateSkp = await given.skpDisetujui(t, late);
  fresh = await given.pegawai(t, { penilai: team.penilai });
  freshSkp = await given.skpDisetujui(t, fresh);
  stranger = await given.pegawaiWithPenilai(t);
  await pelaksanaan(skp.siklusId);
  // the first period's deadline day, in the morning (WIB): still open for the employee
  clock.set(`${day(periode[0]!.batasPegawai)}T03:00:00Z`);
  penilai = await loginAs(t.app, team.penilai.login);
  pegawai = await loginAs(t.app, team.pegawai.login);
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => { await t?.close(); });

describe('the queue', () => {
  it('lists submitted reports only (a draft never), with the counts, and opens each for its appraiser only', async () => {
    const draft = await given.laporan(t, otherSkp.id, periode[0]!.id); // DRAFT
    waiting = await given.laporan(t, skp.id, periode[0]!.id, { status: 'DIAJUKAN' });
    const rated = await given.laporan(t, otherSkp.id, periode[1]!.id, { status: 'DINILAI' });

    const q = await penilai.get('/penilaian').expect(200);
    expect(q.text).toContain(`href="/penilaian/${waiting.id}"`);
    expect(q.text).not.toContain(`/penilaian/${draft.id}"`);
    expect(q.text).toContain(`href="/penilaian/${rated.id}"`); // listed under "rated"
    expect(q.text).toMatch(/<strong>1<\/strong> menunggu penilaian/);
    expect(q.text).toMatch(/<strong>1<\/strong> sudah dinilai/);
    // one period
    const q1 = await penilai.get(`/penilaian?periodeId=${periode[0]!.id}`).expect(200);
    expect(q1.text).toMatch(/<strong>0<\/strong> sudah dinilai/);

    // the draft is not the appraiser's to open; nor is the report anyone else's who does not appraise it
    await penilai.get(`/penilaian/${draft.id}`).expect(404);
    await pegawai.get(`/penilaian/${waiting.id}`).expect(404);
    const strangerAgent = await loginAs(t.app, stranger.penilai.login);
    await strangerAgent.get(`/penilaian/${waiting.id}`).expect(404);
    expect((await strangerAgent.get('/penilaian').expect(200)).text).not.toContain(`/penilaian/${waiting.id}"`);
    await admin.get(`/penilaian/${waiting.id}`).expect(404); // HR sees the report (/laporan/:id) but does not rate it
    const page = await penilai.get(`/penilaian/${waiting.id}`).expect(200);
    expect(page.text).toContain(team.pegawai.nama);
    // the capaian with its rule in words, and the suggestion with its reason
    expect(page.text).toContain('Lebih tinggi lebih baik: 12 dari 12 = 100%');
    expect(page.text).toContain('name="saranHasilKerja" value="SESUAI"');
    expect(page.text).toContain('name="saranPerilaku" value="TIDAK_ADA"');
    expect(page.text).toContain('kuadran PermenPANRB 6/2022');
    // the return form offers seven days from today by default
    const sampai = new Date(periode[0]!.batasPegawai.getTime() + 7 * 86_400_000);
    expect(page.text).toContain(`name="dibukaSampai" min="${day(periode[0]!.batasPegawai)}" value="${day(sampai)}"`);
  });
});

describe('rating a report', () => {
  let l: given.GivenLaporan;
  beforeAll(() => { l = waiting; }); // submitted in the queue's test

  it('asks a reason for a rating that differs from the suggestion, keeping what was typed', async () => {
    const ind = skp.rhk[0]!.indikator[0]!;
    const res = await postForm(penilai, `/penilaian/${l.id}/nilai`, ratingBody(l, { ratingHasilKerja: 'DI_ATAS', [`umpan_i_${ind}`]: 'Catatan yang harus tetap ada' }));
    expect(res.status).toBe(409);
    expect(res.text).toContain('Rating Hasil Kerja berbeda dari saran: tuliskan alasannya.');
    expect(res.text).toMatch(/id="f-alasanHasilKerja-err">Rating yang berbeda dari saran sistem memerlukan alasan\./);
    expect(res.text).toContain('Catatan yang harus tetap ada');
    expect(res.text).toMatch(/name="ratingHasilKerja" value="DI_ATAS" checked/);
    expect((await laporanNow(l.id)).status).toBe('DIAJUKAN');
  });

  it('rates with a phrase and free text, stores the suggestions as shown, and a second submit makes no second rating', async () => {
    const ind = skp.rhk[0]!.indikator[0]!;
    const f = frasaById('HASIL_KERJA.sesuai.1')!;
    const body = ratingBody(l, { [`frasa_i_${ind}`]: f.id, [`umpan_i_${ind}`]: 'Laporan lengkap.', frasa_p_AKUNTABEL: 'AKUNTABEL.sesuai.1', ratingHasilKerja: 'DI_ATAS', alasanHasilKerja: 'Kualitas dokumen jauh di atas standar' });
    const nextOne = await given.laporan(t, otherSkp.id, periode[2]!.id, { status: 'DIAJUKAN' });
    const [a, b] = await Promise.all([postForm(penilai, `/penilaian/${l.id}/nilai`, body), postForm(penilai, `/penilaian/${l.id}/nilai`, body)]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    // on to the next report waiting
    expect([a, b].find((r) => r.status === 303)!.headers.location).toBe(`/penilaian/${nextOne.id}`);
    const after = await laporanNow(l.id);
    expect(after.status).toBe('DINILAI');
    expect(after.penilaian).toMatchObject({ ratingHasilKerja: 'DI_ATAS', ratingPerilaku: 'SESUAI', predikat: 'BAIK', policyVersion: 1, alasanHasilKerja: 'Kualitas dokumen jauh di atas standar', alasanPerilaku: null });
    expect(after.penilaian!.saranHasilKerja).toMatchObject({ kind: 'saran', rating: 'SESUAI' });
    expect(after.penilaian!.saranPerilaku).toMatchObject({ kind: 'withheld' });
    expect(after.realisasi[0]!.umpanBalik).toBe(`${f.teks.id} Laporan lengkap.`);
    expect(after.tandaPerilaku.find((x) => x.nilai === 'AKUNTABEL')!.umpanBalik).toBe(frasaById('AKUNTABEL.sesuai.1')!.teks.id);
    expect(after.riwayat.filter((r) => r.jenis === 'DINILAI')).toHaveLength(1);
    expect(await t.db.prisma.penilaianPeriode.count({ where: { laporanId: l.id } })).toBe(1);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'laporan.rate', entitasId: String(l.id) } })).toBe(1);
    // and once more, later: refused as rated already
    const again = await postForm(penilai, `/penilaian/${l.id}/nilai`, body);
    expect(again.status).toBe(409);
    expect(again.text).toContain('Laporan ini sudah dinilai.');
  });

  it('takes the Rating Perilaku suggestion from the marks: a suggestion moved by the marks is shown again before it is stored', async () => {
    const l2 = await given.laporan(t, skp.id, periode[1]!.id, { status: 'DIAJUKAN' });
    const marks = Object.fromEntries(NILAI_BERAKHLAK.map((n) => [`tanda_${n}`, 'DI_ATAS']));
    // marked, but posted with the suggestion shown before the marks (none)
    const moved = await postForm(penilai, `/penilaian/${l2.id}/nilai`, ratingBody(l2, marks));
    expect(moved.status).toBe(409);
    expect(moved.text).toContain('Saran sistem berubah mengikuti isian Anda');
    expect(moved.text).toContain('name="saranPerilaku" value="DI_ATAS"');
    // "recompute" shows the same, saving nothing
    const recomputed = await postForm(penilai, `/penilaian/${l2.id}/nilai`, { ...ratingBody(l2, marks), hitung: '1' });
    expect(recomputed.status).toBe(200);
    expect(recomputed.text).toContain('Sebagian besar nilai');
    expect((await laporanNow(l2.id)).status).toBe('DIAJUKAN');
    // with the new suggestion: a rating that follows it needs no reason
    const ok = await postForm(penilai, `/penilaian/${l2.id}/nilai`, ratingBody(l2, { ...marks, saranPerilaku: 'DI_ATAS', ratingPerilaku: 'DI_ATAS' }));
    expect(ok.status).toBe(303);
    const after = await laporanNow(l2.id);
    expect(after.penilaian).toMatchObject({ ratingPerilaku: 'DI_ATAS', predikat: 'BAIK', alasanPerilaku: null });
    expect(after.penilaian!.saranPerilaku).toMatchObject({ kind: 'saran', rating: 'DI_ATAS' });
    expect(after.tandaPerilaku.map((x) => x.tanda)).toEqual(NILAI_BERAKHLAK.map(() => 'DI_ATAS'));
  });

  it('refuses a version someone else moved on ("changed by someone else"), and a phrase of another target', async () => {
    const l3 = await given.laporan(t, skp.id, periode[2]!.id, { status: 'DIAJUKAN' });
    const stale = await postForm(penilai, `/penilaian/${l3.id}/nilai`, ratingBody({ ...l3, version: l3.version - 1 }));
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('diubah');
    const ind = skp.rhk[0]!.indikator[0]!;
    const wrong = await postForm(penilai, `/penilaian/${l3.id}/nilai`, ratingBody(l3, { [`frasa_i_${ind}`]: 'AKUNTABEL.sesuai.1' }));
    expect(wrong.status).toBe(409);
    expect(wrong.text).toContain('Frasa umpan balik ini tidak dikenal.');
    expect((await laporanNow(l3.id)).status).toBe('DIAJUKAN');
  });
});

describe('returning a report', () => {
  it('asks first, then reopens it for the employee until the end of the chosen day (default seven days), with the history and audit', async () => {
    const l = await given.laporan(t, skp.id, periode[3]!.id, { status: 'DIAJUKAN' });
    const today = day(clock.now());
    const past = await postForm(penilai, `/penilaian/${l.id}/kembalikan`, { version: String(l.version), alasan: 'Bukti dukung belum lengkap', dibukaSampai: '2000-01-01' });
    expect(past.status).toBe(409);
    expect(past.text).toContain('Tanggal tidak boleh sebelum hari ini.');
    expect(past.text).toContain('Bukti dukung belum lengkap'); // kept
    const short = await postForm(penilai, `/penilaian/${l.id}/kembalikan`, { version: String(l.version), alasan: 'pendek', dibukaSampai: today });
    expect(short.status).toBe(422);

    const sampai = day(new Date(clock.now().getTime() + 7 * 86_400_000));
    const body = { version: String(l.version), alasan: 'Bukti dukung belum lengkap', dibukaSampai: sampai };
    const ask = await postForm(penilai, `/penilaian/${l.id}/kembalikan`, body);
    expect(ask.status).toBe(200);
    expect(ask.text).toContain('name="confirmed" value="1"');
    expect((await laporanNow(l.id)).status).toBe('DIAJUKAN');
    const done = await postForm(penilai, `/penilaian/${l.id}/kembalikan`, { ...body, confirmed: '1' });
    expect(done.status).toBe(303);
    const after = await laporanNow(l.id);
    expect(after).toMatchObject({ status: 'DIKEMBALIKAN', alasanKembali: 'Bukti dukung belum lengkap' });
    expect(after.dibukaSampai!.toISOString()).toBe(akhirHari(sampai, 'Asia/Jakarta').toISOString());
    expect(after.riwayat.find((r) => r.jenis === 'DIKEMBALIKAN')).toMatchObject({ alasan: 'Bukti dukung belum lengkap' });
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'laporan.return', entitasId: String(l.id) } })).toBe(1);
    // a returned report is no longer the appraiser's to answer
    const again = await postForm(penilai, `/penilaian/${l.id}/kembalikan`, { ...body, version: String(after.version), confirmed: '1' });
    expect(again.status).toBe(409);
  });
});

describe('a returned report goes back to the employee until its date', () => {
  it('the employee edits and resubmits it while it is open; after the open-until date they cannot save', async () => {
    const saved = clock.now();
    const l = await given.laporan(t, lateSkp.id, periode[1]!.id, { status: 'DIAJUKAN' });
    const ind = lateSkp.rhk[0]!.indikator[0]!;
    const me = await loginAs(t.app, late.login);
    // after the period's own deadline: only the return keeps it open
    clock.set(`${day(new Date(periode[1]!.batasPegawai.getTime() + 86_400_000))}T03:00:00Z`);
    try {
      const sampai = day(new Date(clock.now().getTime() + 2 * 86_400_000));
      const returned = await postForm(penilai, `/penilaian/${l.id}/kembalikan`, { version: String(l.version), alasan: 'Realisasi perlu dirinci', dibukaSampai: sampai, confirmed: '1' });
      expect(returned.status).toBe(303);
      const form = async (over: Record<string, string> = {}) => ({ version: String((await laporanNow(l.id)).version), [`ra_${ind}`]: '11', prestasi: 'Capaian dirinci per kegiatan', kendala: '', rencanaPerbaikan: '', ...over });
      // open: the employee saves and submits it again
      expect((await postForm(me, `/laporan/${l.id}`, await form(), `/laporan/${l.id}`)).status).toBe(303);
      expect((await postForm(me, `/laporan/${l.id}/ajukan`, { ...(await form()), confirmed: '1' }, `/laporan/${l.id}`)).status).toBe(303);
      const resubmitted = await laporanNow(l.id);
      expect(resubmitted.status).toBe('DIAJUKAN');
      expect(resubmitted.realisasi[0]!.angka!.toString()).toBe('11');
      expect(resubmitted.riwayat.map((r) => r.jenis)).toEqual(['DIAJUKAN', 'DIKEMBALIKAN', 'DIAJUKAN']);
      // back in the appraiser's queue
      expect((await penilai.get('/penilaian').expect(200)).text).toContain(`href="/penilaian/${l.id}"`);

      // returned once more, then the date passes: the employee can no longer save
      const again = await postForm(penilai, `/penilaian/${l.id}/kembalikan`, { version: String(resubmitted.version), alasan: 'Bukti dukung masih kurang', dibukaSampai: day(clock.now()), confirmed: '1' });
      expect(again.status).toBe(303);
      const dibukaSampai = (await laporanNow(l.id)).dibukaSampai!;
      clock.set(new Date(dibukaSampai.getTime() - 1000)); // a second before the end of that day: still open
      expect((await postForm(me, `/laporan/${l.id}`, await form({ kendala: 'Masih sempat' }), `/laporan/${l.id}`)).status).toBe(303);
      clock.set(dibukaSampai); // the end of that day: closed
      const late_ = await postForm(me, `/laporan/${l.id}`, await form({ kendala: 'Terlambat' }), `/laporan/${l.id}`);
      expect(late_.status).toBe(409);
      const closed = await laporanNow(l.id);
      expect(closed.kendala).toBe('Masih sempat');
      expect(closed.status).toBe('DIKEMBALIKAN');
    } finally {
      clock.set(saved);
    }
  });
});

describe('HR reopens a report for one person', () => {
  it('after the deadline: sets the open-until date (a draft stays a draft; a report not started is created), audited; before it, refused', async () => {
    const [p, s] = [late, lateSkp];
    const draft = await given.laporan(t, s.id, periode[0]!.id); // a late draft
    const page = await admin.get(`/pegawai/${p.id}/buka-laporan`).expect(200);
    expect(page.text).toContain(periode[0]!.nama);
    // the first period is still open today: nothing to reopen
    const early = await postForm(admin, `/pegawai/${p.id}/buka-laporan`, { skpId: String(s.id), periodeId: String(periode[0]!.id), alasan: 'Sakit selama batas waktu', dibukaSampai: day(clock.now()) });
    expect(early.status).toBe(409);
    expect(early.text).toContain('Batas waktu laporan ini belum lewat');

    const saved = clock.now();
    clock.set(`${day(new Date(periode[0]!.batasPegawai.getTime() + 3 * 86_400_000))}T03:00:00Z`);
    try {
      const sampai = day(new Date(clock.now().getTime() + 5 * 86_400_000));
      // past its deadline the employee cannot save the draft …
      const me = await loginAs(t.app, p.login);
      const draftForm = async () => ({ version: String((await laporanNow(draft.id)).version), [`ra_${s.rhk[0]!.indikator[0]!}`]: '9', prestasi: 'Ditulis setelah dibuka kembali', kendala: '', rencanaPerbaikan: '' });
      expect((await postForm(me, `/laporan/${draft.id}`, await draftForm(), `/laporan/${draft.id}`)).status).toBe(409);
      const ok = await postForm(admin, `/pegawai/${p.id}/buka-laporan`, { skpId: String(s.id), periodeId: String(periode[0]!.id), alasan: 'Sakit selama batas waktu', dibukaSampai: sampai });
      expect(ok.status).toBe(303);
      const after = await laporanNow(draft.id);
      expect(after.status).toBe('DRAFT');
      expect(after.dibukaSampai!.toISOString()).toBe(akhirHari(sampai, 'Asia/Jakarta').toISOString());
      expect(after.riwayat.map((r) => [r.jenis, r.alasan])).toEqual([['DIBUKA_HR', 'Sakit selama batas waktu']]);
      expect(await t.db.prisma.auditLog.count({ where: { aksi: 'laporan.reopen', entitasId: String(draft.id) } })).toBe(1);
      // … and once HR reopened it, they can
      expect((await postForm(me, `/laporan/${draft.id}`, await draftForm(), `/laporan/${draft.id}`)).status).toBe(303);
      expect((await laporanNow(draft.id)).prestasi).toBe('Ditulis setelah dibuka kembali');

      // someone without a report yet gets one, open until the date
      const [q, qs] = [fresh, freshSkp];
      const made = await postForm(admin, `/pegawai/${q.id}/buka-laporan`, { skpId: String(qs.id), periodeId: String(periode[0]!.id), alasan: 'Tugas luar daerah', dibukaSampai: sampai });
      expect(made.status).toBe(303);
      const created = await t.db.prisma.laporanPeriode.findUniqueOrThrow({ where: { skpId_periodeId: { skpId: qs.id, periodeId: periode[0]!.id } } });
      expect(created.status).toBe('DRAFT');
      expect(created.dibukaSampai).not.toBeNull();

      // no reason, no reopening; a submitted report is its appraiser's to return
      const noReason = await postForm(admin, `/pegawai/${q.id}/buka-laporan`, { skpId: String(qs.id), periodeId: String(periode[0]!.id), alasan: '', dibukaSampai: sampai });
      expect(noReason.status).toBe(422);
      const submitted = await given.laporan(t, qs.id, periode[1]!.id, { status: 'DIAJUKAN' });
      expect(submitted.status).toBe('DIAJUKAN');
      // the SKP of someone else under this person's URL is not found
      const foreign = await postForm(admin, `/pegawai/${q.id}/buka-laporan`, { skpId: String(s.id), periodeId: String(periode[0]!.id), alasan: 'Tugas luar daerah', dibukaSampai: sampai });
      expect(foreign.status).toBe(404);
      // only HR
      const refused = await postForm(penilai, `/pegawai/${q.id}/buka-laporan`, { skpId: String(qs.id), periodeId: String(periode[0]!.id), alasan: 'Tugas luar daerah', dibukaSampai: sampai });
      expect(refused.status).toBe(403);
      await penilai.get(`/pegawai/${q.id}/buka-laporan`).expect(403);
    } finally {
      clock.set(saved);
    }
  });
});
