/**
 * Draws a village's sample again with a new random seed from the households eligible now, while
 * the round is being scored; the old and the new draw and the reason go to the audit log.
 * Sheets of households no longer drawn stay stored but no longer count.
 */
import { DomainError, drawSample, ROUND_STATUS_KEYS, type SampleRecord, term } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { competitionSamples } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { eligibleByVillage, getRound } from '../repository';
import { newSeed } from './create-round';

export async function redrawSample(ctx: CommandContext, input: { roundId: string; villageId: string; reason: string }) {
  const { tx, now } = ctx;
  const round = await getRound(tx, input.roundId);
  if (round.status !== 'scoring')
    throw new DomainError('COMPETITION_WRONG_STATE', { status: term(ROUND_STATUS_KEYS[round.status]) });
  const where = and(
    eq(competitionSamples.townshipId, round.townshipId),
    eq(competitionSamples.roundId, round.id),
    eq(competitionSamples.villageId, input.villageId),
  );
  const [before] = await tx.select().from(competitionSamples).where(where);
  const eligible = await eligibleByVillage(tx, round.townshipId, input.villageId);
  const record = drawSample(eligible.get(input.villageId) ?? [], round.sampleSize, newSeed(round.month));
  if (before) await tx.update(competitionSamples).set({ record, drawnBy: ctx.actor.userId, drawnAt: now }).where(where);
  else
    await tx.insert(competitionSamples).values({
      townshipId: round.townshipId,
      roundId: round.id,
      villageId: input.villageId,
      record,
      drawnBy: ctx.actor.userId,
      drawnAt: now,
    });
  const old = before?.record as SampleRecord | undefined;
  await ctx.audit.record({
    townshipId: round.townshipId,
    entityType: 'competition_sample',
    entityId: round.id,
    action: 'redraw',
    unitId: input.villageId,
    before: old ? { seed: old.seed, sample: old.sample, population: old.population.length } : null,
    after: { seed: record.seed, sample: record.sample, population: record.population.length, reason: input.reason },
  });
  return record;
}
