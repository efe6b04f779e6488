/**
 * What the township office (and a village, for its own) does to problems besides their life
 * cycle: record one by hand, assign it (unit, person, deadline, measures), escalate it from the
 * village to the township.
 */
import { DomainError, type ProblemCategory, type ProblemSource } from '@fupin/domain';
import { and, eq, sql } from 'drizzle-orm';
import { problemEvents, problems } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { uuidv7 } from '../../../lib/ids';
import { notifyProblemAssigned, notifyProblemEscalated } from '../../notifications/notify';
import { getUnit } from '../../org/repository';
import { getProblem, worksInTownship } from '../repository';

export interface NewProblem {
  id: string;
  source: ProblemSource;
  category: ProblemCategory;
  villageId: string | null;
  townshipId: string;
  householdId: string | null;
  siteId: string | null;
  description: string;
  level: 'village' | 'township';
  deadline: string | null;
  responsibleUnitId: string | null;
  responsibleUserId: string | null;
  campaignId: string | null;
  inspectionId?: string | null;
  originKey?: string | null;
}

/** Records a problem (idempotent by its id, or by its origin key when an inspection raised it). */
export async function recordProblem(ctx: CommandContext, p: NewProblem) {
  const { tx, now } = ctx;
  const [existing] = await tx
    .select()
    .from(problems)
    .where(and(eq(problems.townshipId, p.townshipId), eq(problems.id, p.id)));
  if (existing) return existing;
  await assertAnswerable(ctx, p.responsibleUserId, p.townshipId);
  const row = {
    townshipId: p.townshipId,
    id: p.id,
    source: p.source,
    category: p.category,
    villageId: p.villageId,
    householdId: p.householdId,
    siteId: p.siteId,
    description: p.description,
    level: p.level,
    responsibleUnitId: p.responsibleUnitId ?? p.villageId ?? p.townshipId,
    responsibleUserId: p.responsibleUserId,
    deadline: p.deadline,
    status: 'open' as const,
    originKey: p.originKey ?? null,
    campaignId: p.campaignId,
    inspectionId: p.inspectionId ?? null,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  const [inserted] = await tx.insert(problems).values(row).onConflictDoNothing().returning();
  if (!inserted)
    return (
      await tx
        .select()
        .from(problems)
        .where(and(eq(problems.townshipId, p.townshipId), eq(problems.originKey, p.originKey ?? '')))
    )[0];
  await tx.insert(problemEvents).values({
    townshipId: p.townshipId,
    id: uuidv7(now),
    problemId: p.id,
    at: now,
    actorId: ctx.actor.userId,
    action: 'create',
    toStatus: 'open',
  });
  await ctx.audit.record({
    townshipId: p.townshipId,
    entityType: 'problem',
    entityId: p.id,
    action: 'create',
    unitId: p.villageId ?? p.townshipId,
    after: inserted,
  });
  await notifyProblemAssigned(ctx, null, inserted);
  return inserted;
}

/** A responsible person must exist and work in the problem's township. */
async function assertAnswerable(ctx: CommandContext, userId: string | null | undefined, townshipId: string) {
  if (userId && !(await worksInTownship(ctx.tx, userId, townshipId)))
    throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'responsibleUserId', key: 'issue.invalid_option' }]);
}

export async function assignProblem(
  ctx: CommandContext,
  input: {
    id: string;
    responsibleUnitId?: string | null;
    responsibleUserId?: string | null;
    deadline?: string | null;
    measures?: string | null;
  },
) {
  const { tx, now } = ctx;
  const before = await getProblem(tx, input.id);
  if (input.responsibleUnitId) {
    const unit = await getUnit(tx, input.responsibleUnitId);
    if ((unit.townshipId ?? unit.id) !== before.townshipId)
      throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'responsibleUnitId', key: 'issue.invalid_option' }]);
  }
  await assertAnswerable(ctx, input.responsibleUserId, before.townshipId);
  const [after] = await tx
    .update(problems)
    .set({
      ...(input.responsibleUnitId !== undefined ? { responsibleUnitId: input.responsibleUnitId } : {}),
      ...(input.responsibleUserId !== undefined ? { responsibleUserId: input.responsibleUserId } : {}),
      ...(input.deadline !== undefined ? { deadline: input.deadline, overdueAt: null } : {}),
      ...(input.measures !== undefined ? { measures: input.measures } : {}),
      updatedAt: now,
      version: sql`${problems.version} + 1`,
    })
    .where(and(eq(problems.townshipId, before.townshipId), eq(problems.id, before.id)))
    .returning();
  await tx.insert(problemEvents).values({
    townshipId: before.townshipId,
    id: uuidv7(now),
    problemId: before.id,
    at: now,
    actorId: ctx.actor.userId,
    action: 'assign',
    data: input,
  });
  await ctx.audit.record({
    townshipId: before.townshipId,
    entityType: 'problem',
    entityId: before.id,
    action: 'assign',
    unitId: before.villageId ?? before.townshipId,
    before,
    after,
  });
  await notifyProblemAssigned(ctx, before, after);
  return after;
}

/** Moves a village's problem up to the township (by hand, or by the overdue job). */
export async function escalateProblem(ctx: CommandContext, input: { id: string; reason: string; automatic?: boolean }) {
  const { tx, now } = ctx;
  const before = await getProblem(tx, input.id);
  if (before.level === 'township') return before;
  const [after] = await tx
    .update(problems)
    .set({
      level: 'township',
      escalatedAt: now,
      responsibleUnitId: before.townshipId,
      updatedAt: now,
      version: sql`${problems.version} + 1`,
    })
    .where(and(eq(problems.townshipId, before.townshipId), eq(problems.id, before.id)))
    .returning();
  const action = input.automatic ? 'auto_escalate' : 'escalate';
  await tx.insert(problemEvents).values({
    townshipId: before.townshipId,
    id: uuidv7(now),
    problemId: before.id,
    at: now,
    actorId: ctx.actor.userId,
    action,
    note: input.reason,
  });
  await ctx.audit.record({
    townshipId: before.townshipId,
    entityType: 'problem',
    entityId: before.id,
    action,
    unitId: before.villageId ?? before.townshipId,
    before,
    after,
  });
  await notifyProblemEscalated(ctx, after, input);
  return after;
}
