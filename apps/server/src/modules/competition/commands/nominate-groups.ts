/** A village nominates its two groups for 看组 (“每个村自报2个小组”) while the round is being scored. */
import { checkNominations, DomainError, ROUND_STATUS_KEYS, term } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { competitionNominations } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getRound, groupsOfVillages } from '../repository';

export async function nominateGroups(ctx: CommandContext, input: { roundId: string; villageId: string; groupIds: string[] }) {
  const { tx, now } = ctx;
  const round = await getRound(tx, input.roundId);
  if (round.status !== 'scoring')
    throw new DomainError('COMPETITION_WRONG_STATE', { status: term(ROUND_STATUS_KEYS[round.status]) });
  const groups = await groupsOfVillages(tx, [input.villageId]);
  const problems = checkNominations(
    input.groupIds,
    groups.map((g) => g.id),
  );
  if (problems.length) throw new DomainError('VALIDATION_FAILED', {}, problems);
  const where = and(
    eq(competitionNominations.townshipId, round.townshipId),
    eq(competitionNominations.roundId, round.id),
    eq(competitionNominations.villageId, input.villageId),
  );
  const [before] = await tx.select().from(competitionNominations).where(where);
  if (before && before.groupIds.join() === input.groupIds.join()) return before;
  const row = {
    townshipId: round.townshipId,
    roundId: round.id,
    villageId: input.villageId,
    groupIds: input.groupIds,
    nominatedBy: ctx.actor.userId,
    nominatedAt: now,
  };
  if (before) await tx.update(competitionNominations).set(row).where(where);
  else await tx.insert(competitionNominations).values(row);
  await ctx.audit.record({
    townshipId: round.townshipId,
    entityType: 'competition_nomination',
    entityId: round.id,
    action: 'nominate',
    unitId: input.villageId,
    before: before ? { groupIds: before.groupIds } : null,
    after: { groupIds: input.groupIds },
  });
  return row;
}
