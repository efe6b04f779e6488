/** SQL of visits. */
import { DomainError, type RegistryHousehold, term } from '@fupin/domain';
import { and, eq, gte, lte, ne, sql } from 'drizzle-orm';
import { type Db, selectRows, type Tx } from '../../db/client';
import { visits } from '../../db/schema/index';
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
