/** Registers a household with its members. */
import { type CreateHouseholdInput, DomainError } from '@fupin/domain';
import { households } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { refreshFlags } from '../../rules/refresh-flags';
import { findHousehold, householdAuditDoc } from '../repository';
import { checkHousehold } from './check-household';
import { householdColumns, writeMembers } from './write-household';

export async function createHousehold(
  ctx: CommandContext,
  input: { household: CreateHouseholdInput; today: string },
): Promise<{ townshipId: string; id: string }> {
  const { tx, now } = ctx;
  const h = input.household;
  const existing = await findHousehold(tx, h.id);
  if (existing) {
    // A retry answers as the first request did; the same id for another household is refused.
    if (existing.villageId !== h.villageId || existing.householdNumber !== h.householdNumber)
      throw new DomainError('IDEMPOTENCY_CONFLICT');
    return { townshipId: existing.townshipId, id: existing.id };
  }
  const { townshipId } = await checkHousehold(tx, h, h.id, input.today);
  await tx
    .insert(households)
    .values({ ...householdColumns(h), townshipId, id: h.id, version: 1, createdAt: now, updatedAt: now });
  await writeMembers(tx, townshipId, h.id, h, now, input.today);
  await refreshFlags(tx, townshipId, [h.id], now);
  await ctx.audit.record({
    townshipId,
    entityType: 'household',
    entityId: h.id,
    action: 'create',
    unitId: h.villageId,
    after: await householdAuditDoc(tx, townshipId, h.id),
  });
  return { townshipId, id: h.id };
}
