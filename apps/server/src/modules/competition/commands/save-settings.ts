/** The township's competition settings: the rubric (附件7/8/9), prizes, sample size, publicity days and the year's weight. */
import { DomainError, type Prizes, type Rubric } from '@fupin/domain';
import { sql } from 'drizzle-orm';
import { competitionSettings } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { settingsOf } from '../repository';

export interface SettingsInput {
  townshipId: string;
  /** already checked by validateRubric */
  rubric: Rubric;
  prizes: Prizes;
  sampleSize: number;
  publicityDays: number;
  competitionWeight: number;
  /** the version the editor started from: a save over someone else's is refused */
  version?: number | undefined;
}

export async function saveSettings(ctx: CommandContext, input: SettingsInput) {
  const { tx, now } = ctx;
  const before = await settingsOf(tx, input.townshipId);
  if (input.version !== undefined && input.version !== before.version) throw new DomainError('VERSION_CONFLICT');
  const values = {
    rubric: input.rubric,
    prizes: input.prizes,
    sampleSize: input.sampleSize,
    publicityDays: input.publicityDays,
    weight: input.competitionWeight,
    updatedAt: now,
  };
  await tx
    .insert(competitionSettings)
    .values({ townshipId: input.townshipId, ...values, version: 1 })
    .onConflictDoUpdate({
      target: competitionSettings.townshipId,
      set: { ...values, version: sql`${competitionSettings.version} + 1` },
    });
  const after = await settingsOf(tx, input.townshipId);
  await ctx.audit.record({
    townshipId: input.townshipId,
    entityType: 'competition_settings',
    entityId: input.townshipId,
    action: 'save',
    unitId: input.townshipId,
    before: before.saved ? before : null,
    after,
  });
  return after;
}
