/**
 * Every lapse of a township (or one village): duties whose deadline passed undone or that were
 * done after it — cadres' visits, the carpet survey, site self-checks, sector sweeps, problems,
 * supervision orders, village summaries — each with its evidence and its responsible chain.
 *
 * SQL narrows each duty to the candidates (not done, or done after the deadline); the verdict
 * and the days late come from the domain's `lateness`, so the page, the export and the tests
 * agree with the ledger's own overdue rule to the minute.
 */
import {
  addDays,
  DUTY_KIND,
  isLapse,
  type LapseDuty,
  type LapseSchema,
  lateness,
  type OrgIndex,
  type PhaseCode,
  type ProblemStatus,
  phaseOf,
  problemLateness,
  responsibleChain,
  SECTORS,
  SECTORS_INSPECTED,
  startOfShanghaiDay,
} from '@fupin/domain';
import { sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../db/client';
import { phasesOf } from '../campaigns/repository';
import { type Place, villagesOfPlace } from '../dashboard/context';
import { loadOrg } from './org';

export type Lapse = LapseSchema;

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

/** The candidates of each duty, narrowed in SQL. */
async function loadRows(db: Db, place: Place) {
  const t = place.township.id;
  const v = place.villageId;
  const inVillage = (col: string) => (v ? sql`${sql.raw(col)} = ${v}` : sql`true`);
  const c = place.campaign;
  const today = place.today;
  const endX = (code: PhaseCode) => (c ? startOfShanghaiDay(addDays(phaseOf(phasesOf(c), code).end, 1)).toISOString() : null);
  const visitEnd = endX('visit');
  const campaignRows = async <T>(q: () => ReturnType<typeof sql>) => (c ? selectRows<T>(db, q()) : []);
  return Promise.all([
    // a cadre's paired households not visited by the cadre by the end of the visit phase (or visited after it)
    campaignRows<{
      household_id: string;
      cadre_id: string;
      village_id: string;
      head_name: string;
      household_number: string | null;
      first_at: string | null;
    }>(
      () => sql`select p.household_id, p.cadre_id, h.village_id, h.head_name, h.household_number, fv.first_at
        from pairings p join households h on h.township_id = p.township_id and h.id = p.household_id
        left join (select x.household_id, x.visitor_id, min(x.visited_at) as first_at from visits x
                   where x.township_id = ${t} and x.campaign_id = ${c?.id} group by x.household_id, x.visitor_id) fv
          on fv.household_id = p.household_id and fv.visitor_id = p.cadre_id
        where p.township_id = ${t} and ${inVillage('h.village_id')} and (fv.first_at is null or fv.first_at >= ${visitEnd}::timestamptz)`,
    ),
    // the village's marginal and key households nobody visited in time (the carpet survey)
    campaignRows<{
      household_id: string;
      village_id: string;
      head_name: string;
      household_number: string | null;
      first_at: string | null;
      cadres: string[];
    }>(
      () => sql`select h.id as household_id, h.village_id, h.head_name, h.household_number, fv.first_at
        from households h
        left join (select x.household_id, min(x.visited_at) as first_at from visits x
                   where x.township_id = ${t} and x.campaign_id = ${c?.id} group by x.household_id) fv on fv.household_id = h.id
        -- the township's flagged households, named by the tenant key (a correlated EXISTS was hashed over every township's flags)
        left join (select distinct f.household_id from household_flags f
                   join rule_sets rs on rs.township_id = f.township_id and rs.id = f.rule_set_id and rs.status = 'active'
                   where f.township_id = ${t} and rs.township_id = ${t} and f.rule_id <> 'R') fl on fl.household_id = h.id
        where h.township_id = ${t} and ${inVillage('h.village_id')} and h.poverty_status = 'none'
          and ('marginal' = any(h.tags) or 'key' = any(h.tags) or fl.household_id is not null)
          and (fv.first_at is null or fv.first_at >= ${visitEnd}::timestamptz)`,
    ),
    // sites of the villages and their first self-check in the campaign
    campaignRows<{ site_id: string; village_id: string; name: string; first_at: string | null }>(
      () => sql`select s.id as site_id, s.village_id, s.name,
          (select min(i.inspected_at) from inspections i where i.township_id = s.township_id and i.campaign_id = ${c?.id}
             and i.kind = 'village_self' and i.site_id = s.id) as first_at
        from sites s where s.township_id = ${t} and ${inVillage('s.village_id')} and s.archived_at is null`,
    ),
    // each sector's first sweep of each village (a sweep naming no village covers them all)
    campaignRows<{ sector: string; village_id: string | null; first_at: string }>(
      () => sql`select i.sector, i.village_id, min(i.inspected_at) as first_at from inspections i
        where i.township_id = ${t} and i.campaign_id = ${c?.id} and i.kind = 'sector' group by i.sector, i.village_id`,
    ),
    campaignRows<{ village_id: string; kind: 'visit' | 'inspection'; status: string; submitted_at: string | null }>(
      () =>
        sql`select village_id, kind, status, submitted_at from village_summaries where township_id = ${t} and campaign_id = ${c?.id}`,
    ),
    // problems past their deadline unfixed, or fixed after it (the whole ledger, as the dashboard counts it)
    selectRows<{
      id: string;
      village_id: string | null;
      household_id: string | null;
      category: string;
      description: string;
      level: 'village' | 'township';
      status: ProblemStatus;
      deadline: string;
      responsible_user_id: string | null;
      submitted_at: string | null;
      closed_at: string | null;
      head_name: string | null;
      cadres: string[];
    }>(
      db,
      sql`select p.id, p.village_id, p.household_id, p.category, p.description, p.level, p.status, p.deadline::text as deadline,
          p.responsible_user_id, p.submitted_at, p.closed_at, h.head_name,
          array(select pr.cadre_id::text from pairings pr where pr.township_id = p.township_id and pr.household_id = p.household_id) as cadres
        from problems p left join households h on h.township_id = p.township_id and h.id = p.household_id
        where p.township_id = ${t} and ${inVillage('p.village_id')} and p.deadline is not null
          and ((p.status not in ('closed', 'submitted') and p.deadline < ${today}::date)
            or (p.status in ('closed', 'submitted')
                and ((coalesce(p.submitted_at, p.closed_at) at time zone 'UTC') + interval '8 hours')::date > p.deadline))`,
    ),
    // supervision orders: done when every problem in them is closed, at the last closing
    selectRows<{
      id: string;
      number: string;
      title: string;
      deadline: string;
      responsible_user_ids: string[] | string;
      all_closed: boolean;
      last_closed: string | null;
      villages: string[];
    }>(
      db,
      sql`select o.id, o.number, o.title, o.deadline::text as deadline, o.responsible_user_ids,
          bool_and(p.status = 'closed') as all_closed, max(p.closed_at) as last_closed,
          array_remove(array_agg(distinct p.village_id::text), null) as villages
        from supervision_orders o join order_problems op on op.township_id = o.township_id and op.order_id = o.id
        join problems p on p.township_id = op.township_id and p.id = op.problem_id
        where o.township_id = ${t}
        group by o.id, o.number, o.title, o.deadline, o.responsible_user_ids
        ${v ? sql`having ${v}::text = any(array_agg(p.village_id::text))` : sql``}`,
    ),
  ]);
}

export interface Account {
  lapses: Lapse[];
  org: OrgIndex;
  villages: { id: string; name: string }[];
}

/** Every lapse of a place, worst first (most days late, then the earliest deadline), with the org that names the chains. */
export async function lapsesOf(db: Db, place: Place): Promise<Account> {
  const [paired, survey, siteRows, sweeps, summaries, problemRows, orders] = await loadRows(db, place);
  const villages = await villagesOfPlace(db, place);
  const villageName = new Map(villages.map((v) => [v.id, v.name]));
  const cadreIds = [
    ...paired.map((r) => r.cadre_id),
    ...problemRows.flatMap((r) => [...r.cadres, ...(r.responsible_user_id ? [r.responsible_user_id] : [])]),
    ...orders.flatMap((o) =>
      typeof o.responsible_user_ids === 'string' ? JSON.parse(o.responsible_user_ids) : o.responsible_user_ids,
    ),
  ];
  const org: OrgIndex = await loadOrg(db, place.township.id, cadreIds);
  const out: Lapse[] = [];
  const chains = new Map<string, ReturnType<typeof responsibleChain>>();
  const t = place.township.id;
  const now = place.now;
  // Every household of the survey not visited shares one verdict per deadline: work it out once.
  const verdicts = new Map<string, ReturnType<typeof lateness>>();
  const late = (deadline: string, at: Date | null) => {
    if (at) return lateness(deadline, at, now);
    let l = verdicts.get(deadline);
    if (!l) {
      l = lateness(deadline, null, now);
      verdicts.set(deadline, l);
    }
    return l;
  };
  const add = (
    duty: LapseDuty,
    key: string,
    deadline: string,
    l: ReturnType<typeof lateness> | null,
    doneAt: Date | null,
    villageId: string | null,
    subject: Lapse['subject'],
    facts: { sector?: string | null; named?: string[]; cadres?: string[]; level?: 'village' | 'township' },
  ) => {
    if (!l || !isLapse(l)) return;
    // Most lapses of a village share their chain (the survey, its sites, its summaries): name it once.
    const memo = `${duty}|${villageId}|${facts.sector ?? ''}|${facts.named?.join(',') ?? ''}|${facts.cadres?.join(',') ?? ''}|${facts.level ?? ''}`;
    let chain = chains.get(memo);
    if (!chain) {
      chain = responsibleChain(
        {
          duty,
          townshipId: t,
          villageId,
          sector: facts.sector ?? null,
          namedUserIds: facts.named ?? [],
          cadreIds: facts.cadres ?? [],
          ...(facts.level ? { level: facts.level } : {}),
        },
        org,
      );
      chains.set(memo, chain);
    }
    out.push({
      key: `${duty}:${key}`,
      kind: DUTY_KIND[duty],
      duty,
      state: l.state,
      deadline,
      daysLate: l.daysLate,
      doneAt: l.state === 'late' && doneAt ? doneAt.toISOString() : null,
      villageId,
      villageName: villageId ? (villageName.get(villageId) ?? null) : null,
      subject,
      ...chain,
    });
  };
  const c = place.campaign;
  if (c) {
    const end = (code: PhaseCode) => phaseOf(phasesOf(c), code).end;
    const household = (r: { household_id: string; head_name: string; household_number: string | null }) => ({
      type: 'household' as const,
      id: r.household_id,
      label: r.head_name,
      detail: r.household_number ? `户编号 ${r.household_number}` : null,
    });
    for (const r of paired) {
      const at = date(r.first_at);
      add(
        'paired_visit',
        `${r.household_id}:${r.cadre_id}`,
        end('visit'),
        late(end('visit'), at),
        at,
        r.village_id,
        household(r),
        {
          cadres: [r.cadre_id],
        },
      );
    }
    for (const r of survey) {
      const at = date(r.first_at);
      add('survey_visit', r.household_id, end('visit'), late(end('visit'), at), at, r.village_id, household(r), {});
    }
    for (const r of siteRows) {
      const at = date(r.first_at);
      const d = end('self_inspection');
      add(
        'site_check',
        r.site_id,
        d,
        late(d, at),
        at,
        r.village_id,
        { type: 'site', id: r.site_id, label: r.name, detail: null },
        {},
      );
    }
    const d = end('sector_inspection');
    for (const sector of SECTORS) {
      for (const v of villages) {
        const firsts = sweeps.filter((s) => s.sector === sector && (s.village_id === v.id || s.village_id === null));
        const at = firsts.length ? new Date(Math.min(...firsts.map((s) => Date.parse(s.first_at)))) : null;
        const label = SECTORS_INSPECTED[sector]?.zh ?? sector;
        add(
          'sector_sweep',
          `${sector}:${v.id}`,
          d,
          late(d, at),
          at,
          v.id,
          { type: 'sector', id: sector, label, detail: v.name },
          {
            sector,
          },
        );
      }
    }
    for (const v of villages) {
      for (const kind of ['visit', 'inspection'] as const) {
        const s = summaries.find((x) => x.village_id === v.id && x.kind === kind);
        const at = s?.status === 'submitted' ? date(s.submitted_at) : null;
        const deadline = end(kind === 'visit' ? 'visit_summary' : 'self_inspection');
        const label = kind === 'visit' ? '走访汇总（附件3）' : '排查汇总（附件5）';
        add(
          `${kind}_summary`,
          v.id,
          deadline,
          late(deadline, at),
          at,
          v.id,
          { type: 'summary', id: kind, label, detail: v.name },
          {},
        );
      }
    }
  }
  for (const p of problemRows) {
    const submittedAt = date(p.submitted_at);
    const closedAt = date(p.closed_at);
    const l = problemLateness({ status: p.status, deadline: p.deadline, submittedAt, closedAt }, now);
    const sector = (SECTORS as readonly string[]).includes(p.category) ? p.category : null;
    add(
      'problem',
      p.id,
      p.deadline,
      l,
      submittedAt ?? closedAt,
      p.village_id,
      { type: 'problem', id: p.id, label: p.description, detail: p.head_name },
      {
        sector,
        named: p.responsible_user_id ? [p.responsible_user_id] : [],
        cadres: p.cadres,
        level: p.level,
      },
    );
  }
  for (const o of orders) {
    const named = (
      typeof o.responsible_user_ids === 'string' ? JSON.parse(o.responsible_user_ids) : o.responsible_user_ids
    ) as string[];
    const at = o.all_closed ? date(o.last_closed) : null;
    const villageId = o.villages.length === 1 ? (o.villages[0] as string) : null;
    add(
      'order',
      o.id,
      o.deadline,
      late(o.deadline, at),
      at,
      villageId,
      { type: 'order', id: o.id, label: o.number, detail: o.title },
      {
        named,
      },
    );
  }
  out.sort((a, b) => b.daysLate - a.daysLate || a.deadline.localeCompare(b.deadline) || a.key.localeCompare(b.key));
  return { lapses: out, org, villages };
}
