/**
 * The ledger's, the summaries' and the competition's figures for the dashboard, and the lists
 * behind them. Problem figures (open, overdue, closed) use the ledger's own definitions
 * (`isOverdue`: not closed or submitted, the deadline date before today in Shanghai).
 */
import {
  daysBetween,
  type IsoDate,
  lateness,
  PROBLEM_CATEGORIES,
  type ProblemCategory,
  type ProblemCounts,
  type ProblemFigure,
  type ProblemStatus,
  phaseOf,
  type SummaryState,
} from '@fupin/domain';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../db/client';
import { competitionRounds, villageSummaries } from '../../db/schema/index';
import { type CampaignRow, phasesOf } from '../campaigns/repository';
import { rankingOf } from '../competition/repository';

export const ZERO_PROBLEMS: ProblemCounts = { total: 0, open: 0, overdue: 0, closed: 0 };

const PROBLEM_COUNTS = (today: IsoDate) => sql`count(*)::int as total,
  count(*) filter (where p.status <> 'closed')::int as open,
  count(*) filter (where p.status not in ('closed', 'submitted') and p.deadline < ${today}::date)::int as overdue,
  count(*) filter (where p.status = 'closed')::int as closed`;

/** Problem counts per village and category of a township (or one village). */
export async function problemCounts(db: Db, townshipId: string, villageId: string | null, today: IsoDate) {
  return selectRows<ProblemCounts & { village_id: string | null; category: string }>(
    db,
    sql`select p.village_id, p.category, ${PROBLEM_COUNTS(today)} from problems p
        where p.township_id = ${townshipId} ${villageId ? sql`and p.village_id = ${villageId}` : sql``}
        group by p.village_id, p.category`,
  );
}

/** Problem counts per township of a list. */
export async function problemCountsByTownship(db: Db, townshipIds: readonly string[], today: IsoDate) {
  if (townshipIds.length === 0) return [];
  return selectRows<ProblemCounts & { township_id: string }>(
    db,
    sql`select p.township_id, ${PROBLEM_COUNTS(today)} from problems p
        where p.township_id in (${sql.join(
          townshipIds.map((t) => sql`${t}::uuid`),
          sql`, `,
        )})
        group by p.township_id`,
  );
}

/** Adds counts up. */
export function addCounts<T extends Record<string, number>>(zero: T, rows: readonly Partial<T>[]): T {
  const out = { ...zero };
  for (const r of rows)
    for (const k of Object.keys(zero) as (keyof T)[]) out[k] = (Number(out[k]) + Number(r[k] ?? 0)) as T[keyof T];
  return out;
}

export interface ProblemListFilter {
  villageId?: string | 'none' | undefined;
  category?: ProblemCategory | undefined;
  state?: ProblemFigure | undefined;
}

function problemListWhere(townshipId: string, scopeVillage: string | null, f: ProblemListFilter, today: IsoDate): SQL {
  const c: SQL[] = [sql`p.township_id = ${townshipId}`];
  if (scopeVillage) c.push(sql`p.village_id = ${scopeVillage}`);
  if (f.villageId === 'none') c.push(sql`p.village_id is null`);
  else if (f.villageId) c.push(sql`p.village_id = ${f.villageId}`);
  if (f.category) c.push(sql`p.category = ${f.category}`);
  if (f.state === 'open') c.push(sql`p.status <> 'closed'`);
  if (f.state === 'closed') c.push(sql`p.status = 'closed'`);
  if (f.state === 'overdue') c.push(sql`p.status not in ('closed', 'submitted') and p.deadline < ${today}::date`);
  return sql.join(c, sql` and `);
}

interface ProblemListRow {
  id: string;
  village_id: string | null;
  village_name: string | null;
  category: string;
  source: string;
  description: string;
  status: ProblemStatus;
  level: 'village' | 'township';
  deadline: string | null;
  head_name: string | null;
  responsible_unit_name: string | null;
  responsible_user_name: string | null;
  created_at: Date | string;
  closed_at: Date | string | null;
  total: number;
}

/** The problems behind a figure, most overdue first, paged. */
export async function problemList(
  db: Db,
  townshipId: string,
  scopeVillage: string | null,
  f: ProblemListFilter,
  page: { limit: number; offset: number },
  today: IsoDate,
) {
  const where = problemListWhere(townshipId, scopeVillage, f, today);
  const [count] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from problems p where ${where}`);
  const rows = await selectRows<ProblemListRow>(
    db,
    sql`select p.id, p.village_id, vu.name as village_name, p.category, p.source, p.description, p.status, p.level,
          p.deadline::text as deadline, h.head_name, ru.name as responsible_unit_name, u.display_name as responsible_user_name,
          p.created_at, p.closed_at, 0 as total
        from problems p
        left join units vu on vu.id = p.village_id
        left join households h on h.township_id = p.township_id and h.id = p.household_id
        left join units ru on ru.id = p.responsible_unit_id
        left join users u on u.id = p.responsible_user_id
        where ${where}
        order by p.deadline asc nulls last, p.created_at desc, p.id
        limit ${page.limit} offset ${page.offset}`,
  );
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => {
      const overdue = r.deadline !== null && r.status !== 'closed' && r.status !== 'submitted' && today > r.deadline;
      return {
        id: r.id,
        villageId: r.village_id,
        villageName: r.village_name,
        category: r.category,
        source: r.source,
        description: r.description,
        status: r.status,
        level: r.level,
        deadline: r.deadline,
        overdue,
        daysOverdue: overdue ? daysBetween(r.deadline as string, today) : 0,
        headName: r.head_name,
        responsibleUnitName: r.responsible_unit_name,
        responsibleUserName: r.responsible_user_name,
        createdAt: new Date(r.created_at).toISOString(),
        closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
      };
    }),
  };
}

/** The figures by category (every category, zeros included) and by village. */
export function problemFigures(
  rows: readonly (ProblemCounts & { village_id: string | null; category: string })[],
  villages: readonly { id: string; name: string }[],
) {
  const byCategory = PROBLEM_CATEGORIES.codes.map((category) => ({
    category,
    ...addCounts(
      ZERO_PROBLEMS,
      rows.filter((r) => r.category === category),
    ),
  }));
  const byVillage = villages.map((v) => ({
    villageId: v.id as string | null,
    villageName: v.name,
    ...addCounts(
      ZERO_PROBLEMS,
      rows.filter((r) => r.village_id === v.id),
    ),
  }));
  const none = rows.filter((r) => r.village_id === null);
  if (none.length) byVillage.push({ villageId: null, villageName: '镇级', ...addCounts(ZERO_PROBLEMS, none) });
  return { totals: addCounts(ZERO_PROBLEMS, rows), byCategory, byVillage };
}

export type SummaryKind = 'visit' | 'inspection';

/** The deadline of a village summary: 附件3 at the end of visit_summary, 附件5 at the end of self_inspection (as their pages). */
export function summaryDeadlineOf(campaign: CampaignRow, kind: SummaryKind): IsoDate {
  return phaseOf(phasesOf(campaign), kind === 'visit' ? 'visit_summary' : 'self_inspection').end;
}

/** A summary's standing against its deadline. */
export function summaryState(
  stored: { status: string; submittedAt: Date | null } | undefined,
  deadline: IsoDate,
  now: Date,
): SummaryState {
  const submitted = stored?.status === 'submitted';
  const l = lateness(deadline, submitted ? (stored?.submittedAt ?? now) : null, now);
  return { on_time: 'submitted', late: 'submitted_late', missing: 'late', pending: 'pending' }[l.state] as SummaryState;
}

/** Stored summaries of a campaign (both kinds), with the submitter's name. */
export async function storedSummaries(db: Db, campaign: CampaignRow, villageIds: readonly string[]) {
  if (villageIds.length === 0) return [];
  return db
    .select({
      villageId: villageSummaries.villageId,
      kind: villageSummaries.kind,
      status: villageSummaries.status,
      submittedAt: villageSummaries.submittedAt,
      submittedBy: villageSummaries.submittedBy,
      reopenedAt: villageSummaries.reopenedAt,
      reopenReason: villageSummaries.reopenReason,
      submittedByName: sql<string | null>`(select u.display_name from users u where u.id = ${villageSummaries.submittedBy})`,
    })
    .from(villageSummaries)
    .where(
      and(
        eq(villageSummaries.townshipId, campaign.townshipId),
        eq(villageSummaries.campaignId, campaign.id),
        inArray(villageSummaries.villageId, [...villageIds]),
      ),
    );
}

/** The latest published or final round of a township with its ranking; a village sees its own row only. */
export async function latestRanking(db: Db, townshipId: string, villageId: string | null) {
  const [round] = await db
    .select()
    .from(competitionRounds)
    .where(and(eq(competitionRounds.townshipId, townshipId), inArray(competitionRounds.status, ['published', 'final'])))
    .orderBy(desc(competitionRounds.month))
    .limit(1);
  if (!round) return null;
  const rows = (rankingOf(round)?.rows ?? []).filter((r) => !villageId || r.villageId === villageId);
  return {
    roundId: round.id,
    month: round.month,
    status: round.status as 'published' | 'final',
    publishedOn: round.publishedOn,
    rows: rows.map((r) => ({
      rank: r.rank,
      villageId: r.villageId,
      villageName: r.villageName,
      total: r.total,
      moneyFen: r.moneyFen,
    })),
  };
}
