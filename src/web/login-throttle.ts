import type pg from 'pg';
import { normalizeLogin } from '../modules/auth/login-name.js';

// Failed logins are counted per account and per address in PostgreSQL, so every app instance
// sees the same counts. An office behind one NAT address shares the address counter, so that
// one allows ten times as many failures as the account counter. The account is keyed by the
// same normalisation the login uses, so writing a NIP differently does not reset its count.

export type Throttle = {
  /** Minutes left to wait when the account or the address is locked, else 0. */
  lockedFor(login: string, ip: string): Promise<number>;
  fail(login: string, ip: string): Promise<void>;
  /** After a successful login: forget the account's failures (never the address's). */
  clear(login: string): Promise<void>;
};

const ADDRESS_FACTOR = 10;
const accountKey = (login: string) => `acct:${normalizeLogin(login).slice(0, 150)}`;
const addressKey = (ip: string) => `ip:${ip.slice(0, 150)}`;

export function loginThrottle(pool: pg.Pool, maxFailures: number, windowMinutes: number): Throttle {
  return {
    async lockedFor(login, ip) {
      const r = await pool.query<{ wait: number | null }>(
        `SELECT CEIL(EXTRACT(EPOCH FROM (MAX(reset_at) - now())) / 60)::int AS wait
           FROM rate_limit
          WHERE reset_at > now() AND ((key = $1 AND hits >= $3) OR (key = $2 AND hits >= $3 * ${ADDRESS_FACTOR}))`,
        [accountKey(login), addressKey(ip), maxFailures],
      );
      return r.rows[0]?.wait ?? 0;
    },
    async fail(login, ip) {
      await pool.query(
        `INSERT INTO rate_limit (key, hits, reset_at)
           SELECT k, 1, now() + make_interval(mins => $2) FROM unnest($1::text[]) AS k
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN rate_limit.reset_at <= now() THEN 1 ELSE rate_limit.hits + 1 END,
           reset_at = CASE WHEN rate_limit.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limit.reset_at END`,
        [[accountKey(login), addressKey(ip)], windowMinutes],
      );
    },
    async clear(login) {
      await pool.query('DELETE FROM rate_limit WHERE key = $1', [accountKey(login)]);
    },
  };
}
