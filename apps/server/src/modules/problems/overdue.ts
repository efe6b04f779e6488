/**
 * The overdue check, run by the scheduler and at start: marks problems and supervision orders
 * the first time their deadline is found passed, and moves a village's unfixed problems up to
 * the township once the village's deadline has gone by. Every mark is audited.
 */
import { isOverdue, type ProblemStatus, shanghaiDate, shouldEscalate } from '@fupin/domain';
import { and, eq, isNull, lt, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { problems, supervisionOrders } from '../../db/schema/index';
import type { Clock } from '../../lib/clock';
import { runCommand, SYSTEM_ACTOR } from '../../lib/command';
import { escalateProblem } from './commands/manage-problem';

/** Runs the check over every township, or one when the office asks for it now. */
export async function runOverdueCheck(database: Database, clock: Clock, townshipId?: string) {
  const now = clock.now();
  const today = shanghaiDate(now);
  return runCommand(
    database,
    clock,
    SYSTEM_ACTOR,
    async (ctx) => {
      const late = await ctx.tx
        .select()
        .from(problems)
        .where(
          and(
            lt(problems.deadline, today),
            notInArray(problems.status, ['closed', 'submitted']),
            townshipId ? eq(problems.townshipId, townshipId) : undefined,
          ),
        );
      let escalated = 0;
      let marked = 0;
      for (const p of late) {
        const facts = { level: p.level, status: p.status as ProblemStatus, deadline: p.deadline };
        if (shouldEscalate(facts, today)) {
          await escalateProblem(ctx, { id: p.id, reason: `村级整改时限 ${p.deadline} 已过，自动上报镇级`, automatic: true });
          escalated++;
        }
        if (isOverdue(facts, today) && !p.overdueAt) {
          await ctx.tx
            .update(problems)
            .set({ overdueAt: now })
            .where(and(eq(problems.townshipId, p.townshipId), eq(problems.id, p.id)));
          await ctx.audit.record({
            townshipId: p.townshipId,
            entityType: 'problem',
            entityId: p.id,
            action: 'mark_overdue',
            unitId: p.villageId ?? p.townshipId,
            after: { deadline: p.deadline, overdueAt: now },
          });
          marked++;
        }
      }
      const orders = await ctx.tx
        .select()
        .from(supervisionOrders)
        .where(
          and(
            lt(supervisionOrders.deadline, today),
            isNull(supervisionOrders.overdueAt),
            townshipId ? eq(supervisionOrders.townshipId, townshipId) : undefined,
            sql`exists (select 1 from order_problems op join problems p on p.township_id = op.township_id and p.id = op.problem_id
                      where op.township_id = ${supervisionOrders.townshipId} and op.order_id = ${supervisionOrders.id} and p.status <> 'closed')`,
          ),
        );
      for (const o of orders) {
        await ctx.tx
          .update(supervisionOrders)
          .set({ overdueAt: now })
          .where(and(eq(supervisionOrders.townshipId, o.townshipId), eq(supervisionOrders.id, o.id)));
        await ctx.audit.record({
          townshipId: o.townshipId,
          entityType: 'order',
          entityId: o.id,
          action: 'mark_overdue',
          unitId: o.townshipId,
          after: { deadline: o.deadline, overdueAt: now },
        });
      }
      return { escalated, markedProblems: marked, markedOrders: orders.length };
    },
    null,
  );
}
