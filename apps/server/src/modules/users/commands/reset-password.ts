/**
 * An administrator sets a new initial password: the account must change it at the next login,
 * its lock is lifted and its sessions end.
 */
import type { User } from '@fupin/domain/schemas/users';
import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { hashPassword } from '../../auth/passwords';
import { tenantOfUnitId } from '../../org/repository';
import { auditViewOfUser, getUserRow, loadUserViews, revokeSessionsOf } from '../repository';
import { assertStrongPassword } from './create-user';

export async function resetPassword(ctx: CommandContext, input: { id: string; password: string }): Promise<User> {
  const { tx, now } = ctx;
  const before = await getUserRow(tx, input.id);
  assertStrongPassword(input.password, before.username, 'password');
  const [row] = await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(input.password),
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
      updatedAt: now,
    })
    .where(eq(users.id, input.id))
    .returning();
  if (!row) throw new Error('update returned nothing');
  const revoked = await revokeSessionsOf(tx, row.id, now);
  await ctx.audit.record({
    townshipId: await tenantOfUnitId(tx, row.homeUnitId),
    entityType: 'user',
    entityId: row.id,
    action: 'reset_password',
    unitId: row.homeUnitId,
    before: auditViewOfUser(before),
    after: { ...auditViewOfUser(row), sessionsRevoked: revoked },
  });
  return (await loadUserViews(tx, [row.id], now))[0] as User;
}
