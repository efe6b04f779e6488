/** Supervision orders (督办整改单): the township issues one for a set of problems, a deadline, the persons answerable. */
import { DomainError, orderNumber } from '@fupin/domain';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { orderProblems, problemEvents, problems, supervisionOrders } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { uuidv7 } from '../../../lib/ids';
import { notifyOrderIssued } from '../../notifications/notify';

export async function issueOrder(
  ctx: CommandContext,
  input: {
    id: string;
    townshipId: string;
    title: string;
    deadline: string;
    responsibleUserIds: string[];
    problemIds: string[];
    note: string | null;
  },
) {
  const { tx, now } = ctx;
  const [existing] = await tx
    .select()
    .from(supervisionOrders)
    .where(and(eq(supervisionOrders.townshipId, input.townshipId), eq(supervisionOrders.id, input.id)));
  if (existing) return existing;
  const found = await tx
    .select({ id: problems.id, status: problems.status, villageId: problems.villageId, deadline: problems.deadline })
    .from(problems)
    .where(and(eq(problems.townshipId, input.townshipId), inArray(problems.id, input.problemIds)));
  if (found.length !== new Set(input.problemIds).size)
    throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'problemIds', key: 'issue.invalid_option' }]);
  if (found.some((p) => p.status === 'closed'))
    throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'problemIds', key: 'order.closed_problem' }]);
  const year = input.deadline.slice(0, 4);
  const [n] = await tx
    .select({ n: count() })
    .from(supervisionOrders)
    .where(and(eq(supervisionOrders.townshipId, input.townshipId), sql`${supervisionOrders.number} like ${`督办〔${year}〕%`}`));
  const row = {
    townshipId: input.townshipId,
    id: input.id,
    number: orderNumber(year, (n?.n ?? 0) + 1),
    title: input.title,
    deadline: input.deadline,
    responsibleUserIds: input.responsibleUserIds,
    note: input.note,
    issuedBy: ctx.actor.userId as string,
    issuedAt: now,
  };
  await tx.insert(supervisionOrders).values(row);
  await tx
    .insert(orderProblems)
    .values(input.problemIds.map((problemId) => ({ townshipId: input.townshipId, orderId: input.id, problemId })));
  // The order's deadline binds its problems: each takes the earlier of its own and the order's.
  await tx
    .update(problems)
    .set({
      deadline: sql`least(coalesce(${problems.deadline}, ${input.deadline}::date), ${input.deadline}::date)`,
      updatedAt: now,
    })
    .where(and(eq(problems.townshipId, input.townshipId), inArray(problems.id, input.problemIds)));
  await tx.insert(problemEvents).values(
    input.problemIds.map((problemId) => ({
      townshipId: input.townshipId,
      id: uuidv7(now),
      problemId,
      at: now,
      actorId: ctx.actor.userId,
      action: 'ordered',
      note: row.number,
    })),
  );
  await ctx.audit.record({
    townshipId: input.townshipId,
    entityType: 'order',
    entityId: input.id,
    action: 'issue',
    unitId: input.townshipId,
    after: { ...row, problemIds: input.problemIds },
  });
  // Each problem's own trail shows it came under the order (and the deadline it now has).
  await ctx.audit.recordMany(
    found.map((p) => ({
      townshipId: input.townshipId,
      entityType: 'problem',
      entityId: p.id,
      action: 'ordered',
      unitId: p.villageId ?? input.townshipId,
      before: { deadline: p.deadline },
      after: {
        orderId: input.id,
        number: row.number,
        deadline: p.deadline && p.deadline < input.deadline ? p.deadline : input.deadline,
      },
    })),
  );
  await notifyOrderIssued(ctx, row, input.problemIds.length);
  return row;
}
