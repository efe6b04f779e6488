/**
 * Keeps stored flags true: after a household changes (form, import, visit), its flags under the
 * live rule sets are recomputed in the same transaction as the change.
 */
import type { Flag } from '@fupin/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { selectRows, type Tx } from '../../db/client';
import { csvField } from '../../db/raw';
import { householdFlags } from '../../db/schema/index';
import { householdsForRules, type RuleHouseholdRow, toRuleHousehold } from './load-households';
import { evaluatorOf, liveRuleSets } from './repository';

const BATCH = 2000;

/** The columns of household_flags, in the order bulk writers (COPY) give them. */
export const FLAG_COLUMNS = [
  'township_id',
  'household_id',
  'rule_set_id',
  'rule_id',
  'kind',
  'explanation_zh',
  'explanation_en',
  'values',
  'computed_at',
] as const;

/** What a fired flag says, as CSV fields: its rule, kind, both explanations and its values. */
export function flagCsvFields(f: Flag): string {
  return `${csvField(f.ruleId)},${csvField(f.kind)},${csvField(f.explanation.zh)},${csvField(f.explanation.en)},${csvField(JSON.stringify(f.values))}`;
}

/** One stored flag, as a row of household_flags. */
export function flagRow(townshipId: string, householdId: string, ruleSetId: string, f: Flag, now: Date) {
  return {
    townshipId,
    householdId,
    ruleSetId,
    ruleId: f.ruleId,
    kind: f.kind,
    explanationZh: f.explanation.zh,
    explanationEn: f.explanation.en,
    values: f.values,
    computedAt: now,
  };
}

/** Recomputes the flags of some households under every live rule set of their township. */
export async function refreshFlags(tx: Tx, townshipId: string, householdIds: readonly string[], now: Date): Promise<number> {
  if (householdIds.length === 0) return 0;
  const sets = await liveRuleSets(tx, townshipId);
  if (sets.length === 0) return 0;
  let written = 0;
  for (let i = 0; i < householdIds.length; i += BATCH) {
    const ids = householdIds.slice(i, i + BATCH);
    const rows = await selectRows<RuleHouseholdRow>(
      tx,
      householdsForRules(
        sql`h.township_id = ${townshipId} and h.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      ),
    );
    const households = rows.map(toRuleHousehold);
    for (const set of sets) {
      const evaluator = evaluatorOf(set);
      await tx
        .delete(householdFlags)
        .where(
          and(
            eq(householdFlags.townshipId, townshipId),
            eq(householdFlags.ruleSetId, set.id),
            inArray(householdFlags.householdId, ids),
          ),
        );
      const flags = households.flatMap((h) => evaluator.evaluate(h).map((f) => flagRow(townshipId, h.id, set.id, f, now)));
      for (let j = 0; j < flags.length; j += 5000) await insertFlags(tx, flags.slice(j, j + 5000));
      written += flags.length;
    }
  }
  return written;
}

/**
 * Writes flag rows in one statement per batch: the rows travel as one JSON parameter, which
 * is far cheaper than thousands of bound values when an import touches 100,000 households.
 */
async function insertFlags(tx: Tx, rows: ReturnType<typeof flagRow>[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      township_id: r.townshipId,
      household_id: r.householdId,
      rule_set_id: r.ruleSetId,
      rule_id: r.ruleId,
      kind: r.kind,
      explanation_zh: r.explanationZh,
      explanation_en: r.explanationEn,
      values: r.values,
      computed_at: r.computedAt.toISOString(),
    })),
  );
  await tx.execute(sql`insert into household_flags (township_id, household_id, rule_set_id, rule_id, kind, explanation_zh, explanation_en, values, computed_at)
    select township_id, household_id, rule_set_id, rule_id, kind, explanation_zh, explanation_en, values, computed_at
    from jsonb_to_recordset(${json}::jsonb) as x(township_id uuid, household_id uuid, rule_set_id uuid, rule_id text, kind text,
      explanation_zh text, explanation_en text, values jsonb, computed_at timestamptz)`);
}
