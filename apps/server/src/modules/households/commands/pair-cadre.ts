/** Pairs an assistance cadre with a household (结对; false when they already were), or ends the pairing. */
import { DomainError, term } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { pairings } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getUserRow } from '../../users/repository';
import { getHousehold, isCadreOfTownship } from '../repository';

export async function pairCadre(
  ctx: CommandContext,
  input: { townshipId: string; householdId: string; cadreId: string; since: string },
): Promise<boolean> {
  const { tx, now } = ctx;
  const household = await getHousehold(tx, input.townshipId, input.householdId);
  const cadre = await getUserRow(tx, input.cadreId);
  if (!(await isCadreOfTownship(tx, input.townshipId, cadre.id))) {
    throw new DomainError('NOT_A_CADRE', { name: cadre.displayName }, [
      { path: 'cadreId', key: 'NOT_A_CADRE', params: { name: cadre.displayName } },
    ]);
  }
  const inserted = await tx
    .insert(pairings)
    .values({ townshipId: input.townshipId, householdId: household.id, cadreId: cadre.id, since: input.since, createdAt: now })
    .onConflictDoNothing()
    .returning({ cadreId: pairings.cadreId });
  if (inserted.length === 0) return false;
  await ctx.audit.record({
    townshipId: input.townshipId,
    entityType: 'household',
    entityId: household.id,
    action: 'pair',
    unitId: household.villageId,
    after: { cadreId: cadre.id, cadreName: cadre.displayName, since: input.since },
  });
  return true;
}

export async function unpairCadre(
  ctx: CommandContext,
  input: { townshipId: string; householdId: string; cadreId: string },
): Promise<void> {
  const { tx } = ctx;
  const household = await getHousehold(tx, input.townshipId, input.householdId);
  const removed = await tx
    .delete(pairings)
    .where(
      and(eq(pairings.townshipId, input.townshipId), eq(pairings.householdId, household.id), eq(pairings.cadreId, input.cadreId)),
    )
    .returning();
  if (removed.length === 0) throw new DomainError('NOT_FOUND', { entity: term('entity.pairing') });
  const cadre = await getUserRow(tx, input.cadreId);
  await ctx.audit.record({
    townshipId: input.townshipId,
    entityType: 'household',
    entityId: household.id,
    action: 'unpair',
    unitId: household.villageId,
    before: { cadreId: input.cadreId, cadreName: cadre.displayName, since: removed[0]?.since },
  });
}
