/** SQL of visits. */
import { DEFAULT_PLAUSIBILITY, DomainError, type RegistryHousehold, term } from '@fupin/domain';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, selectRows, type Tx } from '../../db/client';
import { namedStatement } from '../../db/raw';
import { households, visits } from '../../db/schema/index';
import type { CampaignRow } from '../campaigns/repository';
import type { HouseholdRow } from '../households/repository';
import { householdsForRules, type RuleHouseholdRow, toRuleHousehold } from '../rules/load-households';

export type VisitRow = typeof visits.$inferSelect;

export async function getVisit(db: Db | Tx, id: string): Promise<VisitRow> {
  const [row] = await db.select().from(visits).where(eq(visits.id, id)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.visit') });
  return row;
}

/** The village of a visit's household, for the access check. */
export async function villageOfVisit(db: Db | Tx, id: string): Promise<string[] | null> {
  const rows = await selectRows<{ village_id: string }>(
    db,
    sql`select h.village_id from visits v join households h on h.township_id = v.township_id and h.id = v.household_id where v.id = ${id}`,
  );
  return rows.length ? rows.map((r) => r.village_id) : null;
}

/**
 * The household of a submission with whether it is paired with the submitter, as a statement
 * prepared once per database. The fast form looks the household up by its key in the campaign's
 * township (the form names both); the other by id alone (reading the whole key) serves only a
 * form whose household and campaign are of different townships, which the command then refuses.
 */
function householdQuery(db: Db, inCampaignTownship: boolean) {
  return db
    .select({
      household: households,
      // Qualified by hand: Drizzle leaves columns in raw subqueries unqualified.
      paired: sql<boolean>`exists (select 1 from pairings p where p.township_id = "households"."township_id"
        and p.household_id = "households"."id" and p.cadre_id = ${sql.placeholder('userId')})`,
    })
    .from(households)
    .where(
      inCampaignTownship
        ? and(
            eq(
              households.townshipId,
              sql`(select c.township_id from campaigns c where c.id = ${sql.placeholder('campaignId')} limit 1)`,
            ),
            eq(households.id, sql.placeholder('householdId')),
          )
        : eq(households.id, sql.placeholder('householdId')),
    )
    .limit(1)
    .prepare(inCampaignTownship ? 'fupin_submission_household' : 'fupin_submission_household_any');
}
const householdQueries = new WeakMap<Db, { fast: ReturnType<typeof householdQuery>; any: ReturnType<typeof householdQuery> }>();

/**
 * A household with whether it is paired with a person, in one statement: the submission's access
 * check (its village), the paired-only check and the command all use this one read.
 */
export async function householdWithPairing(
  db: Db,
  q: { householdId: string; campaignId: string; userId: string },
): Promise<{ household: HouseholdRow; paired: boolean } | null> {
  let queries = householdQueries.get(db);
  if (!queries) {
    queries = { fast: householdQuery(db, true), any: householdQuery(db, false) };
    householdQueries.set(db, queries);
  }
  const [row] = await queries.fast.execute(q);
  if (row) return row;
  const [other] = await queries.any.execute(q);
  return other ?? null;
}

/** What a resend is answered with: the stored visit's owner and what was computed then. */
export interface StoredSubmission {
  id: string;
  householdId: string;
  visitorId: string;
  computed: unknown;
  plausibility: unknown;
}

/** A visit stored under an id in any township (the slow path of submissionReads, for bad input). */
export async function storedSubmission(db: Db | Tx, visitId: string): Promise<StoredSubmission | null> {
  const [row] = await db
    .select({
      id: visits.id,
      householdId: visits.householdId,
      visitorId: visits.visitorId,
      computed: visits.computed,
      plausibility: visits.plausibility,
    })
    .from(visits)
    .where(eq(visits.id, visitId))
    .limit(1);
  return row ?? null;
}

interface ReadsRow extends RuleHouseholdRow {
  c_township_id: string;
  c_id: string;
  c_year: number;
  c_name: string;
  c_phases: unknown;
  c_created_at: Date;
  c_updated_at: Date;
  rule_set_id: string | null;
  rule_set_updated_at: Date | null;
  existing_id: string | null;
  existing_household_id: string;
  existing_visitor_id: string;
  existing_computed: unknown;
  existing_plausibility: unknown;
  near_visited_at: Date | null;
  near_household_id: string;
}

const p = sql.placeholder;
/**
 * Everything a submission reads, as one prepared statement (one round trip, planned once per
 * connection). Each part is an index lookup:
 *  - the campaign, by its key in the household's township;
 *  - the id and version of the township's active rule set (compiled rules are cached by them);
 *  - a visit already stored under the form's id, in ANY township: ids come from phones, and an id
 *    reused across townships must be refused, not stored twice. The key leads with the township,
 *    so the id is looked up once per township that has a campaign (every visit belongs to one):
 *    a few probes of the key, where `where id = …` alone would read the whole index;
 *  - the household as the rules see it, with its members;
 *  - the same visitor's first visit (in the index's order: the earliest) of another household
 *    strictly inside the plausibility window around this one: the one checkPlausibility would
 *    name, so one row is read however many visits the cadre made that day. No ORDER BY: once the
 *    statement's plan is the generic one (a prepared statement's after five runs), the township
 *    is a parameter and an ORDER BY is planned as a sort of every visit in the window (measured:
 *    the submission slowed as the bench's cadres piled up visits); without it the scan of the one
 *    partition's (township, visitor, visited_at) index stops at the first match either way.
 */
const readsStatement = namedStatement<ReadsRow>('fupin_visit_submission_reads', () => {
  const registry = householdsForRules(sql`h.township_id = c.township_id and h.id = ${p('householdId')}`);
  return sql`select c.township_id as c_township_id, c.id as c_id, c.year as c_year, c.name as c_name, c.phases as c_phases,
      c.created_at as c_created_at, c.updated_at as c_updated_at,
      rs.id as rule_set_id, rs.updated_at as rule_set_updated_at,
      ev.id as existing_id, ev.household_id as existing_household_id, ev.visitor_id as existing_visitor_id,
      ev.computed as existing_computed, ev.plausibility as existing_plausibility,
      nb.visited_at as near_visited_at, nb.household_id as near_household_id,
      rh.*
    from campaigns c
    left join lateral (select r.id, r.updated_at from rule_sets r
      where r.township_id = c.township_id and r.status = 'active' order by r.year desc limit 1) rs on true
    left join lateral (select v.id, v.household_id, v.visitor_id, v.computed, v.plausibility
      from (select distinct township_id from campaigns) t
      join visits v on v.township_id = t.township_id and v.id = ${p('visitId')} limit 1) ev on true
    left join lateral (select n.visited_at, n.household_id from visits n
      where n.township_id = c.township_id and n.visitor_id = ${p('visitorId')}
        and n.visited_at > ${p('nearFrom')} and n.visited_at < ${p('nearTo')}
        and n.household_id <> ${p('householdId')} and n.id <> ${p('visitId')}
      limit 1) nb on true
    left join lateral (${registry}) rh on true
    where c.township_id = ${p('townshipId')} and c.id = ${p('campaignId')}`;
});

export interface SubmissionReads {
  campaign: CampaignRow;
  existing: StoredSubmission | null;
  ruleSet: { id: string; updatedAt: Date } | null;
  /** null when the household is gone */
  registry: RegistryHousehold | null;
  /** the visit that may make this one implausible (none or one) */
  near: { visitedAt: Date; householdId: string }[];
}

/**
 * What a submission for a household of this township reads before it writes (see readsStatement);
 * null when the campaign is not one of this township's.
 */
export async function submissionReads(
  tx: Tx,
  q: { townshipId: string; campaignId: string; visitId: string; householdId: string; visitorId: string; visitedAt: Date },
): Promise<SubmissionReads | null> {
  const window = DEFAULT_PLAUSIBILITY.minMinutesBetween * 60_000;
  const [row] = await readsStatement(tx, {
    ...q,
    nearFrom: new Date(q.visitedAt.getTime() - window),
    nearTo: new Date(q.visitedAt.getTime() + window),
  });
  if (!row) return null;
  return {
    campaign: {
      townshipId: row.c_township_id,
      id: row.c_id,
      year: row.c_year,
      name: row.c_name,
      phases: row.c_phases,
      createdAt: new Date(row.c_created_at),
      updatedAt: new Date(row.c_updated_at),
    },
    existing: row.existing_id
      ? {
          id: row.existing_id,
          householdId: row.existing_household_id,
          visitorId: row.existing_visitor_id,
          computed: row.existing_computed,
          plausibility: row.existing_plausibility,
        }
      : null,
    ruleSet:
      row.rule_set_id && row.rule_set_updated_at ? { id: row.rule_set_id, updatedAt: new Date(row.rule_set_updated_at) } : null,
    registry: row.id ? (toRuleHousehold(row) as unknown as RegistryHousehold) : null,
    near: row.near_visited_at ? [{ visitedAt: new Date(row.near_visited_at), householdId: row.near_household_id }] : [],
  };
}
