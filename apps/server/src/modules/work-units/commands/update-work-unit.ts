/** Renames a 派出单位 or records its head; only the fields given change. */
import type { UpdateWorkUnitInput, WorkUnit } from '@fupin/domain/schemas/org';
import { eq } from 'drizzle-orm';
import { workUnits } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { assertWorkUnitNameFree, getWorkUnitRow, workUnitView } from '../repository';

export async function updateWorkUnit(ctx: CommandContext, input: { id: string; patch: UpdateWorkUnitInput }): Promise<WorkUnit> {
  const { tx, now } = ctx;
  const before = await workUnitView(tx, await getWorkUnitRow(tx, input.id));
  const { patch } = input;
  if (patch.name !== undefined) await assertWorkUnitNameFree(tx, before.townshipId, patch.name, before.id);
  const [row] = await tx
    .update(workUnits)
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.headName !== undefined ? { headName: patch.headName } : {}),
      ...(patch.headTitle !== undefined ? { headTitle: patch.headTitle } : {}),
      ...(patch.headPhone !== undefined ? { headPhone: patch.headPhone } : {}),
      ...(patch.sortOrder !== undefined ? { sortOrder: patch.sortOrder } : {}),
      updatedAt: now,
    })
    .where(eq(workUnits.id, input.id))
    .returning();
  if (!row) throw new Error('update returned nothing');
  const after = { ...before, ...(await workUnitView(tx, row)) };
  await ctx.audit.record({
    townshipId: row.townshipId,
    entityType: 'work_unit',
    entityId: row.id,
    action: 'update',
    unitId: row.townshipId,
    before,
    after,
  });
  return after;
}
