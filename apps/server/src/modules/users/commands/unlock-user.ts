/** Lifts the lock that repeated failed logins put on an account. */
import type { User } from '@fupin/domain/schemas/users';
import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { tenantOfUnitId } from '../../org/repository';
import { auditViewOfUser, getUserRow, loadUserViews } from '../repository';

export async function unlockUser(ctx: CommandContext, input: { id: string }): Promise<User> {
  const { tx, now } = ctx;
  const before = await getUserRow(tx, input.id);
  const [row] = await tx
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, updatedAt: now })
    .where(eq(users.id, input.id))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await ctx.audit.record({
    townshipId: await tenantOfUnitId(tx, row.homeUnitId),
    entityType: 'user',
    entityId: row.id,
    action: 'unlock',
    unitId: row.homeUnitId,
    before: auditViewOfUser(before),
    after: auditViewOfUser(row),
  });
  return (await loadUserViews(tx, [row.id], now))[0] as User;
}
