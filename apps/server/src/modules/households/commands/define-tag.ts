/** Adds a tag of the township's own (档外重点户 and the like) beside 边缘户 and 重点户. */
import { DomainError, HOUSEHOLD_TAGS } from '@fupin/domain';
import { householdTags } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';

export async function defineTag(
  ctx: CommandContext,
  input: { townshipId: string; code: string; labelZh: string; labelEn: string },
) {
  if ((HOUSEHOLD_TAGS.codes as string[]).includes(input.code)) throw new DomainError('DUPLICATE');
  const row = { ...input, createdAt: ctx.now };
  const inserted = await ctx.tx.insert(householdTags).values(row).onConflictDoNothing().returning();
  if (inserted.length === 0) throw new DomainError('DUPLICATE');
  await ctx.audit.record({
    townshipId: input.townshipId,
    entityType: 'household_tag',
    entityId: input.code,
    action: 'create',
    unitId: input.townshipId,
    after: row,
  });
  return row;
}
