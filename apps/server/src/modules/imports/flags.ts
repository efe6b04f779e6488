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
import { CsvLines, csvField, type RawTx } from '../../db/raw';
import { householdsForRules, type RuleHouseholdRow, toRuleHousehold } from '../rules/load-households';
import { FLAG_COLUMNS, flagCsvFields } from '../rules/refresh-flags';
import { evaluatorOf, liveRuleSets } from '../rules/repository';

const BATCH = 5000;
/**
 * Households read and evaluated at a time. PGlite's results arrive whole and synchronously:
 * 5,000 households' rows (members included) are more than the young generation holds, so each
 * batch went straight to the old generation and the heap grew by ~150 MB before a full
 * collection; 1,000 die young. A server keeps 5,000, read while the last batch is evaluated.
 */
export const householdsPerFlagBatch = (engine: 'pg' | 'pglite') => (engine === 'pg' ? BATCH : 1000);

/**
 * A statement sent ahead and awaited later: marked as handled now, so that its failure (which
 * fails the transaction, and is thrown where it is awaited) is not also an unhandled rejection.
 */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

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
  const evaluators = sets.map((s) => ({ id: csvField(s.id), evaluator: evaluatorOf(s) }));
  const prefix = `${csvField(townshipId)},`;
  const suffix = `,${csvField(now)}`;
  // On a server the next batch is read, and the last one's flags copied, while this one is
  // evaluated here: the database and Node work side by side (the connection queues the
  // statements in order). PGlite runs in this thread, so there each statement is awaited in turn.
  const overlap = raw.engine === 'pg';
  const step = householdsPerFlagBatch(raw.engine);
  const read = (from: number) => {
    // Arrays go as a literal: the two drivers bind array parameters differently.
    const ids = `{${affected
      .slice(from, from + step)
      .map((r) => r.id)
      .join(',')}}`;
    // A lookup by key for each id of the batch, however stale the table's statistics; the members'
    // partition named by the township, not found again for each household.
    const query = dialect.sqlToQuery(
      householdsForRules(
        sql`h.township_id = ${townshipId} and h.id in (select unnest(${ids}::uuid[]))`,
        undefined,
        sql`${townshipId}::uuid`,
      ),
    );
    return settled(raw.query<RuleHouseholdRow>(query.sql, query.params));
  };
  let written = 0;
  let next: ReturnType<typeof read> | null = null;
  let copying: Promise<unknown> | null = null;
  for (let i = 0; i < affected.length; i += step) {
    const { rows } = await (next ?? read(i));
    next = overlap && i + step < affected.length ? read(i + step) : null;
    // Lines written as text, the fields that are the same on every line encoded once: a list of
    // arrays per flag, encoded field by field, cost more than the rules themselves.
    const lines = new CsvLines();
    for (const row of rows) {
      const household = toRuleHousehold(row);
      const head = `${prefix}${csvField(row.id)},`;
      for (const { id, evaluator } of evaluators)
        for (const f of evaluator.evaluate(household)) lines.push(`${head}${id},${flagCsvFields(f)}${suffix}`);
    }
    if (copying) await copying;
    copying = lines.length
      ? settled(raw.copyIn('household_flags', FLAG_COLUMNS, lines.chunks()).then(() => lines.release()))
      : null;
    if (!overlap && copying) await copying;
    written += lines.length;
  }
  if (copying) await copying;
  return written;
}
