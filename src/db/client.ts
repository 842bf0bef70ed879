import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../prisma/generated/client.js';

export type Db = { prisma: PrismaClient; pool: pg.Pool; close: () => Promise<void> };
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** One pg pool shared by Prisma, the session store and the few set-based raw queries. */
export function createDb(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection dropped by the server (e.g. Ctrl-C reaches the embedded PostgreSQL first)
  // must not crash the app; the pool replaces it on the next query.
  pool.on('error', (e) => console.error('PostgreSQL connection lost:', e.message));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

/** The minimal query interface the set-based SQL helpers need, from a pg client or a Prisma tx. */
export type Sql = { query: (text: string, params?: unknown[]) => Promise<{ rows: any[]; rowCount: number | null }> };

export function sqlOf(tx: Tx | PrismaClient): Sql {
  return {
    query: async (text, params = []) => {
      if (/^\s*(SELECT|WITH)\b/i.test(text)) {
        const rows = (await tx.$queryRawUnsafe(text, ...params)) as any[];
        return { rows, rowCount: rows.length };
      }
      return { rows: [], rowCount: await tx.$executeRawUnsafe(text, ...params) };
    },
  };
}
