/**
 * Edits a household and its members as one statement of the whole household. The edit names
 * the version it was based on: if someone changed the household since, it is refused rather
 * than silently overwriting their change.
 */
import { DomainError, type UpdateHouseholdInput } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { households } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { refreshFlags } from '../../rules/refresh-flags';
import { getHousehold, householdAuditDoc } from '../repository';
import { checkHousehold } from './check-household';
import { householdColumns, writeMembers } from './write-household';

export async function updateHousehold(
  ctx: CommandContext,
  input: { townshipId: string; id: string; household: UpdateHouseholdInput; today: string },
): Promise<{ townshipId: string; id: string }> {
  const { tx, now } = ctx;
  const before = await getHousehold(tx, input.townshipId, input.id);
  if (before.version !== input.household.version) throw new DomainError('VERSION_CONFLICT');
  const docBefore = await householdAuditDoc(tx, input.townshipId, input.id);
  const { townshipId } = await checkHousehold(tx, input.household, input.id, input.today);
  if (townshipId !== input.townshipId)
    throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'villageId', key: 'issue.invalid_option' }]);
  await tx
    .update(households)
    .set({ ...householdColumns(input.household), version: before.version + 1, updatedAt: now })
    .where(and(eq(households.townshipId, townshipId), eq(households.id, input.id)));
  await writeMembers(tx, townshipId, input.id, input.household, now, input.today);
  await refreshFlags(tx, townshipId, [input.id], now);
  const after = await getHousehold(tx, townshipId, input.id);
  await ctx.audit.record({
    townshipId,
    entityType: 'household',
    entityId: input.id,
    action: 'update',
    unitId: after.villageId,
    before: docBefore,
    after: await householdAuditDoc(tx, townshipId, input.id),
  });
  return { townshipId, id: input.id };
}
