/** SQL of rule sets and flags, and the compiled evaluator of each rule set (compiled once). */
import { compileRuleSet, DomainError, type Evaluator, type RuleSetDefinition, term } from '@fupin/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { ruleSets } from '../../db/schema/index';

export type RuleSetRow = typeof ruleSets.$inferSelect;

export async function getRuleSet(db: Db | Tx, id: string): Promise<RuleSetRow> {
  const [row] = await db.select().from(ruleSets).where(eq(ruleSets.id, id)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.rule_set') });
  return row;
}

/** The township of a rule set, for the access check; null when it does not exist. */
export async function townshipOfRuleSet(db: Db | Tx, id: string): Promise<string[] | null> {
  const [row] = await db.select({ townshipId: ruleSets.townshipId }).from(ruleSets).where(eq(ruleSets.id, id)).limit(1);
  return row ? [row.townshipId] : null;
}

/** The township's active rule set (the latest year with one), or null. */
export async function activeRuleSet(db: Db | Tx, townshipId: string): Promise<RuleSetRow | null> {
  const [row] = await db
    .select()
    .from(ruleSets)
    .where(and(eq(ruleSets.townshipId, townshipId), eq(ruleSets.status, 'active')))
    .orderBy(desc(ruleSets.year))
    .limit(1);
  return row ?? null;
}

/** The sets whose flags must follow every change of a household: the active one, and one being activated. */
export async function liveRuleSets(db: Db | Tx, townshipId: string): Promise<RuleSetRow[]> {
  return db
    .select()
    .from(ruleSets)
    .where(and(eq(ruleSets.townshipId, townshipId), inArray(ruleSets.status, ['active', 'activating'])));
}

const compiled = new Map<string, { stamp: number; evaluator: Evaluator }>();

/** The evaluator of a rule set, compiled once per version of its definition. */
export function evaluatorOf(row: Pick<RuleSetRow, 'id' | 'definition' | 'updatedAt'>): Evaluator {
  const stamp = row.updatedAt.getTime();
  const cached = compiled.get(row.id);
  if (cached && cached.stamp === stamp) return cached.evaluator;
  const evaluator = compileRuleSet(row.definition as RuleSetDefinition);
  compiled.set(row.id, { stamp, evaluator });
  return evaluator;
}

/**
 * The evaluator of a rule set known by id and version only: compiled rules come from the cache
 * when that version was compiled before, and the definition is read only when it was not.
 */
export async function evaluatorOfVersion(db: Db | Tx, id: string, updatedAt: Date): Promise<Evaluator> {
  const cached = compiled.get(id);
  if (cached && cached.stamp === updatedAt.getTime()) return cached.evaluator;
  return evaluatorOf(await getRuleSet(db, id));
}
