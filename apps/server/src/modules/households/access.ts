/**
 * Who may see what of a household beyond the route's own check: a cadre's grant reaches only
 * paired households, and full ID numbers need `household.read_id` where the household is.
 */
import { DomainError, type Grant, reachOn, type Scope, term } from '@fupin/domain';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import { loadUnitChains, principalOf } from '../../plugins/access';
import { type HouseholdRow, isPairedWith } from './repository';

/** Refuses a household a paired-only reader is not paired with. */
export async function assertPairedIfNeeded(req: FastifyRequest, db: Db, h: HouseholdRow): Promise<void> {
  if (req.reach === 'paired' && !(await isPairedWith(db, h.townshipId, h.id, principalOf(req).userId))) {
    throw new DomainError('NOT_FOUND', { entity: term('entity.household') });
  }
}

/** Whether the reader sees this household's ID numbers in full. */
export async function showsIdNumbers(db: Db, grants: readonly Grant[], userId: string, h: HouseholdRow): Promise<boolean> {
  const chain = (await loadUnitChains(db, [h.villageId])).get(h.villageId);
  if (!chain) return false;
  const reach = reachOn(grants, 'household.read_id', chain);
  if (reach === 'subtree') return true;
  return reach === 'paired' && isPairedWith(db, h.townshipId, h.id, userId);
}

/** For lists: whether a row's ID numbers show, given the reader's read_id scope. */
export function idVisibility(scope: Scope) {
  const townships = new Set(scope.townships);
  const villages = new Set(scope.villages);
  const pairedUnits = new Set([...scope.paired.townships, ...scope.paired.villages]);
  return (row: { townshipId: string; villageId: string; pairedWithMe: unknown }) =>
    townships.has(row.townshipId) ||
    villages.has(row.villageId) ||
    (row.pairedWithMe === true && (pairedUnits.has(row.townshipId) || pairedUnits.has(row.villageId)));
}

/** Whether the reader may edit the household (for the page's buttons). */
export async function canEditHousehold(db: Db, grants: readonly Grant[], h: HouseholdRow): Promise<boolean> {
  const chain = (await loadUnitChains(db, [h.villageId])).get(h.villageId);
  return chain !== undefined && reachOn(grants, 'household.manage', chain) === 'subtree';
}
