/**
 * The flags of the households an import touched, under every live rule set of the township,
 * computed in the commit's transaction as `refreshFlags` would but in bulk: batches read by id
 * (one query each, members included), every live set evaluated on each batch, flags written by
 * COPY. Households the import created have no flags yet; only the ones it changed lose theirs
 * first.
 */

import { sql } from 'drizzle-orm';
import type { PgDialect } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { type RawTx, toCsv } from '../../db/raw';
import { householdsForRules, type RuleHouseholdRow, toRuleHousehold } from '../rules/load-households';
import { evaluatorOf, liveRuleSets } from '../rules/repository';

const BATCH = 5000;
const FLAG_COLUMNS = [
  'township_id',
  'household_id',
  'rule_set_id',
  'rule_id',
  'kind',
  'explanation_zh',
  'explanation_en',
  'values',
  'computed_at',
];

/**
 * Recomputes the flags of the households listed in the temporary table `import_affected`
 * (`created` marks the ones the import inserted). Returns the number of flags written.
 */
export async function flagAffected(tx: Tx, raw: RawTx, dialect: PgDialect, townshipId: string, now: Date): Promise<number> {
  const sets = await liveRuleSets(tx, townshipId);
  if (sets.length === 0) return 0;
  const { rows: affected } = await raw.query<{ id: string; created: boolean }>(
    'select id, created from import_affected order by id',
  );
  const changed = affected.filter((r) => !r.created).map((r) => r.id);
  for (const set of sets)
    for (let i = 0; i < changed.length; i += BATCH)
      await raw.query(
        'delete from household_flags where township_id = $1 and rule_set_id = $2 and household_id in (select unnest($3::uuid[]))',
        [townshipId, set.id, `{${changed.slice(i, i + BATCH).join(',')}}`],
      );
  const evaluators = sets.map((s) => ({ id: s.id, evaluator: evaluatorOf(s) }));
  let written = 0;
  for (let i = 0; i < affected.length; i += BATCH) {
    // Arrays go as a literal: the two drivers bind array parameters differently.
    const ids = `{${affected
      .slice(i, i + BATCH)
      .map((r) => r.id)
      .join(',')}}`;
    // A lookup by key for each id of the batch, however stale the table's statistics.
    const query = dialect.sqlToQuery(
      householdsForRules(sql`h.township_id = ${townshipId} and h.id in (select unnest(${ids}::uuid[]))`),
    );
    const { rows } = await raw.query<RuleHouseholdRow>(query.sql, query.params);
    const lines: unknown[][] = [];
    for (const row of rows) {
      const household = toRuleHousehold(row);
      for (const { id, evaluator } of evaluators)
        for (const f of evaluator.evaluate(household))
          lines.push([
            townshipId,
            row.id,
            id,
            f.ruleId,
            f.kind,
            f.explanation.zh,
            f.explanation.en,
            JSON.stringify(f.values),
            now,
          ]);
    }
    if (lines.length) await raw.copyIn('household_flags', FLAG_COLUMNS, toCsv(lines));
    written += lines.length;
  }
  return written;
}
