import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';

// Delegations (docs/domain/penilai.md § Delegations): HR records a Plh (holder away) or a Plt (post
// vacant); from mulai to selesai, in the agency's day, the delegate acts as the appraiser of the
// post's appraisees; every decision records who acted, in whose name and under which delegation.

let t: TestApp;
let admin: Agent;
const fieldError = (html: string, name: string) => [...html.matchAll(/<small class="error" id="f-([^"]+)-err">([^<]*)<\/small>/g)].find((m) => m[1] === name)?.[2];
const unescape = (s: string | undefined) => (s ?? '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&#34;/g, '"');

/**
 *   bidang (kabid heads it)
 *    ├─ seksi (kasi heads it; staf A and B; jf, the Plh-to-be, a JF of the seksi)
 *    └─ kosong (its head post is vacant; staf C has no appraiser)
 */
let w: Awaited<ReturnType<typeof world>>;
async function world() {
  const bidang = await given.unit(t);
  const seksi = await given.unit(t, { parentId: bidang.id });
  const kosong = await given.unit(t, { parentId: bidang.id });
  const jKabid = await given.jabatan(t, { unitId: bidang.id, jenis: 'ADMINISTRATOR', kepalaUnit: true });
  const jKasi = await given.jabatan(t, { unitId: seksi.id, jenis: 'PENGAWAS', kepalaUnit: true });
  const jKosong = await given.jabatan(t, { unitId: kosong.id, jenis: 'PENGAWAS', kepalaUnit: true });
  const jStaf = await given.jabatan(t, { unitId: seksi.id, jenis: 'PELAKSANA' });
  const jStafKosong = await given.jabatan(t, { unitId: kosong.id, jenis: 'PELAKSANA' });
  const jJf = await given.jabatan(t, { unitId: seksi.id, jenis: 'FUNGSIONAL' });
  const kabid = await given.pegawai(t, { jabatanId: jKabid.id });
  const kasi = await given.pegawai(t, { jabatanId: jKasi.id });
  const a = await given.pegawai(t, { jabatanId: jStaf.id });
  const b = await given.pegawai(t, { jabatanId: jStaf.id });
  const jf = await given.pegawai(t, { jabatanId: jJf.id });
  const c = await given.pegawai(t, { jabatanId: jStafKosong.id });
  return { units: { bidang, seksi, kosong }, jab: { kabid: jKabid, kasi: jKasi, kosong: jKosong, staf: jStaf }, kabid, kasi, a, b, jf, c };
}

beforeAll(async () => {
  t = await testApp();
  admin = await loginAs(t.app, 'admin');
  w = await world();
});
afterAll(async () => { await t?.close(); });

describe('recording a delegation (HR)', () => {
  const form = (over: Record<string, string>) => ({ jenis: 'PLH', nomorSk: '800/11/2026', mulai: given.hari(10), selesai: given.hari(12), jabatanId: String(w.jab.kasi.id), pemberiNip: w.kasi.nip, penerimaNip: w.jf.nip, ...over });

  it('refuses what does not fit, on its field, keeping what was typed', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ selesai: given.hari(9) }, 'selesai', 'Tanggal berakhir tidak boleh sebelum tanggal mulai.'],
      [{ jenis: 'PLT' }, 'pemberiNip', 'Plt mengisi jabatan yang lowong: kosongkan NIP pemangku.'],
      [{ jenis: 'PLT', pemberiNip: '' }, 'jabatanId', `Jabatan ${w.jab.kasi.nama} masih dipangku ${w.kasi.nama}. Plt hanya untuk jabatan yang lowong; untuk pemangku yang berhalangan, catat Plh.`],
      [{ pemberiNip: '' }, 'pemberiNip', 'Plh menggantikan pemangku yang berhalangan: isi NIP pemangku jabatan ini.'],
      [{ pemberiNip: w.a.nip }, 'pemberiNip', `${w.a.nama} tidak memangku jabatan ${w.jab.kasi.nama}.`],
      [{ penerimaNip: w.kasi.nip }, 'penerimaNip', 'Penerima delegasi tidak boleh pemangku yang digantikannya.'],
      [{ jabatanId: String(w.jab.staf.id) }, 'jabatanId', 'Plt/Plh hanya untuk jabatan pimpinan tinggi, administrator, atau pengawas.'],
    ];
    for (const [over, field, msg] of cases) {
      const res = await postForm(admin, '/delegasi', form(over), '/delegasi/baru');
      expect([409, 422], JSON.stringify(over)).toContain(res.status);
      expect(unescape(fieldError(res.text, field)), JSON.stringify(over)).toBe(msg);
      expect(res.text).toContain('value="800/11/2026"');
    }
    expect(await t.db.prisma.delegasi.count({ where: { nomorSk: '800/11/2026' } })).toBe(0);
  });

  it('records a Plh, audited, lists it, and refuses another one for the same post on a shared day', async () => {
    const res = await postForm(admin, '/delegasi', form({}), '/delegasi/baru');
    expect(res.status).toBe(303);
    const d = await t.db.prisma.delegasi.findFirstOrThrow({ where: { nomorSk: '800/11/2026' } });
    expect(d).toMatchObject({ jenis: 'PLH', jabatanId: w.jab.kasi.id, pemberiId: w.kasi.id, penerimaId: w.jf.id, dibatalkanAt: null });
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'delegasi.create', entitasId: String(d.id) } })).toBe(1);
    const list = await admin.get('/delegasi').expect(200);
    expect(list.text).toContain('800/11/2026');
    expect(list.text).toContain('Akan berlaku');
    const clash = await postForm(admin, '/delegasi', form({ nomorSk: '800/12/2026', mulai: given.hari(12), selesai: given.hari(20) }), '/delegasi/baru');
    expect(clash.status).toBe(409);
    expect(unescape(fieldError(clash.text, 'mulai'))).toBe(`Jabatan ini sudah memiliki delegasi 800/11/2026 (${given.hari(10)} s.d. ${given.hari(12)}) pada tanggal yang bertumpuk.`);
    // the day after it ends is free
    expect((await postForm(admin, '/delegasi', form({ nomorSk: '800/13/2026', mulai: given.hari(13), selesai: given.hari(13) }), '/delegasi/baru')).status).toBe(303);
  });

  it('cancels with the version it was shown with: a stale form is refused, cancelling twice says so', async () => {
    const d = await t.db.prisma.delegasi.findFirstOrThrow({ where: { nomorSk: '800/13/2026' } });
    const stale = await postForm(admin, `/delegasi/${d.id}/batalkan`, { version: d.version + 1 }, '/delegasi');
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Data ini baru saja diubah oleh orang lain.');
    expect((await postForm(admin, `/delegasi/${d.id}/batalkan`, { version: d.version }, '/delegasi')).status).toBe(303);
    const after = await t.db.prisma.delegasi.findUniqueOrThrow({ where: { id: d.id } });
    expect(after.dibatalkanAt).not.toBeNull();
    expect(after.version).toBe(d.version + 1);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'delegasi.cancel', entitasId: String(d.id) } })).toBe(1);
    const again = await postForm(admin, `/delegasi/${d.id}/batalkan`, { version: after.version }, '/delegasi');
    expect(again.status).toBe(409);
    expect(again.text).toContain('Delegasi ini sudah dibatalkan.');
  });
});

describe('acting under a delegation — only from mulai to selesai (WIB), inclusive', () => {
  let skpA: given.GivenSkp;
  beforeAll(async () => {
    await given.siklusTerbuka(t);
    await given.skp(t, w.kasi); // the appraiser's SKP, so the appraisees' RHKs can intervene it
    skpA = await given.skpDiajukan(t, w.a);
  });
  const asJf = () => loginAs(t.app, w.jf.login);

  it.each([
    ['ended yesterday (just past selesai)', false, -5, -1],
    ['starts tomorrow (just before mulai)', false, 1, 3],
    ['starts today (at mulai)', true, 0, 3],
    ['ends today (at selesai)', true, -3, 0],
  ] as const)('a Plh that %s → in force: %s', async (_name, inForce, mulai, selesai) => {
    const d = await given.delegasi(t, { jabatanId: w.jab.kasi.id, pemberi: w.kasi, penerima: w.jf, mulai, selesai });
    const jf = await asJf();
    const review = await jf.get(`/skp/${skpA.id}/tinjau`);
    const bawahan = await jf.get('/skp/bawahan').expect(200);
    if (inForce) {
      expect(review.status).toBe(200);
      expect(unescape(review.text)).toContain(`Anda bertindak sebagai Plh berdasarkan SK ${d.nomorSk}, atas nama pejabat penilai ${w.kasi.nama}.`);
      expect(bawahan.text).toContain(`/skp/${skpA.id}/tinjau`);
      expect(bawahan.text).toContain(`Plh · SK ${d.nomorSk}`);
    } else {
      expect(review.status).toBe(404); // outside the dates the SKP is not theirs to see
      expect(bawahan.text).not.toContain(`/skp/${skpA.id}/tinjau`);
    }
    const v = await t.db.prisma.delegasi.findUniqueOrThrow({ where: { id: d.id } });
    await postForm(admin, `/delegasi/${d.id}/batalkan`, { version: v.version }, '/delegasi'); // the next case starts clean
    if (inForce) expect((await (await asJf()).get(`/skp/${skpA.id}/tinjau`)).status).toBe(404); // cancelled: no longer
  });

  it('approves in the name of the appraiser: keputusan_skp and the audit entry say who, for whom and under which SK, and the history shows it', async () => {
    const d = await given.delegasi(t, { jabatanId: w.jab.kasi.id, pemberi: w.kasi, penerima: w.jf, mulai: 0, selesai: 2, nomorSk: '800/PLH/SETUJU' });
    const jf = await asJf();
    const s = await given.skpNow(t, skpA.id);
    const res = await postForm(jf, `/skp/${skpA.id}/setujui`, { confirmed: '1', version: s.version }, `/skp/${skpA.id}/tinjau`);
    expect(res.status).toBe(303);
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { pegawaiId: w.jf.id } });
    const k = await t.db.prisma.keputusanSkp.findFirstOrThrow({ where: { skpId: skpA.id } });
    expect(k).toMatchObject({ jenis: 'SETUJUI', revisi: 1, olehUserId: user.id, penilaiId: w.kasi.id, delegasiId: d.id });
    const log = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'skp.approve', entitasId: String(skpA.id) } });
    expect(log.userId).toBe(user.id);
    expect(log.after).toMatchObject({ status: 'DISETUJUI', olehUserId: user.id, penilaiId: w.kasi.id, delegasiId: d.id, delegasi: { jenis: 'PLH', nomorSk: '800/PLH/SETUJU' } });
    const history = await (await loginAs(t.app, w.a.login)).get(`/skp/${skpA.id}/versi`).expect(200);
    expect(history.text).toContain('Keputusan atas SKP ini');
    expect(history.text).toContain('Plh SK 800/PLH/SETUJU');
    expect(history.text).toContain(w.kasi.nama);
    expect(history.text).toContain(w.jf.nama);
  });

  it('never lets the delegate decide on their own SKP (a Plh from the same team)', async () => {
    const own = await given.skpDiajukan(t, w.jf);
    const jf = await asJf();
    await jf.get(`/skp/${own.id}/tinjau`).expect(403);
    const res = await postForm(jf, `/skp/${own.id}/setujui`, { confirmed: '1', version: own.version });
    expect(res.status).toBe(403);
  });

  it('a Plt of a vacant post acts for its staff, who have no appraiser, and returns an SKP in nobody\'s name', async () => {
    expect((await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: w.c.id } })).penilaiId).toBeNull();
    const skpC = await given.skpDiajukan(t, w.c);
    const d = await given.delegasi(t, { jabatanId: w.jab.kosong.id, penerima: w.kasi, mulai: 0, selesai: 30, nomorSk: '800/PLT/KOSONG' });
    const kasi = await loginAs(t.app, w.kasi.login);
    const page = await kasi.get(`/skp/${skpC.id}/tinjau`).expect(200);
    expect(unescape(page.text)).toContain('Anda bertindak sebagai Plt berdasarkan SK 800/PLT/KOSONG; jabatan pejabat penilai pegawai ini lowong.');
    const res = await postForm(kasi, `/skp/${skpC.id}/kembalikan`, { confirmed: '1', version: skpC.version, alasan: 'Target triwulan perlu dirinci.' }, `/skp/${skpC.id}/tinjau`);
    expect(res.status).toBe(303);
    expect(await t.db.prisma.keputusanSkp.findFirstOrThrow({ where: { skpId: skpC.id } })).toMatchObject({ jenis: 'KEMBALIKAN', alasan: 'Target triwulan perlu dirinci.', penilaiId: null, delegasiId: d.id });
    // the appraiser of the seksi still acts for their own staff, directly
    const bawahan = await kasi.get('/skp/bawahan').expect(200);
    expect(bawahan.text).toContain(w.a.nama);
    expect(bawahan.text).toContain(w.c.nama);
  });

  it('agrees with itself: the SKPs the scope lets the delegate see as appraiser are those the list shows and the review accepts', async () => {
    const jf = await asJf();
    await given.delegasi(t, { jabatanId: w.jab.kasi.id, pemberi: w.kasi, penerima: w.jf, mulai: 3, selesai: 3, nomorSk: '800/LATER' }); // not today: no effect
    const bawahan = await jf.get('/skp/bawahan').expect(200);
    const listed = new Set([...bawahan.text.matchAll(/\/skp\/(\d+)\/tinjau/g)].map((m) => Number(m[1])));
    const all = await t.db.prisma.skp.findMany({ where: { pegawai: { unitId: { in: [w.units.seksi.id, w.units.kosong.id, w.units.bidang.id] } } }, select: { id: true } });
    for (const s of all) {
      const status = (await jf.get(`/skp/${s.id}/tinjau`)).status;
      expect(status === 200, `SKP ${s.id}: review ${status}, listed ${listed.has(s.id)}`).toBe(listed.has(s.id));
    }
    expect(listed.size).toBeGreaterThan(0);
  });
});
