import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editSkp } from '../../src/modules/skp/service.js';
import { loadActor } from '../../src/modules/auth/authenticate.js';
import * as given from '../helpers/given.js';
import { loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';

// The appraiser's side (docs/domain/skp.md § Workflow): SKP Bawahan, return / approve with versions frozen in
// skp_versi, ekspektasi khusus pimpinan, the version diff and the Matriks Peran Hasil.

let t: TestApp;
let penilai: Agent;
let pegawai: Agent;
let ids: { siklus: number; penilai: number; pegawai: number; skp: number; skpPenilai: number; rhkAtasan: number; rhkUntaken: number; rhk: number };

const skpRow = () => t.db.prisma.skp.findUniqueOrThrow({ where: { id: ids.skp }, include: { rhk: true } });
const version = async () => (await skpRow()).version;
const setDiajukan = () => t.db.prisma.skp.update({ where: { id: ids.skp }, data: { status: 'DIAJUKAN', diajukanAt: new Date(), version: { increment: 1 } } });
const tinjau = () => `/skp/${ids.skp}/tinjau`;

let world: given.Organisasi;

beforeAll(async () => {
  t = await testApp();
  // A world of its own: penilai appraises pegawai (self) and rekan; pimpinan heads their bidang
  // and appraises penilai; outside is someone in another bidang.
  world = await given.organisasi(t);
  const { id: siklus } = await given.siklusTerbuka(t);
  const { penilai: pn, self: pg } = world.people;
  const skpPenilai = await given.skp(t, pn, { rhk: 0 });
  const rhkAtasan = await given.rhk(t, skpPenilai, { teks: 'Meningkatnya kualitas layanan administrasi kepegawaian', indikator: false });
  const rhkUntaken = await given.rhk(t, skpPenilai, { teks: 'Tersusunnya peta jabatan yang mutakhir', indikator: false });
  const skp = await given.skp(t, pg, { rhk: 0 });
  const rhk = await given.rhk(t, skp, {
    teks: 'Tersusunnya laporan layanan kepegawaian bulanan', rhkAtasanId: rhkAtasan.id,
    indikator: { aspek: 'KUANTITAS', teks: 'Jumlah laporan layanan', jenisTarget: 'ANGKA', targetAngka: '12', satuan: 'laporan' },
  });
  ids = { siklus, penilai: pn.id, pegawai: pg.id, skp: skp.id, skpPenilai: skpPenilai.id, rhkAtasan: rhkAtasan.id, rhkUntaken: rhkUntaken.id, rhk: rhk.id };
  await given.submit(t, skp);
  penilai = await loginAs(t.app, pn.login);
  pegawai = await loginAs(t.app, pg.login);
});
afterAll(async () => { await t?.close(); });

describe('SKP Bawahan and the decision', () => {
  it('lists the appraisees with the SKP waiting for approval first, and links the menu', async () => {
    const res = await penilai.get('/skp/bawahan').expect(200);
    const pg = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: ids.pegawai } });
    expect(res.text).toContain(pg.nama);
    expect(res.text).toContain(`href="/skp/${ids.skp}/tinjau"`);
    expect(res.text).toContain('href="/skp/matriks"');
    const firstRow = res.text.split('<tbody>')[1]!.split('</tr>')[0]!;
    expect(firstRow).toContain(pg.nama);
    expect(firstRow).toContain('Diajukan');
    const filtered = await penilai.get(`/skp/bawahan?siklusId=${ids.siklus}&status=DISETUJUI`).expect(200);
    expect(filtered.text).not.toContain(`href="/skp/${ids.skp}/tinjau"`);
    // an employee who appraises nobody sees no menu entry and an empty list
    const own = await pegawai.get('/skp/bawahan').expect(200);
    expect(own.text).toContain('belum tercatat sebagai pejabat penilai');
    expect(own.text).not.toContain('href="/skp/matriks"');
  });

  it('refuses a too-short reason with a message in Indonesian, keeping what was typed', async () => {
    const res = await postForm(penilai, `/skp/${ids.skp}/kembalikan`, { confirmed: '1', version: await version(), alasan: 'kurang', [`catatan_${ids.rhk}`]: 'Target laporan perlu dirinci per bulan' }, tinjau());
    expect(res.status).toBe(422);
    expect(res.text).toContain('Tuliskan alasan pengembalian, minimal 10 karakter.');
    expect(res.text).toContain('Target laporan perlu dirinci per bulan');
    expect(res.text).toContain('>kurang</textarea>');
    expect((await skpRow()).status).toBe('DIAJUKAN');
  });

  it('says the same in English when the language is switched', async () => {
    const en = await loginAs(t.app, world.people.penilai.login);
    await postForm(en, '/bahasa', { lang: 'en', back: '/' });
    const res = await postForm(en, `/skp/${ids.skp}/kembalikan`, { confirmed: '1', version: await version(), alasan: '' }, tinjau());
    expect(res.status).toBe(422);
    expect(res.text).toContain('Write the reason for returning, at least 10 characters.');
  });

  it('returns the SKP with the reason and per-RHK notes, audited; a second submit changes nothing', async () => {
    const v = await version();
    const form = { version: v, alasan: 'Indikator kualitas dan waktu belum ada.', [`catatan_${ids.rhk}`]: 'Tambahkan indikator ketepatan waktu' };
    // a deliberate step asks first (issue 9), showing the reason and the notes; nothing changes yet
    const ask = await postForm(penilai, `/skp/${ids.skp}/kembalikan`, form, tinjau());
    expect(ask.status).toBe(200);
    expect(ask.text).toContain('untuk diperbaiki?');
    expect(ask.text).toContain('Indikator kualitas dan waktu belum ada.');
    expect(ask.text).toContain('<input type="hidden" name="alasan" value="Indikator kualitas dan waktu belum ada.">');
    expect((await skpRow()).status).toBe('DIAJUKAN');
    const body = { ...form, confirmed: '1' };
    const res = await postForm(penilai, `/skp/${ids.skp}/kembalikan`, body, tinjau());
    expect(res.status).toBe(303);
    const skp = await skpRow();
    expect(skp).toMatchObject({ status: 'DIKEMBALIKAN', alasanKembali: 'Indikator kualitas dan waktu belum ada.' });
    expect(skp.rhk[0]!.catatanPenilai).toBe('Tambahkan indikator ketepatan waktu');
    const log = await t.db.prisma.auditLog.findFirstOrThrow({ where: { entitas: 'skp', entitasId: String(ids.skp), aksi: 'skp.return' } });
    expect(log.after).toMatchObject({ status: 'DIKEMBALIKAN' });
    const again = await postForm(penilai, `/skp/${ids.skp}/kembalikan`, body, tinjau());
    expect(again.status).toBe(409);
    expect(again.text).toContain('SKP ini tidak sedang menunggu persetujuan.');
    expect((await skpRow()).version).toBe(skp.version);
  });

  it('lets only the appraiser decide: the employee, a leader who can see it and a stranger cannot', async () => {
    await setDiajukan();
    const v = await version();
    const own = await postForm(pegawai, `/skp/${ids.skp}/setujui`, { confirmed: '1', version: v });
    expect(own.status).toBe(403);
    expect(own.text).toContain('Hanya pejabat penilai pegawai ini yang dapat melakukannya.');
    await pegawai.get(tinjau()).expect(403);
    const kepala = await loginAs(t.app, world.people.pimpinan.login); // heads the unit: sees the SKP, does not appraise
    expect((await postForm(kepala, `/skp/${ids.skp}/setujui`, { confirmed: '1', version: v })).status).toBe(403);
    const other = await loginAs(t.app, world.people.outside.login);
    expect((await postForm(other, `/skp/${ids.skp}/kembalikan`, { confirmed: '1', version: v, alasan: 'Alasan yang cukup panjang' })).status).toBe(404);
    await other.get(tinjau()).expect(404);
    await other.get(`/skp/${ids.skp}/versi`).expect(404);
    expect((await skpRow()).status).toBe('DIAJUKAN');
  });

  it('refuses a decision on a form loaded before someone else changed the SKP', async () => {
    const stale = await version();
    expect((await postForm(penilai, `/skp/${ids.skp}/ekspektasi`, { version: stale, ekspektasi_AKUNTABEL: 'Laporan selalu tepat waktu dan cermat' }, tinjau())).status).toBe(303);
    const res = await postForm(penilai, `/skp/${ids.skp}/setujui`, { confirmed: '1', version: stale }, tinjau());
    expect(res.status).toBe(409);
    expect(res.text).toContain('Data ini baru saja diubah oleh orang lain');
    const eks = await postForm(penilai, `/skp/${ids.skp}/ekspektasi`, { version: stale, ekspektasi_KOMPETEN: 'Membagikan ilmu kepada rekan' }, tinjau());
    expect(eks.status).toBe(409);
    expect(eks.text).toContain('Data ini baru saja diubah oleh orang lain');
    expect(eks.text).toContain('Membagikan ilmu kepada rekan');
    expect((await skpRow()).status).toBe('DIAJUKAN');
  });
  it('approves: DISETUJUI, reason and notes cleared, revision 1 frozen in skp_versi; approving again is harmless', async () => {
    const page = await penilai.get(tinjau()).expect(200);
    expect(page.text).toContain('Tambahkan indikator ketepatan waktu'); // the previous note is prefilled
    const v = await version();
    // asked first: nothing is approved until the confirmed form comes back
    const ask = await postForm(penilai, `/skp/${ids.skp}/setujui`, { version: v }, tinjau());
    expect(ask.status).toBe(200);
    expect(ask.text).toMatch(/Setujui SKP \d{4} /);
    expect(ask.text).toContain('name="confirmed" value="1"');
    expect((await skpRow()).status).toBe('DIAJUKAN');
    const res = await postForm(penilai, `/skp/${ids.skp}/setujui`, { confirmed: '1', version: v }, tinjau());
    expect(res.status).toBe(303);
    const skp = await skpRow();
    expect(skp).toMatchObject({ status: 'DISETUJUI', alasanKembali: null, revisi: 1 });
    expect(skp.disetujuiAt).toBeInstanceOf(Date);
    expect(skp.rhk[0]!.catatanPenilai).toBeNull();
    const versi = await t.db.prisma.skpVersi.findMany({ where: { skpId: ids.skp } });
    expect(versi).toHaveLength(1);
    expect(versi[0]!.revisi).toBe(1);
    expect(versi[0]!.data).toMatchObject({ revisi: 1, rhk: [{ id: ids.rhk, teks: 'Tersusunnya laporan layanan kepegawaian bulanan', indikator: [{ targetAngka: '12', satuan: 'laporan' }] }] });
    const again = await postForm(penilai, `/skp/${ids.skp}/setujui`, { confirmed: '1', version: v }, tinjau());
    expect(again.status).toBe(409);
    expect(again.text).toContain('SKP ini tidak sedang menunggu persetujuan.');
    expect(await t.db.prisma.skpVersi.count({ where: { skpId: ids.skp } })).toBe(1);
    expect(await t.db.prisma.auditLog.count({ where: { entitas: 'skp', entitasId: String(ids.skp), aksi: 'skp.approve' } })).toBe(1);
  });

});

describe('versions and ekspektasi khusus', () => {
  it('a change after approval opens revision 2; approving it freezes skp_versi revisi 2', async () => {
    expect((await skpRow()).revisi).toBe(1);
    // the employee's edit (the employee-side routes call editSkp the same way)
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { pegawaiId: ids.pegawai } });
    const actor = (await loadActor(t.db.pool, user.id))!;
    await editSkp(t.db, actor, ids.skp, await version(), { aksi: 'skp.rhk.update' }, (tx) =>
      tx.rhk.update({ where: { id: ids.rhk }, data: { teks: 'Tersusunnya laporan layanan kepegawaian bulanan yang tervalidasi' } }),
    );
    await t.db.prisma.indikator.updateMany({ where: { rhkId: ids.rhk }, data: { targetAngka: 14 } });
    expect(await skpRow()).toMatchObject({ status: 'DRAFT', revisi: 2 });
    await setDiajukan();
    expect((await postForm(penilai, `/skp/${ids.skp}/setujui`, { confirmed: '1', version: await version() }, tinjau())).status).toBe(303);
    const v2 = await t.db.prisma.skpVersi.findUniqueOrThrow({ where: { skpId_revisi: { skpId: ids.skp, revisi: 2 } } });
    expect(v2.data).toMatchObject({ rhk: [{ teks: 'Tersusunnya laporan layanan kepegawaian bulanan yang tervalidasi' }] });
  });

  it('lists the versions and shows a frozen one to anyone who may see the SKP', async () => {
    const list = await pegawai.get(`/skp/${ids.skp}/versi`).expect(200);
    expect(list.text).toContain('Revisi 1');
    expect(list.text).toContain('Revisi 2');
    expect(list.text).toContain('Salinan kerja saat ini');
    const v1 = await pegawai.get(`/skp/${ids.skp}/versi/1`).expect(200);
    expect(v1.text).toContain('Tersusunnya laporan layanan kepegawaian bulanan');
    expect(v1.text).not.toContain('yang tervalidasi');
    await pegawai.get(`/skp/${ids.skp}/versi/9`).expect(404);
  });

  it('shows the differences between revision 1 and 2: the changed RHK text and the old → new target', async () => {
    const res = await penilai.get(`/skp/${ids.skp}/versi/diff?dari=1&ke=2`).expect(200);
    expect(res.text).toContain('<del>Tersusunnya laporan layanan kepegawaian bulanan</del>');
    expect(res.text).toContain('<ins>Tersusunnya laporan layanan kepegawaian bulanan yang tervalidasi</ins>');
    expect(res.text).toContain('<del>12 laporan</del> → <ins>14 laporan</ins>');
    const same = await penilai.get(`/skp/${ids.skp}/versi/diff?dari=2&ke=kini`).expect(200);
    expect(same.text).toContain('Tidak ada perbedaan isi.');
    const bad = await penilai.get(`/skp/${ids.skp}/versi/diff?dari=satu&ke=2`).expect(422);
    expect(bad.text).toContain('Pilih revisi yang tersedia.');
  });

  it('saves the ekspektasi khusus (an approved SKP freezes it as the next revision) and shows it', async () => {
    const before = await skpRow();
    const res = await postForm(penilai, `/skp/${ids.skp}/ekspektasi`, { version: before.version, ekspektasi_AKUNTABEL: 'Laporan selalu tepat waktu dan cermat', ekspektasi_KOLABORATIF: 'Aktif membantu tim lintas bidang' }, tinjau());
    expect(res.status).toBe(303);
    const rows = await t.db.prisma.ekspektasiPerilaku.findMany({ where: { skpId: ids.skp }, orderBy: { nilai: 'asc' } });
    expect(rows.map((r) => [r.nilai, r.ekspektasiKhusus])).toEqual([['AKUNTABEL', 'Laporan selalu tepat waktu dan cermat'], ['KOLABORATIF', 'Aktif membantu tim lintas bidang']]);
    const after = await skpRow();
    expect(after).toMatchObject({ status: 'DISETUJUI', revisi: 3 });
    const v3 = await t.db.prisma.skpVersi.findUniqueOrThrow({ where: { skpId_revisi: { skpId: ids.skp, revisi: 3 } } });
    expect(v3.data).toMatchObject({ ekspektasi: { KOLABORATIF: 'Aktif membantu tim lintas bidang' } });
    const page = await penilai.get(tinjau()).expect(200);
    expect(page.text).toContain('>Aktif membantu tim lintas bidang</textarea>');
    const diff = await pegawai.get(`/skp/${ids.skp}/versi/diff?dari=2&ke=3`).expect(200);
    expect(diff.text).toContain('<ins>Aktif membantu tim lintas bidang</ins>');
    // clearing a value deletes its row
    expect((await postForm(penilai, `/skp/${ids.skp}/ekspektasi`, { version: after.version, ekspektasi_AKUNTABEL: 'Laporan selalu tepat waktu dan cermat', ekspektasi_KOLABORATIF: '' }, tinjau())).status).toBe(303);
    expect(await t.db.prisma.ekspektasiPerilaku.count({ where: { skpId: ids.skp } })).toBe(1);
  });
});

describe('Matriks Peran Hasil', () => {
  it('shows each of my RHKs with the intervening RHKs and flags the one nobody took up', async () => {
    const res = await penilai.get(`/skp/matriks?siklusId=${ids.siklus}`).expect(200);
    const pg = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: ids.pegawai } });
    const [matrix, tanpaLink] = res.text.split('Bawahan yang belum mengaitkan RHK');
    expect(matrix).toContain('Meningkatnya kualitas layanan administrasi kepegawaian');
    expect(matrix).toContain('Tersusunnya laporan layanan kepegawaian bulanan yang tervalidasi');
    expect(matrix).toContain(pg.nama);
    const untakenRow = matrix!.split('<tr class="untaken">')[1]!.split('</tr>')[0]!;
    expect(untakenRow).toContain('Tersusunnya peta jabatan yang mutakhir');
    expect(untakenRow).toContain('Belum diintervensi bawahan');
    expect(tanpaLink).not.toContain(pg.nama);
    // rekan, the penilai's other appraisee, has not linked an RHK yet
    expect(tanpaLink).toContain(world.people.rekan.nama);
    expect(tanpaLink).toContain('1 dari 2 bawahan');
  });
});
