/** A village's sites: added (idempotent by the id the browser made) and archived when closed. */
import { DomainError, term } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { sites } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';

export async function saveSite(
  ctx: CommandContext,
  input: { id: string; townshipId: string; villageId: string; kind: string; name: string },
) {
  const { tx, now } = ctx;
  const [existing] = await tx
    .select()
    .from(sites)
    .where(and(eq(sites.townshipId, input.townshipId), eq(sites.id, input.id)));
  if (existing) return existing;
  const [row] = await tx
    .insert(sites)
    .values({
      townshipId: input.townshipId,
      id: input.id,
      villageId: input.villageId,
      kind: input.kind,
      name: input.name,
      createdAt: now,
    })
    .returning();
  await ctx.audit.record({
    townshipId: input.townshipId,
    entityType: 'site',
    entityId: input.id,
    action: 'create',
    unitId: input.villageId,
    after: row,
  });
  return row as typeof sites.$inferSelect;
}

export async function archiveSite(ctx: CommandContext, input: { id: string }) {
  const { tx, now } = ctx;
  const [before] = await tx.select().from(sites).where(eq(sites.id, input.id));
  if (!before) throw new DomainError('NOT_FOUND', { entity: term('entity.site') });
  if (before.archivedAt) return before;
  const [after] = await tx
    .update(sites)
    .set({ archivedAt: now })
    .where(and(eq(sites.townshipId, before.townshipId), eq(sites.id, before.id)))
    .returning();
  await ctx.audit.record({
    townshipId: before.townshipId,
    entityType: 'site',
    entityId: before.id,
    action: 'archive',
    unitId: before.villageId,
    before,
    after,
  });
  return after as typeof sites.$inferSelect;
}
