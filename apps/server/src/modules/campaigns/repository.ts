/** SQL of campaigns. */
import { DomainError, type Phase, shanghaiDate, term } from '@fupin/domain';
import { and, desc, eq, lte } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { campaigns } from '../../db/schema/index';

export type CampaignRow = typeof campaigns.$inferSelect;

export async function getCampaign(db: Db | Tx, id: string): Promise<CampaignRow> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.campaign') });
  return row;
}

/** The township of a campaign, for the access check. */
export async function townshipOfCampaign(db: Db | Tx, id: string): Promise<string[] | null> {
  const [row] = await db.select({ t: campaigns.townshipId }).from(campaigns).where(eq(campaigns.id, id)).limit(1);
  return row ? [row.t] : null;
}

/** The campaign of this year, or the latest before it. */
export async function currentCampaign(db: Db | Tx, townshipId: string, now: Date): Promise<CampaignRow | null> {
  const year = Number(shanghaiDate(now).slice(0, 4));
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.townshipId, townshipId), lte(campaigns.year, year)))
    .orderBy(desc(campaigns.year))
    .limit(1);
  return row ?? null;
}

export function phasesOf(row: CampaignRow): Phase[] {
  return row.phases as Phase[];
}
