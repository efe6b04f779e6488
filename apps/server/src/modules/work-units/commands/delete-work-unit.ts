/** Deletes a 派出单位 no account names: a cadre's unit is never dropped from under them. */
import { DomainError, term } from '@fupin/domain';
import { eq } from 'drizzle-orm';
import { workUnits } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getWorkUnitRow, workUnitView } from '../repository';

export async function deleteWorkUnit(ctx: CommandContext, input: { id: string }): Promise<void> {
  const { tx } = ctx;
  const before = await workUnitView(tx, await getWorkUnitRow(tx, input.id));
  if (before.cadreCount > 0) throw new DomainError('UNIT_IN_USE', { name: before.name, what: term('what.cadres') });
  await tx.delete(workUnits).where(eq(workUnits.id, before.id));
  await ctx.audit.record({
    townshipId: before.townshipId,
    entityType: 'work_unit',
    entityId: before.id,
    action: 'delete',
    unitId: before.townshipId,
    before,
  });
}
