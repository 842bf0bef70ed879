import type { Db, Tx } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { hashPassword, verifyPassword } from './password.js';
import { audit } from '../audit/service.js';
import { authenticate } from './authenticate.js';

/** The actor for a login (NIP or username) and password, or null; the throttle is the caller's. */
export const logIn = (db: Db, login: string, password: string): Promise<Actor | null> => authenticate(db.pool, login, password);

/** The audit entry of a successful login. */
export const recordLogin = (db: Db, actor: Actor, ip: string): Promise<void> => audit(db.prisma, actor, { aksi: 'auth.login', entitas: 'user', entitasId: actor.userId, ip });

/**
 * Ends every session of these accounts (the session store's table), except `keepSid`: after a
 * password change or reset, whoever knew the old password is logged out at their next request,
 * not when the cookie expires hours later.
 */
export async function endSessions(tx: Tx, userIds: number[], keepSid: string | null = null): Promise<number> {
  if (userIds.length === 0) return 0;
  return tx.$executeRaw`DELETE FROM "session" WHERE (sess->'passport'->>'user') = ANY(${userIds.map(String)}::text[]) AND sid IS DISTINCT FROM ${keepSid}`;
}

/**
 * Changes the actor's own password after checking the current one. False when it is wrong.
 * The actor's other sessions end; `currentSid` (the one asking, which the route regenerates) stays.
 */
export async function changePassword(db: Db, actor: Actor, current: string, next: string, currentSid: string | null = null): Promise<boolean> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, current))) return false;
  const passwordHash = await hashPassword(next);
  await db.prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, updatedAt: new Date() } });
    await endSessions(tx, [actor.userId], currentSid);
    await audit(tx, actor, { aksi: 'auth.changePassword', entitas: 'user', entitasId: actor.userId });
  });
  return true;
}
