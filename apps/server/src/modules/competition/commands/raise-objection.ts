/** An objection to a published ranking, raised during its publicity period (公示期), idempotent by its id. */
import { checkRaiseObjection, DomainError, publicityPeriod, shanghaiDate } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { competitionObjections } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getRound } from '../repository';

export async function raiseObjection(
  ctx: CommandContext,
  input: { id: string; roundId: string; villageId: string; text: string },
) {
  const { tx, now } = ctx;
  const round = await getRound(tx, input.roundId);
  const [same] = await tx
    .select()
    .from(competitionObjections)
    .where(and(eq(competitionObjections.townshipId, round.townshipId), eq(competitionObjections.id, input.id)));
  if (same) {
    if (same.roundId !== input.roundId || same.villageId !== input.villageId || same.text !== input.text)
      throw new DomainError('IDEMPOTENCY_CONFLICT');
    return same;
  }
  const period =
    round.status === 'published' && round.publishedOn ? publicityPeriod(round.publishedOn, round.publicityDays) : null;
  const refusal = checkRaiseObjection(period, shanghaiDate(now));
  if (refusal)
    throw refusal.key === 'competition.not_in_publicity'
      ? new DomainError('COMPETITION_NOT_IN_PUBLICITY')
      : new DomainError('COMPETITION_OUTSIDE_PUBLICITY', refusal.params ?? {});
  const [row] = await tx
    .insert(competitionObjections)
    .values({
      townshipId: round.townshipId,
      id: input.id,
      roundId: round.id,
      villageId: input.villageId,
      text: input.text,
      raisedBy: ctx.actor.userId,
      raisedAt: now,
      status: 'open',
    })
    .returning();
  await ctx.audit.record({
    townshipId: round.townshipId,
    entityType: 'competition_objection',
    entityId: input.id,
    action: 'raise',
    unitId: input.villageId,
    after: row,
  });
  return row!;
}
