/**
 * What every dashboard and accountability answer starts from: the unit asked about (a township,
 * or one village), its township, the campaign (the one named, or the township's current one),
 * and the campaign's dates the figures are measured against.
 */
import {
  addDays,
  DomainError,
  type IsoDate,
  type Phase,
  type PhaseCode,
  phaseOf,
  shanghaiDate,
  startOfShanghaiDay,
} from '@fupin/domain';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { units } from '../../db/schema/index';
import { type CampaignRow, currentCampaign, getCampaign, phasesOf } from '../campaigns/repository';
import { getUnit } from '../org/repository';

export interface Place {
  unit: { id: string; name: string; kind: 'township' | 'village' };
  township: { id: string; name: string };
  /** the village asked about, or null for the whole township */
  villageId: string | null;
  campaign: CampaignRow | null;
  today: IsoDate;
  now: Date;
}

/** The unit, its township and the campaign of a request; a unit other than a township or a village is refused by name. */
export async function placeOf(db: Db, unitId: string, campaignId: string | undefined, now: Date): Promise<Place> {
  const unit = await getUnit(db, unitId);
  if (unit.kind !== 'township' && unit.kind !== 'village')
    throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'unitId', key: 'issue.invalid_option' }]);
  const townshipId = unit.kind === 'township' ? unit.id : (unit.townshipId as string);
  const township = unit.kind === 'township' ? unit : await getUnit(db, townshipId);
  let campaign: CampaignRow | null;
  if (campaignId) {
    campaign = await getCampaign(db, campaignId);
    if (campaign.townshipId !== townshipId)
      throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'campaignId', key: 'issue.invalid_option' }]);
  } else campaign = await currentCampaign(db, townshipId, now);
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    township: { id: township.id, name: township.name },
    villageId: unit.kind === 'village' ? unit.id : null,
    campaign,
    today: shanghaiDate(now),
    now,
  };
}

/** The villages of a place in the township's order: one when a village was asked about. */
export async function villagesOfPlace(db: Db, place: Pick<Place, 'township' | 'villageId'>) {
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(
      place.villageId
        ? eq(units.id, place.villageId)
        : sql`${units.townshipId} = ${place.township.id} and ${units.kind} = 'village'`,
    )
    .orderBy(asc(units.sortOrder), asc(units.name));
}

/** A phase of a campaign measured as SQL can use it. */
export interface PhaseWindow {
  start: IsoDate;
  end: IsoDate;
  /** the first instant after the end day (in Shanghai): done before it is on time */
  endExclusive: Date;
  /** the state of work not done yet: upcoming before the start, due while open, missing after the end */
  notDoneState: 'upcoming' | 'due' | 'missing';
}

/** The window of a campaign's phase at a day. */
export function phaseWindow(phases: readonly Phase[], code: PhaseCode, today: IsoDate): PhaseWindow {
  const p = phaseOf(phases, code);
  return {
    start: p.start,
    end: p.end,
    endExclusive: startOfShanghaiDay(addDays(p.end, 1)),
    notDoneState: today > p.end ? 'missing' : today < p.start ? 'upcoming' : 'due',
  };
}

/** The window of a campaign's phase, or null when there is no campaign. */
export function campaignWindow(campaign: CampaignRow | null, code: PhaseCode, today: IsoDate): PhaseWindow | null {
  return campaign ? phaseWindow(phasesOf(campaign), code, today) : null;
}

/** A list of ids as SQL (`null` when empty, so `in (…)` matches nothing). */
export function idList(ids: readonly string[]) {
  return ids.length
    ? sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )
    : sql`null`;
}
