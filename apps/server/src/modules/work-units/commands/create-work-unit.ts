/** Adds a 派出单位 to a township's list, with its head. */
import { DomainError, fieldError } from '@fupin/domain';
import type { CreateWorkUnitInput, WorkUnit } from '@fupin/domain/schemas/org';
import { eq } from 'drizzle-orm';
import { workUnits } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getUnit } from '../../org/repository';
import { assertWorkUnitNameFree, presentWorkUnit, workUnitView } from '../repository';

export async function createWorkUnit(ctx: CommandContext, input: CreateWorkUnitInput): Promise<WorkUnit> {
  const { tx, now } = ctx;
  const [existing] = await tx.select().from(workUnits).where(eq(workUnits.id, input.id)).limit(1);
  if (existing) {
    // A retry of the same create answers as the first did; the same id for other data is refused.
    if (existing.townshipId !== input.townshipId || existing.name !== input.name) throw new DomainError('IDEMPOTENCY_CONFLICT');
    return workUnitView(tx, existing);
  }
  const township = await getUnit(tx, input.townshipId);
  if (township.kind !== 'township') throw fieldError('townshipId', 'issue.township_required');
  await assertWorkUnitNameFree(tx, township.id, input.name, input.id);
  const [row] = await tx
    .insert(workUnits)
    .values({
      id: input.id,
      townshipId: township.id,
      name: input.name,
      headName: input.headName,
      headTitle: input.headTitle,
      headPhone: input.headPhone,
      sortOrder: input.sortOrder,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  const view = presentWorkUnit(row, 0);
  await ctx.audit.record({
    townshipId: row.townshipId,
    entityType: 'work_unit',
    entityId: row.id,
    action: 'create',
    unitId: row.townshipId,
    after: view,
  });
  return view;
}
