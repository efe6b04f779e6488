/**
 * Activating a rule set: the draft is marked 'activating' and a job computes its flags for every
 * household; when the job is done, the set becomes active in one transaction (the previous
 * active set retires and its flags go) and lists switch to it at once.
 */
import { DomainError } from '@fupin/domain';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { householdFlags, jobs, ruleSets } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import type { RecomputeResult } from '../recompute';
import { getRuleSet } from '../repository';

export async function startActivation(ctx: CommandContext, input: { id: string; jobId: string }) {
  const { tx, now } = ctx;
  const set = await getRuleSet(tx, input.id);
  if (set.status !== 'draft') throw new DomainError('RULE_SET_NOT_DRAFT');
  await tx
    .update(ruleSets)
    .set({ status: 'activating', updatedAt: now })
    .where(and(eq(ruleSets.townshipId, set.townshipId), eq(ruleSets.id, set.id)));
  await tx.insert(jobs).values({
    townshipId: set.townshipId,
    id: input.jobId,
    kind: 'recompute_flags',
    status: 'running',
    startedBy: ctx.actor.userId,
    startedAt: now,
    detail: { ruleSetId: set.id },
  });
  await ctx.audit.record({
    townshipId: set.townshipId,
    entityType: 'rule_set',
    entityId: set.id,
    action: 'start_activation',
    unitId: set.townshipId,
    after: { jobId: input.jobId },
  });
  return set;
}

export async function finishActivation(ctx: CommandContext, input: { id: string; jobId: string; result: RecomputeResult }) {
  const { tx, now } = ctx;
  const set = await getRuleSet(tx, input.id);
  const t = set.townshipId;
  const retiring = await tx
    .select({ id: ruleSets.id })
    .from(ruleSets)
    .where(and(eq(ruleSets.townshipId, t), eq(ruleSets.status, 'active'), ne(ruleSets.id, set.id)));
  const retired = retiring.map((r) => r.id);
  if (retired.length) {
    await tx
      .update(ruleSets)
      .set({ status: 'retired', updatedAt: now })
      .where(and(eq(ruleSets.townshipId, t), inArray(ruleSets.id, retired)));
    // Retired sets keep their definition (the audit has it); their flags answer no question any more.
    await tx.delete(householdFlags).where(and(eq(householdFlags.townshipId, t), inArray(householdFlags.ruleSetId, retired)));
    // Each retired set's own trail says when and by which set it was replaced.
    await ctx.audit.recordMany(
      retired.map((id) => ({
        townshipId: t,
        entityType: 'rule_set',
        entityId: id,
        action: 'retire',
        unitId: t,
        before: { status: 'active' },
        after: { status: 'retired', replacedBy: set.id },
      })),
    );
  }
  await tx
    .update(ruleSets)
    .set({ status: 'active', activatedAt: now, updatedAt: now })
    .where(and(eq(ruleSets.townshipId, t), eq(ruleSets.id, set.id)));
  await tx
    .update(jobs)
    .set({ status: 'done', finishedAt: now, detail: { ruleSetId: set.id, ...input.result } })
    .where(and(eq(jobs.townshipId, t), eq(jobs.id, input.jobId)));
  await ctx.audit.record({
    townshipId: t,
    entityType: 'rule_set',
    entityId: set.id,
    action: 'activate',
    unitId: t,
    before: { status: 'activating', retired },
    after: { status: 'active', ...input.result },
  });
}

export async function failActivation(ctx: CommandContext, input: { id: string; jobId: string; error: string }) {
  const set = await getRuleSet(ctx.tx, input.id);
  await ctx.tx
    .update(ruleSets)
    .set({ status: 'draft', updatedAt: ctx.now })
    .where(and(eq(ruleSets.townshipId, set.townshipId), eq(ruleSets.id, set.id)));
  await ctx.tx
    .update(jobs)
    .set({ status: 'failed', error: input.error.slice(0, 500), finishedAt: ctx.now })
    .where(and(eq(jobs.townshipId, set.townshipId), eq(jobs.id, input.jobId)));
  await ctx.audit.record({
    townshipId: set.townshipId,
    entityType: 'rule_set',
    entityId: set.id,
    action: 'activation_failed',
    unitId: set.townshipId,
    after: { error: input.error.slice(0, 500) },
  });
}
