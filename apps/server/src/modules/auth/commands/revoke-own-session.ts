/** Ends one of one's own sessions (a phone left behind, a shared computer). */
import { DomainError, term } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { sessions } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { tenantOfUnitId } from '../../org/repository';

export async function revokeOwnSession(
  ctx: CommandContext,
  input: { userId: string; homeUnitId: string; sessionId: string },
): Promise<void> {
  const rows = await ctx.tx
    .update(sessions)
    .set({ revokedAt: ctx.now })
    .where(and(eq(sessions.id, input.sessionId), eq(sessions.userId, input.userId)))
    .returning({ id: sessions.id });
  if (rows.length === 0) throw new DomainError('NOT_FOUND', { entity: term('entity.session') });
  await ctx.audit.record({
    townshipId: await tenantOfUnitId(ctx.tx, input.homeUnitId),
    entityType: 'session',
    entityId: input.userId,
    action: 'revoke_session',
    unitId: input.homeUnitId,
    after: { session: input.sessionId.slice(0, 12) },
  });
}
