/** Ends every session of an account, e.g. for a lost phone. */
import type { CommandContext } from '../../../lib/command';
import { tenantOfUnitId } from '../../org/repository';
import { getUserRow, revokeSessionsOf } from '../repository';

export async function revokeUserSessions(ctx: CommandContext, input: { id: string }): Promise<{ revoked: number }> {
  const { tx, now } = ctx;
  const user = await getUserRow(tx, input.id);
  const revoked = await revokeSessionsOf(tx, user.id, now);
  await ctx.audit.record({
    townshipId: await tenantOfUnitId(tx, user.homeUnitId),
    entityType: 'user',
    entityId: user.id,
    action: 'revoke_sessions',
    unitId: user.homeUnitId,
    after: { sessionsRevoked: revoked },
  });
  return { revoked };
}
