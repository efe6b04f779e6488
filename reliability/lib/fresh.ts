/**
 * Disposable rows for the routes that delete or move what they act on: each call of the access
 * matrix gets its own, so a first successful call cannot turn the next role's answer into a 404.
 */
import { randomUUID } from 'node:crypto';
import { defaultRuleSet } from '@fupin/domain';
import {
  competitionScorePhotos,
  households,
  notifications,
  pairings,
  problems,
  roleAssignments,
  ruleSets,
  units,
  workUnits,
} from '../../apps/server/src/db/schema/index';
import type { Area, World } from './world';

const NOW = new Date('2020-03-10T01:00:00Z');
let serial = 0;

/** An empty group of the area's village. */
export async function freshGroup(w: World, a: Area): Promise<string> {
  const id = randomUUID();
  await w.t.database.db.insert(units).values({
    id,
    kind: 'group',
    parentId: a.villageId,
    countyId: a.countyId,
    townshipId: a.townshipId,
    villageId: a.villageId,
    name: `临时${++serial}组`,
    sortOrder: 99,
    createdAt: NOW,
    updatedAt: NOW,
  });
  w.chains.set(id, { id, kind: 'group', countyId: a.countyId, townshipId: a.townshipId, villageId: a.villageId });
  return id;
}

/** A 派出单位 of the area's township that sends nobody (so it may be deleted). */
export async function freshWorkUnit(w: World, a: Area): Promise<string> {
  const id = randomUUID();
  await w.t.database.db
    .insert(workUnits)
    .values({ id, townshipId: a.townshipId, name: `临时单位${++serial}`, createdAt: NOW, updatedAt: NOW });
  return id;
}

/** An open village-level problem of the area's household. */
export async function freshProblem(w: World, a: Area, over: Partial<typeof problems.$inferInsert> = {}): Promise<string> {
  const id = randomUUID();
  await w.t.database.db.insert(problems).values({
    townshipId: a.townshipId,
    id,
    source: 'visit',
    category: 'housing',
    villageId: a.villageId,
    householdId: a.household,
    description: `临时问题${++serial}`,
    level: 'village',
    status: 'open',
    campaignId: a.campaignId,
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  });
  return id;
}

/** A role assignment of the area's spare account, on the area's village. */
export async function freshAssignment(w: World, a: Area): Promise<string> {
  const id = randomUUID();
  await w.t.database.db
    .insert(roleAssignments)
    // The sector only keeps each row distinct (one role per person, unit and sector).
    .values({ id, userId: a.user, role: 'cadre', unitId: a.villageId, sector: `tmp${++serial}`, title: null, createdAt: NOW });
  return id;
}

/** A draft rule set of the area's township for a year of its own. */
export async function freshDraftRuleSet(w: World, a: Area): Promise<string> {
  const id = randomUUID();
  const year = 2030 + ++serial;
  await w.t.database.db.insert(ruleSets).values({
    townshipId: a.townshipId,
    id,
    year,
    version: 1,
    status: 'draft',
    definition: defaultRuleSet(year),
    createdAt: NOW,
    updatedAt: NOW,
  });
  return id;
}

/** A pairing of the area's cadre with one more of the village's households. */
export async function freshPairing(w: World, a: Area): Promise<{ household: string; cadreId: string }> {
  const cadreId = a.user;
  const household = a.household;
  await w.t.database.db
    .insert(pairings)
    .values({ townshipId: a.townshipId, householdId: household, cadreId, since: '2020-01-01', createdAt: NOW })
    .onConflictDoNothing();
  return { household, cadreId };
}

/** A household of the area's village with no members and no history, to delete. */
export async function freshHousehold(w: World, a: Area): Promise<string> {
  const id = randomUUID();
  await w.t.database.db.insert(households).values({
    townshipId: a.townshipId,
    id,
    villageId: a.villageId,
    householdNumber: `TMP${++serial}`,
    headName: '临时户',
    createdAt: NOW,
    updatedAt: NOW,
  });
  return id;
}

/** An unread notification of a person, in a township. */
export async function freshNotification(w: World, userId: string, townshipId: string): Promise<string> {
  const id = randomUUID();
  await w.t.database.db.insert(notifications).values({
    townshipId,
    id,
    userId,
    kind: 'problem_assigned',
    params: {},
    link: null,
    dedupeKey: `reliability-${++serial}`,
    createdAt: NOW,
  } as typeof notifications.$inferInsert);
  return id;
}

/** A photo on the area's score sheet. */
export async function freshPhoto(w: World, a: Area): Promise<string> {
  const id = randomUUID();
  await w.t.database.db.insert(competitionScorePhotos).values({
    townshipId: a.townshipId,
    id,
    scoreId: a.score,
    fileName: `临时${++serial}.jpg`,
    mimeType: 'image/jpeg',
    size: 4,
    data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    uploadedBy: a.user,
    uploadedAt: NOW,
  });
  return id;
}
