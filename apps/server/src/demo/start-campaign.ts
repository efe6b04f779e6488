/**
 * What a seeded township needs to be under way: this year's campaign, begun yesterday, and the
 * villages' sites (every village has its poverty-alleviation office and clinic; some a workshop
 * or an industry base).
 */
import { addDays, phasesStartingOn, shanghaiDate } from '@fupin/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { campaigns, sites, units } from '../db/schema/index';
import { uuidv7 } from '../lib/ids';

export async function seedDemoSites(database: Database, townshipId: string, now: Date): Promise<number> {
  const villages = await database.db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.townshipId, townshipId), eq(units.kind, 'village')))
    .orderBy(asc(units.sortOrder), asc(units.name));
  const rows = villages.flatMap((v, i) => [
    { kind: 'poverty_office', name: `${v.name}扶贫工作室`, villageId: v.id },
    { kind: 'clinic', name: `${v.name}卫生室`, villageId: v.id },
    ...(i % 3 === 0 ? [{ kind: 'workshop', name: `${v.name}扶贫车间`, villageId: v.id }] : []),
    ...(i % 4 === 1 ? [{ kind: 'industry_base', name: `${v.name}脐橙基地`, villageId: v.id }] : []),
  ]);
  if (rows.length)
    await database.db.insert(sites).values(rows.map((s) => ({ ...s, townshipId, id: uuidv7(now), createdAt: now })));
  return rows.length;
}

/** This year's campaign, its big visit begun yesterday, and the villages' sites. */
export async function startDemoCampaign(database: Database, townshipId: string, now: Date): Promise<void> {
  const today = shanghaiDate(now);
  await database.db.insert(campaigns).values({
    townshipId,
    id: uuidv7(now),
    year: Number(today.slice(0, 4)),
    name: `${today.slice(0, 4)}年脱贫攻坚大走访大排查大比武`,
    phases: phasesStartingOn(addDays(today, -1)),
    createdAt: now,
    updatedAt: now,
  });
  await seedDemoSites(database, townshipId, now);
}
