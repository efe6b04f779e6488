/** Removes a household entered by mistake, with its members and pairings (the audit log keeps it all). */
import { and, eq } from 'drizzle-orm';
import { households } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getHousehold, householdAuditDoc } from '../repository';

export async function deleteHousehold(ctx: CommandContext, input: { townshipId: string; id: string }): Promise<void> {
  const { tx } = ctx;
  const before = await getHousehold(tx, input.townshipId, input.id);
  const doc = await householdAuditDoc(tx, input.townshipId, input.id);
  await tx.delete(households).where(and(eq(households.townshipId, input.townshipId), eq(households.id, input.id)));
  await ctx.audit.record({
    townshipId: input.townshipId,
    entityType: 'household',
    entityId: input.id,
    action: 'delete',
    unitId: before.villageId,
    before: doc,
  });
}
