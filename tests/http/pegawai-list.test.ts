import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';

// The employee list at agency scale: the count stops at 1,000 (a search that broad is narrowed,
// not paged through) and pages are still reachable one after another.

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await testApp();
  // 1,200 more active employees named "Pegawai Uji nnnn" in a position of the test's own,
  // set-based like an import (1,200 one at a time through the service would take minutes).
  const jab = await given.jabatan(t);
  await t.db.pool.query(`
    INSERT INTO pegawai (nip, nama, jenis_asn, pangkat_golongan, jabatan_id, unit_id)
    SELECT '19900101' || '2015' || '01' || '1' || lpad(g::text, 3, '0'), 'Pegawai Uji ' || lpad(g::text, 4, '0'), 'PNS', 'III/a', j.id, j.unit_id
      FROM generate_series(1, 999) g, (SELECT id, unit_id FROM jabatan WHERE id = $1) j`, [jab.id]);
  await t.db.pool.query(`
    INSERT INTO pegawai (nip, nama, jenis_asn, pangkat_golongan, jabatan_id, unit_id)
    SELECT '19910101' || '2015' || '01' || '2' || lpad(g::text, 3, '0'), 'Pegawai Uji ' || lpad((1000 + g)::text, 4, '0'), 'PNS', 'III/a', j.id, j.unit_id
      FROM generate_series(1, 201) g, (SELECT id, unit_id FROM jabatan WHERE id = $1) j`, [jab.id]);
  admin = await loginAs(t.app, 'admin');
});
afterAll(async () => { await t.close(); });

const names = (html: string) => [...html.matchAll(/<td[^>]*><a href="\/pegawai\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]!);

describe('employee list with more than 1,000 matches', () => {
  it('says "more than 1,000" instead of counting them all, and offers the next page', async () => {
    const res = await admin.get('/pegawai?q=Pegawai+Uji').expect(200);
    expect(res.text).toContain('Lebih dari 1.000 pegawai');
    expect(res.text).toContain('Halaman 1<');
    expect(res.text).toContain('rel="next"');
    expect(names(res.text)).toHaveLength(50);
    expect(names(res.text)[0]).toBe('Pegawai Uji 0001');
  });

  it('reaches pages past the count one by one, and the last page has no next link', async () => {
    const p21 = await admin.get('/pegawai?q=Pegawai+Uji&page=21').expect(200);
    expect(names(p21.text)[0]).toBe('Pegawai Uji 1002'); // item 1,001 (there is no 1000)
    const p24 = await admin.get('/pegawai?q=Pegawai+Uji&page=24').expect(200);
    expect(names(p24.text)).toHaveLength(50);
    expect(p24.text).not.toContain('rel="next"');
    expect(p24.text).toContain('rel="prev"');
  });

  it('walks every page through its "next" links (keyset), matching the numbered pages', async () => {
    let url: string | null = '/pegawai?q=Pegawai+Uji';
    const seen: string[] = [];
    let pages = 0;
    while (url) {
      const res: { text: string } = await admin.get(url).expect(200);
      seen.push(...names(res.text));
      pages++;
      const next: string | null = /<a href="([^"]+)" rel="next">/.exec(res.text)?.[1]?.replace(/&amp;/g, '&') ?? null;
      if (next) expect(next).toMatch(/setelah=\d+/);
      url = next;
    }
    expect(pages).toBe(24);
    expect(seen).toHaveLength(1200);
    expect(new Set(seen).size).toBe(1200);
    expect(seen).toEqual([...seen].sort());
    const p7 = await admin.get('/pegawai?q=Pegawai+Uji&page=7').expect(200);
    expect(names(p7.text)).toEqual(seen.slice(300, 350));
  });

  it('counts exactly below the cap', async () => {
    const res = await admin.get('/pegawai?q=Pegawai+Uji+00').expect(200);
    expect(res.text).toContain('99 pegawai');
    expect(res.text).toContain('Halaman 1 dari 2');
  });
});

describe('the count cap of a name search, at its edge', () => {
  // Names of their own ("Batas Hitung nnnn"), so the counts do not depend on the rows above.
  const add = (from: number, to: number) =>
    t.db.pool.query(
      `INSERT INTO pegawai (nip, nama, jenis_asn, pangkat_golongan, jabatan_id, unit_id)
       SELECT '199201012015' || '1' || lpad(g::text, 5, '0'), 'Batas Hitung ' || lpad(g::text, 4, '0'), 'PNS', 'III/a', j.id, j.unit_id
         FROM generate_series($1::int, $2::int) g, (SELECT id, unit_id FROM jabatan ORDER BY id LIMIT 1) j`,
      [from, to],
    );
  const found = async () => /<span class="found">([^<]+)<\/span>/.exec((await admin.get('/pegawai?q=Batas+Hitung').expect(200)).text)?.[1];

  it('counts 999 and 1,000 exactly, and says "more than 1,000" from 1,001', async () => {
    await add(1, 999);
    expect(await found()).toBe('999 pegawai');
    await add(1000, 1000);
    expect(await found()).toBe('1.000 pegawai');
    await add(1001, 1001);
    expect(await found()).toMatch(/^Lebih dari 1\.000 pegawai/);
  });
});
