import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { csrf, loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';

// Issue 9 § 4: an appraiser with many appraisees writes an ekspektasi once and applies it to
// several (docs/domain/skp.md § Ekspektasi for several appraisees): all or nothing.

let t: TestApp;
let penilai: Agent;
let world: given.Organisasi;
let skp: { self: given.GivenSkp; rekan: given.GivenSkp; subtree: given.GivenSkp };

const eks = async (skpId: number) =>
  Object.fromEntries((await t.db.prisma.ekspektasiPerilaku.findMany({ where: { skpId } })).map((e) => [e.nilai, e.ekspektasiKhusus]));
const ver = async (id: number) => (await t.db.prisma.skp.findUniqueOrThrow({ where: { id } })).version;

async function post(fields: [string, string][], on = skp.self.id) {
  const params = new URLSearchParams([['_csrf', await csrf(penilai, `/skp/${on}/tinjau`)], ['version', String(await ver(on))], ...fields]);
  return penilai.post(`/skp/${on}/ekspektasi`).type('form').send(params.toString());
}

beforeAll(async () => {
  t = await testApp();
  world = await given.organisasi(t);
  await given.siklusTerbuka(t);
  const { self, rekan, subtree } = world.people;
  skp = { self: await given.skpDiajukan(t, self), rekan: await given.skp(t, rekan), subtree: await given.skp(t, subtree) };
  penilai = await loginAs(t.app, world.people.penilai.login);
  // rekan's SKP already holds an expectation of its own that the shared text leaves alone
  await t.db.prisma.ekspektasiPerilaku.create({ data: { skpId: skp.rekan.id, nilai: 'ADAPTIF', ekspektasiKhusus: 'Cepat menyesuaikan diri dengan aplikasi baru' } });
});
afterAll(async () => { await t?.close(); });

describe('one ekspektasi for several appraisees', () => {
  it('the review page offers the other appraisees of the cycle (not people the appraiser does not appraise)', async () => {
    const res = await penilai.get(`/skp/${skp.self.id}/tinjau`).expect(200);
    expect(res.text).toContain('Terapkan juga ke bawahan lain');
    expect(res.text).toContain(`value="${skp.rekan.id}:${await ver(skp.rekan.id)}"`);
    expect(res.text).not.toContain(`value="${skp.subtree.id}:`);
    expect(res.text).not.toContain(`value="${skp.self.id}:`);
  });

  it('writes the filled values to the ticked SKPs too; a value left blank keeps theirs', async () => {
    const res = await post([
      ['ekspektasi_AKUNTABEL', 'Laporan selalu tepat waktu'],
      ['ekspektasi_KOLABORATIF', 'Aktif membantu tim lintas seksi'],
      ['juga', `${skp.rekan.id}:${await ver(skp.rekan.id)}`],
    ]);
    expect(res.status).toBe(303);
    expect(await eks(skp.self.id)).toEqual({ AKUNTABEL: 'Laporan selalu tepat waktu', KOLABORATIF: 'Aktif membantu tim lintas seksi' });
    expect(await eks(skp.rekan.id)).toEqual({ AKUNTABEL: 'Laporan selalu tepat waktu', KOLABORATIF: 'Aktif membantu tim lintas seksi', ADAPTIF: 'Cepat menyesuaikan diri dengan aplikasi baru' });
    const page = await penilai.get(res.headers.location!);
    expect(page.text).toContain('diterapkan ke 1 bawahan lain');
    const audit = await t.db.prisma.auditLog.count({ where: { aksi: 'skp.ekspektasi.update', entitasId: String(skp.rekan.id) } });
    expect(audit).toBe(1);
  });

  it('all or nothing: one ticked SKP changed by someone else in between, and none is written', async () => {
    const stale = (await ver(skp.rekan.id)) - 1;
    const before = { self: await eks(skp.self.id), rekan: await eks(skp.rekan.id) };
    const res = await post([['ekspektasi_LOYAL', 'Menjaga nama baik instansi'], ['juga', `${skp.rekan.id}:${stale}`]]);
    expect(res.status).toBe(409);
    expect(res.text).toContain('Menjaga nama baik instansi'); // what was typed is kept
    expect(await eks(skp.self.id)).toEqual(before.self);
    expect(await eks(skp.rekan.id)).toEqual(before.rekan);
  });

  it('an SKP the appraiser does not appraise, slipped into the form, is refused and nothing is written', async () => {
    const before = await eks(skp.self.id);
    const res = await post([['ekspektasi_HARMONIS', 'Menghargai setiap rekan'], ['juga', `${skp.subtree.id}:${await ver(skp.subtree.id)}`]]);
    expect(res.status).toBe(404);
    expect(await eks(skp.self.id)).toEqual(before);
    expect(await eks(skp.subtree.id)).toEqual({});
  });

  it('a malformed tick is a validation error, not a crash', async () => {
    const res = await post([['ekspektasi_HARMONIS', 'Menghargai setiap rekan'], ['juga', 'semua']]);
    expect(res.status).toBe(422);
    expect(res.text).toContain('Menghargai setiap rekan');
  });
});
