import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleSkp, type Actor } from '../../src/domain/access.js';
import { sql } from '../../src/db/sql.js';
import { loadActor } from '../../src/modules/auth/authenticate.js';
import { visibleSkpSql } from '../../src/modules/skp/review/queries.js';
import * as given from '../helpers/given.js';
import { testApp, type TestApp } from '../helpers/app.js';

// The SQL form of the SKP scope (visibleSkpSql, used where a hot page checks the scope in the
// statement that reads the row) must say yes to exactly the SKPs the Prisma form does
// (visibleSkp, docs/domain/access.md), for every kind of actor.

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

const viaPrisma = async (a: Actor) => (await t.db.prisma.skp.findMany({ where: visibleSkp(a) as object, select: { id: true }, orderBy: { id: 'asc' } })).map((s) => s.id);
const viaSql = async (a: Actor) => {
  const { where } = visibleSkpSql(a);
  return (await t.db.sql.rows<{ id: number }>(sql`SELECT s.id FROM skp s JOIN pegawai p ON p.id = s.pegawai_id JOIN unit_kerja u ON u.id = p.unit_id WHERE ${where} ORDER BY s.id`)).map((s) => s.id);
};
const actorOfUser = async (userId: number) => (await loadActor(t.db.pool, userId))!;

describe('visibleSkpSql agrees with visibleSkp', () => {
  it('for the employee, the appraiser, a delegate, a pimpinan, an official outside the agency, HR and someone with no scope', async () => {
    await given.siklusTerbuka(t);
    const atas = await given.unit(t);
    const bawah = await given.unit(t, { parentId: atas.id });
    const kepala = await given.pegawai(t, { unitId: atas.id, jenis: 'PENGAWAS' });
    const { penilai, pegawai } = await given.pegawaiWithPenilai(t, { unitId: bawah.id });
    await given.skpDiajukan(t, pegawai);
    const wakil = await given.pegawai(t, { unitId: atas.id });
    await given.delegasi(t, { jabatanId: penilai.jabatanId, pemberi: penilai, penerima: wakil });
    await given.makePimpinan(t, kepala.id);
    const luar = await given.pejabatLuar(t, { login: true });
    const dinilaiLuar = await given.pegawai(t, { unitId: bawah.id });
    await given.setPenilaiLuar(t, dinilaiLuar, luar);
    const luarUser = await t.db.prisma.user.findUniqueOrThrow({ where: { pejabatLuarId: luar.id } });
    const orangLain = await given.pegawai(t);

    const actors: [string, Actor][] = [
      ['employee', await given.actorOf(t, pegawai.id)],
      ['appraiser', await given.actorOf(t, penilai.id)],
      ['delegate', await given.actorOf(t, wakil.id)],
      ['pimpinan', await given.actorOf(t, kepala.id)],
      ['official outside', await actorOfUser(luarUser.id)],
      ['HR', await given.adminActor(t)],
      ['outsider', await given.actorOf(t, orangLain.id)],
    ];
    expect((actors[2]![1]).delegasi.length).toBeGreaterThan(0); // the delegation is in force
    for (const [who, a] of actors) {
      const p = await viaPrisma(a);
      expect(await viaSql(a), who).toEqual(p);
      if (who !== 'HR') expect(p.length, who).toBeGreaterThan(0);
    }
  });
});
