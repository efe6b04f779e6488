/** Removes a household entered by mistake, with its members and pairings (the audit log keeps it all). */
import { DomainError } from '@fupin/domain';
import { and, eq, sql } from 'drizzle-orm';
import { selectRows } from '../../../db/client';
import { households } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getHousehold, householdAuditDoc } from '../repository';

export async function deleteHousehold(ctx: CommandContext, input: { townshipId: string; id: string }): Promise<void> {
  const { tx } = ctx;
  const before = await getHousehold(tx, input.townshipId, input.id);
  const [used] = await selectRows<{ n: number }>(
    tx,
    sql`select (select count(*) from visits where township_id = ${input.townshipId} and household_id = ${input.id})
             + (select count(*) from problems where township_id = ${input.townshipId} and household_id = ${input.id}) as n`,
  );
  if (Number(used?.n ?? 0) > 0) throw new DomainError('HOUSEHOLD_IN_USE');
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
