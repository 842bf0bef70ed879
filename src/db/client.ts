import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export type Db = { prisma: PrismaClient; pool: pg.Pool; close: () => Promise<void> };
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** One pg pool shared by Prisma, the session store and the few set-based raw queries. */
export function createDb(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max });
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
