import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../prisma/generated/client.js';
import { sqlOn, type Sql } from './sql.js';

export type Db = { prisma: PrismaClient; pool: pg.Pool; sql: Sql; close: () => Promise<void> };
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** One pg pool shared by Prisma, the session store and the few set-based raw queries. */
export function createDb(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection dropped by the server (e.g. Ctrl-C reaches the embedded PostgreSQL first)
  // must not crash the app; the pool replaces it on the next query.
  pool.on('error', (e) => console.error('PostgreSQL connection lost:', e.message));
  // Interactive transactions may take up to 15 s (Prisma's default, 5 s, was exceeded by the demo
  // seed's SKP submissions on a loaded two-CPU machine), and wait up to 5 s for a connection.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { timeout: 15_000, maxWait: 5_000 } });
  return {
    prisma,
    pool,
    sql: sqlOn(pool),
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}
