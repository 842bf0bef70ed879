import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { like, likePrefix, named, sql, sqlOn } from '../../src/db/sql.js';
import { testApp, type TestApp } from '../helpers/app.js';

// src/db/sql.ts: the one helper for set-based reads (docs/architecture.md, "Data access").

describe('sql``: parameters and fragments', () => {
  it('numbers every value and never splices it into the text', () => {
    const q = sql`SELECT * FROM t WHERE a = ${1} AND b = ${"x'; DROP TABLE t; --"}`;
    expect(q.text).toBe('SELECT * FROM t WHERE a = $1 AND b = $2');
    expect(q.values).toEqual([1, "x'; DROP TABLE t; --"]);
  });
  it('renumbers a nested fragment and joins fragments', () => {
    const conds = [sql`a = ${1}`, sql`b = ${2}`, sql`c IN (${sql`SELECT ${3}`})`];
    const q = sql`SELECT ${4} WHERE ${sql.join(conds, ' AND ')} LIMIT ${5}`;
    expect(q.text).toBe('SELECT $1 WHERE a = $2 AND b = $3 AND c IN (SELECT $4) LIMIT $5');
    expect(q.values).toEqual([4, 1, 2, 3, 5]);
  });
  it('splices raw text only through sql.raw', () => {
    const q = sql`SELECT 1 FROM pegawai p${sql.raw(' JOIN unit_kerja u ON u.id = p.unit_id')} WHERE p.id = ${7}`;
    expect(q.text).toBe('SELECT 1 FROM pegawai p JOIN unit_kerja u ON u.id = p.unit_id WHERE p.id = $1');
  });
  it('escapes %, _ and \\ in LIKE terms once', () => {
    expect(like('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
    expect(likePrefix('/1/4_')).toBe('/1/4\\_%');
  });
});

describe('sqlOn: the pool and a transaction alike', () => {
  let t: TestApp;
  beforeAll(async () => { t = await testApp(); });
  afterAll(async () => { await t.close(); });

  const probe = (term: string) =>
    sql`SELECT v AS some_value, v LIKE ${like(term)} AS is_match FROM (VALUES ('a%b'), ('axb')) x(v) ORDER BY v`;

  it('returns camelCase rows from the pool, with LIKE taking % literally', async () => {
    expect(await t.db.sql.rows(probe('%'))).toEqual([{ someValue: 'a%b', isMatch: true }, { someValue: 'axb', isMatch: false }]);
    expect(await t.db.sql.one(sql`SELECT 1 AS one_col WHERE FALSE`)).toBeNull();
  });
  it('prepares a named statement and runs it again with other values', async () => {
    const q = (n: number) => named('sql-helper-test', sql`SELECT ${n}::int + 1 AS next_n`);
    expect(await t.db.sql.one(q(1))).toEqual({ nextN: 2 });
    expect(await t.db.sql.one(q(41))).toEqual({ nextN: 42 });
  });
  it('runs inside a Prisma transaction: what it writes rolls back with the transaction', async () => {
    const before = (await t.db.sql.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM unit_kerja`))!.n;
    await expect(
      t.db.prisma.$transaction(async (tx) => {
        const q = sqlOn(tx);
        const n = await q.exec(sql`INSERT INTO unit_kerja (kode, nama, path) VALUES (${'SQLT'}, ${'Unit uji SQL'}, ${'/999999/'})`);
        expect(n).toBe(1);
        expect(await q.rows(sql`SELECT kode AS unit_kode FROM unit_kerja WHERE kode = ${'SQLT'}`)).toEqual([{ unitKode: 'SQLT' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await t.db.sql.one<{ n: number }>(sql`SELECT count(*)::int AS n FROM unit_kerja`))!.n).toBe(before);
  });
});
