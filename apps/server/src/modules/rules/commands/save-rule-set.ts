/**
 * Saves a rule set as a draft: a new version of a year, or an edit of a draft. It is validated
 * first; every problem comes back with its place (rule, field, character position).
 */
import { DomainError, type FieldError, type RuleSetDefinition, validateRuleSet } from '@fupin/domain';
import { and, eq, sql } from 'drizzle-orm';
import { ruleSets } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getRuleSet } from '../repository';

/** The validated definition, or a VALIDATION_FAILED naming every problem. */
export function checkedDefinition(definition: unknown): RuleSetDefinition {
  const result = validateRuleSet(definition);
  if (result.ok) return result.value;
  const fields: FieldError[] = result.problems.map((p) => {
    const params = { ...(p.params ?? {}) };
    // An expression's problem says where it is: 第 N 个字符处.
    if ('at' in params)
      return {
        path: `definition.${p.path}`,
        key: 'rules.at',
        params: { at: params.at as number, message: `i18n:${p.key}`, ...params },
      };
    return { path: `definition.${p.path}`, key: p.key, params };
  });
  throw new DomainError('VALIDATION_FAILED', {}, fields);
}

export async function createRuleSet(
  ctx: CommandContext,
  input: { id: string; townshipId: string; definition: unknown; note: string | null },
) {
  const { tx, now } = ctx;
  const definition = checkedDefinition(input.definition);
  const [existing] = await tx.select().from(ruleSets).where(eq(ruleSets.id, input.id)).limit(1);
  if (existing) return existing;
  const [max] = await tx
    .select({ v: sql<number>`coalesce(max(${ruleSets.version}), 0)::int` })
    .from(ruleSets)
    .where(and(eq(ruleSets.townshipId, input.townshipId), eq(ruleSets.year, definition.year)));
  const row = {
    townshipId: input.townshipId,
    id: input.id,
    year: definition.year,
    version: (max?.v ?? 0) + 1,
    status: 'draft' as const,
    definition,
    note: input.note,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(ruleSets).values(row);
  await ctx.audit.record({
    townshipId: input.townshipId,
    entityType: 'rule_set',
    entityId: input.id,
    action: 'create',
    unitId: input.townshipId,
    after: row,
  });
  return row;
}

export async function updateRuleSet(ctx: CommandContext, input: { id: string; definition: unknown; note: string | null }) {
  const { tx, now } = ctx;
  const before = await getRuleSet(tx, input.id);
  if (before.status !== 'draft') throw new DomainError('RULE_SET_NOT_DRAFT');
  const definition = checkedDefinition(input.definition);
  if (definition.year !== before.year)
    throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'definition.year', key: 'rules.year_fixed' }]);
  const [row] = await tx
    .update(ruleSets)
    .set({ definition, note: input.note, updatedAt: now })
    .where(and(eq(ruleSets.townshipId, before.townshipId), eq(ruleSets.id, before.id)))
    .returning();
  await ctx.audit.record({
    townshipId: before.townshipId,
    entityType: 'rule_set',
    entityId: before.id,
    action: 'update',
    unitId: before.townshipId,
    before,
    after: row,
  });
  return row;
}

export async function deleteRuleSet(ctx: CommandContext, input: { id: string }) {
  const before = await getRuleSet(ctx.tx, input.id);
  if (before.status !== 'draft') throw new DomainError('RULE_SET_NOT_DRAFT');
  await ctx.tx.delete(ruleSets).where(and(eq(ruleSets.townshipId, before.townshipId), eq(ruleSets.id, before.id)));
  await ctx.audit.record({
    townshipId: before.townshipId,
    entityType: 'rule_set',
    entityId: before.id,
    action: 'delete',
    unitId: before.townshipId,
    before,
  });
}
