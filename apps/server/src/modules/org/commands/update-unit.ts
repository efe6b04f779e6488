/** Renames a unit, or changes its code or order. */
import type { Unit, UpdateUnitInput } from '@fupin/domain/schemas/org';
import { eq } from 'drizzle-orm';
import { units } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { presentUnit } from '../present';
import { getUnit, tenantOfUnit } from '../repository';
import { checkUnitCode } from './check-unit-code';

export async function updateUnit(ctx: CommandContext, input: { id: string; patch: UpdateUnitInput }): Promise<Unit> {
  const { tx, now } = ctx;
  const before = await getUnit(tx, input.id);
  const { patch } = input;
  if (patch.code !== undefined && patch.code !== before.code) {
    const parent = before.parentId ? await getUnit(tx, before.parentId) : null;
    await checkUnitCode(tx, patch.code, before.kind, parent, before.id);
  }
  const [row] = await tx
    .update(units)
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.code !== undefined ? { code: patch.code } : {}),
      ...(patch.sortOrder !== undefined ? { sortOrder: patch.sortOrder } : {}),
      updatedAt: now,
    })
    .where(eq(units.id, input.id))
    .returning();
  if (!row) throw new Error('update returned nothing');
  const unit = presentUnit(row);
  await ctx.audit.record({
    townshipId: tenantOfUnit(row),
    entityType: 'unit',
    entityId: row.id,
    action: 'update',
    unitId: row.id,
    before: presentUnit(before),
    after: unit,
  });
  return unit;
}
