/** The office answers an objection: upheld (the scores were wrong: withdraw, correct, publish again) or dismissed. */
import { answerObjection as answer, DomainError, type ObjectionOutcome, term } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { competitionObjections } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getRound } from '../repository';

export async function answerObjection(
  ctx: CommandContext,
  input: { roundId: string; objectionId: string; outcome: ObjectionOutcome; answer: string },
) {
  const { tx, now } = ctx;
  const round = await getRound(tx, input.roundId);
  const where = and(eq(competitionObjections.townshipId, round.townshipId), eq(competitionObjections.id, input.objectionId));
  const [before] = await tx.select().from(competitionObjections).where(where);
  if (!before || before.roundId !== round.id)
    throw new DomainError('NOT_FOUND', { entity: term('entity.competition_objection') });
  const result = answer({ status: before.status, outcome: before.outcome }, input.outcome);
  if (!result.ok) throw new DomainError('COMPETITION_OBJECTION_ANSWERED');
  const [after] = await tx
    .update(competitionObjections)
    .set({
      status: result.objection.status,
      outcome: input.outcome,
      answer: input.answer,
      answeredBy: ctx.actor.userId,
      answeredAt: now,
    })
    .where(where)
    .returning();
  await ctx.audit.record({
    townshipId: round.townshipId,
    entityType: 'competition_objection',
    entityId: before.id,
    action: 'answer',
    unitId: before.villageId ?? round.townshipId,
    before,
    after,
  });
  return after!;
}
