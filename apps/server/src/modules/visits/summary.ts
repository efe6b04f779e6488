/**
 * The village visit summary (附件3) computed from the forms, and its state: not started, in
 * progress, submitted (locked), or late when the deadline passed without it.
 */
import { type IsoDate, isPastDeadline, type ProblemCategory, phaseOf, summarizeVisits, type VisitSummary } from '@fupin/domain';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, selectRows, type Tx } from '../../db/client';
import { villageSummaries } from '../../db/schema/index';
import { type CampaignRow, phasesOf } from '../campaigns/repository';

export type SummaryStatus = 'not_started' | 'in_progress' | 'submitted' | 'late';

/** The summary of one village as the forms stand now. */
export async function computeSummary(db: Db | Tx, campaign: CampaignRow, villageId: string): Promise<VisitSummary> {
  const t = campaign.townshipId;
  const households = await selectRows<{ id: string; poverty_status: string; tags: string[]; flags: string[] }>(
    db,
    sql`select h.id, h.poverty_status, h.tags,
          array(select f.rule_id from household_flags f join rule_sets rs on rs.township_id = f.township_id and rs.id = f.rule_set_id
                where f.township_id = h.township_id and f.household_id = h.id and rs.status = 'active') as flags
        from households h where h.township_id = ${t} and h.village_id = ${villageId}`,
  );
  const visits = await selectRows<{ household_id: string; members_confirmed: number; propose: string[] | string | null }>(
    db,
    sql`select v.household_id, v.members_confirmed, v.form->'proposeTags' as propose
        from visits v join households h on h.township_id = v.township_id and h.id = v.household_id
        where v.township_id = ${t} and v.campaign_id = ${campaign.id} and h.village_id = ${villageId}
        order by v.visited_at`,
  );
  const problems = await selectRows<{ category: ProblemCategory; on_site: boolean; level: 'village' | 'township' }>(
    db,
    sql`select p.category, p.level,
          exists (select 1 from problem_events e where e.township_id = p.township_id and e.problem_id = p.id
                  and e.action = 'create' and e.data->>'solvedOnSite' = 'true') as on_site
        from problems p
        where p.township_id = ${t} and p.campaign_id = ${campaign.id} and p.village_id = ${villageId} and p.source = 'visit'`,
  );
  const [d] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from discrepancies x join visits v on v.township_id = x.township_id and v.id = x.visit_id
        join households h on h.township_id = x.township_id and h.id = x.household_id
        where x.township_id = ${t} and v.campaign_id = ${campaign.id} and h.village_id = ${villageId}`,
  );
  return summarizeVisits({
    households: households.map((h) => ({ id: h.id, povertyStatus: h.poverty_status, tags: h.tags, flags: h.flags })),
    visits: visits.map((v) => ({
      householdId: v.household_id,
      membersConfirmed: v.members_confirmed,
      proposeTags: (typeof v.propose === 'string' ? JSON.parse(v.propose) : (v.propose ?? [])) as string[],
    })),
    problems: problems.map((p) => ({ category: p.category, solvedOnSite: p.on_site, level: p.level })),
    discrepancies: d?.n ?? 0,
  });
}

export async function storedSummary(
  db: Db | Tx,
  townshipId: string,
  campaignId: string,
  villageId: string,
  kind: 'visit' | 'inspection' = 'visit',
) {
  const [row] = await db
    .select()
    .from(villageSummaries)
    .where(summaryKey(townshipId, campaignId, villageId, kind));
  return row ?? null;
}

/** The row of a village's summary of one kind. */
export function summaryKey(townshipId: string, campaignId: string, villageId: string, kind: 'visit' | 'inspection') {
  return and(
    eq(villageSummaries.townshipId, townshipId),
    eq(villageSummaries.campaignId, campaignId),
    eq(villageSummaries.villageId, villageId),
    eq(villageSummaries.kind, kind),
  );
}

/** The state of a village's summary against the summary deadline. */
export function summaryStatus(
  stored: { status: string } | null,
  live: VisitSummary,
  deadline: IsoDate,
  now: Date,
): SummaryStatus {
  if (stored?.status === 'submitted') return 'submitted';
  if (isPastDeadline(deadline, now)) return 'late';
  return live.visited > 0 ? 'in_progress' : 'not_started';
}

export function summaryDeadline(campaign: CampaignRow): IsoDate {
  return phaseOf(phasesOf(campaign), 'visit_summary').end;
}
