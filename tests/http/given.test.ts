import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, testApp, type TestApp } from '../helpers/app.js';

// The factories themselves: what they build is what the app would have built through its forms.

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

describe('tests build their own world', () => {
  it('makes an appraiser and an appraisee with logins, in a unit of their own', async () => {
    const { penilai, pegawai, unitId } = await given.pegawaiWithPenilai(t);
    expect(pegawai.penilaiId).toBe(penilai.id);
    expect(pegawai.unitId).toBe(unitId);
    expect(penilai.nip).not.toBe(pegawai.nip);
    const agent = await loginAs(t.app, pegawai.login);
    expect((await agent.get('/').expect(200)).text).toContain(pegawai.nama);
    // audited like the admin's form would be
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'pegawai.create', entitasId: String(pegawai.id) } })).toBe(1);
  });

  it('gives every call unique names, codes and NIPs', async () => {
    const a = await given.pegawai(t);
    const b = await given.pegawai(t);
    expect(new Set([a.nip, b.nip, a.nama, b.nama]).size).toBe(4);
    expect(a.unitId).not.toBe(b.unitId);
  });

  it('drafts, submits and approves an SKP through the workflow', async () => {
    const { pegawai } = await given.pegawaiWithPenilai(t);
    const draft = await given.skp(t, pegawai, { rhk: 2, indikator: 2 });
    expect(draft.status).toBe('DRAFT');
    expect(draft.rhk.map((r) => r.indikator.length)).toEqual([2, 2]);
    const rhk = await t.db.prisma.rhk.findMany({ where: { skpId: draft.id } });
    expect(rhk.every((r) => r.rhkAtasanId !== null)).toBe(true);

    const other = await given.pegawaiWithPenilai(t);
    const approved = await given.skpDisetujui(t, other.pegawai);
    expect(approved.status).toBe('DISETUJUI');
    expect(await t.db.prisma.skpVersi.count({ where: { skpId: approved.id } })).toBe(1);
    const third = await given.pegawaiWithPenilai(t);
    expect((await given.skpDiajukan(t, third.pegawai)).status).toBe('DIAJUKAN');
    expect((await given.skpDikembalikan(t, (await given.pegawaiWithPenilai(t)).pegawai)).status).toBe('DIKEMBALIKAN');
  });
});
