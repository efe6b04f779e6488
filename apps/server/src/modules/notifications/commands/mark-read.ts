/**
 * A person marks their own notifications read, one or all. Audited like every write; a
 * notification of someone else is "not found", never "forbidden", so ids reveal nothing.
 */
import { DomainError, term } from '@fupin/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';

export async function markRead(ctx: CommandContext, input: { userId: string; id: string }) {
  const { tx, now } = ctx;
  const [row] = await tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, input.userId), eq(notifications.id, input.id)));
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.notification') });
  if (row.readAt) return row;
  const [after] = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.townshipId, row.townshipId), eq(notifications.id, row.id)))
    .returning();
  await ctx.audit.record({
    townshipId: row.townshipId,
    entityType: 'notification',
    entityId: row.id,
    action: 'read',
    before: { readAt: null },
    after: { readAt: now },
  });
  return after;
}

/** Marks every unread notification of the person read; one audit record per township touched. */
export async function markAllRead(ctx: CommandContext, input: { userId: string }) {
  const { tx, now } = ctx;
  const rows = await tx
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, input.userId), isNull(notifications.readAt)))
    .returning({ townshipId: notifications.townshipId });
  const perTownship = new Map<string, number>();
  for (const r of rows) perTownship.set(r.townshipId, (perTownship.get(r.townshipId) ?? 0) + 1);
  await ctx.audit.recordMany(
    [...perTownship].map(([townshipId, marked]) => ({
      townshipId,
      entityType: 'notification',
      entityId: input.userId,
      action: 'read_all',
      after: { marked, readAt: now },
    })),
  );
  return rows.length;
}

/** The person's unread count (the badge). */
export async function unreadCount(db: CommandContext['tx'] | import('../../../db/client').Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
