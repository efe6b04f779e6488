/** SQL of visits. */
import { DomainError, type RegistryHousehold, term } from '@fupin/domain';
import { and, eq, gte, lte, ne, sql } from 'drizzle-orm';
import { type Db, selectRows, type Tx } from '../../db/client';
import { campaigns, households, ruleSets, visits } from '../../db/schema/index';
import type { CampaignRow } from '../campaigns/repository';
import type { HouseholdRow } from '../households/repository';
import { householdsForRules, type RuleHouseholdRow, toRuleHousehold } from '../rules/load-households';

export type VisitRow = typeof visits.$inferSelect;

export async function getVisit(db: Db | Tx, id: string): Promise<VisitRow> {
  const [row] = await db.select().from(visits).where(eq(visits.id, id)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.visit') });
  return row;
}

/** A household as the rules see it, with its members' ids, for applying a visit's observations. */
export async function registryHousehold(db: Db | Tx, townshipId: string, householdId: string): Promise<RegistryHousehold> {
  const [row] = await selectRows<RuleHouseholdRow>(
    db,
    householdsForRules(sql`h.township_id = ${townshipId} and h.id = ${householdId}`),
  );
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.household') });
  return toRuleHousehold(row) as unknown as RegistryHousehold;
}

/** The same visitor's other visits within half an hour, for the plausibility check. */
export async function visitsNear(db: Db | Tx, townshipId: string, visitorId: string, at: Date, exceptId: string) {
  return db
    .select({ visitedAt: visits.visitedAt, householdId: visits.householdId })
    .from(visits)
    .where(
      and(
        eq(visits.townshipId, townshipId),
        eq(visits.visitorId, visitorId),
        gte(visits.visitedAt, new Date(at.getTime() - 30 * 60_000)),
        lte(visits.visitedAt, new Date(at.getTime() + 30 * 60_000)),
        ne(visits.id, exceptId),
      ),
    );
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
 * A household with whether it is paired with a person, in one statement: the submission's access
 * check (its village), the paired-only check and the command all use this one read.
 */
export async function householdWithPairing(
  db: Db | Tx,
  householdId: string,
  userId: string,
): Promise<{ household: HouseholdRow; paired: boolean } | null> {
  const [row] = await db
    .select({
      household: households,
      // Qualified by hand: Drizzle leaves columns in raw subqueries unqualified.
      paired: sql<boolean>`exists (select 1 from pairings p where p.township_id = "households"."township_id"
        and p.household_id = "households"."id" and p.cadre_id = ${userId})`,
    })
    .from(households)
    .where(eq(households.id, householdId))
    .limit(1);
  return row ?? null;
}

/**
 * What a submission reads before it writes, in one statement: the campaign, a visit already
 * stored under the form's id (a resend), and the id and version of the active rule set of the
 * campaign's township (its compiled rules are cached by that version). Null when the campaign
 * does not exist.
 */
export async function submissionContext(
  db: Db | Tx,
  campaignId: string,
  visitId: string,
): Promise<{ campaign: CampaignRow; existing: VisitRow | null; ruleSet: { id: string; updatedAt: Date } | null } | null> {
  // One subquery for both columns would need a row type; the two are the same index lookup.
  const active = (column: string) =>
    sql.raw(`(select r.${column} from rule_sets r where r.township_id = "campaigns"."township_id"
      and r.status = 'active' order by r.year desc limit 1)`);
  const [row] = await db
    .select({
      campaign: campaigns,
      existing: visits,
      ruleSetId: sql<string | null>`${active('id')}`,
      ruleSetUpdatedAt: sql<Date | null>`${active('updated_at')}`.mapWith(ruleSets.updatedAt),
    })
    .from(campaigns)
    .leftJoin(visits, eq(visits.id, visitId))
    .where(eq(campaigns.id, campaignId))
    .limit(1);
  if (!row) return null;
  const { ruleSetId, ruleSetUpdatedAt } = row;
  return {
    campaign: row.campaign,
    existing: row.existing,
    ruleSet: ruleSetId && ruleSetUpdatedAt ? { id: ruleSetId, updatedAt: ruleSetUpdatedAt } : null,
  };
}
