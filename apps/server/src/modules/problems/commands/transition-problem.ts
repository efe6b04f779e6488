/** Moves a problem along its life (start, submit, verify, send back, reopen), recorded and audited. */
import { DomainError, type Grant, type ProblemAction, type ProblemStatus, term, transition } from '@fupin/domain';
import { and, eq, sql } from 'drizzle-orm';
import { problemEvents, problems } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { uuidv7 } from '../../../lib/ids';
import { evidenceCount, getProblem, permissionsOver } from '../repository';

export interface TransitionInput {
  id: string;
  action: ProblemAction;
  note: string | null;
  /** 整改措施 written with a submission */
  measures?: string | null;
  grants: readonly Grant[];
}

const REFUSAL = {
  wrong_state: 'PROBLEM_WRONG_STATE',
  no_permission: 'FORBIDDEN',
  needs_evidence: 'PROBLEM_NEEDS_EVIDENCE',
  needs_note: 'PROBLEM_NEEDS_NOTE',
  same_person: 'PROBLEM_SAME_PERSON',
} as const;

export async function transitionProblem(ctx: CommandContext, input: TransitionInput) {
  const { tx, now } = ctx;
  const before = await getProblem(tx, input.id);
  const actorId = ctx.actor.userId as string;
  const permissions = await permissionsOver(tx, input.grants, actorId, before, [
    'problem.rectify',
    'problem.verify',
    'inspection.crosscheck',
  ]);
  const result = transition({
    action: input.action,
    status: before.status as ProblemStatus,
    permissions,
    actorId,
    submittedBy: before.submittedBy,
    evidenceCount: input.action === 'submit' ? await evidenceCount(tx, before.townshipId, before.id) : 0,
    note: input.note,
  });
  if (!result.ok) throw new DomainError(REFUSAL[result.reason], { status: term(`problem.status.${before.status}`) });
  const changes: Partial<typeof problems.$inferInsert> = { status: result.to, updatedAt: now };
  if (input.action === 'submit')
    Object.assign(changes, { submittedBy: actorId, submittedAt: now, ...(input.measures ? { measures: input.measures } : {}) });
  if (input.action === 'verify') Object.assign(changes, { closedAt: now, closedBy: actorId });
  if (input.action === 'reopen') Object.assign(changes, { closedAt: null, closedBy: null, submittedBy: null, submittedAt: null });
  const [after] = await tx
    .update(problems)
    .set({
      ...changes,
      version: sql`${problems.version} + 1`,
      ...(input.action === 'reopen' ? { reopenedCount: sql`${problems.reopenedCount} + 1` } : {}),
    })
    .where(and(eq(problems.townshipId, before.townshipId), eq(problems.id, before.id)))
    .returning();
  await tx.insert(problemEvents).values({
    townshipId: before.townshipId,
    id: uuidv7(now),
    problemId: before.id,
    at: now,
    actorId,
    action: input.action,
    fromStatus: before.status,
    toStatus: result.to,
    note: input.note,
  });
  await ctx.audit.record({
    townshipId: before.townshipId,
    entityType: 'problem',
    entityId: before.id,
    action: input.action,
    unitId: before.villageId ?? before.townshipId,
    before,
    after,
  });
  return after;
}
