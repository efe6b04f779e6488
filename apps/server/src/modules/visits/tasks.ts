/**
 * Whose visits are due: a cadre visits every household paired with them; village staff sweep
 * every marginal and key household of their village (the carpet survey). Each task carries its
 * state against the visit phase: upcoming, due, done, late, missing.
 */
import { type HouseholdType, householdType, type Phase, phaseOf, type Scope, type TaskState, taskState } from '@fupin/domain';
import { sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../db/client';

export interface Task {
  householdId: string;
  villageId: string;
  type: HouseholdType | null;
  formType: 'registered' | 'marginal_key';
  /** paired: this cadre's own; survey: the village's carpet survey */
  reason: 'paired' | 'survey';
  state: TaskState;
  visits: number;
  lastVisitAt: string | null;
}

interface Row {
  id: string;
  village_id: string;
  poverty_status: string;
  tags: string[];
  flags: string[];
  paired: boolean;
  mine_at: Date | null;
  any_at: Date | null;
  visit_count: number;
}

/** The tasks of a person in a campaign, given where their visit.submit permission reaches. */
export async function tasksOf(
  db: Db,
  campaign: { id: string; townshipId: string; phases: Phase[] },
  userId: string,
  scope: Scope,
  now: Date,
): Promise<Task[]> {
  const villages = scope.villages;
  const pairedUnits = [...scope.paired.townships, ...scope.paired.villages];
  if (villages.length === 0 && pairedUnits.length === 0) return [];
  const list = (ids: string[]) =>
    ids.length
      ? sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )
      : sql`null`;
  const rows = await selectRows<Row>(
    db,
    sql`select h.id, h.village_id, h.poverty_status, h.tags,
          array(select f.rule_id from household_flags f join rule_sets rs on rs.township_id = f.township_id and rs.id = f.rule_set_id
                where f.township_id = h.township_id and f.household_id = h.id and rs.status = 'active') as flags,
          exists (select 1 from pairings p where p.township_id = h.township_id and p.household_id = h.id and p.cadre_id = ${userId}) as paired,
          (select min(v.visited_at) from visits v where v.township_id = h.township_id and v.campaign_id = ${campaign.id} and v.household_id = h.id and v.visitor_id = ${userId}) as mine_at,
          (select min(v.visited_at) from visits v where v.township_id = h.township_id and v.campaign_id = ${campaign.id} and v.household_id = h.id) as any_at,
          (select count(*)::int from visits v where v.township_id = h.township_id and v.campaign_id = ${campaign.id} and v.household_id = h.id) as visit_count
        from households h
        where h.township_id = ${campaign.townshipId}
          and (h.village_id in (${list(villages)})
               or ((h.village_id in (${list(pairedUnits)}) or h.township_id in (${list(pairedUnits)}))
                   and exists (select 1 from pairings p where p.township_id = h.township_id and p.household_id = h.id and p.cadre_id = ${userId})))
        order by h.village_id, h.household_number`,
  );
  const phase = phaseOf(campaign.phases, 'visit');
  const tasks: Task[] = [];
  for (const r of rows) {
    const type = householdType({ povertyStatus: r.poverty_status, tags: r.tags, flags: r.flags });
    const survey = villages.includes(r.village_id) && (type === 'marginal' || type === 'key');
    if (!r.paired && !survey) continue;
    const doneAt = r.paired && !survey ? r.mine_at : r.any_at;
    tasks.push({
      householdId: r.id,
      villageId: r.village_id,
      type,
      formType: r.poverty_status === 'none' ? 'marginal_key' : 'registered',
      reason: r.paired ? 'paired' : 'survey',
      state: taskState(phase, doneAt ? new Date(doneAt) : null, now),
      visits: r.visit_count,
      lastVisitAt: r.any_at ? new Date(r.any_at).toISOString() : null,
    });
  }
  return tasks;
}
