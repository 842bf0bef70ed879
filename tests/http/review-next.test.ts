import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, postForm, testApp, type TestApp } from '../helpers/app.js';

// An appraiser with many appraisees is not slowed down (issue 9): after a decision the next SKP
// waiting opens; a draft that was never submitted carries no revision badge.

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

describe('after a decision', () => {
  it('opens the next SKP waiting for the same appraiser, and the list once none is left', async () => {
    const { penilai, pegawai, unitId } = await given.pegawaiWithPenilai(t);
    const kedua = await given.pegawai(t, { unitId, penilai });
    const a = await given.skpDiajukan(t, pegawai);
    const b = await given.skpDiajukan(t, kedua);
    const agent = await loginAs(t.app, penilai.login);
    const first = await postForm(agent, `/skp/${a.id}/setujui`, { confirmed: '1', version: a.version }, `/skp/${a.id}/tinjau`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe(`/skp/${b.id}/tinjau`);
    const { version } = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: b.id } });
    const last = await postForm(agent, `/skp/${b.id}/kembalikan`, { confirmed: '1', version, alasan: 'Indikator belum terukur dengan jelas.' }, `/skp/${b.id}/tinjau`);
    expect(last.headers.location).toBe('/skp/bawahan');
  });
});

describe('the SKP page header', () => {
  it('shows no revision badge on a draft never submitted, and shows it once submitted', async () => {
    const { pegawai } = await given.pegawaiWithPenilai(t);
    const skp = await given.skp(t, pegawai);
    const agent = await loginAs(t.app, pegawai.login);
    expect((await agent.get(`/skp/${skp.id}`).expect(200)).text).not.toMatch(/class="tag tag-muted">Revisi 1</);
    await given.submit(t, skp);
    expect((await agent.get(`/skp/${skp.id}`).expect(200)).text).toMatch(/class="tag tag-muted">Revisi 1</);
  });
});
