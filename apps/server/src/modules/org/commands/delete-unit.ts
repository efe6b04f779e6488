/** Deletes a unit that nothing points at: no child units, households, accounts or roles. */
import { DomainError, term } from '@fupin/domain';
import { eq } from 'drizzle-orm';
import { units } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { presentUnit } from '../present';
import { countChildren, getUnit, tenantOfUnit, whatUsesUnit } from '../repository';

export async function deleteUnit(ctx: CommandContext, input: { id: string }): Promise<void> {
  const { tx } = ctx;
  const unit = await getUnit(tx, input.id);
  const children = await countChildren(tx, unit.id);
  if (children > 0) throw new DomainError('UNIT_HAS_CHILDREN', { name: unit.name, count: children });
  const what = await whatUsesUnit(tx, unit.id);
  if (what) throw new DomainError('UNIT_IN_USE', { name: unit.name, what: term(what) });
  await tx.delete(units).where(eq(units.id, unit.id));
  await ctx.audit.record({
    townshipId: tenantOfUnit(unit),
    entityType: 'unit',
    entityId: unit.id,
    action: 'delete',
    unitId: unit.parentId,
    before: presentUnit(unit),
  });
}
