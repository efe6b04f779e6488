/** The township sets the checklist of a site kind or a sector (附件4), or adds a site kind with its checklist. */
import type { ChecklistItem } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { checklists } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';

export async function saveChecklist(
  ctx: CommandContext,
  input: {
    id: string;
    townshipId: string;
    target: string;
    scope: 'site' | 'sector';
    label: string | null;
    items: ChecklistItem[];
  },
) {
  const { tx, now } = ctx;
  const [before] = await tx
    .select()
    .from(checklists)
    .where(and(eq(checklists.townshipId, input.townshipId), eq(checklists.target, input.target)));
  const values = { scope: input.scope, label: input.label, items: input.items, updatedAt: now };
  const [after] = before
    ? await tx
        .update(checklists)
        .set(values)
        .where(and(eq(checklists.townshipId, input.townshipId), eq(checklists.id, before.id)))
        .returning()
    : await tx
        .insert(checklists)
        .values({ townshipId: input.townshipId, id: input.id, target: input.target, ...values })
        .returning();
  await ctx.audit.record({
    townshipId: input.townshipId,
    entityType: 'checklist',
    entityId: after?.id ?? input.id,
    action: before ? 'update' : 'create',
    unitId: input.townshipId,
    before: before ?? null,
    after,
  });
  return after;
}
