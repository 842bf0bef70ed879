import type pg from 'pg';
import type { PrismaClient } from '../../prisma/generated/client.js';
import type { Tx } from './client.js';

// The one helper for set-based and hot-path reads (docs/architecture.md, "Data access"): a tagged
// template that numbers its parameters, LIKE escaping written once, and one runner that accepts
// the pool or the current transaction and returns rows with camelCase keys, typed by the caller.
// Writes and single-record reads go through Prisma.

/** A statement with its parameters; `name` makes pg prepare it once per connection (pool only). */
export type SqlQuery = { readonly text: string; readonly values: readonly unknown[]; readonly name?: string };

const FRAGMENT = Symbol('sql.fragment');
type Fragment = { [FRAGMENT]: true; strings: readonly string[]; args: readonly unknown[] };
type Raw = { [FRAGMENT]: 'raw'; text: string };

/**
 * sql`SELECT … WHERE id = ${id} AND ${other}`: every interpolated value becomes a parameter
 * ($1, $2, …); an interpolated sql`` fragment is spliced in with its own parameters renumbered;
 * `sql.raw(text)` splices trusted text (an identifier chosen from a fixed list, never input).
 */
export function sql(strings: TemplateStringsArray, ...args: unknown[]): Fragment & SqlQuery {
  const frag: Fragment = { [FRAGMENT]: true, strings: [...strings], args };
  return Object.assign(frag, build(frag));
}
sql.raw = (text: string): Raw => ({ [FRAGMENT]: 'raw', text });
/** Joins fragments with a separator (e.g. conditions with AND). */
sql.join = (parts: readonly (Fragment | Raw)[], separator: string): Fragment => {
  const strings: string[] = [''];
  const args: unknown[] = [];
  parts.forEach((p, i) => {
    if (i > 0) strings[strings.length - 1] += separator;
    args.push(p);
    strings.push('');
  });
  return { [FRAGMENT]: true, strings, args };
};

function build(frag: Fragment): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const walk = (f: Fragment): string => {
    let text = f.strings[0]!;
    f.args.forEach((v, i) => {
      if (v && typeof v === 'object' && FRAGMENT in v) {
        text += (v as Raw)[FRAGMENT] === 'raw' ? (v as Raw).text : walk(v as Fragment);
      } else {
        values.push(v);
        text += `$${values.length}`;
      }
      text += f.strings[i + 1]!;
    });
    return text;
  };
  return { text: walk(frag), values };
}

/** Gives a query a name, so that pg prepares it once per connection (hot paths). */
export const named = (name: string, q: SqlQuery): SqlQuery => ({ text: q.text, values: q.values, name });

/** `%term%` for LIKE/ILIKE with the term's own %, _ and \ taken literally. */
export const like = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** `term%`: starts with, escaped the same way. */
export const likePrefix = (term: string): string => `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const camelKeys = new Map<string, string>();
const camel = (k: string): string => {
  let c = camelKeys.get(k);
  if (c === undefined) {
    c = k.replace(/_([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase());
    camelKeys.set(k, c);
  }
  return c;
};
function camelRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in row) out[camel(k)] = row[k];
  return out;
}

/** Runs SqlQuery values on the pool or inside the current transaction. */
export type Sql = {
  rows<T>(q: SqlQuery): Promise<T[]>;
  one<T>(q: SqlQuery): Promise<T | null>;
  /** A statement that returns no rows; resolves to the number of rows it changed. */
  exec(q: SqlQuery): Promise<number>;
};

type PrismaLike = Pick<PrismaClient, '$queryRawUnsafe' | '$executeRawUnsafe'>;
const isPrisma = (q: unknown): q is PrismaLike => typeof (q as PrismaLike).$queryRawUnsafe === 'function';

/** The runner for a pg pool or client, a Prisma client, or a Prisma transaction. */
export function sqlOn(on: pg.Pool | pg.PoolClient | PrismaLike | Tx): Sql {
  if (isPrisma(on)) {
    return {
      rows: async <T>(q: SqlQuery) => ((await on.$queryRawUnsafe<Record<string, unknown>[]>(q.text, ...q.values)) as Record<string, unknown>[]).map(camelRow) as T[],
      one: async <T>(q: SqlQuery) => {
        const r = (await on.$queryRawUnsafe<Record<string, unknown>[]>(q.text, ...q.values)) as Record<string, unknown>[];
        return r.length ? (camelRow(r[0]!) as T) : null;
      },
      exec: (q: SqlQuery) => on.$executeRawUnsafe(q.text, ...q.values),
    };
  }
  const pool = on as pg.Pool;
  const run = (q: SqlQuery) => pool.query<Record<string, unknown>>({ text: q.text, values: q.values as unknown[], ...(q.name ? { name: q.name } : {}) });
  return {
    rows: async <T>(q: SqlQuery) => (await run(q)).rows.map(camelRow) as T[],
    one: async <T>(q: SqlQuery) => {
      const r = await run(q);
      return r.rows.length ? (camelRow(r.rows[0]!) as T) : null;
    },
    exec: async (q: SqlQuery) => (await run(q)).rowCount ?? 0,
  };
}
