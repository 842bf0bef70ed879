import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMutasi } from '../../src/db/seed-mutasi.js';
import { parseDokumen } from '../../src/domain/skp-document.js';
import * as given from '../helpers/given.js';
import { download, pdfPages } from '../helpers/files.js';
import { loginAs, testApp, type TestApp } from '../helpers/app.js';

// The demo's mid-year move (src/db/seed-mutasi.ts), on a world of approved SKPs: one employee
// moved on 1 July with two SKPs this year, the first approved and closed, the second in progress.

let t: TestApp;
let tahun: number;
let siklusId: number;
let moved: { nip: string; nama: string } | null;
let skipped: given.GivenPegawai;
let other: given.GivenPegawai;
beforeAll(async () => {
  t = await testApp();
  ({ id: siklusId, tahun } = await given.siklusTerbuka(t));
  const a = await given.pegawaiWithPenilai(t);
  const b = await given.pegawaiWithPenilai(t);
  await given.skp(t, a.penilai);
  await given.skp(t, b.penilai);
  skipped = a.pegawai;
  other = b.pegawai;
  await given.skpDisetujui(t, a.pegawai);
  await given.skpDisetujui(t, b.pegawai);
  moved = await seedMutasi(t.db, { tahun, skip: [skipped.nip] });
});
afterAll(async () => { await t?.close(); });

describe('the demo move', () => {
  it('moves one employee with an approved SKP (not a skipped demo login), once', async () => {
    expect(moved).not.toBeNull();
    expect(moved!.nip).toBe(other.nip); // the first candidate that is not skipped
    expect(await seedMutasi(t.db, { tahun })).toBeNull();
  });

  it('leaves two SKPs this year: the first approved and closed on 30 June, the second from 1 July in progress with the new appraiser', async () => {
    const p = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: moved!.nip } });
    const [a, b] = await t.db.prisma.skp.findMany({ where: { siklusId, pegawaiId: p.id }, orderBy: { periodeAwal: 'asc' }, include: { rhk: true } });
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    expect([a!.status, iso(a!.periodeAwal), iso(a!.periodeAkhir), a!.ditutupAt !== null]).toEqual(['DISETUJUI', `${tahun}-01-01`, `${tahun}-06-30`, true]);
    expect([b!.status, iso(b!.periodeAwal), iso(b!.periodeAkhir), b!.ditutupAt, b!.sebelumnyaId, b!.penilaiId]).toEqual(['DRAFT', `${tahun}-07-01`, `${tahun}-12-31`, null, a!.id, p.penilaiId]);
    expect(a!.penilaiId).not.toBe(p.penilaiId);
    expect(b!.rhk).toHaveLength(1);
    expect(b!.rhk[0]!.rhkAtasanId).not.toBeNull();
    const versi = await t.db.prisma.skpVersi.findFirstOrThrow({ where: { skpId: a!.id } });
    const lama = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: a!.penilaiId! } });
    expect(parseDokumen(versi.data).snapshot?.penilai?.nama).toBe(lama.nama);
    // what the employee sees
    const me = await loginAs(t.app, other.login);
    const page = await me.get('/skp').expect(200);
    expect(page.text).toContain(`href="/skp/${a!.id}"`);
    expect(page.text).toContain(`href="/skp/${b!.id}" aria-current=page`);
    const pdf = (await pdfPages((await download(me, `/skp/${a!.id}/cetak.pdf`).expect(200)).body as Buffer)).join(' ');
    expect(pdf).toContain(`PERIODE PENILAIAN: 1 JANUARI ${tahun} SD 30 JUNI ${tahun}`);
  });
});
