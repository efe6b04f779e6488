/** Ends the current session. */
import { eq } from 'drizzle-orm';
import { sessions } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { tenantOfUnitId } from '../../org/repository';

export async function logOut(
  ctx: CommandContext,
  input: { sessionId: string; userId: string; homeUnitId: string },
): Promise<void> {
  await ctx.tx.update(sessions).set({ revokedAt: ctx.now }).where(eq(sessions.id, input.sessionId));
  await ctx.audit.record({
    townshipId: await tenantOfUnitId(ctx.tx, input.homeUnitId),
    entityType: 'session',
    entityId: input.userId,
    action: 'logout',
    unitId: input.homeUnitId,
  });
}
