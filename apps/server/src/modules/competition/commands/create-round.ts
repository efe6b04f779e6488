/**
 * Starts a month's round: the township's settings are frozen into it (a later change of the
 * rubric does not move a round under way) and every village's 看户 sample is drawn from its
 * eligible households with a fresh random seed, recorded with the method and the population so
 * anyone can redraw it.
 */
import { randomBytes } from 'node:crypto';
import { DomainError, drawSample } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { competitionRounds, competitionSamples } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { eligibleByVillage, settingsOf, villagesOf } from '../repository';

/** A seed nobody chose: the month and random hex (recorded, so the draw can be repeated). */
export function newSeed(month: string): string {
  return `${month}-${randomBytes(6).toString('hex')}`;
}

export async function createRound(ctx: CommandContext, input: { id: string; townshipId: string; month: string }) {
  const { tx, now } = ctx;
  const [same] = await tx.select().from(competitionRounds).where(eq(competitionRounds.id, input.id));
  if (same) {
    if (same.townshipId !== input.townshipId || same.month !== input.month) throw new DomainError('IDEMPOTENCY_CONFLICT');
    return { round: same, created: false };
  }
  const [other] = await tx
    .select({ id: competitionRounds.id })
    .from(competitionRounds)
    .where(and(eq(competitionRounds.townshipId, input.townshipId), eq(competitionRounds.month, input.month)));
  if (other) throw new DomainError('COMPETITION_ROUND_EXISTS', { month: input.month });
  const settings = await settingsOf(tx, input.townshipId);
  const [round] = await tx
    .insert(competitionRounds)
    .values({
      townshipId: input.townshipId,
      id: input.id,
      month: input.month,
      status: 'scoring',
      rubric: settings.rubric,
      prizes: settings.prizes,
      sampleSize: settings.sampleSize,
      publicityDays: settings.publicityDays,
      createdBy: ctx.actor.userId,
      createdAt: now,
    })
    .returning();
  const villages = await villagesOf(tx, input.townshipId);
  const eligible = await eligibleByVillage(tx, input.townshipId);
  const samples = villages.map((v) => ({
    townshipId: input.townshipId,
    roundId: input.id,
    villageId: v.id,
    record: drawSample(eligible.get(v.id) ?? [], settings.sampleSize, newSeed(input.month)),
    drawnBy: ctx.actor.userId,
    drawnAt: now,
  }));
  if (samples.length) await tx.insert(competitionSamples).values(samples);
  await ctx.audit.record({
    townshipId: input.townshipId,
    entityType: 'competition_round',
    entityId: input.id,
    action: 'create',
    unitId: input.townshipId,
    after: round,
  });
  await ctx.audit.recordMany(
    samples.map((s) => ({
      townshipId: input.townshipId,
      entityType: 'competition_sample',
      entityId: input.id,
      action: 'draw',
      unitId: s.villageId,
      after: s.record,
    })),
  );
  return { round: round!, created: true };
}
