/**
 * Writing notifications inside the transaction of the event that causes them: an order issued,
 * a problem assigned or escalated, a summary sent back. The existing commands call one of the
 * `notify…` functions here with one line, so the event and its notifications commit or roll back
 * together. A dedupe key per person and cause makes a retried event add nothing; a person is not
 * told of what they did themselves.
 */
import type { NoticeParams, NotificationKind, NotificationLink, Role } from '@fupin/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { notifications, type problems, roleAssignments, units, users } from '../../db/schema/index';
import type { CommandContext } from '../../lib/command';
import { uuidv7 } from '../../lib/ids';

export interface Notice {
  townshipId: string;
  userIds: readonly (string | null | undefined)[];
  kind: NotificationKind;
  params: NoticeParams;
  link: NotificationLink | null;
  /** the cause; with the person it makes the notification unique */
  key: string;
}

/** Writes one notification per person (not to the actor, not twice); returns how many were new. */
export async function writeNotices(tx: Tx, now: Date, notice: Notice, actorId: string | null = null): Promise<number> {
  const ids = [...new Set(notice.userIds.filter((id): id is string => Boolean(id) && id !== actorId))];
  if (ids.length === 0) return 0;
  const rows = await tx
    .insert(notifications)
    .values(
      ids.map((userId) => ({
        townshipId: notice.townshipId,
        id: uuidv7(now),
        userId,
        kind: notice.kind,
        params: notice.params,
        link: notice.link,
        dedupeKey: notice.key,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

function write(ctx: CommandContext, notice: Notice) {
  return writeNotices(ctx.tx, ctx.now, notice, ctx.actor.userId);
}

/** The active holders of a role on some units. */
export async function holdersOf(tx: Tx, role: Role, unitIds: readonly string[], sector?: string): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await tx
    .select({ id: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.role, role),
        inArray(roleAssignments.unitId, [...unitIds]),
        sector ? eq(roleAssignments.sector, sector) : undefined,
        sql`${users.disabledAt} is null`,
      ),
    );
  return rows.map((r) => r.id);
}

async function placeName(tx: Tx, villageId: string | null): Promise<string> {
  if (!villageId) return '镇级';
  const [v] = await tx.select({ name: units.name }).from(units).where(eq(units.id, villageId));
  return v?.name ?? '';
}

type ProblemRow = typeof problems.$inferSelect;

/** A problem got a responsible person (recorded with one, or assigned): tell them, unless nothing changed for them. */
export async function notifyProblemAssigned(ctx: CommandContext, before: ProblemRow | null, after: ProblemRow | undefined) {
  if (!after?.responsibleUserId) return;
  if (before && before.responsibleUserId === after.responsibleUserId && before.deadline === after.deadline) return;
  await write(ctx, {
    townshipId: after.townshipId,
    userIds: [after.responsibleUserId],
    kind: 'problem_assigned',
    params: { description: after.description, deadline: after.deadline, place: await placeName(ctx.tx, after.villageId) },
    link: { target: 'problem', id: after.id, query: {} },
    key: `assign:${after.id}:${ctx.now.toISOString()}`,
  });
}

/** A problem moved up to the township: tell the township office, and the sector's leader when it is a sector's. */
export async function notifyProblemEscalated(
  ctx: CommandContext,
  after: ProblemRow | undefined,
  input: { reason: string; automatic?: boolean },
) {
  if (!after) return;
  const sector = ['education', 'medical', 'housing', 'water'].includes(after.category) ? after.category : null;
  const userIds = [
    ...(await holdersOf(ctx.tx, 'township_admin', [after.townshipId])),
    ...(sector ? await holdersOf(ctx.tx, 'sector_leader', [after.townshipId], sector) : []),
  ];
  await write(ctx, {
    townshipId: after.townshipId,
    userIds,
    kind: 'problem_escalated',
    params: {
      description: after.description,
      reason: input.reason,
      automatic: input.automatic ? 1 : 0,
      place: await placeName(ctx.tx, after.villageId),
    },
    link: { target: 'problem', id: after.id, query: {} },
    key: `escalate:${after.id}`,
  });
}

/** A supervision order was issued: tell each person answerable. */
export async function notifyOrderIssued(
  ctx: CommandContext,
  order: {
    townshipId: string;
    id: string;
    number: string;
    title: string;
    deadline: string;
    responsibleUserIds: readonly string[];
  },
  problemCount: number,
) {
  await write(ctx, {
    townshipId: order.townshipId,
    userIds: order.responsibleUserIds,
    kind: 'order_issued',
    params: { number: order.number, title: order.title, deadline: order.deadline, problems: problemCount },
    link: { target: 'order', id: order.id, query: {} },
    key: `order:${order.id}`,
  });
}

/** The township sent a village summary back: tell whoever submitted it and the village's staff. */
export async function notifySummaryReturned(
  ctx: CommandContext,
  s: {
    townshipId: string;
    campaignId: string;
    villageId: string;
    kind: 'visit' | 'inspection';
    reason: string;
    submittedBy: string | null;
  },
) {
  await write(ctx, {
    townshipId: s.townshipId,
    userIds: [s.submittedBy, ...(await holdersOf(ctx.tx, 'village_staff', [s.villageId]))],
    kind: 'summary_returned',
    params: { summary: s.kind, village: await placeName(ctx.tx, s.villageId), reason: s.reason },
    link: {
      target: s.kind === 'visit' ? 'visit_summary' : 'inspection_summary',
      id: null,
      query: { campaignId: s.campaignId, villageId: s.villageId },
    },
    key: `return:${s.kind}:${s.campaignId}:${s.villageId}:${ctx.now.toISOString()}`,
  });
}
