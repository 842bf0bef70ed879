import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiklus } from '../../src/modules/siklus/service.js';
import * as given from '../helpers/given.js';
import { loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';

// SKP Bawahan and the Matriks choose their cycle inside their own statement
// (src/modules/skp/review/queries.ts): the cycle asked for when it exists, else the newest cycle
// past DRAFT, else the newest.

let t: TestApp;
let penilai: Agent;
let open: { id: number; tahun: number };
let draft: { id: number; tahun: number };
beforeAll(async () => {
  t = await testApp();
  open = await given.siklusTerbuka(t);
  const d = await createSiklus(t.db, await given.adminActor(t), { tahun: open.tahun + 1, jenisPeriode: 'TRIWULANAN' });
  draft = { id: d.id, tahun: d.tahun };
  const { penilai: p } = await given.pegawaiWithPenilai(t);
  penilai = await loginAs(t.app, p.login);
});
afterAll(async () => { await t.close(); });

const heading = (html: string) => /<h1>([^<]*?)\s*<\/h1>|<h1>([^<]*)</.exec(html)?.slice(1).find(Boolean)?.trim();

describe.each([['/skp/bawahan'], ['/skp/matriks']])('%s', (page) => {
  it('without a choice shows the newest cycle past DRAFT, not the newer draft cycle', async () => {
    const res = await penilai.get(page).expect(200);
    expect(res.text).toContain(`<option value="${open.id}" selected`);
    expect(res.text).not.toContain(`<option value="${draft.id}" selected`);
  });
  it('shows the cycle asked for, a DRAFT one too', async () => {
    const res = await penilai.get(`${page}?siklusId=${draft.id}`).expect(200);
    expect(res.text).toContain(`<option value="${draft.id}" selected`);
  });
  it('falls back to the default for a cycle that does not exist', async () => {
    const res = await penilai.get(`${page}?siklusId=${draft.id + 1000}`).expect(200);
    expect(res.text).toContain(`<option value="${open.id}" selected`);
    expect(heading(res.text) ?? '').toContain(String(open.tahun));
  });
});
