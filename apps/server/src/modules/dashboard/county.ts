/**
 * The county view: each township's figures side by side for county roles. The visit figures are
 * one statement per township run side by side on the pool (each reads by its tenant key; one
 * county-wide statement measured three times slower), problems, summaries and rankings one
 * statement each, grouped by township.
 */
import { DomainError, type IsoDate, isPastDeadline, shanghaiDate, type VisitCounts } from '@fupin/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, selectRows } from '../../db/client';
import { campaigns, units, villageSummaries } from '../../db/schema/index';
import { getUnit } from '../org/repository';
import { phaseWindow } from './context';
import { addCounts, problemCountsByTownship, summaryDeadlineOf, ZERO_PROBLEMS } from './queries';
import { type CampaignSpan, villageVisitCounts } from './visit-queries';

export const ZERO_VISITS: VisitCounts = { tasks: 0, done: 0, late: 0, due: 0, missing: 0, upcoming: 0 };

export async function countyDashboard(db: Db, countyId: string, year: number | undefined, now: Date) {
  const county = await getUnit(db, countyId);
  if (county.kind !== 'county')
    throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'countyId', key: 'issue.invalid_option' }]);
  const today: IsoDate = shanghaiDate(now);
  const y = year ?? Number(today.slice(0, 4));
  const townships = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.countyId, countyId), eq(units.kind, 'township')))
    .orderBy(asc(units.sortOrder), asc(units.name));
  const ids = townships.map((t) => t.id);
  const camps = ids.length
    ? await db
        .select()
        .from(campaigns)
        .where(and(inArray(campaigns.townshipId, ids), eq(campaigns.year, y)))
    : [];
  const campaignOf = new Map(camps.map((c) => [c.townshipId, c]));
  const spans: CampaignSpan[] = camps.map((c) => ({
    townshipId: c.townshipId,
    campaignId: c.id,
    window: phaseWindow(c.phases as never, 'visit', today),
  }));
  const [visitRows, problemRows, villageRows, summaryRows, roundRows] = await Promise.all([
    // one statement per township, side by side on the pool: each reads by its tenant key
    Promise.all(spans.map((span) => villageVisitCounts(db, span, null))).then((r) => r.flat()),
    problemCountsByTownship(db, ids, today),
    ids.length
      ? selectRows<{ township_id: string; n: number }>(
          db,
          sql`select township_id, count(*)::int as n from units where kind = 'village' and township_id in (${sql.join(
            ids.map((i) => sql`${i}::uuid`),
            sql`, `,
          )}) group by township_id`,
        )
      : [],
    camps.length
      ? db
          .select({ townshipId: villageSummaries.townshipId, kind: villageSummaries.kind, n: sql<number>`count(*)::int` })
          .from(villageSummaries)
          .where(
            and(
              inArray(
                villageSummaries.campaignId,
                camps.map((c) => c.id),
              ),
              eq(villageSummaries.status, 'submitted'),
            ),
          )
          .groupBy(villageSummaries.townshipId, villageSummaries.kind)
      : [],
    ids.length
      ? selectRows<{ township_id: string; id: string; month: string; status: 'published' | 'final' }>(
          db,
          sql`select distinct on (township_id) township_id, id, month, status from competition_rounds
              where status in ('published', 'final') and township_id in (${sql.join(
                ids.map((i) => sql`${i}::uuid`),
                sql`, `,
              )})
              order by township_id, month desc`,
        )
      : [],
  ]);
  const rows = townships.map((t) => {
    const c = campaignOf.get(t.id) ?? null;
    const villages = villageRows.find((r) => r.township_id === t.id)?.n ?? 0;
    const submitted = (kind: 'visit' | 'inspection') => summaryRows.find((r) => r.townshipId === t.id && r.kind === kind)?.n ?? 0;
    const late = (kind: 'visit' | 'inspection') =>
      c && isPastDeadline(summaryDeadlineOf(c, kind), now) ? villages - submitted(kind) : 0;
    const round = roundRows.find((r) => r.township_id === t.id);
    return {
      townshipId: t.id,
      townshipName: t.name,
      campaign: c ? { id: c.id, year: c.year, name: c.name } : null,
      visits: addCounts(
        ZERO_VISITS,
        visitRows.filter((r) => r.township_id === t.id),
      ),
      summaries: {
        villages,
        visitSubmitted: submitted('visit'),
        visitLate: late('visit'),
        inspectionSubmitted: submitted('inspection'),
        inspectionLate: late('inspection'),
      },
      problems: addCounts(
        ZERO_PROBLEMS,
        problemRows.filter((r) => r.township_id === t.id),
      ),
      ranking: round ? { roundId: round.id, month: round.month, status: round.status } : null,
    };
  });
  return {
    county: { id: county.id, name: county.name },
    year: y,
    today,
    townships: rows,
    totals: {
      visits: addCounts(
        ZERO_VISITS,
        rows.map((r) => r.visits),
      ),
      problems: addCounts(
        ZERO_PROBLEMS,
        rows.map((r) => r.problems),
      ),
    },
  };
}
