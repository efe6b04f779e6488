/** Creates a unit under a parent; the kind follows from the parent (township → village → group). */
import { childKindOf, DomainError, term } from '@fupin/domain';
import type { CreateUnitInput, Unit } from '@fupin/domain/schemas/org';
import { eq } from 'drizzle-orm';
import { units } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { presentUnit } from '../present';
import { getUnit, tenantOfUnit } from '../repository';
import { checkUnitCode } from './check-unit-code';

export async function createUnit(ctx: CommandContext, input: CreateUnitInput): Promise<Unit> {
  const { tx, now } = ctx;
  const [existing] = await tx.select().from(units).where(eq(units.id, input.id)).limit(1);
  if (existing) {
    // A retry of the same create answers as the first did; the same id for other data is refused.
    const same = existing.parentId === input.parentId && existing.name === input.name && existing.code === input.code;
    if (!same) throw new DomainError('IDEMPOTENCY_CONFLICT');
    return presentUnit(existing);
  }
  const parent = await getUnit(tx, input.parentId);
  const kind = childKindOf(parent.kind);
  if (!kind) throw new DomainError('UNIT_PARENT_INVALID', { kind: term('kind.group'), parentKind: term(`kind.${parent.kind}`) });
  await checkUnitCode(tx, input.code, kind, parent, input.id);
  const [row] = await tx
    .insert(units)
    .values({
      id: input.id,
      kind,
      parentId: parent.id,
      countyId: parent.countyId,
      townshipId: kind === 'township' ? input.id : parent.townshipId,
      villageId: kind === 'group' ? parent.id : null,
      code: input.code,
      name: input.name,
      sortOrder: input.sortOrder,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  const unit = presentUnit(row);
  await ctx.audit.record({
    townshipId: tenantOfUnit(row),
    entityType: 'unit',
    entityId: row.id,
    action: 'create',
    unitId: row.id,
    after: unit,
  });
  return unit;
}
