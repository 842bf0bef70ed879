import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlOn } from '../../src/db/sql.js';
import { createDraftsForPegawai } from '../../src/modules/skp/draft-sql.js';
import * as given from '../helpers/given.js';
import { download, pdfPages } from '../helpers/files.js';
import { loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';

// A recorded move and more than one SKP a year (docs/domain/mutasi.md): the TMT's boundaries, the
// previous SKP closing the day before, the successor with its own appraiser and snapshot, the exact
// periods on the pages and the PDF, the partial unique index keeping the draft job duplicate-safe;
// and the appraiser on the document being the one who signs: a changed appraiser is listed for
// HR and moved by an explicit, audited step, and an approved version keeps its signer.

let t: TestApp;
let admin: Agent;
let tahun: number;
let siklusId: number;
let unitB: number;
let penilaiA: given.GivenPegawai;
let penilaiB: given.GivenPegawai;

const unescape = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const pdfText = async (agent: Agent, path: string) => {
  const res = await download(agent, path).expect(200);
  return (await pdfPages(res.body as Buffer)).join(' ');
};
const openSkp = (pegawaiId: number) => t.db.prisma.skp.findFirstOrThrow({ where: { siklusId, pegawaiId, ditutupAt: null } });

beforeAll(async () => {
  t = await testApp();
  ({ id: siklusId, tahun } = await given.siklusTerbuka(t));
  const u = await given.unit(t);
  penilaiA = await given.pegawai(t, { unitId: u.id, jenis: 'PENGAWAS' });
  unitB = (await given.unit(t)).id;
  penilaiB = await given.pegawai(t, { unitId: unitB, jenis: 'PENGAWAS' });
  // both appraisers have an RHK their appraisees' RHKs can intervene
  await given.skp(t, penilaiA, { rhk: 1 });
  await given.skp(t, penilaiB, { rhk: 1 });
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => { await t?.close(); });

describe('recording a move that starts a new SKP', () => {
  let p: given.GivenPegawai;
  let jabatanBaru: given.GivenJabatan;
  let first: number;
  const form = async (over: Record<string, string | number>) => {
    const pg = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: p.id } });
    const skp = await openSkp(p.id);
    return postForm(admin, `/pegawai/${p.id}/mutasi`, {
      version: pg.version, skpVersion: skp.version, jenis: 'MUTASI', tmt: `${tahun}-07-01`, jabatanId: jabatanBaru.id, penilaiNip: penilaiB.nip, keterangan: 'SK Bupati 821/77', skpBaru: '1', ...over,
    }, `/pegawai/${p.id}/mutasi`);
  };

  beforeAll(async () => {
    p = await given.pegawai(t, { unitId: (await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: penilaiA.id } })).unitId, penilai: penilaiA });
    jabatanBaru = await given.jabatan(t, { unitId: unitB, nama: `Analis Layanan Publik ${p.id}` });
    first = (await given.skpDisetujui(t, p)).id;
  });

  it('shows the form to HR with the open SKP it would follow', async () => {
    const res = await admin.get(`/pegawai/${p.id}/mutasi`).expect(200);
    expect(res.text).toContain('Mulai SKP baru sejak TMT');
    expect(unescape(res.text)).toContain(`1 Januari ${tahun} – 31 Desember ${tahun}`);
    expect((await admin.get(`/pegawai/${p.id}`).expect(200)).text).toContain(`href="/pegawai/${p.id}/mutasi"`);
  });

  it('refuses a TMT outside the cycle year, on both sides, keeping what was typed', async () => {
    for (const tmt of [`${tahun - 1}-12-31`, `${tahun + 1}-01-01`]) {
      const res = await form({ tmt });
      expect(res.status).toBe(409); // a refusal: the form again with its message
      expect(unescape(res.text)).toContain(`TMT harus di dalam tahun siklus ${tahun}`);
      expect(res.text).toContain('value="SK Bupati 821/77"');
      expect(res.text).toContain(`value="${tmt}"`);
    }
  });

  it('refuses a TMT on the previous SKP\'s first day', async () => {
    const res = await form({ tmt: `${tahun}-01-01` });
    expect(res.status).toBe(409);
    expect(unescape(res.text)).toContain(`TMT harus sesudah awal periode SKP yang berjalan (1 Januari ${tahun})`);
    // nothing was written by the refusals
    const pg = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: p.id } });
    expect(pg.penilaiId).toBe(penilaiA.id);
    expect(await t.db.prisma.skp.count({ where: { siklusId, pegawaiId: p.id } })).toBe(1);
    expect(await t.db.prisma.riwayatPegawai.count({ where: { pegawaiId: p.id, tmt: { not: null } } })).toBe(0);
  });

  it('refuses a move that changes nothing', async () => {
    const pg = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: p.id } });
    const res = await form({ jabatanId: pg.jabatanId, penilaiNip: penilaiA.nip });
    expect(res.status).toBe(409);
    expect(res.text).toContain('tidak ada mutasi yang dicatat');
  });

  it('refuses a form loaded before the SKP changed (version check)', async () => {
    const res = await form({ skpVersion: (await openSkp(p.id)).version + 5 });
    expect(res.status).toBe(409);
    expect((await t.db.prisma.skp.findUniqueOrThrow({ where: { id: first } })).ditutupAt).toBeNull();
  });

  it('closes the previous SKP the day before the TMT and starts the next with its own appraiser and snapshot, audited', async () => {
    const res = await form({});
    expect(res.status).toBe(303);
    const old = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: first } });
    expect(iso(old.periodeAkhir)).toBe(`${tahun}-06-30`);
    expect(old.ditutupAt).not.toBeNull();
    expect(old.status).toBe('DISETUJUI');
    expect(old.penilaiId).toBe(penilaiA.id);
    const next = await t.db.prisma.skp.findUniqueOrThrow({ where: { sebelumnyaId: first } });
    expect([iso(next.periodeAwal), iso(next.periodeAkhir)]).toEqual([`${tahun}-07-01`, `${tahun}-12-31`]);
    expect(next).toMatchObject({ siklusId, pegawaiId: p.id, penilaiId: penilaiB.id, status: 'DRAFT', ditutupAt: null });
    const snap = next.snapshot as { pegawai: { jabatan: string }; penilai: { nama: string } };
    expect(snap.pegawai.jabatan).toBe(jabatanBaru.nama);
    expect(snap.penilai.nama).toBe(penilaiB.nama);
    const pg = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: p.id } });
    expect(pg).toMatchObject({ jabatanId: jabatanBaru.id, unitId: unitB, penilaiId: penilaiB.id });
    const riwayat = await t.db.prisma.riwayatPegawai.findFirstOrThrow({ where: { pegawaiId: p.id }, orderBy: { id: 'desc' } });
    expect(iso(riwayat.tmt)).toBe(`${tahun}-07-01`);
    expect(riwayat.keterangan).toBe('Mutasi: SK Bupati 821/77');
    const aksi = (await t.db.prisma.auditLog.findMany({ where: { OR: [{ entitas: 'pegawai', entitasId: String(p.id) }, { entitas: 'skp', entitasId: { in: [String(first), String(next.id)] } }] } })).map((a) => a.aksi);
    expect(aksi).toEqual(expect.arrayContaining(['pegawai.move', 'skp.close', 'skp.startSuccessor']));
    // the history shows the TMT
    expect(unescape((await admin.get(`/pegawai/${p.id}`).expect(200)).text)).toContain(`1 Juli ${tahun}`);
  });

  it('keeps the draft job duplicate-safe: no third SKP, and a second open one is refused by the index', async () => {
    expect(await createDraftsForPegawai(sqlOn(t.db.pool), [p.id])).toBe(0);
    expect(await t.db.prisma.skp.count({ where: { siklusId, pegawaiId: p.id } })).toBe(2);
    const open = await openSkp(p.id);
    await expect(
      t.db.pool.query(`INSERT INTO skp (siklus_id, pegawai_id, snapshot, periode_awal, periode_akhir) VALUES ($1, $2, '{}', $3, $4)`, [siklusId, p.id, `${tahun}-08-01`, `${tahun}-12-31`]),
    ).rejects.toMatchObject({ code: '23505' });
    // a closed one may be added beside it (the partial index covers open SKPs only)
    const { rows } = await t.db.pool.query<{ id: number }>(
      `INSERT INTO skp (siklus_id, pegawai_id, snapshot, periode_awal, periode_akhir, ditutup_at) VALUES ($1, $2, '{}', $3, $4, now()) RETURNING id`, [siklusId, p.id, `${tahun}-01-01`, `${tahun}-01-01`],
    );
    await t.db.pool.query('DELETE FROM skp WHERE id = $1', [rows[0]!.id]);
    expect((await openSkp(p.id)).id).toBe(open.id);
  });

  it('prints each SKP with its exact period', async () => {
    const next = await openSkp(p.id);
    const a = await pdfText(admin, `/skp/${first}/cetak.pdf`);
    expect(a).toContain(`PERIODE PENILAIAN: 1 JANUARI ${tahun} SD 30 JUNI ${tahun}`);
    const b = await pdfText(admin, `/skp/${next.id}/cetak.pdf`);
    expect(b).toContain(`PERIODE PENILAIAN: 1 JULI ${tahun} SD 31 DESEMBER ${tahun}`);
    expect(b).toContain(penilaiB.nama);
  });

  it('"my SKP" shows the open one and lists the year\'s pieces', async () => {
    const next = await openSkp(p.id);
    const me = await loginAs(t.app, p.login);
    const res = await me.get('/skp').expect(200);
    expect(res.text).toContain(`href="/skp/${next.id}" aria-current=page`);
    expect(res.text).toContain(`href="/skp/${first}"`);
    expect(unescape(res.text)).toContain(`1 Januari ${tahun} – 30 Juni ${tahun}`);
    expect(unescape(res.text)).toContain(`1 Juli ${tahun} – 31 Desember ${tahun}`);
    expect(res.text).toContain('ditutup karena mutasi');
  });

  it('each appraiser\'s pages show their piece, and only its own appraiser may review it', async () => {
    const next = await openSkp(p.id);
    const a = await loginAs(t.app, penilaiA.login);
    const b = await loginAs(t.app, penilaiB.login);
    const listA = await a.get(`/skp/bawahan?siklusId=${siklusId}`).expect(200);
    expect(listA.text).toContain(`href="/skp/${first}/tinjau"`);
    expect(listA.text).not.toContain(`href="/skp/${next.id}/tinjau"`);
    expect(unescape(listA.text)).toContain(`1 Januari ${tahun} – 30 Juni ${tahun}`);
    const listB = await b.get(`/skp/bawahan?siklusId=${siklusId}`).expect(200);
    expect(listB.text).toContain(`href="/skp/${next.id}/tinjau"`);
    expect(listB.text).not.toContain(`href="/skp/${first}/tinjau"`);
    await a.get(`/skp/${first}/tinjau`).expect(200);
    await a.get(`/skp/${next.id}/tinjau`).expect(404); // no longer their appraisee, not their SKP
    await b.get(`/skp/${first}/tinjau`).expect(403); // their appraisee now, but not the SKP's appraiser
    await b.get(`/skp/${next.id}/tinjau`).expect(200);
  });
});

describe('the TMT\'s boundaries that are accepted', () => {
  it('takes the day after the SKP\'s first day and the cycle\'s last day, move after move', async () => {
    const f = await given.pegawai(t, { unitId: unitB, penilai: penilaiA });
    const first = await openSkp(f.id);
    const move = async (tmt: string, penilaiNip: string) => {
      const pg = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: f.id } });
      const skp = await openSkp(f.id);
      return postForm(admin, `/pegawai/${f.id}/mutasi`, { version: pg.version, skpVersion: skp.version, jenis: 'PROMOSI', tmt, jabatanId: pg.jabatanId, penilaiNip, skpBaru: '1' }, `/pegawai/${f.id}/mutasi`);
    };
    expect((await move(`${tahun}-01-02`, penilaiB.nip)).status).toBe(303);
    const one = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: first.id } });
    expect([iso(one.periodeAwal), iso(one.periodeAkhir)]).toEqual([`${tahun}-01-01`, `${tahun}-01-01`]); // one day
    const second = await openSkp(f.id);
    expect(iso(second.periodeAwal)).toBe(`${tahun}-01-02`);
    // the next move must come after the second SKP's first day
    expect((await move(`${tahun}-01-02`, penilaiA.nip)).status).toBe(409);
    expect((await move(`${tahun}-12-31`, penilaiA.nip)).status).toBe(303);
    const third = await openSkp(f.id);
    expect([iso(third.periodeAwal), iso(third.periodeAkhir), third.sebelumnyaId, third.penilaiId]).toEqual([`${tahun}-12-31`, `${tahun}-12-31`, second.id, penilaiA.id]);
    expect(iso((await t.db.prisma.skp.findUniqueOrThrow({ where: { id: second.id } })).periodeAkhir)).toBe(`${tahun}-12-30`);
    expect(await t.db.prisma.skp.count({ where: { siklusId, pegawaiId: f.id } })).toBe(3);
    expect((await t.db.prisma.riwayatPegawai.findFirstOrThrow({ where: { pegawaiId: f.id }, orderBy: { id: 'desc' } })).keterangan).toBe('Promosi');
  });
});

describe('the appraiser on the document is the one who signs', () => {
  let c: given.GivenPegawai;
  let skpId: number;

  beforeAll(async () => {
    c = await given.pegawai(t, { unitId: (await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: penilaiA.id } })).unitId, penilai: penilaiA });
    const s = await given.skpDiajukan(t, c);
    skpId = s.id;
    // the appraiser is promoted between drafting and approval: the version records the rank at signing
    const a = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: penilaiA.id } });
    const edit = await postForm(admin, `/pegawai/${a.id}`, {
      nip: a.nip, nama: a.nama, jenisAsn: a.jenisAsn, pangkatGolongan: 'III/d', email: a.email ?? '', jabatanId: a.jabatanId, penilaiNip: '', version: a.version,
    }, `/pegawai/${a.id}/ubah`);
    expect(edit.status).toBe(303);
    const agentA = await loginAs(t.app, penilaiA.login);
    const v = (await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpId } })).version;
    expect((await postForm(agentA, `/skp/${skpId}/setujui`, { confirmed: '1', version: v }, `/skp/${skpId}/tinjau`)).status).toBe(303);
  });

  it('freezes the SKP\'s own appraiser with rank, position and unit into the approved version', async () => {
    const versi = await t.db.prisma.skpVersi.findUniqueOrThrow({ where: { skpId_revisi: { skpId, revisi: 1 } } });
    const penilai = (versi.data as { snapshot: { penilai: { nama: string; pangkatGolongan: string; jabatan: string; unit: string } } }).snapshot.penilai;
    const a = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: penilaiA.id }, include: { jabatan: true, unit: true } });
    expect(penilai).toMatchObject({ nama: a.nama, pangkatGolongan: 'III/d', jabatan: a.jabatan.nama, unit: a.unit.nama });
  });

  it('lists the open SKP for HR when the appraiser changes, and moves it only by the explicit step', async () => {
    const pg = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: c.id } });
    const edit = await postForm(admin, `/pegawai/${c.id}`, {
      nip: pg.nip, nama: pg.nama, jenisAsn: pg.jenisAsn, pangkatGolongan: pg.pangkatGolongan, email: pg.email ?? '', jabatanId: pg.jabatanId, penilaiNip: penilaiB.nip, version: pg.version,
    }, `/pegawai/${c.id}/ubah`);
    expect(edit.status).toBe(303);
    // not silent, and not moved by itself
    const detail = await admin.get(`/pegawai/${c.id}`).expect(200);
    expect(detail.text).toContain('1 SKP terbuka pegawai ini masih pada pejabat penilai lain.');
    expect(detail.text).toContain('href="/skp/penilai-berbeda"');
    const before = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpId } });
    expect(before.penilaiId).toBe(penilaiA.id);
    const list = await admin.get('/skp/penilai-berbeda').expect(200);
    expect(list.text).toContain('SKP yang penilainya berbeda');
    const row = list.text.split('<tbody>')[1]!.split('</tr>').find((r) => r.includes(c.nama))!;
    expect(row).toContain(penilaiA.nama);
    expect(row).toContain(penilaiB.nama);
    expect(row).toContain(`value="${skpId}:${before.version}"`);
    // the SKP's own appraiser still decides it; the new one does not until it is moved
    await (await loginAs(t.app, penilaiA.login)).get(`/skp/${skpId}/tinjau`).expect(200);
    await (await loginAs(t.app, penilaiB.login)).get(`/skp/${skpId}/tinjau`).expect(403);

    // a list loaded before someone else changed the SKP is refused, nothing moves
    expect((await postForm(admin, '/skp/penilai-berbeda', { daftar: `${skpId}:${before.version + 1}` }, '/skp/penilai-berbeda')).status).toBe(409);
    expect((await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpId } })).penilaiId).toBe(penilaiA.id);

    const moved = await postForm(admin, '/skp/penilai-berbeda', { daftar: `${skpId}:${before.version}` }, '/skp/penilai-berbeda');
    expect(moved.status).toBe(303);
    const after = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: skpId } });
    expect(after.penilaiId).toBe(penilaiB.id);
    expect((after.snapshot as { penilai: { nama: string } }).penilai.nama).toBe(penilaiB.nama);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'skp.penilai.move', entitasId: String(skpId) } })).toBe(1);
    expect((await admin.get('/skp/penilai-berbeda').expect(200)).text).not.toContain(`${skpId}:`);
    await (await loginAs(t.app, penilaiB.login)).get(`/skp/${skpId}/tinjau`).expect(200);
  });

  it('the approved version\'s PDF still prints who signed it, as does printing the approved SKP; its page names the new appraiser', async () => {
    const versi = await pdfText(admin, `/skp/${skpId}/versi/1/cetak.pdf`);
    expect(versi).toContain(penilaiA.nama);
    expect(versi).not.toContain(penilaiB.nama);
    // an approved SKP prints the version that was signed (docs/domain/skp.md § Print)
    const kini = await pdfText(admin, `/skp/${skpId}/cetak.pdf`);
    expect(kini).toContain(penilaiA.nama);
    expect((await admin.get(`/skp/${skpId}`).expect(200)).text).toContain(penilaiB.nama);
    await download(admin, `/skp/${skpId}/versi/2/cetak.pdf`).expect(404);
    expect((await admin.get(`/skp/${skpId}/versi/1`).expect(200)).text).toContain(`href="/skp/${skpId}/versi/1/cetak.pdf"`);
  });

  it('"move all" moves every listed SKP in one transaction, or none when one of them changed', async () => {
    const d = await given.pegawai(t, { unitId: unitB, penilai: penilaiA });
    const e = await given.pegawai(t, { unitId: unitB, penilai: penilaiA });
    for (const x of [d, e]) {
      const pg = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: x.id } });
      await postForm(admin, `/pegawai/${x.id}`, { nip: pg.nip, nama: pg.nama, jenisAsn: pg.jenisAsn, pangkatGolongan: pg.pangkatGolongan, email: '', jabatanId: pg.jabatanId, penilaiNip: penilaiB.nip, version: pg.version }, `/pegawai/${x.id}/ubah`);
    }
    const [sd, se] = [await openSkp(d.id), await openSkp(e.id)];
    const stale = await postForm(admin, '/skp/penilai-berbeda', { daftar: `${sd.id}:${sd.version},${se.id}:${se.version + 1}` }, '/skp/penilai-berbeda');
    expect(stale.status).toBe(409);
    expect((await t.db.prisma.skp.findUniqueOrThrow({ where: { id: sd.id } })).penilaiId).toBe(penilaiA.id);
    const list = await admin.get('/skp/penilai-berbeda').expect(200);
    const daftar = /name="daftar" value="([^"]+)"/.exec(list.text)![1]!;
    expect(daftar).toContain(`${sd.id}:${sd.version}`);
    expect(daftar).toContain(`${se.id}:${se.version}`);
    expect((await postForm(admin, '/skp/penilai-berbeda', { daftar }, '/skp/penilai-berbeda')).status).toBe(303);
    for (const id of [sd.id, se.id]) expect((await t.db.prisma.skp.findUniqueOrThrow({ where: { id } })).penilaiId).toBe(penilaiB.id);
    expect((await admin.get('/skp/penilai-berbeda').expect(200)).text).toContain('Tidak ada SKP terbuka yang pejabat penilainya berbeda.');
  });

  it('is HR\'s step only', async () => {
    const b = await loginAs(t.app, penilaiB.login);
    await b.get('/skp/penilai-berbeda').expect(403);
    await b.get(`/pegawai/${c.id}/mutasi`).expect(403);
  });
});
