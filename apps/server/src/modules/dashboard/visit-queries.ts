/**
 * The big visit's figures in SQL: tasks done, late, due, missing and upcoming per village and
 * per cadre, and the tasks behind any figure. Each statement covers one township's campaign and
 * names the township as a constant, so visits, flags and households are read by the tenant
 * key's index (EXPLAIN in bench/dashboards.ts); first visits and flags are aggregated once and
 * hashed rather than probed per household.
 */
import type { HouseholdType, VisitCounts, VisitTaskState } from '@fupin/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../db/client';
import type { PhaseWindow } from './context';

export interface CampaignSpan {
  townshipId: string;
  campaignId: string;
  window: PhaseWindow;
}

function spans(list: readonly CampaignSpan[]): SQL {
  return sql.join(
    list.map(
      (s) =>
        sql`(${s.townshipId}::uuid, ${s.campaignId}::uuid, ${s.window.endExclusive.toISOString()}::timestamptz, ${s.window.notDoneState}::text)`,
    ),
    sql`, `,
  );
}

/** CTEs c (the campaigns), fv (first visit per household, or per household and visitor), fl (active flags per household). */
function ctes(list: readonly CampaignSpan[], byVisitor: boolean): SQL {
  // The townships again as constants: a join to the VALUES list alone would not let the planner
  // use the tenant key's index, and it would read every township's visits and flags.
  const townships = sql.join(
    list.map((s) => sql`${s.townshipId}::uuid`),
    sql`, `,
  );
  // The campaigns as constants too: the planner takes township and campaign as independent, and
  // through the join alone it expected a handful of a township's visits where a province's
  // partition holds a campaign's thousands, and chose a nested loop (bench/province.ts: the
  // task list 687 ms → 104 ms at 1,000,000 households).
  const campaigns = sql.join(
    list.map((s) => sql`${s.campaignId}::uuid`),
    sql`, `,
  );
  return sql`with c(township_id, campaign_id, end_x, nd) as (values ${spans(list)}),
    fv as (select v.township_id, v.household_id, ${byVisitor ? sql`v.visitor_id,` : sql``} min(v.visited_at) as first_at
           from visits v join c on c.township_id = v.township_id and c.campaign_id = v.campaign_id
           where v.township_id in (${townships}) and v.campaign_id in (${campaigns})
           group by v.township_id, v.household_id${byVisitor ? sql`, v.visitor_id` : sql``}),
    fl as (select f.township_id, f.household_id, bool_or(f.rule_id = 'M') as m, bool_or(f.rule_id not in ('M', 'R')) as k
           from household_flags f
           join rule_sets rs on rs.township_id = f.township_id and rs.id = f.rule_set_id and rs.status = 'active'
           where f.township_id in (${townships}) and rs.township_id in (${townships})
           group by f.township_id, f.household_id)`;
}

/** The household's type as 附件3 counts it (householdType of the domain, in SQL); null when out of the visit's scope. */
const TYPE = sql`case when h.poverty_status = 'not_out' then 'not_out' when h.poverty_status = 'exited' then 'exited'
  when 'marginal' = any(h.tags) or coalesce(fl.m, false) then 'marginal'
  when 'key' = any(h.tags) or coalesce(fl.k, false) then 'key' end`;

const STATE = sql`case when fv.first_at is null then c.nd when fv.first_at < c.end_x then 'done' else 'late' end`;

const COUNTS = sql`count(*)::int as tasks,
  count(*) filter (where state = 'done')::int as done,
  count(*) filter (where state = 'late')::int as late,
  count(*) filter (where state = 'due')::int as due,
  count(*) filter (where state = 'missing')::int as missing,
  count(*) filter (where state = 'upcoming')::int as upcoming`;

export type CountRow = VisitCounts & { township_id: string; village_id: string };

/**
 * Households in scope of one township (or one village) by village and task state (the first
 * visit by anyone). Counting needs only whether a household is in scope, not its type. One
 * township a statement: every table is then read by the tenant key's index (a county-wide
 * statement hashed every flag of the county and crossed PostgreSQL's JIT threshold; the county
 * view runs its townships' statements side by side instead — bench/dashboards.ts).
 */
export async function villageVisitCounts(db: Db, span: CampaignSpan, villageId: string | null): Promise<CountRow[]> {
  const t = span.townshipId;
  return selectRows<CountRow>(
    db,
    sql`with c(township_id, campaign_id, end_x, nd) as (values ${spans([span])}),
      fv as (select v.household_id, min(v.visited_at) as first_at from visits v
             where v.township_id = ${t} and v.campaign_id = ${span.campaignId}
             group by v.household_id),
      fl as (select distinct f.household_id from household_flags f
             join rule_sets rs on rs.township_id = f.township_id and rs.id = f.rule_set_id and rs.status = 'active'
             where f.township_id = ${t} and rs.township_id = ${t} and f.rule_id <> 'R')
      select township_id, village_id, ${COUNTS} from (
        select h.township_id, h.village_id, ${STATE} as state
        from c join households h on h.township_id = c.township_id
        left join fv on fv.household_id = h.id
        left join fl on fl.household_id = h.id
        where h.township_id = ${t} and ${villageId ? sql`h.village_id = ${villageId}` : sql`true`}
          and (h.poverty_status in ('not_out', 'exited') or h.tags && array['marginal', 'key']::text[] or fl.household_id is not null)
      ) x
      group by township_id, village_id`,
  );
}

export type CadreCountRow = CountRow & { user_id: string; name: string; village_name: string };

/** A cadre's paired households per village, by task state (the cadre's own first visit). */
export async function cadreVisitCounts(db: Db, span: CampaignSpan, villageId: string | null): Promise<CadreCountRow[]> {
  return selectRows<CadreCountRow>(
    db,
    sql`${ctes([span], true)}
      select x.township_id, x.user_id, u.display_name as name, x.village_id, vu.name as village_name, ${COUNTS}
      from (
        select p.township_id, p.cadre_id as user_id, h.village_id, ${STATE} as state
        from c join pairings p on p.township_id = c.township_id
        join households h on h.township_id = p.township_id and h.id = p.household_id
        left join fv on fv.township_id = p.township_id and fv.household_id = p.household_id and fv.visitor_id = p.cadre_id
        where ${villageId ? sql`h.village_id = ${villageId}` : sql`true`}
      ) x
      join users u on u.id = x.user_id
      join units vu on vu.id = x.village_id
      group by x.township_id, x.user_id, u.display_name, x.village_id, vu.name, vu.sort_order
      order by vu.sort_order, vu.name, u.display_name`,
  );
}

export interface TaskRow {
  household_id: string;
  household_number: string | null;
  head_name: string;
  village_id: string;
  village_name: string;
  type: HouseholdType | null;
  state: VisitTaskState;
  first_at: Date | string | null;
  cadres: { userId: string; name: string }[] | string;
  total: number;
}

/**
 * The tasks behind a figure, paged: a village's households in scope (cadreId absent), or one
 * cadre's paired households judged by the cadre's own visits.
 */
export async function visitTasks(
  db: Db,
  span: CampaignSpan,
  f: { villageId: string | null; cadreId?: string | undefined; state?: VisitTaskState | undefined },
  page: { limit: number; offset: number },
): Promise<{ rows: TaskRow[]; total: number }> {
  const cadre = f.cadreId;
  const rows = await selectRows<TaskRow>(
    db,
    sql`${ctes([span], Boolean(cadre))}
      select *, count(*) over ()::int as total from (
        select h.id as household_id, h.household_number, h.head_name, h.village_id, vu.name as village_name,
          vu.sort_order, ${TYPE} as type, ${STATE} as state, fv.first_at,
          coalesce((select json_agg(json_build_object('userId', u.id, 'name', u.display_name) order by u.display_name)
                    from pairings p2 join users u on u.id = p2.cadre_id
                    where p2.township_id = h.township_id and p2.household_id = h.id
                      ${cadre ? sql`and p2.cadre_id = ${cadre}` : sql``}), '[]'::json) as cadres
        from c join households h on h.township_id = c.township_id
        ${
          cadre
            ? sql`join pairings p on p.township_id = h.township_id and p.household_id = h.id and p.cadre_id = ${cadre}
                  left join fv on fv.township_id = h.township_id and fv.household_id = h.id and fv.visitor_id = p.cadre_id`
            : sql`left join fv on fv.township_id = h.township_id and fv.household_id = h.id`
        }
        left join fl on fl.township_id = h.township_id and fl.household_id = h.id
        join units vu on vu.id = h.village_id
        -- The township as a constant on households too: joined to the VALUES list alone, the
        -- planner cannot prune households' hash partitions (migration 0009) and read all 16.
        where h.township_id = ${span.townshipId}::uuid and ${f.villageId ? sql`h.village_id = ${f.villageId}` : sql`true`}
      ) x
      where ${cadre ? sql`true` : sql`type is not null`} ${f.state ? sql`and state = ${f.state}` : sql``}
      order by sort_order, village_name, household_number, household_id
      limit ${page.limit} offset ${page.offset}`,
  );
  return { rows, total: rows[0]?.total ?? (page.offset > 0 ? await countOnly(db, span, f) : 0) };
}

/** The total when a page starts past the last row (the window count is then absent). */
async function countOnly(
  db: Db,
  span: CampaignSpan,
  f: { villageId: string | null; cadreId?: string | undefined; state?: VisitTaskState | undefined },
): Promise<number> {
  const r = await visitTasks(db, span, f, { limit: 1, offset: 0 });
  if (r.rows.length === 0) return 0;
  return r.total;
}
