import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { testApp, type TestApp } from '../helpers/app.js';

// schema.prisma is the model of record; the hand-written SQL migrations must produce exactly it.
// Prisma's own schema parser (its WASM build, no engine download) gives the model as DMMF.

type Field = { name: string; dbName?: string | null; kind: string; type: string; isList: boolean; isRequired: boolean; isId: boolean; isUnique: boolean; nativeType: [string, string[]] | null; relationFromFields?: string[]; relationToFields?: string[]; relationOnDelete?: string };
type Model = { name: string; dbName: string | null; fields: Field[]; primaryKey: { fields: string[] } | null; uniqueFields: string[][] };
type Index = { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; dbName?: string | null; fields: { name: string }[]; algorithm?: string };
type Dmmf = { datamodel: { models: Model[]; enums: { name: string; values: { name: string }[] }[]; indexes: Index[] } };

const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: readFileSync('prisma/schema.prisma', 'utf8') }))) as Dmmf;
const { models, enums, indexes } = dmmf.datamodel;
const table = (m: Model) => m.dbName ?? m.name;
const column = (m: Model, field: string) => {
  const f = m.fields.find((x) => x.name === field)!;
  return f.dbName ?? f.name;
};

/** The PostgreSQL type Prisma's migrate would create for a scalar field. */
function expectedType(f: Field): string {
  const enumName = enums.find((e) => e.name === f.type)?.name;
  const base = (() => {
    if (enumName) return enumName;
    if (f.nativeType) {
      const [name, args] = f.nativeType;
      const a = args.length ? `(${args.join(',')})` : '';
      if (name === 'Timestamptz') return `timestamp${a} with time zone`;
      if (name === 'Timestamp') return `timestamp${a} without time zone`;
      const map: Record<string, string> = { VarChar: 'character varying', Json: 'json', Text: 'text', Uuid: 'uuid', Date: 'date', Decimal: 'numeric' };
      return (map[name] ?? name.toLowerCase()) + a;
    }
    const map: Record<string, string> = { String: 'text', Int: 'integer', BigInt: 'bigint', Boolean: 'boolean', DateTime: 'timestamp(3) without time zone', Json: 'jsonb', Float: 'double precision', Decimal: 'numeric(65,30)' };
    return map[f.type]!;
  })();
  return f.isList ? `${base}[]` : base;
}

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

describe('the migrated database matches prisma/schema.prisma', () => {
  it('has two schemas of its own: `public` (this file checks it against schema.prisma) and the job queue\'s `pgboss`', async () => {
    const r = await t.db.pool.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1`);
    expect(r.rows.map((x) => x.nspname)).toEqual(['pgboss', 'public']);
    // pg-boss's own tables are made by a migration at the version the installed pg-boss expects.
    const v = await t.db.pool.query<{ version: number }>('SELECT version FROM pgboss.version');
    expect(v.rows).toEqual([{ version: (await import('pg-boss/version.json', { with: { type: 'json' } })).default.schema }]);
  });

  it('has exactly the tables of the schema (plus the migrations ledger)', async () => {
    const r = await t.db.pool.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    expect(r.rows.map((x) => x.table_name).sort()).toEqual([...models.map(table), '_prisma_migrations'].sort());
  });

  it('has the enums with their values in order', async () => {
    const r = await t.db.pool.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = 'public'::regnamespace GROUP BY t.typname`,
    );
    expect(Object.fromEntries(r.rows.map((x) => [x.typname, x.labels]))).toEqual(Object.fromEntries(enums.map((e) => [e.name, e.values.map((v) => v.name)])));
  });

  it.each(models.map((m) => [table(m), m] as const))('table %s: columns, types and nullability', async (name, m) => {
    const r = await t.db.pool.query<{ column_name: string; type: string; not_null: boolean }>(
      `SELECT a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname = $1 AND a.attnum > 0 AND NOT a.attisdropped`,
      [name],
    );
    const actual = Object.fromEntries(r.rows.map((x) => [x.column_name, { type: x.type.replace(/"/g, '').replace(/, /g, ','), notNull: x.not_null }]));
    const expected = Object.fromEntries(
      m.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum').map((f) => [f.dbName ?? f.name, { type: expectedType(f), notNull: f.isRequired && !f.isList }]),
    );
    expect(actual).toEqual(expected);
  });

  it('has the primary keys, unique and plain indexes of the schema', async () => {
    const r = await t.db.pool.query<{ table: string; name: string; columns: string[]; unique: boolean; primary: boolean; method: string }>(
      `SELECT c.relname AS table, ic.relname AS name, i.indisunique AS unique, i.indisprimary AS primary, am.amname AS method,
              array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'`,
    );
    const key = (tbl: string, kind: string, cols: string[], method = 'btree') => `${tbl}:${kind}:${method}:${cols.join(',')}`;
    // Indexes Prisma's schema cannot express (partial indexes), which exist only in the migrations.
    // Each is named here with its migration and why; every one of them must exist.
    const MIGRATION_ONLY = [
      // at most one open SKP (ditutup_at IS NULL) per employee per cycle; the draft job's ON CONFLICT names it (20261202030000_skp_per_period)
      'skp_open_siklus_id_pegawai_id_key',
      // the bell's unread count and the outbox sender's due rows read only these rows (20261205000000_notifikasi)
      'notifikasi_belum_dibaca_idx',
      'email_keluar_antri_idx',
      // at most one current (not superseded) Dokumen Evaluasi per evaluation (20261208000000_keberatan_dokumen)
      'dokumen_evaluasi_berlaku_key',
    ];
    const found = new Set(r.rows.map((x) => x.name));
    expect(MIGRATION_ONLY.filter((n) => !found.has(n))).toEqual([]);
    const actual = r.rows.filter((x) => !MIGRATION_ONLY.includes(x.name)).map((x) => key(x.table, x.primary ? 'id' : x.unique ? 'unique' : 'normal', x.columns, x.method)).sort();
    const expected = indexes
      .map((ix) => {
        const m = models.find((x) => x.name === ix.model)!;
        const method = ix.algorithm ? ix.algorithm.toLowerCase() : 'btree';
        return key(table(m), ix.type, ix.fields.map((f) => column(m, f.name)), method);
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it('has the foreign keys of the schema\'s relations, with their ON DELETE rules', async () => {
    const r = await t.db.pool.query<{ table: string; columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string }>(
      `SELECT c.relname AS table, rc.relname AS ref_table,
              array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY x(attnum, n) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.attnum ORDER BY x.n)::text[] AS columns,
              array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY x(attnum, n) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.attnum ORDER BY x.n)::text[] AS ref_columns,
              k.confdeltype AS on_delete
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class rc ON rc.oid = k.confrelid
        WHERE k.contype = 'f' AND c.relnamespace = 'public'::regnamespace`,
    );
    const rule: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };
    const actual = r.rows.map((x) => `${x.table}(${x.columns.join(',')}) → ${x.ref_table}(${x.ref_columns.join(',')}) ${rule[x.on_delete]}`).sort();
    const expected = models
      .flatMap((m) =>
        m.fields
          .filter((f) => f.kind === 'object' && f.relationFromFields && f.relationFromFields.length > 0)
          .map((f) => {
            const target = models.find((x) => x.name === f.type)!;
            return `${table(m)}(${f.relationFromFields!.map((c) => column(m, c)).join(',')}) → ${table(target)}(${f.relationToFields!.map((c) => column(target, c)).join(',')}) ${f.relationOnDelete ?? 'Restrict'}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
