/** SQL of visits. */
import { DEFAULT_PLAUSIBILITY, DomainError, type RegistryHousehold, term } from '@fupin/domain';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, preparedDb, selectRows, type Tx } from '../../db/client';
import { databaseErrorOf } from '../../db/errors';
import { namedStatement } from '../../db/raw';
import { campaigns, households, visits } from '../../db/schema/index';
import type { auditRow } from '../audit/writer';
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
    queries = { fast: householdQuery(preparedDb(db), true), any: householdQuery(preparedDb(db), false) };
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
  h_village_id: string | null;
  h_version: number;
  h_poverty_status: string;
  h_latitude: number | null;
  h_longitude: number | null;
  h_paired: boolean;
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
 *    partition's (township, visitor, visited_at) index stops at the first match either way;
 *  - the household's own row as the access check and the command need it (its village, version,
 *    position, status) and whether it is paired with the submitter.
 */
const readsStatement = namedStatement<ReadsRow>('fupin_visit_submission_reads', () => {
  const registry = householdsForRules(
    sql`h.township_id = ${p('townshipId')} and h.id = ${p('householdId')}`,
    undefined,
    sql`${p('townshipId')}`,
  );
  return sql`select c.township_id as c_township_id, c.id as c_id, c.year as c_year, c.name as c_name, c.phases as c_phases,
      c.created_at as c_created_at, c.updated_at as c_updated_at,
      rs.id as rule_set_id, rs.updated_at as rule_set_updated_at,
      ev.id as existing_id, ev.household_id as existing_household_id, ev.visitor_id as existing_visitor_id,
      ev.computed as existing_computed, ev.plausibility as existing_plausibility,
      nb.visited_at as near_visited_at, nb.household_id as near_household_id,
      hh.village_id as h_village_id, hh.version as h_version, hh.poverty_status as h_poverty_status,
      hh.latitude as h_latitude, hh.longitude as h_longitude, hh.paired as h_paired,
      rh.*
    from campaigns c
    left join lateral (select r.id, r.updated_at from rule_sets r
      where r.township_id = c.township_id and r.status = 'active' order by r.year desc limit 1) rs on true
    left join lateral (select v.id, v.household_id, v.visitor_id, v.computed, v.plausibility
      from (select distinct township_id from campaigns) t
      join visits v on v.township_id = t.township_id and v.id = ${p('visitId')} limit 1) ev on true
    left join lateral (select n.visited_at, n.household_id from visits n
      where n.township_id = ${p('townshipId')} and n.visitor_id = ${p('visitorId')}
        and n.visited_at > ${p('nearFrom')} and n.visited_at < ${p('nearTo')}
        and n.household_id <> ${p('householdId')} and n.id <> ${p('visitId')}
      limit 1) nb on true
    left join lateral (select h.village_id, h.version, h.poverty_status, h.latitude, h.longitude,
        exists (select 1 from pairings pr where pr.township_id = h.township_id and pr.household_id = h.id
          and pr.cadre_id = ${p('visitorId')}) as paired
      from households h where h.township_id = ${p('townshipId')} and h.id = ${p('householdId')}) hh on true
    left join lateral (${registry}) rh on true
    where c.township_id = ${p('townshipId')} and c.id = ${p('campaignId')}`;
});

/** The household of a submission as the access check and the command use it. */
export type SubmittedHousehold = Pick<
  HouseholdRow,
  'townshipId' | 'id' | 'villageId' | 'version' | 'povertyStatus' | 'latitude' | 'longitude'
>;

export interface SubmissionReads {
  campaign: CampaignRow;
  /** null when the household is not one of the campaign's township */
  household: SubmittedHousehold | null;
  /** the household is paired with the submitter */
  paired: boolean;
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
  on: Tx | Db,
  q: { townshipId: string; campaignId: string; visitId: string; householdId: string; visitorId: string; visitedAt: Date },
): Promise<SubmissionReads | null> {
  const window = DEFAULT_PLAUSIBILITY.minMinutesBetween * 60_000;
  const [row] = await readsStatement(on, {
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
    household: row.h_village_id
      ? {
          townshipId: q.townshipId,
          id: q.householdId,
          villageId: row.h_village_id,
          version: row.h_version,
          povertyStatus: row.h_poverty_status,
          latitude: row.h_latitude,
          longitude: row.h_longitude,
        }
      : null,
    paired: row.h_paired === true,
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

/**
 * A new visit and its audit entry as one statement (the write a data-modifying WITH): in a
 * command's transaction, or alone, when it is all a submission writes — a statement is a
 * transaction of its own, so the two rows commit together or not at all either way. Prepared
 * once per connection. JSON values are passed as text.
 */
const submitStatement = namedStatement<never>('fupin_visit_submit', () => {
  return sql`with written as (insert into visits (township_id, id, campaign_id, household_id, visitor_id, form_type, visited_at,
        received_at, latitude, longitude, accuracy, base_version, form, computed, plausibility, members_confirmed)
      values (${p('townshipId')}, ${p('id')}, ${p('campaignId')}, ${p('householdId')}, ${p('visitorId')}, ${p('formType')},
        ${p('visitedAt')}, ${p('receivedAt')}, ${p('latitude')}, ${p('longitude')}, ${p('accuracy')}, ${p('baseVersion')},
        ${p('form')}, ${p('computed')}, ${p('plausibility')}, ${p('membersConfirmed')}))
    insert into audit_log (township_id, id, at, actor_id, actor_name, action, entity_type, entity_id, unit_id, before, after,
        request_id, ip)
      values (${p('townshipId')}, ${p('auditId')}, ${p('receivedAt')}, ${p('actorId')}, ${p('actorName')}, ${p('action')},
        ${p('entityType')}, ${p('entityId')}, ${p('unitId')}, ${p('before')}, ${p('after')}, ${p('requestId')}, ${p('ip')})`;
});

export type NewVisit = Omit<typeof visits.$inferInsert, 'visitedAt' | 'receivedAt'> & { visitedAt: Date; receivedAt: Date };

/** Inserts a visit with its audit entry (the audit row as `auditRow` makes it), in one statement. */
export async function insertVisitWithAudit(on: Tx | Db, visit: NewVisit, audit: ReturnType<typeof auditRow>): Promise<void> {
  await submitStatement(on, {
    townshipId: visit.townshipId,
    id: visit.id,
    campaignId: visit.campaignId,
    householdId: visit.householdId,
    visitorId: visit.visitorId,
    formType: visit.formType,
    visitedAt: visit.visitedAt.toISOString(),
    receivedAt: visit.receivedAt.toISOString(),
    latitude: visit.latitude ?? null,
    longitude: visit.longitude ?? null,
    accuracy: visit.accuracy ?? null,
    baseVersion: visit.baseVersion,
    form: JSON.stringify(visit.form),
    computed: JSON.stringify(visit.computed),
    plausibility: JSON.stringify(visit.plausibility),
    membersConfirmed: visit.membersConfirmed,
    auditId: audit.id,
    actorId: audit.actorId,
    actorName: audit.actorName,
    action: audit.action,
    entityType: audit.entityType,
    entityId: audit.entityId,
    unitId: audit.unitId,
    before: audit.before === null ? null : JSON.stringify(audit.before),
    after: audit.after === null ? null : JSON.stringify(audit.after),
    requestId: audit.requestId,
    ip: audit.ip,
  });
}

/** Whether an error is the visits key refusing a second row under the same id (two sends at once). */
export function isDuplicateVisit(error: unknown): boolean {
  const e = databaseErrorOf(error);
  return e?.code === '23505' && (e.constraint ?? '').startsWith('visits');
}

/**
 * The township of a campaign, remembered: a campaign's township is part of its key and never
 * changes, and only found campaigns are remembered (the submission's read still checks that the
 * campaign exists there). Lets the submission's read name its township as a parameter, so each
 * partitioned table in it is pruned to one partition when the statement starts.
 */
const campaignTownships = new WeakMap<Db, Map<string, string>>();
export async function townshipOfCampaignCached(db: Db, campaignId: string): Promise<string | null> {
  let known = campaignTownships.get(db);
  if (!known) {
    known = new Map();
    campaignTownships.set(db, known);
  }
  const hit = known.get(campaignId);
  if (hit) return hit;
  const [row] = await db.select({ t: campaigns.townshipId }).from(campaigns).where(eq(campaigns.id, campaignId)).limit(1);
  if (!row) return null;
  // Bounded: a township has a campaign a year.
  if (known.size > 10_000) known.clear();
  known.set(campaignId, row.t);
  return row.t;
}
