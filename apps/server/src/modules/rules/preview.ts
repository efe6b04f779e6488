/**
 * What activating a draft would change: for each rule, how many households hold its flag now
 * (under the active set) and would hold it after, with the lists of those who gain or lose it.
 */
import type { Evaluator } from '@fupin/domain';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../db/client';
import { householdFlags, households } from '../../db/schema/index';
import { householdsForRules, type RuleHouseholdRow, toRuleHousehold } from './load-households';

const BATCH = 5000;
const LIST_LIMIT = 200;

export interface RuleImpact {
  ruleId: string;
  name: { zh: string; en: string };
  before: number;
  after: number;
  gained: { id: string; headName: string; householdNumber: string | null }[];
  lost: { id: string; headName: string; householdNumber: string | null }[];
  gainedTotal: number;
  lostTotal: number;
}

export async function previewImpact(
  db: Db,
  townshipId: string,
  draft: Evaluator,
  activeSetId: string | null,
): Promise<{ households: number; rules: RuleImpact[] }> {
  const current = new Map<string, Set<string>>();
  if (activeSetId) {
    const rows = await db
      .select({ householdId: householdFlags.householdId, ruleId: householdFlags.ruleId })
      .from(householdFlags)
      .where(and(eq(householdFlags.townshipId, townshipId), eq(householdFlags.ruleSetId, activeSetId)));
    for (const r of rows) current.set(r.householdId, (current.get(r.householdId) ?? new Set()).add(r.ruleId));
  }
  const impacts = new Map<string, RuleImpact>();
  for (const rule of draft.definition.rules)
    impacts.set(rule.id, {
      ruleId: rule.id,
      name: rule.name,
      before: 0,
      after: 0,
      gained: [],
      lost: [],
      gainedTotal: 0,
      lostTotal: 0,
    });
  // Rules only in the active set still show, as lost everywhere.
  for (const ids of current.values())
    for (const id of ids)
      if (!impacts.has(id))
        impacts.set(id, {
          ruleId: id,
          name: { zh: id, en: id },
          before: 0,
          after: 0,
          gained: [],
          lost: [],
          gainedTotal: 0,
          lostTotal: 0,
        });
  const names = new Map<string, { headName: string; householdNumber: string | null }>();
  let count = 0;
  let last = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await selectRows<RuleHouseholdRow>(
      db,
      householdsForRules(sql`h.township_id = ${townshipId} and h.id > ${last}`, BATCH),
    );
    if (rows.length === 0) break;
    const batchNames = await db
      .select({ id: households.id, headName: households.headName, householdNumber: households.householdNumber })
      .from(households)
      .where(
        and(
          eq(households.townshipId, townshipId),
          sql`${households.id} > ${last}`,
          sql`${households.id} <= ${rows[rows.length - 1]?.id}`,
        ),
      );
    for (const n of batchNames) names.set(n.id, { headName: n.headName, householdNumber: n.householdNumber });
    for (const row of rows) {
      count++;
      const after = new Set(draft.flagIds(toRuleHousehold(row)));
      const before = current.get(row.id) ?? new Set<string>();
      for (const [id, impact] of impacts) {
        const had = before.has(id);
        const has = after.has(id);
        if (had) impact.before++;
        if (has) impact.after++;
        const who = { id: row.id, ...(names.get(row.id) ?? { headName: '', householdNumber: null }) };
        if (has && !had) {
          impact.gainedTotal++;
          if (impact.gained.length < LIST_LIMIT) impact.gained.push(who);
        } else if (had && !has) {
          impact.lostTotal++;
          if (impact.lost.length < LIST_LIMIT) impact.lost.push(who);
        }
      }
    }
    last = rows[rows.length - 1]?.id as string;
    names.clear();
    if (rows.length < BATCH) break;
  }
  return { households: count, rules: [...impacts.values()] };
}
