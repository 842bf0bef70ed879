import type { Db } from '../../db/client.js';
import type { Actor } from '../../domain/access.js';
import { hashPassword, verifyPassword } from './password.js';
import { audit } from '../audit/service.js';
import { authenticate } from './authenticate.js';

/** The actor for a login (NIP or username) and password, or null; the throttle is the caller's. */
export const logIn = (db: Db, login: string, password: string): Promise<Actor | null> => authenticate(db.pool, login, password);

/** The audit entry of a successful login. */
export const recordLogin = (db: Db, actor: Actor, ip: string): Promise<void> => audit(db.prisma, actor, { aksi: 'auth.login', entitas: 'user', entitasId: actor.userId, ip });

/** Changes the actor's own password after checking the current one. False when it is wrong. */
export async function changePassword(db: Db, actor: Actor, current: string, next: string): Promise<boolean> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, current))) return false;
  const passwordHash = await hashPassword(next);
  await db.prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, updatedAt: new Date() } });
    await audit(tx, actor, { aksi: 'auth.passwordChanged', entitas: 'user', entitasId: actor.userId });
  });
  return true;
}
