/**
 * Computes one rule set's flags for every household of its township, in batches: read a batch
 * (one query), evaluate it, write its flags by COPY. Each batch is its own transaction — the set
 * is not visible in lists until every batch is done, so a partial state is never shown — and
 * progress is recorded between batches for the page that waits.
 */
import { and, eq, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { type Database, selectRows } from '../../db/client';
import { rawTransaction, toCsv } from '../../db/raw';
import { jobs } from '../../db/schema/index';
import type { Clock } from '../../lib/clock';
import { householdsForRules, type RuleHouseholdRow, toRuleHousehold } from './load-households';
import { FLAG_COLUMNS } from './refresh-flags';
import { evaluatorOf, type RuleSetRow } from './repository';

const BATCH = 5000;
const dialect = new PgDialect();

export interface RecomputeResult {
  households: number;
  flags: number;
  byRule: Record<string, number>;
}

export async function recomputeFlags(
  database: Database,
  clock: Clock,
  set: RuleSetRow,
  jobId: string | null,
): Promise<RecomputeResult> {
  const t = set.townshipId;
  const evaluator = evaluatorOf(set);
  const now = clock.now();
  const [{ n } = { n: 0 }] = await selectRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from households where township_id = ${t}`,
  );
  if (jobId)
    await database.db
      .update(jobs)
      .set({ total: n })
      .where(and(eq(jobs.townshipId, t), eq(jobs.id, jobId)));
  const byRule: Record<string, number> = {};
  let done = 0;
  let flags = 0;
  let last = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const query = dialect.sqlToQuery(householdsForRules(sql`h.township_id = ${t} and h.id > ${last}`, BATCH));
    const wrote = await rawTransaction(database, async (tx) => {
      const { rows } = await tx.query<RuleHouseholdRow>(query.sql, query.params);
      if (rows.length === 0) return null;
      const ids = rows.map((r) => r.id);
      // Arrays go as a literal: the two drivers bind array parameters differently.
      await tx.query(
        'delete from household_flags where township_id = $1 and rule_set_id = $2 and household_id = any($3::uuid[])',
        [t, set.id, `{${ids.join(',')}}`],
      );
      const lines: unknown[][] = [];
      for (const row of rows) {
        for (const f of evaluator.evaluate(toRuleHousehold(row))) {
          lines.push([t, row.id, set.id, f.ruleId, f.kind, f.explanation.zh, f.explanation.en, JSON.stringify(f.values), now]);
          byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
        }
      }
      if (lines.length) await tx.copyIn('household_flags', FLAG_COLUMNS, toCsv(lines));
      return { count: rows.length, flags: lines.length, last: ids[ids.length - 1] as string };
    });
    if (!wrote) break;
    done += wrote.count;
    flags += wrote.flags;
    last = wrote.last;
    if (jobId)
      await database.db
        .update(jobs)
        .set({ done })
        .where(and(eq(jobs.townshipId, t), eq(jobs.id, jobId)));
    if (wrote.count < BATCH) break;
  }
  return { households: done, flags, byRule };
}
