/**
 * The checks a household must pass before it is written, shared by create and update:
 * the village and group belong together, tags are known, the members' ID numbers agree with
 * them and are not registered in another household, and the household number is free.
 */
import {
  checkHouseholdFacts,
  DomainError,
  type FieldError,
  HOUSEHOLD_TAGS,
  type HouseholdFields,
  parseIdNumber,
  term,
} from '@fupin/domain';
import type { Tx } from '../../../db/client';
import { getUnit, type UnitRow } from '../../org/repository';
import { findHouseholdByNumber, findMemberByIdNumber, tagsOf } from '../repository';

export interface CheckedPlace {
  village: UnitRow;
  townshipId: string;
}

/** Checks a household's fields; returns its village and township. */
export async function checkHousehold(tx: Tx, input: HouseholdFields, householdId: string, today: string): Promise<CheckedPlace> {
  const village = await getUnit(tx, input.villageId);
  if (village.kind !== 'village' || !village.townshipId) {
    throw new DomainError('VALIDATION_FAILED', {}, [{ path: 'villageId', key: 'issue.invalid_option' }]);
  }
  const townshipId = village.townshipId;
  if (input.groupId) {
    const group = await getUnit(tx, input.groupId);
    if (group.villageId !== village.id)
      throw new DomainError('GROUP_NOT_IN_VILLAGE', {}, [{ path: 'groupId', key: 'GROUP_NOT_IN_VILLAGE' }]);
  }
  const known = new Set([...HOUSEHOLD_TAGS.codes, ...(await tagsOf(tx, townshipId)).map((t) => t.code)]);
  const unknownTag = input.tags.find((t) => !known.has(t));
  if (unknownTag)
    throw new DomainError('TAG_UNKNOWN', { tag: unknownTag }, [
      { path: 'tags', key: 'TAG_UNKNOWN', params: { tag: unknownTag } },
    ]);

  const errors: FieldError[] = checkHouseholdFacts(input, today);
  if (errors.length) throw new DomainError('VALIDATION_FAILED', {}, errors);

  if (input.householdNumber) {
    const holder = await findHouseholdByNumber(tx, townshipId, input.householdNumber);
    if (holder && holder.id !== householdId) {
      const params = { number: input.householdNumber, head: holder.headName };
      throw new DomainError('HOUSEHOLD_NUMBER_TAKEN', params, [
        { path: 'householdNumber', key: 'HOUSEHOLD_NUMBER_TAKEN', params },
      ]);
    }
  }
  for (const [i, m] of input.members.entries()) {
    if (!m.idNumber) continue;
    const holder = await findMemberByIdNumber(tx, townshipId, m.idNumber);
    if (holder && holder.householdId !== householdId) {
      const params = {
        idNumber: m.idNumber,
        head: holder.headName,
        number: holder.householdNumber ?? '—',
        village: holder.villageName,
      };
      throw new DomainError('MEMBER_ID_TAKEN', params, [{ path: `members.${i}.idNumber`, key: 'MEMBER_ID_TAKEN', params }]);
    }
  }
  return { village, townshipId };
}

/** A member's birth date, from the ID number when the form left it empty. */
export function birthDateOf(m: { idNumber: string | null; birthDate: string | null }, today: string): string | null {
  if (m.birthDate || !m.idNumber) return m.birthDate;
  const parsed = parseIdNumber(m.idNumber, today);
  return parsed.ok ? parsed.facts.birthDate : null;
}

export const HOUSEHOLD_ENTITY = term('entity.household');
