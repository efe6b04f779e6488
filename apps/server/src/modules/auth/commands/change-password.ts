/**
 * A person changes their own password (required at first login for accounts an administrator
 * created). Their other sessions end; the current one stays.
 */
import { DomainError, term } from '@fupin/domain';
import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { tenantOfUnitId } from '../../org/repository';
import { assertStrongPassword } from '../../users/commands/create-user';
import { getUserRow, revokeSessionsOf } from '../../users/repository';
import { hashPassword, verifyPassword } from '../passwords';

export async function changePassword(
  ctx: CommandContext,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
): Promise<void> {
  const { tx, now } = ctx;
  const user = await getUserRow(tx, input.userId);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError('PASSWORD_WRONG', {}, [{ path: 'currentPassword', key: 'PASSWORD_WRONG' }]);
  }
  assertStrongPassword(input.newPassword, user.username, 'newPassword');
  if (input.newPassword === input.currentPassword) {
    throw new DomainError('PASSWORD_WEAK', { reason: term('password.same_as_old') }, [
      { path: 'newPassword', key: 'password.same_as_old' },
    ]);
  }
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, updatedAt: now })
    .where(eq(users.id, user.id));
  const revoked = await revokeSessionsOf(tx, user.id, now, input.sessionId);
  await ctx.audit.record({
    townshipId: await tenantOfUnitId(tx, user.homeUnitId),
    entityType: 'user',
    entityId: user.id,
    action: 'change_password',
    unitId: user.homeUnitId,
    before: { mustChangePassword: user.mustChangePassword },
    after: { mustChangePassword: false, otherSessionsRevoked: revoked },
  });
}
